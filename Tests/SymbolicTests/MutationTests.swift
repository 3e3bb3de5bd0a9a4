import Exact
import Testing
import ProofFiles
@testable import Symbolic

/// Soundness by mutation: small random changes of a constant, a sign or a range end of each
/// proved claim; a mutant the prover calls proved must hold at many rational points of its
/// range, checked independently by `Claim.truth` (exact values or rigorous enclosures).
@Suite struct MutationTests {
    static let provedClaims: [(claim: String, range: String)] = [
        ("2*relu(1/2 - eps) + sqrt(2*eps)*relu(sqrt(2*eps)) = 1", "eps in (0, 1/9)"),
        ("8 - 4*eps + 17*eps^2/4 < 8", "eps in (0, 1/9)"),
        ("sqrt(1 - eps)^2 + 2*sqrt(eps/2)^2 = 1", "eps in (0, 1)"),
        ("relu(eps^2 + eps - 1) = 0", "eps in (0, (sqrt(5) - 1)/2]"),
        ("2*relu(1/2 - eps) + sqrt(2*eps)*relu(sqrt(2*eps) - 1/4) <= 1", "eps in (0, 1/9)"),
        ("(2/m)*(2/m - 1) < 0", "m >= 3"),
        ("(m - 5/2)*(m - 7/2) > 0", "m > 7/2"),
        ("(2*m - 5)*(m - 3) > 0", "m >= 7/2 and m <= 31/4"),
    ]

    /// Integer claims are written with bounds (`m >= 3`), range claims with `in`.
    static func isInteger(_ range: String) -> Bool { !range.contains(" in ") }

    /// What a claim quantifies over: the integers of an integer parameter's bounds (read as
    /// `margincert prove --integer` reads them), or a real range.
    enum Domain {
        case integers(IntegerParameter)
        case reals(ParameterRange)

        var name: String {
            switch self {
            case .integers(let p): p.name
            case .reals(let r): r.name
            }
        }

        func contains(_ x: Constant) throws -> Bool {
            switch self {
            case .integers(let p):
                guard let q = x.rationalValue, q.isInteger, let least = try p.leastValue(at: [:]) else { return false }
                let greatest = try p.greatestValue(at: [:])
                return !(q.numerator < least) && (greatest.map { !($0 < q.numerator) } ?? true)
            case .reals(let r): return r.contains(x.realAlgebraic)
            }
        }

        /// Rational points of the domain: its first 60 integers, or a grid and random points.
        func samplePoints(using rng: inout SplitMix64) throws -> [Rational] {
            switch self {
            case .integers(let p):
                guard let least = try p.leastValue(at: [:]) else { return [] }
                return try (0..<60).map { Rational(least + BigInt($0)) }.filter { try contains(Constant($0)) }
            case .reals(let range):
                let lo = range.lower!.value.enclosure(bits: 32).upper, hi = range.upper!.value.enclosure(bits: 32).lower
                var points = (1...40).map { lo + (hi - lo) * Rational($0, 41) }
                for _ in 0..<20 { points.append(lo + (hi - lo) * Rational(Int(rng.next() % 10_000), 10_000)) }
                points += [range.lower!, range.upper!].compactMap { $0.closed ? $0.value.rationalValue : nil }
                return points.filter { range.contains(RealAlgebraic($0)) }
            }
        }
    }

    static func decide(_ claimText: String, _ rangeText: String) -> (Claim, Domain, Verdict)? {
        if isInteger(rangeText) {
            guard let p = try? CommandLineText.integerParameter(rangeText), let claim = try? CommandLineText.claim(claimText, parameters: [p.name]) else { return nil }
            return (claim, .integers(p), Prover.decideForIntegers(claim, parameters: [p]).verdict)
        }
        guard let range = try? CommandLineText.range(rangeText), range.lower != nil, range.upper != nil,
              let claim = try? CommandLineText.claim(claimText, parameters: [range.name]) else { return nil }
        return (claim, .reals(range), Prover.decide(claim, over: range).verdict)
    }

    /// The text with one random change: a numeric literal nudged or replaced, or a binary
    /// + and - swapped.
    static func mutate(_ text: String, using rng: inout SplitMix64) -> String {
        let chars = Array(text)
        var numbers: [Range<Int>] = [], signs: [Int] = []
        var i = 0
        while i < chars.count {
            if chars[i].isNumber {
                let start = i
                while i < chars.count, chars[i].isNumber || chars[i] == "." { i += 1 }
                numbers.append(start..<i)
                continue
            }
            if (chars[i] == "+" || chars[i] == "-") && i > 0 && chars[i - 1] == " " { signs.append(i) }
            i += 1
        }
        var result = chars
        if !signs.isEmpty && (numbers.isEmpty || rng.next() % 4 == 0) {
            let at = signs[Int(rng.next() % UInt64(signs.count))]
            result[at] = result[at] == "+" ? "-" : "+"
        } else if let range = numbers.isEmpty ? nil : numbers[Int(rng.next() % UInt64(numbers.count))] {
            let value = Rational(parsing: String(chars[range]))!
            let changes = [value + 1, value - 1, value * 2, value / 2, value + Rational(1, 8), value - Rational(1, 8)]
            let replacement = changes[Int(rng.next() % UInt64(changes.count))]
            let text = replacement.signum < 0 ? "(\(replacement))" : replacement.description
            result.replaceSubrange(range, with: Array("(\(text))"))
        }
        return String(result)
    }

    @Test(arguments: 0..<provedClaims.count)
    func noFalseMutantIsProved(index: Int) throws {
        let seed = UInt64(1000 + index)
        var rng = SplitMix64(seed: seed)
        let (original, originalRange) = Self.provedClaims[index]
        var tried = 0, notProved = 0
        #expect(Self.decide(original, originalRange)?.2.isProved == true, "the unmutated claim is proved")
        while tried < 12 {
            let mutateRange = rng.next() % 5 == 0
            let claimText = mutateRange ? original : Self.mutate(original, using: &rng)
            let rangeText = mutateRange ? Self.mutate(originalRange, using: &rng) : originalRange
            guard let (claim, range, verdict) = Self.decide(claimText, rangeText) else { continue }
            tried += 1
            guard verdict.isProved else { notProved += 1; continue }
            for x in try range.samplePoints(using: &rng) {
                let truth = try claim.truth(at: [range.name: Constant(x)])
                #expect(truth != .holds ? { if case .undecided = truth { true } else { false } }() : true,
                        "seed \(seed): '\(claimText)' for \(rangeText) proved, but at \(x): \(truth)")
            }
        }
        // Mutations must be able to break the claim: some mutants are not proved.
        #expect(notProved > 0, "seed \(seed): every mutant of '\(original)' was proved")
    }

    @Test func refutedMutantsHaveTrueWitnesses() throws {
        var rng = SplitMix64(seed: 77)
        for (original, rangeText) in Self.provedClaims {
            for _ in 0..<4 {
                let text = Self.mutate(original, using: &rng)
                guard let (claim, range, verdict) = Self.decide(text, rangeText) else { continue }
                // Rational witnesses are checked (exact arithmetic at algebraic ones can be slow).
                if case .refuted(let witness, _, _) = verdict, witness.values.values.allSatisfy({ $0.rationalValue != nil }) {
                    #expect(try witness[range.name].map { try range.contains($0) } == true, "seed 77: \(text)")
                    if case .fails = try claim.truth(at: witness.values) {} else {
                        Issue.record("seed 77: witness \(witness) of '\(text)' does not fail")
                    }
                }
            }
        }
    }
}
