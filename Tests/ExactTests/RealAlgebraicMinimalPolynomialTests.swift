import Testing
@testable import Exact

private func sqrt(_ q: Rational) -> RealAlgebraic { RealAlgebraic(q).root(2) }
private func poly(_ c: [Int]) -> Polynomial { Polynomial(coefficients: c.map { Rational($0) }) }

/// Results of arithmetic carry their minimal polynomials, so degrees do not grow.
@Suite struct RealAlgebraicMinimalPolynomialTests {
    @Test func degreesOfTheIssue() {
        let s2 = sqrt(2), s3 = sqrt(3), s5 = sqrt(5)
        let difference = (s2 + s3) - s3
        #expect(difference == s2 && difference.definingPolynomial == poly([-2, 0, 1]))
        #expect((s2 + s3 + s5 - s5 - s3).definingPolynomial == poly([-2, 0, 1]))
        #expect(RealAlgebraic(2).root(3).power(3).rationalValue == 2)
        #expect((RealAlgebraic(2).root(3) * RealAlgebraic(4).root(3)).rationalValue == 2)
        #expect((sqrt(17) * sqrt(17)).rationalValue == 17 && (sqrt(17) * sqrt(68)).rationalValue == 34)
        #expect(((s2 + s3) * (s2 - s3)).rationalValue == -1)
        // 2^(1/4)·2^(1/2) = 2^(3/4): the composed product has degree 8, the minimal one 4.
        let threeQuarters = RealAlgebraic(2).root(4) * s2
        #expect(threeQuarters.definingPolynomial == poly([-8, 0, 0, 0, 1]))
        // proofs/vss-thm4.3-lemmaC6.proof, C14: 8/√17 + √41/2 has degree 4.
        let c14 = 8 / sqrt(17) + sqrt(41) / 2
        #expect(c14.definingPolynomial.degree == 4 && c14 < RealAlgebraic(Rational(125, 16)))
    }

    /// a·√2 + b·√3 built up term by term stays of degree 4 and equals the direct sum.
    @Test func chainsKeepTheirDegree() {
        var sum = RealAlgebraic(0)
        let s2 = sqrt(2), s3 = sqrt(3)
        for k in 1...6 {
            let term: RealAlgebraic = s2.scaled(by: Rational(k)) + s3
            sum = (sum + term).shifted(by: -Rational(1, k))
        }
        #expect(sum.definingPolynomial.degree == 4)
        let direct: RealAlgebraic = (s2.scaled(by: 21) + s3.scaled(by: 6)).shifted(by: -Rational(49, 20))
        #expect(sum == direct)
    }

    /// Roots of a reducible polynomial get the factor that vanishes at each.
    @Test func rootsOfProductsGetTheirFactor() throws {
        let p = poly([1, 0, -10, 0, 1]) * poly([-3, 0, 1]) * poly([-2, 0, 0, 1]) * poly([1, 2])
        let roots = try p.realRoots
        #expect(roots.map(\.definingPolynomial.degree) == [4, 2, 1, 4, 4, 3, 2, 4])
        #expect(roots.last == sqrt(2) + sqrt(3) && roots[5] == RealAlgebraic(2).root(3))
    }

    /// Seeded: ((x + y) − y) is x again, with x's own polynomial (degree ≤ 2), for x = a + b√c
    /// and y = d·∛e.
    @Test(arguments: 0..<8) func sumsAndDifferencesCancel(seed: UInt64) {
        var g = SplitMix64(seed: seed)
        func rational() -> Rational { Rational(Int(g.next() % 41) - 20, Int(g.next() % 9) + 1) }
        let x = RealAlgebraic(rational()) + sqrt(Rational(Int(g.next() % 30) + 1)) * RealAlgebraic(rational())
        let y = RealAlgebraic(Rational(Int(g.next() % 30) + 1)).root(3) * RealAlgebraic(rational())
        let back = (x + y) - y
        #expect(back == x && back.definingPolynomial == x.definingPolynomial, "seed \(seed)")
        guard y != 0 else { return }
        #expect((x * y / y).definingPolynomial == x.definingPolynomial, "seed \(seed)")
    }
}
