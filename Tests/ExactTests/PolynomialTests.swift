import Testing
@testable import Exact

/// Builds a polynomial from integer coefficients, constant term first.
private func poly(_ c: Int...) -> Polynomial { Polynomial(coefficients: c.map { Rational($0) }) }

/// A seeded random polynomial with small rational coefficients.
private func randomPolynomial(degree: Int, using g: inout SplitMix64) -> Polynomial {
    Polynomial(coefficients: (0...degree).map { _ in
        Rational(Int(g.next() % 21) - 10, Int(g.next() % 4) + 1)
    })
}

@Suite struct PolynomialTests {
    @Test func normalizesAndPrints() {
        #expect(Polynomial(coefficients: [1, 0, 0]).degree == 0)
        #expect(Polynomial.zero.degree == -1 && Polynomial.zero.isZero)
        #expect(poly(-2, 0, 1).description == "x^2 - 2")
        #expect(Polynomial(coefficients: [Rational(-1, 4), 1, 0, Rational(-3, 2)]).description
                == "-(3/2)x^3 + x - 1/4")
        #expect(Polynomial(coefficients: [Rational(1, 2), Rational(-3, 4)]).primitive == poly(-2, 3))
    }

    @Test(arguments: 0..<20 as Range<UInt64>)
    func ringLawsAndDivision(seed: UInt64) {
        var g = SplitMix64(seed: seed)
        let p = randomPolynomial(degree: Int(g.next() % 6), using: &g)
        let q = randomPolynomial(degree: Int(g.next() % 4), using: &g)
        let r = randomPolynomial(degree: Int(g.next() % 3), using: &g)
        #expect(p * (q + r) == p * q + p * r, "seed \(seed)")
        #expect((p - q) + q == p, "seed \(seed)")
        #expect(p.power(3) == p * p * p, "seed \(seed)")
        let t = Rational(Int(g.next() % 11) - 5, 3)
        #expect((p * q)(t) == p(t) * q(t), "seed \(seed)")
        #expect(p.composed(with: q)(t) == p(q(t)), "seed \(seed)")
        #expect(p.evaluate(Interval(lower: t, upper: t + 1)).contains(p(t + Rational(1, 3))), "seed \(seed)")
        guard !q.isZero else { return }
        let (quotient, remainder) = p.divided(by: q)
        #expect(quotient * q + remainder == p && remainder.degree < q.degree, "seed \(seed)")
    }

    @Test func gcdSquareFreePartAndResultant() {
        let a = poly(-1, 1), b = poly(-2, 0, 1), c = poly(3, 1)
        #expect(Polynomial.gcd(a * b * c, b * c.power(2) * Rational(7)) == (b * c).monic)
        #expect(Polynomial.gcd(a, b) == .one)
        #expect((a.power(3) * b * c.power(2)).squareFreePart.monic == (a * b * c).monic)
        // Res(x² − 2, x² − 3) = Π over ±√2 of (α² − 3) = 1; Res(x − a, q) = q(a).
        #expect(Polynomial.resultant(b, poly(-3, 0, 1)) == 1)
        let q = poly(5, -4, 0, 2)
        #expect(Polynomial.resultant(poly(-7, 2), q) == Rational(2).power(3) * q(Rational(7, 2)))
        #expect(Polynomial.resultant(b, b * a) == 0)
        // Res(p, q) = (−1)^{mn} Res(q, p).
        #expect(Polynomial.resultant(q, b) == Polynomial.resultant(b, q))
        #expect(Polynomial.resultant(q, poly(1, 1)) == -Polynomial.resultant(poly(1, 1), q))
    }

    @Test func rootTransforms() throws {
        let two = poly(-2, 0, 1), three = poly(-3, 0, 1)
        #expect(try Polynomial.composedSum(two, three) == poly(1, 0, -10, 0, 1))
        #expect(try Polynomial.composedProduct(two, three) == poly(-6, 0, 1).power(2))
        #expect(try two.raisingRoots(to: 2).monic == poly(-2, 1))
        #expect(try poly(-2, 0, 0, 1).raisingRoots(to: 3).monic == poly(-2, 1))
        #expect(two.shiftingRoots(by: 1) == poly(-1, -2, 1))
        #expect(poly(-1, 2).scalingRoots(by: 3) == poly(-3, 2))
        #expect(poly(0, -1, 2).reciprocalRoots == poly(2, -1))
        #expect(two.substitutingPower(3) == poly(-2, 0, 0, 0, 0, 0, 1))
    }

    /// For monic p, q: Res_y(p(y), q(t − y)) = Π (t − α − β) and Res_y(p(y), yⁿq(t/y)) = Π (t − αβ).
    @Test(arguments: [Rational(0), Rational(7, 3), Rational(-5, 2)])
    func composedPolynomialsAreResultants(t: Rational) throws {
        let p = poly(-2, 1, 0, 1), q = poly(3, -1, 1)
        let shifted = q.composed(with: Polynomial(coefficients: [t, -1]))  // q(t − y)
        #expect(try Polynomial.resultant(p, shifted) == Polynomial.composedSum(p, q)(t), "t = \(t)")
        let reversed = Polynomial(coefficients: q.coefficients.enumerated().map { i, b in
            b * t.power(i) }.reversed())  // y²·q(t/y)
        #expect(try Polynomial.resultant(p, reversed) == Polynomial.composedProduct(p, q)(t), "t = \(t)")
    }

    @Test func splitsOffRationalRoots() throws {
        let p = poly(-1, 2) * poly(-2, 0, 1) * poly(3, 1).power(2)
        let (roots, rest) = try p.splittingOffRationalRoots
        #expect(roots == [-3, Rational(1, 2)] && rest == poly(-2, 0, 1))
        #expect(try poly(1, 0, -10, 0, 1).splittingOffRationalRoots.roots.isEmpty)
        #expect(!poly(1, 0, -10, 0, 1).mayHaveRationalRoots || poly(1, 0, -10, 0, 1).degree == 4)
        #expect(p.mayHaveRationalRoots)
    }

    @Test func sturmSequenceCountsDistinctRoots() throws {
        // (x − 1)²(x + 2)(x² + 1): distinct real roots −2 and 1.
        let p = poly(-1, 1).power(2) * poly(2, 1) * poly(1, 0, 1)
        #expect(try p.sturmSequence.first == p.positivelyNormalized)
        #expect(try p.countRealRoots(in: Interval(lower: -10, upper: 10)) == 2)
        #expect(try p.countRealRoots(in: Interval(lower: -2, upper: 1)) == 2)
        #expect(try p.countRealRoots(in: Interval(lower: 1, upper: 1)) == 1)
        #expect(try p.countRealRoots(in: Interval(lower: Rational(-3, 2), upper: Rational(1, 2))) == 0)
    }
}

@Suite struct CharacteristicPolynomialTests {
    @Test func matchesTraceAndDeterminantIn2x2() {
        let p = Polynomial.characteristic(of: [[1, 2], [3, 4]])
        #expect(p == Polynomial(coefficients: [-2, -5, 1]))   // x² − 5x − 2
    }

    @Test func hasTheEigenvaluesOfATriangularMatrix() throws {
        let p = Polynomial.characteristic(of: [[2, 7, 1], [0, 3, 5], [0, 0, -1]])
        #expect(try p.realRoots.map { $0.rationalValue } == [Rational(-1), Rational(2), Rational(3)])
    }
}
