import Exact
import Testing
import ProofFiles
@testable import Symbolic

/// Integer parameters whose bounds are not integers: the set a claim quantifies over is the
/// integers n ≥ ⌈ℓ⌉ (n > ℓ: n ≥ ⌊ℓ⌋ + 1), whatever ℓ is — rational, decimal, algebraic, or a
/// function of earlier parameters. Each false claim below was once proved, because n > ℓ was
/// read as n ≥ ℓ + 1; each must now be refuted at the integer where it fails.
@Suite struct IntegerParameterTests {
    static func verdict(_ claim: String, _ bounds: [String]) throws -> Verdict {
        var parameters: [IntegerParameter] = []
        for text in bounds { parameters.append(try CommandLineText.integerParameter(text, known: parameters.map(\.name))) }
        return Prover.decideForIntegers(try CommandLineText.claim(claim, parameters: Set(parameters.map(\.name))), parameters: parameters).verdict
    }

    /// (claim, bounds, the witness as "name = value, …").
    @Test(arguments: [
        ("m != 3", ["m > 5/2"], "m = 3"),
        ("(m - 3)^2 > 0", ["m > 5/2"], "m = 3"),
        ("(m - 0)^2 > 0", ["m > -1/2"], "m = 0"),
        ("m*(m - 4) >= 0", ["m > 5/2 and m <= 31/4"], "m = 3"),
        ("2*q - k > 1", ["k >= 3", "q > k/2"], "k = 3, q = 2"),
        ("2*q - k > 1", ["k >= 3", "q >= (k + 1)/2"], "k = 3, q = 2"),
        ("m != 3", ["m > 2.9"], "m = 3"),
        ("m != 3", ["m >= 2.5"], "m = 3"),
        ("m != 2", ["m > sqrt(2)"], "m = 2"),
        ("m != 2", ["m >= sqrt(2) and m < 2.5"], "m = 2"),
        ("m != 4", ["m > root(10, 3)"], "m = 4"),
        ("m != 3", ["m > root(10, 3)"], "m = 3"),
        ("m < 7", ["m >= 1/2 and m <= 7"], "m = 7"),
        ("m < 7", ["m > 1/2 and m < 15/2"], "m = 7"),
        ("q != 3", ["k >= 4", "q > k - 3/2"], "k = 4, q = 3"),
        ("q != 2", ["k >= 2", "q > sqrt(k)"], "k = 2, q = 2"),
        ("1/(m - 3) > -10", ["m > 5/2 and m < 7/2"], "m = 3"),
        ("1/(2*sqrt(m)) > 0", ["m > -1/2"], "m = 0"),
        ("1/(2*sqrt(m)) > 0", ["m >= 0", "k >= 1/2"], "k = 1, m = 0"),
    ])
    func refutedAtTheRightInteger(claim: String, bounds: [String], witness: String) throws {
        let verdict = try Self.verdict(claim, bounds)
        guard case .refuted(let found, _, _) = verdict else {
            Issue.record("\(claim) for \(bounds): \(verdict)")
            return
        }
        #expect(found.description == witness, "\(claim) for \(bounds): \(verdict)")
    }

    /// True claims over such sets are still proved (or at worst undecided, never refuted).
    @Test(arguments: [
        ("m != 3", ["m > 3.1"], true),
        ("(m - 3)^2 > 0", ["m > 3"], true),
        ("m >= 3", ["m > 5/2"], true),
        ("m >= 2", ["m > sqrt(2)"], true),
        ("m <= 7", ["m > 1/2 and m < 15/2"], true),
        ("m != 2", ["m > 5/2 and m < 3"], true),             // no integer at all: vacuous
        ("k' > k", ["k >= 2", "k' > k"], true),
        ("k' >= k + 1", ["k >= 2", "k' > k"], true),       // integer-valued bound: n > ℓ is n ≥ ℓ + 1
        ("2*q - k >= 0", ["k >= 3", "q > k/2"], true),
        ("2*q - k >= 1", ["k >= 3", "q > k/2"], false),     // true, but beyond the orthant argument
    ])
    func trueClaims(claim: String, bounds: [String], provable: Bool) throws {
        let verdict = try Self.verdict(claim, bounds)
        #expect(!verdict.isRefuted, "\(claim) for \(bounds): \(verdict)")
        if provable { #expect(verdict.isProved, "\(claim) for \(bounds): \(verdict)") }
    }

    /// The least and greatest integers of the set, for each kind of bound.
    @Test(arguments: [
        ("m >= 3", "3", nil),
        ("m > 3", "4", nil),
        ("m > 5/2", "3", nil),
        ("m >= 5/2", "3", nil),
        ("m > -1/2", "0", nil),
        ("m >= -5/2", "-2", nil),
        ("m > -3", "-2", nil),
        ("m > sqrt(2) and m < 3", "2", "2"),
        ("m >= sqrt(9) and m <= sqrt(17)", "3", "4"),
        ("m > 0.1 and m < 2.0", "1", "1"),
        ("m >= 1 and m <= 31/4", "1", "7"),
    ] as [(String, String, String?)])
    func leastAndGreatest(bounds: String, least: String, greatest: String?) throws {
        let p = try CommandLineText.integerParameter(bounds)
        #expect(try p.leastValue(at: [:])?.description == least, "\(bounds)")
        #expect(try p.greatestValue(at: [:])?.description == greatest, "\(bounds)")
    }

    @Test(arguments: [("7/2", 3), ("-7/2", -4), ("3", 3), ("sqrt(2)", 1), ("-sqrt(2)", -2), ("root(10, 9)", 1), ("sqrt(10^20 + 1)", 10_000_000_000)])
    func floor(text: String, expected: Int) throws {
        guard case .exact(let c) = try CommandLineText.expression(text).0.exactValue() else {
            Issue.record("\(text) has no exact value")
            return
        }
        #expect(c.floor == BigInt(expected), "⌊\(text)⌋")
        #expect(c.ceiling == (c.rationalValue?.isInteger == true ? BigInt(expected) : BigInt(expected + 1)), "⌈\(text)⌉")
    }
}
