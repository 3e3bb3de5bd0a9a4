import Exact
import Testing
import ProofFiles
@testable import Symbolic

/// Seeded random two-parameter claims checked against exact evaluation on a grid of the
/// region: a claim failing at a grid point is never proved, and a refutation's witness fails.
@Suite struct TwoParameterSoundnessTests {
    static func polynomial(_ rng: inout SplitMix64, _ coefficients: ClosedRange<Int> = -2...2) -> String {
        let monomials = ["1", "a", "eps", "a*eps", "a^2", "eps^2"]
        return monomials.map { "(\(Int.random(in: coefficients, using: &rng)))*\($0)" }.joined(separator: " + ")
    }

    /// relu(P) ± sqrt(1 + Q) ⋈ R + c (P, R random quadratics), Q with nonnegative coefficients (defined on the region).
    static func claim(_ rng: inout SplitMix64) -> String {
        let relations = ["<", "<=", ">", ">="]
        let left = "relu(\(polynomial(&rng))) + \(Int.random(in: -1...1, using: &rng))*sqrt(1 + \(polynomial(&rng, 0...2)))"
        // The constant leans towards the claim's truth, so that proved claims are frequent too.
        let relation = relations.randomElement(using: &rng)!
        let shift = Int.random(in: -4...12, using: &rng) * (relation.hasPrefix("<") ? 1 : -1)
        return "\(left) \(relation) \(polynomial(&rng)) + \(shift)"
    }

    @Test(arguments: [UInt64(17), 2026, 5])
    func gridAgreesWithTheVerdict(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let region = try CommandLineText.region("a in (0, 2), eps in (a^2/4, a + 1)")
        var proved = 0, refuted = 0
        for index in 0..<16 {
            let text = Self.claim(&rng)
            let claim = try CommandLineText.claim(text, parameters: ["a", "eps"])
            let verdict = Prover.decide(claim, over: region).verdict
            var gridFailure: Assignment?
            for i in 1..<8 where gridFailure == nil {
                let a = Rational(2 * i, 8)
                let l = a * a / Rational(4), u = a + Rational(1)
                for j in 1..<8 {
                    let point = Assignment(["a": Constant(a), "eps": Constant(l + (u - l) * Rational(j, 8))])
                    if case .fails = try claim.truth(at: point.values) { gridFailure = point; break }
                }
            }
            let context = "seed \(seed), claim \(index): \(text): \(verdict)"
            if let gridFailure { #expect(!verdict.isProved, "\(context); fails at \(gridFailure)") }
            if case .refuted(let witness, _, _) = verdict {
                let truth = try claim.truth(at: witness.values)
                guard case .fails = truth else { Issue.record("\(context); witness gives \(truth)"); continue }
            }
            if verdict.isProved { proved += 1 }
            if verdict.isRefuted { refuted += 1 }
        }
        // Most of these small claims are decided, some proved (a regression guard on the
        // method, not a timing assertion: the default time limit is generous for them).
        #expect(proved >= 1 && proved + refuted >= 10, "seed \(seed): \(proved) proved, \(refuted) refuted of 16")
    }
}
