import Exact
import Foundation
import Testing
@testable import Discovery

/// Recognition of numbers known to double precision: rationals, c·r^(1/k) and quadratic
/// irrationals come back as the expression they are; numbers that are none of these (π, e,
/// a cubic irrational with large coefficients) are not recognised.
@Suite struct AlgebraicGuessTests {
    static let cases: [(Double, String)] = [
        (2, "2"), (0.25, "1/4"), (-7.0 / 3, "-7/3"), (sqrt(2), "sqrt(2)"), (-sqrt(3), "-sqrt(3)"),
        (pow(2, 1.0 / 3), "root(2, 3)"), (pow(3.0 / 98, 1.0 / 3), "root(3/98, 3)"), (pow(5, -0.75), "root(1/125, 4)"),
        ((1 + sqrt(5)) / 2, "(1 + sqrt(5))/2"), ((3 - sqrt(2)) / 7, "(6 - sqrt(8))/14"),
        (4 * pow(2.0 / 33, 0.75), "root(2048/35937, 4)"),
    ]

    @Test(arguments: cases)
    func recognised(x: Double, expected: String) throws {
        let guess = try #require(AlgebraicGuess.recognize(x), "\(x) not recognised")
        #expect(abs(guess.approximation - x) < 1e-12, "\(guess) ≈ \(guess.approximation), not \(x)")
        #expect(guess.description == expected, "\(x): \(guess)")
    }

    static let others: [Double] = [Double.pi, exp(1), log(3), pow(2, 1.0 / 3) + sqrt(2)]

    @Test(arguments: others)
    func notRecognised(x: Double) {
        #expect(AlgebraicGuess.recognize(x) == nil, "\(x): \(AlgebraicGuess.recognize(x).map(\.description) ?? "")")
    }

    /// LLL finds the minimal polynomial of small algebraic numbers from 12 digits.
    @Test func integerRelations() throws {
        let p = try #require(IntegerRelation.polynomial(vanishingAt: sqrt(2) + sqrt(3), degree: 4, scale: 1e13))
        let q = p.map { Int(exactly: $0)! }
        let normalised = q.last! < 0 ? q.map { -$0 } : q
        #expect(normalised == [1, 0, -10, 0, 1], "\(q)")   // x⁴ − 10x² + 1
        #expect(IntegerRelation.polynomial(vanishingAt: Double.pi, degree: 2, largestCoefficient: 1000) == nil)
    }

    /// The reduced basis spans the same lattice and starts with a short vector.
    @Test func lllOnAKnownLattice() {
        let basis: [[BigInt]] = [[1, 1, 1], [-1, 0, 2], [3, 5, 6]].map { $0.map { BigInt($0) } }
        let reduced = IntegerRelation.reduced(basis)
        let norm = reduced[0].map { Int(exactly: $0)! }.map { $0 * $0 }.reduce(0, +)
        #expect(norm <= 3, "\(reduced)")
    }
}
