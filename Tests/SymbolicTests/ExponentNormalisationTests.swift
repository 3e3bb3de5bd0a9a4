import Exact
import Testing
import ProofFiles
@testable import Symbolic

/// Powers with symbolic exponents and powers of powers: the rewrites that hold for positive
/// (or nonnegative) bases, that they fire only then, and the Timor–Vardi–Shamir App. D/E
/// identities they decide — with mutated versions that must never be proved.
@Suite struct ExponentNormalisationTests {
    static func expression(_ text: String) throws -> Expr {
        try CommandLineText.expression(text, parameters: ["k", "x", "B"]).0
    }

    static func verdict(_ claim: String, _ range: String) throws -> Verdict {
        if range.contains(" in ") {
            let r = try CommandLineText.range(range)
            return Prover.decide(try CommandLineText.claim(claim, parameters: [r.name]), over: r).verdict
        }
        let p = try CommandLineText.integerParameter(range)
        return Prover.decideForIntegers(try CommandLineText.claim(claim, parameters: [p.name]), parameters: [p]).verdict
    }

    /// Both sides have one canonical form.
    @Test(arguments: [
        ("3^(1/k) * 3^(2/k)", "3^(3/k)"),                         // c^a·c^b = c^(a+b)
        ("(3^(1/k))^(k + 1)", "3^((k + 1)/k)"),                   // (c^a)^b = c^(ab), c > 0
        ("(1/3)^(1/k)", "3^(-1/k)"),                              // (1/c)^a = c^(−a)
        ("6^(1/k)", "2^(1/k) * 3^(1/k)"),                         // (c·d)^a = c^a·d^a, c, d > 0
        ("(2/9)^(1/k)", "2^(1/k) * 3^(-2/k)"),
        ("sqrt(5^(1/k))", "5^(1/(2*k))"),                         // sqrt(c^a) = c^(a/2)
        ("(3^2)^(1/k)", "3^(2/k)"),                               // (c²)^a = c^(2a), c > 0
        ("(sqrt(2)/3)^(1/k)", "2^(1/(2*k)) * 3^(-1/k)"),          // algebraic base with cⁿ rational
        ("((2/9)^(-2/k))^(-1/2)", "(sqrt(2)/3)^(2/k)"),
        ("(abs(x)^(4/3))^(1/2)", "abs(x)^(2/3)"),                 // nonnegative base
        ("((1/B^2)^(-2/3))^(-1/2)", "abs(B)^(-2/3)"),
        ("(x^2)^(1/k)", "abs(x)^(2/k)"),                          // even powers: |x|
        ("(x^2)^(1/2)", "abs(x)"),
        ("sqrt(2 * 3^(4/k) + 2 * 3^(4/k)/k)", "3^(2/k) * sqrt(2 + 2/k)"),  // content of a sum
    ])
    func rewrites(_ left: String, _ right: String) throws {
        #expect(try Self.expression(left) == Self.expression(right), "\(left) = \(right)")
    }

    /// Powers whose base may be negative or zero keep their form (or become |b|).
    @Test(arguments: [
        ("(x^2)^(1/2)", "x"),
        ("(x^(2/3))^(3/2)", "x"),
        ("((x - 1)^2)^(1/k)", "(x - 1)^(2/k)"),
        ("(x * (x - 2))^(1/k)", "x^(1/k) * (x - 2)^(1/k)"),
        ("(x * (x - 2)^(1/3))^(1/2)", "x^(1/2) * (x - 2)^(1/6)"),
        ("(-3)^(2/k)", "3^(2/k)"),
    ])
    func noRewriteForBasesOfUnknownSign(_ left: String, _ right: String) throws {
        #expect(try Self.expression(left) != Self.expression(right), "\(left) must not become \(right)")
    }

    @Test func constantsOfEvenPowersKeepTheirSign() throws {
        let claim = try CommandLineText.claim("((-2)^2)^(1/2) = -2")
        #expect(try claim.truth(at: [:]) != .holds)
        #expect(try CommandLineText.claim("((-2)^2)^(1/2) = 2").truth(at: [:]) == .holds)
        #expect(try CommandLineText.claim("((-8)^2)^(1/6) = -2").truth(at: [:]) != .holds)
    }

    /// True only where the base is positive (or not at all where it is 0): refuted, with a
    /// witness where the claim indeed fails.
    @Test(arguments: [
        ("(x^2)^(1/2) = x", "x in (-1, 1)"),
        ("sqrt(x^2) = x", "x in (-1, 1)"),
        ("(x^4)^(1/4) = x", "x in (-1, 1)"),
        ("(x^(2/3))^(3/2) = x", "x in (-1, 1)"),
        ("((x - 1)^2)^(1/2) = x - 1", "x in (0, 2)"),
        ("((x^2)^(1/3))^(3/2) = x", "x in (-1, 1)"),
        ("1/sqrt(2 * (2/x^2)^(-2/3) * (3 + 1)/3) = (1/sqrt(2)) * (sqrt(2)/x)^(2/3) * sqrt(3/(3 + 1))", "x in (-1, 1)"),
        // Dividing out 2^(1/k) must keep k ≠ 0, and 2^(1/k)(k − 1) is 0 at k = 1.
        ("2^(1/k) * (k - 1) > 0", "k >= 0"),
        ("2^(1 - 2/k) * (2 - k)/k < 0", "k >= 2"),
        // Lemma 14's rescaling with relu: for g < 0 the inner relu is 0.
        ("2^(1/3) * relu((2^(-1/6)/x) * relu(2^(-1/6) * x)) = 1", "x in (-1, 1)"),
    ])
    func refutedWhereTheBaseIsNotPositive(_ claim: String, _ range: String) throws {
        let v = try Self.verdict(claim, range)
        #expect(v.isRefuted, "\(claim) for \(range): \(v)")
        if case .refuted(let witness, _, _) = v {
            let c = try CommandLineText.claim(claim, parameters: ["x", "k"])
            #expect(try c.truth(at: witness.values) != .holds, "witness \(witness)")
        }
    }

    @Test(arguments: [
        ("(x^2)^(1/2) = x", "x in (0, 1)"),
        ("((x^2)^(1/3))^(3/2) = x", "x in [0, 1)"),
        ("1/sqrt((1/B^2)^(-2/3)) = (1/B)^(2/3)", "B in (0, 100)"),
        ("2^(1 - 2/m) * (2 - m)/m < 0", "m >= 3"),
        ("(k + 1)^(1 + 1/k) = (k + 1) * (k + 1)^(1/k)", "k >= 1"),
        ("2^(1/3) * relu((2^(-1/6)/(2 * g)) * relu(2^(-1/6) * g) + (2^(-1/6)/(2 * g)) * relu(2^(-1/6) * g)) = 1", "g in (0, 10)"),
        // (√2/B)^(2/3) = (2/B²)^(1/3) > 0 for B < 0 as well.
        ("1/sqrt(2 * (2/B^2)^(-2/3) * (3 + 1)/3) = (1/sqrt(2)) * (sqrt(2)/B)^(2/3) * sqrt(3/(3 + 1))", "B in (-100, 0)"),
        ("sqrt(k) * sqrt(k + 1) = sqrt(k^2 + k)", "k >= 1"),
        // Both factors negative: the square root of the product is defined, theirs are not.
        ("sqrt(x * (x - 2)^(1/3)) >= 0", "x in (-1, 0)"),
        ("sqrt((x - 2)^3/(x - 3)) > 0", "x in (0, 1)"),
    ])
    func provedWhereTheBasesAllow(_ claim: String, _ range: String) throws {
        let v = try Self.verdict(claim, range)
        #expect(v.isProved, "\(claim) for \(range): \(v)")
    }

    /// The symbolic claims of proofs/tvs-appD-thm4.proof and tvs-appE-thm5.proof (k = 2,
    /// B = 3; or k = 2, k′ = 3), with one false mutant each (an exponent or a constant changed).
    static let identities: [(claim: String, range: String, mutant: String)] = [
        ("((1/3)^((k - 2)/k))^2 = (1/3^2)^((k - 2)/k)", "k >= 3",
         "((1/3)^((k - 1)/k))^2 = (1/3^2)^((k - 2)/k)"),
        ("((1/3)^(-2/k))^2 = (1/3^2)^(-2/k)", "k >= 3",
         "((1/3)^(-2/k))^2 = (1/3^2)^(-3/k)"),
        ("(1/3^2)^((k - 2)/k) * 3^2 * 2 + (1/3^2)^(-2/k) * (k - 2) = (1/3^2)^(-2/k) * k", "k >= 3",
         "(1/3^2)^((k - 2)/k) * 3^2 * 3 + (1/3^2)^(-2/k) * (k - 2) = (1/3^2)^(-2/k) * k"),
        ("(1/3^2)^((k - 2)/k) * 3^2 = 3^(2 * 2/k)", "k >= 3",
         "(1/3^2)^((k - 2)/k) * 3^2 = 3^(2 * 2/(k + 1))"),
        ("1/sqrt((1/3^2)^(-2/k)) = (1/3)^(2/k)", "k >= 3",
         "1/sqrt((1/3^2)^(-2/k)) = (1/3)^(1/k)"),
        ("((sqrt(2)/3)^((k - 2)/k))^2 = (2/3^2)^((k - 2)/k)", "k >= 3",
         "((sqrt(3)/3)^((k - 2)/k))^2 = (2/3^2)^((k - 2)/k)"),
        ("(2/3^2)^((k - 2)/k) * 3^2 * (2 + 1) + (2/3^2)^(-2/k) * 2 * (k - 2) = 2 * (2/3^2)^(-2/k) * (k + 1)", "k >= 3",
         "(2/3^2)^((k - 2)/k) * 3^2 * (2 + 1) + (2/3^2)^(-2/k) * 2 * (k - 2) = 2 * (2/3^2)^(-2/k) * (k + 2)"),
        ("(2/3^2)^((k - 2)/k) * 3^2 = 2 * (2/3^2)^(-2/k)", "k >= 3",
         "(2/3^2)^((k - 2)/k) * 3^2 = 2 * (2/3^2)^(-1/k)"),
        ("1/sqrt(2 * (2/3^2)^(-2/k) * (k + 1)/k) = (1/sqrt(2)) * (sqrt(2)/3)^(2/k) * sqrt(k/(k + 1))", "k >= 3",
         "1/sqrt(2 * (2/3^2)^(-2/k) * (k + 1)/k) = (1/sqrt(2)) * (sqrt(2)/3)^(2/k) * sqrt(k/(k + 2))"),
        ("((2/3^2)^(-2/k))^(-1/2) = (sqrt(2)/3)^(2/k)", "k >= 3",
         "((2/3^2)^(-2/k))^(1/2) = (sqrt(2)/3)^(2/k)"),
        ("1/((1/sqrt(2)) * (sqrt(2)/3)^(2/k) * sqrt(k/(k + 1))) = sqrt(2) * (3/sqrt(2))^(2/k) * sqrt((k + 1)/k)", "k >= 3",
         "1/((1/sqrt(2)) * (sqrt(2)/3)^(2/k) * sqrt(k/(k + 1))) = sqrt(2) * (3/sqrt(2))^(2/k) * sqrt((k + 1)/(k - 1))"),
        ("(1/B^2)^((3 - 2)/3) * B^2 * 2 + (1/B^2)^(-2/3) * (3 - 2) = (1/B^2)^(-2/3) * 3", "B in (0, 100)",
         "(1/B^2)^((3 - 2)/3) * B^2 * 2 + (1/B^2)^(-1/3) * (3 - 2) = (1/B^2)^(-2/3) * 3"),
        ("(2/B^2)^((3 - 2)/3) * B^2 * (2 + 1) + (2/B^2)^(-2/3) * 2 * (3 - 2) = 2 * (2/B^2)^(-2/3) * (3 + 1)", "B in (0, 100)",
         "(2/B^2)^((3 - 2)/3) * B^2 * (2 + 1) + (2/B^2)^(-2/3) * 2 * (3 - 2) = 2 * (2/B^2)^(-2/3) * (3 + 2)"),
        ("1/sqrt(2 * (2/B^2)^(-2/3) * (3 + 1)/3) = (1/sqrt(2)) * (sqrt(2)/B)^(2/3) * sqrt(3/(3 + 1))", "B in (0, 100)",
         "1/sqrt(2 * (2/B^2)^(-2/3) * (3 + 1)/3) = (1/sqrt(2)) * (sqrt(2)/B)^(1/3) * sqrt(3/(3 + 1))"),
    ]

    @Test(arguments: 0..<identities.count)
    func identityIsProvedAndItsMutantIsNot(index: Int) throws {
        let (claim, range, mutant) = Self.identities[index]
        let v = try Self.verdict(claim, range)
        #expect(v.isProved, "\(claim) for \(range): \(v)")
        let m = try Self.verdict(mutant, range)
        #expect(!m.isProved, "mutant \(mutant) for \(range): \(m)")
    }

    /// Random mutants of the identities (a constant nudged, a sign flipped): any that is proved
    /// must hold at the first integers of its range, or at sample points of the real range,
    /// checked on the claim as written by exact evaluation (`Claim.truth`).
    @Test(arguments: 0..<identities.count)
    func provedRandomMutantsHold(index: Int) throws {
        let seed = UInt64(2000 + index)
        var rng = SplitMix64(seed: seed)
        let (claim, range, _) = Self.identities[index]
        for _ in 0..<2 {
            let mutant = MutationTests.mutate(claim, using: &rng)
            guard let v = try? Self.verdict(mutant, range), v.isProved else { continue }
            let integer = !range.contains(" in ")
            let name = integer ? try CommandLineText.integerParameter(range).name : try CommandLineText.range(range).name
            let c = try CommandLineText.claim(mutant, parameters: [name])
            let points: [Rational] = integer ? (3...6).map { Rational($0) } : [Rational(1, 7), Rational(1), Rational(5, 2), Rational(50)]
            for x in points {
                #expect(try c.truth(at: [name: Constant(x)]) == .holds, "seed \(seed): proved mutant \(mutant) fails at \(x)")
            }
        }
    }
}
