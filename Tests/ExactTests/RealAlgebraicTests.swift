import Testing
@testable import Exact

private func sqrt(_ q: Rational) -> RealAlgebraic { RealAlgebraic(q).root(2) }
private func cbrt(_ q: Rational) -> RealAlgebraic { RealAlgebraic(q).root(3) }

@Suite struct RealAlgebraicTests {
    @Test func identitiesOfTheIssue() throws {
        let s2 = sqrt(2), s3 = sqrt(3), s6 = sqrt(6)
        #expect((s2 + s3).power(2) == 5 + 2 * s6)
        #expect(((s2 + s3).power(2) - 2 * s6).rationalValue == 5)
        #expect(cbrt(2).power(3).rationalValue == 2)
        #expect(s2.power(2).rationalValue == 2 && (s2 * s2).rationalValue == 2)
        #expect(17 - 12 * s2 > 0)
        #expect((3 - 2 * s2).power(2) == 17 - 12 * s2)
        #expect(s2 - s2 == 0 && (s2 / s2).rationalValue == 1)
        let truncated = try #require(Rational(parsing: "1.4142135623730950488016887242096980785696718753769"))
        #expect(s2 != RealAlgebraic(truncated) && s2 > RealAlgebraic(truncated))
        #expect(sqrt(17) / 4 > 1)
        // √2 + (√2 + 1): the composed sum also has the root 1 (twice), which is split off.
        #expect((s2 + (s2 + 1)).definingPolynomial == Polynomial(coefficients: [-7, -2, 1]))
        // t ↦ t^(2/3) is strictly concave, so (3/4)^(2/3) + (1/4)^(2/3) < 2·(1/2)^(2/3).
        let twoThirds = { (q: Rational) in RealAlgebraic(q).power(2).root(3) }
        let left = 2 * twoThirds(Rational(1, 2))
        let right = twoThirds(Rational(3, 4)) + twoThirds(Rational(1, 4))
        #expect(right < left && left != right)
    }

    @Test func rationalPathAndPerfectPowers() {
        #expect(RealAlgebraic(Rational(9, 4)).root(2).rationalValue == Rational(3, 2))
        #expect(RealAlgebraic(-8).root(3).rationalValue == -2)
        #expect(RealAlgebraic(4).root(4) == sqrt(2))
        #expect(RealAlgebraic(4).root(4).definingPolynomial.degree == 2)
        #expect(RealAlgebraic(Rational(17, 4)).description == "17/4")
        #expect(sqrt(2).power(-2).rationalValue == Rational(1, 2))
    }

    @Test func printing() {
        #expect(sqrt(2).decimalString(significantDigits: 30) == "1.41421356237309504880168872420")
        #expect((-sqrt(3) / 1000).decimalString(significantDigits: 4) == "-0.001732")
        #expect((sqrt(2) * 10000).decimalString(significantDigits: 3) == "14100")
        #expect(RealAlgebraic(Rational(-1, 3)).decimalString(significantDigits: 3) == "-0.333")
        #expect(sqrt(2).description == "≈1.41421356237309504880168872420 (sqrt(2))")
        #expect(sqrt(2).polynomialForm.description.hasPrefix("≈1.41421356237309504880168872420 (root of x^2 - 2 in ["))
    }

    @Test func degree128Roots() throws {
        let a = RealAlgebraic(Rational(1, 2)).root(128)  // 2^(−1/128)
        #expect(a.definingPolynomial.degree == 128)
        let b = 3 * a
        let truncated = try #require(Rational(parsing: String(b.decimalString(significantDigits: 40))))
        #expect(b > RealAlgebraic(truncated) && b != RealAlgebraic(truncated))
        let sum = a + b
        #expect(sum == 4 * a && sum.definingPolynomial.degree == 128)
        #expect((a * b).definingPolynomial.degree <= 128)
        #expect(b.power(128).rationalValue == Rational(3).power(128) / 2)
    }

    /// A random number of degree ≤ 3: r₁ ± r₂·(r₃)^(1/k), k ∈ 1…maxIndex.
    static func randomNumber(_ g: inout SplitMix64, maxIndex: Int) -> RealAlgebraic {
        func rational(_ range: Int) -> Rational {
            Rational(Int(g.next() % UInt64(2 * range + 1)) - range, Int(g.next() % 3) + 1)
        }
        let k = Int(g.next() % UInt64(maxIndex)) + 1
        let radicand = rational(6).magnitude + 1
        return RealAlgebraic(rational(4)) + RealAlgebraic(radicand).root(k).scaled(by: rational(3))
    }

    @Test(arguments: 0..<12 as Range<UInt64>)
    func fieldAndOrderLaws(seed: UInt64) {
        var g = SplitMix64(seed: seed)
        let a = Self.randomNumber(&g, maxIndex: 3), b = Self.randomNumber(&g, maxIndex: 3)
        let c = Self.randomNumber(&g, maxIndex: 3)
        #expect(a + b == b + a && a * b == b * a, "seed \(seed)")
        #expect((a + b) + c == a + (b + c), "seed \(seed)")
        #expect((a * b) * c == a * (b * c), "seed \(seed)")
        #expect(a * (b + c) == a * b + a * c, "seed \(seed)")
        #expect(a - a == 0 && a + (-a) == 0, "seed \(seed)")
        let pairs = [(a, b), (b, c), (a, c)]
        for (x, y) in pairs {
            let verdicts = [x < y, x == y, y < x].filter { $0 }.count
            #expect(verdicts == 1, "seed \(seed): trichotomy")
            #expect((x == y) == (x.hashValue == y.hashValue) || x != y, "seed \(seed): hash")
            #expect((x - y).signum == RealAlgebraic.compare(x, y), "seed \(seed): sign of difference")
            let ex = x.enclosure(bits: 20), ey = y.enclosure(bits: 20)
            #expect(!(x < y) || ex.lower < ey.upper, "seed \(seed): order against enclosures")
        }
        if a < b && b < c { #expect(a < c, "seed \(seed): transitivity") }
        if c < b && b < a { #expect(c < a, "seed \(seed): transitivity") }
    }

    @Test(arguments: 0..<12 as Range<UInt64>)
    func divisionAndMixedDegrees(seed: UInt64) {
        var g = SplitMix64(seed: seed &+ 1000)
        let a = Self.randomNumber(&g, maxIndex: 3), b = Self.randomNumber(&g, maxIndex: 3)
        // Products and sums of two: degree ≤ 6 when one factor has degree ≤ 2.
        let c = Self.randomNumber(&g, maxIndex: 2)
        for x in [a, a + c, a * c] {
            #expect(x.definingPolynomial.sign(at: x) == 0, "seed \(seed)")
            guard b != 0 else { continue }
            #expect(x / b * b == x, "seed \(seed): (x/b)·b = x")
            #expect(x / b == x * b.reciprocal, "seed \(seed)")
        }
        let sum = a + c
        let enclosure = sum.enclosure(bits: 30)
        let operands = a.enclosure(bits: 32) + c.enclosure(bits: 32)
        #expect(enclosure.lower <= operands.upper && operands.lower <= enclosure.upper, "seed \(seed)")
    }

    @Test(arguments: 0..<8 as Range<UInt64>)
    func rootRoundTrip(seed: UInt64) throws {
        var g = SplitMix64(seed: seed &+ 2000)
        let x = Self.randomNumber(&g, maxIndex: 3) * Self.randomNumber(&g, maxIndex: 2)
        let p = x.definingPolynomial
        let index = try #require(p.realRoots.firstIndex(of: x), "seed \(seed)")
        let y = try #require(try RealAlgebraic(root: index, of: p), "seed \(seed)")
        #expect(y == x && y.hashValue == x.hashValue, "seed \(seed)")
        let z = try #require(p.realRoots(in: x.isolatingInterval).first, "seed \(seed)")
        #expect(try p.countRealRoots(in: x.isolatingInterval) == 1 && z == x, "seed \(seed)")
        #expect(x.power(2).root(2) == x.magnitude, "seed \(seed)")
    }

    @Test func signOfPolynomialAtAlgebraic() {
        let s2 = sqrt(2)
        let p = Polynomial(coefficients: [-2, 0, 1]) * Polynomial(coefficients: [1, 1])
        #expect(p.sign(at: s2) == 0)
        #expect(Polynomial(coefficients: [-3, 0, 1]).sign(at: s2) == -1)
        #expect(Polynomial(coefficients: [Rational(-141421, 100000), 1]).sign(at: s2) == 1)
    }
}
