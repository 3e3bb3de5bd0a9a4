import Exact
import Testing
import ProofFiles
@testable import Symbolic

/// The exact core honours a deadline (`Deadline`): past it, Exact's long steps stop, soundly
/// or with a well-formed placeholder that the prover discards, so a prover call ends soon
/// after its limit, never traps, and never turns a verdict into its opposite.
@Suite struct InterruptibleExactTests {
    /// Runs `body` under a deadline that has already passed.
    static func pastDeadline<T>(_ body: () -> T) -> T {
        ResourceLimit.withDeadline(seconds: 1e-9) {
            while !ResourceLimit.isExceeded {}
            return body()
        }
    }

    /// Σ cᵢxⁱ.
    static func polynomial(_ c: Rational...) -> Polynomial { Polynomial(coefficients: c) }

    /// Past the deadline, factorization gives up ("not factored"), which is always sound.
    @Test func factorizationGivesUpPastTheDeadline() {
        // (x⁶ − 1)(x⁴ − 10x² + 1): five irreducible factors over Q.
        let p = Self.polynomial(-1, 0, 10, 0, -1, 0, 1, 0, -10, 0, 1)
        #expect(p.irreducibleFactors()?.count == 5)
        #expect(Self.pastDeadline { p.irreducibleFactors() } == nil)
    }

    /// Every long exact step returns (a placeholder) instead of trapping or hanging once the
    /// deadline has passed. Afterwards, without a deadline, the same operations are exact
    /// again: 2√2 + √3 still gets its minimal polynomial of degree 4 (the composed sum has
    /// degree 8), so no placeholder or unfactored entry was memoized.
    @Test(arguments: [Rational(3), Rational(5, 7)])
    func exactStepsReturnPastTheDeadline(c: Rational) {
        let a = RealAlgebraic(Rational(2)).root(2), b = RealAlgebraic(c).root(2)
        let cube = RealAlgebraic(c).root(3)
        let p = Self.polynomial(Rational(1, 7), 0, 0, 0, -3, 0, 0, 0, 0, 1)  // x⁹ − 3x⁴ + 1/7
        let operations: [() -> Any] = [
            { a * a.scaled(by: 2) + b },
            { (a * cube + b).power(3).root(2) },
            { a + b < cube },
            { (a + cube).description },
            { p.realRoots },
            { p.sign(at: a + cube) },
            { p.splittingOffRationalRoots },
            { p.isolateRealRoots(in: Interval(lower: -4, upper: 4)) },
            { p.realRoots.map { $0 * cube } },
        ]
        for operation in operations { _ = Self.pastDeadline(operation) }
        let sum = a.scaled(by: 2) + b
        #expect(sum.definingPolynomial.degree == 4, "2√2 + √\(c): \(sum)")
        let enclosure = sum.enclosure(bits: 40)
        let reference = 2 * 2.0.squareRoot() + Double(c).squareRoot()
        #expect(abs(Double(enclosure.lower) - reference) < 1e-9, "2√2 + √\(c): \(sum)")
    }
}

extension InterruptibleExactTests {
    static func claim(_ text: String, _ range: String) throws -> (Claim, ParameterRange) {
        let r = try CommandLineText.range(range)
        return (try CommandLineText.claim(text, parameters: [r.name]), r)
    }

    /// 200 nested square roots of 2, a number of degree 2²⁰⁰ that Exact cannot fold, so
    /// its sign is sought by enclosures of growing precision (which took about 20 s,
    /// whatever the limit, before Exact and the enclosure loop checked the deadline).
    static let nestedRoots = String(repeating: "sqrt(", count: 200) + "2" + String(repeating: ")", count: 200)

    /// Claims whose proof spends its time inside Exact.
    static let slow: [(String, String)] = [
        (nestedRoots + " + eps > 1", "eps in (0, 1)"),
    ]

    /// A claim whose time goes into single exact steps ends soon after its limit, undecided
    /// with the limit as its reason (the bound is generous: a debug build on a loaded machine).
    @Test(arguments: slow)
    func slowClaimEndsNearItsLimit(text: String, range: String) throws {
        let (claim, r) = try Self.claim(text, range)
        let limit = 1.0
        let clock = ContinuousClock()
        var verdict: Verdict?
        let elapsed = clock.measure {
            verdict = ResourceLimit.withDeadline(seconds: limit) { Prover.decide(claim, over: r).verdict }
        }
        #expect(elapsed < .seconds(limit + 2), "\(text): \(elapsed)")
        guard case .undecided(let why)? = verdict else { Issue.record("\(text): \(String(describing: verdict))"); return }
        #expect(why.hasPrefix("limit: time"), "\(why)")
    }

    /// Claims decided without a limit (proved and refuted ones) that need algebraic numbers,
    /// factorization and root isolation.
    static let decided: [(String, String)] = [
        ("sqrt(1 - eps)^2 + 2*sqrt(eps/2)^2 = 1", "eps in (0, 1)"),
        ("relu(eps^2 + eps - 1) = 0", "eps in (0, 0.62)"),
        ("(1 + eps)^(2/5) + (1 - eps)^(2/5) < 2", "eps in (0, 1)"),
        ("2^(1/3)*eps^3 - 3^(1/2)*eps + 1/5 > 0", "eps in (0, 1)"),
        ("relu(1 - 2*sqrt(eps)) = 1 - 2*sqrt(eps)", "eps in (0, 1/2)"),
    ]

    /// With a tight limit (one that passes somewhere in the middle of the work, in
    /// factorization, root isolation or root selection), each verdict is the same as without
    /// one, or undecided by the limit; never the opposite.
    @Test(arguments: decided)
    func tightLimitsNeverFlipAVerdict(text: String, range: String) throws {
        let (claim, r) = try Self.claim(text, range)
        let unlimited = Prover.decide(claim, over: r).verdict
        #expect(unlimited.isProved || unlimited.isRefuted, "\(text): \(unlimited)")
        for seconds in [1e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1] {
            let limited = ResourceLimit.withDeadline(seconds: seconds) { Prover.decide(claim, over: r).verdict }
            switch limited {
            case .undecided(let why): #expect(why.hasPrefix("limit: time"), "\(text) at \(seconds) s: \(why)")
            default:
                #expect(limited.isProved == unlimited.isProved && limited.isRefuted == unlimited.isRefuted,
                        "\(text) at \(seconds) s: \(limited), unlimited \(unlimited)")
            }
        }
        // And the memo of root-defining factors was not spoilt for later callers.
        #expect(Prover.decide(claim, over: r).verdict.isProved == unlimited.isProved, "\(text)")
    }
}
