import Exact
import Foundation
import Testing
@testable import Discovery

/// Recognition of numbers known approximately: rationals, c·r^(1/k), quadratic irrationals and
/// (with enough digits) sums of radicals come back as the expression they are; numbers that are
/// none of these (π, e, log 3, a cubic irrational) are not recognised.
@Suite struct AlgebraicGuessTests {
    static let cases: [(Double, String)] = [
        (2, "2"), (0.25, "1/4"), (-7.0 / 3, "-7/3"), (sqrt(2), "sqrt(2)"), (-sqrt(3), "-sqrt(3)"),
        (pow(2, 1.0 / 3), "root(2, 3)"), (pow(3.0 / 98, 1.0 / 3), "root(3/98, 3)"), (pow(5, -0.75), "root(1/125, 4)"),
        ((1 + sqrt(5)) / 2, "(1 + sqrt(5))/2"), ((3 - sqrt(2)) / 7, "(6 - sqrt(8))/14"),
    ]

    /// From a double.
    @Test(arguments: cases)
    func recognised(x: Double, expected: String) throws {
        let guess = try #require(AlgebraicGuess.recognize(Approximation(x)), "\(x) not recognised")
        #expect(abs(guess.approximation - x) < 1e-12, "\(guess) ≈ \(guess.approximation), not \(x)")
        #expect(guess.description == expected, "\(x): \(guess)")
    }

    static let others: [Double] = [Double.pi, exp(1), log(3), pow(2, 1.0 / 3) + sqrt(2)]

    @Test(arguments: others)
    func notRecognised(x: Double) {
        #expect(AlgebraicGuess.recognize(Approximation(x)) == nil, "\(x): \(AlgebraicGuess.recognize(Approximation(x)).map(\.description) ?? "")")
    }

    /// A number known to about 70 digits: `value` plus a perturbation far below the digits.
    static func known(_ value: Rational) -> Approximation {
        Approximation(value + Rational(1, 3) * Rational(BigInt.one, BigInt.one.shifted(by: 236)), error: Rational(BigInt.one, BigInt.one.shifted(by: 230)))
    }

    /// With 70 digits: radicals with large radicands, and sums of radicals of different indices.
    @Test func recognisedFromManyDigits() throws {
        let r = Radical(Rational(2048, 35937), index: 4), s = Radical(Rational(7, 2), index: 6)
        let bits = 260
        let cases: [(Rational, String)] = [
            (Rational(4) * Radical(Rational(2, 33), index: 4).value(bits: bits).power(3), "root(2048/35937, 4)"),
            (r.value(bits: bits), "root(2048/35937, 4)"),
            (Rational(123_456_789, 987_654_321), "13717421/109739369"),
            (Radical(Rational(2), index: 2).value(bits: bits) + Radical(Rational(3), index: 2).value(bits: bits), "sqrt(2) + sqrt(3)"),
            (Rational(1, 2) - Rational(3) * Radical(Rational(5), index: 2).value(bits: bits) / Rational(7) + s.value(bits: bits).power(2),
             "1/2 + root(7/2, 3) - (3/7)*sqrt(5)"),
        ]
        for (value, expected) in cases {
            let guess = try #require(AlgebraicGuess.recognize(Self.known(value), pool: [s]), "\(expected) not recognised")
            #expect(guess.description == expected, "\(expected): \(guess)")
        }
    }

    /// Many digits do not make π, e or a cubic irrational look algebraic of small height; the
    /// cubic's minimal polynomial is found for the report.
    @Test func notRecognisedFromManyDigits() throws {
        let pi = Rational(BigInt("31415926535897932384626433832795028841971693993751058209749445923078164062862")!,
                          BigInt(10).power(76))
        #expect(AlgebraicGuess.recognize(Approximation(pi, error: Rational(BigInt.one, BigInt(10).power(75)))) == nil)
        // x³ − x − 1 = 0 (the plastic number), by bisection to 2⁻²⁴⁰.
        var (lo, hi) = (Rational(1), Rational(2))
        for _ in 0..<240 {
            let mid = (lo + hi) / Rational(2)
            if mid * mid * mid - mid - Rational(1) < .zero { lo = mid } else { hi = mid }
        }
        let plastic = Approximation(lo, error: Rational(BigInt.one, BigInt.one.shifted(by: 236)))
        #expect(AlgebraicGuess.recognize(plastic) == nil)
        let p = try #require(AlgebraicGuess.minimalPolynomial(of: plastic, degreeBound: 6))
        let normalised = p.last!.signum < 0 ? p.map { -$0 } : p
        #expect(normalised.map(\.description) == ["-1", "-1", "0", "1"], "\(p)")
    }

    /// LLL finds the minimal polynomial of small algebraic numbers.
    @Test func integerRelations() throws {
        let p = try #require(IntegerRelation.polynomial(vanishingAt: Approximation(sqrt(2) + sqrt(3)), degree: 4, largestCoefficient: 1000))
        let q = p.map { $0.intValue! }
        let normalised = q.last! < 0 ? q.map { -$0 } : q
        #expect(normalised == [1, 0, -10, 0, 1], "\(q)")   // x⁴ − 10x² + 1
        #expect(IntegerRelation.polynomial(vanishingAt: Approximation(Double.pi), degree: 2, largestCoefficient: 1000) == nil)
    }

    /// The reduced basis spans the same lattice and starts with a short vector.
    @Test func lllOnAKnownLattice() {
        let basis: [[BigInt]] = [[1, 1, 1], [-1, 0, 2], [3, 5, 6]].map { $0.map { BigInt($0) } }
        let reduced = IntegerRelation.reduced(basis)
        let norm = reduced[0].map { $0.intValue! }.map { $0 * $0 }.reduce(0, +)
        #expect(norm <= 3, "\(reduced)")
        // Same lattice: the determinant keeps its absolute value (here 3·(0·6 − 2·5) … = −1·…).
        func det(_ m: [[BigInt]]) -> BigInt {
            m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
        }
        #expect(det(reduced).magnitude == det(basis).magnitude)
    }
}
