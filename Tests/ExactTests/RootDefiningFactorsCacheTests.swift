import Testing
@testable import Exact

/// The memo of `RootDefiningFactors.of(_:)` against the factors built afresh, and results that
/// reuse a memo entry for a different root of the same polynomials.
@Suite struct RootDefiningFactorsCacheTests {
    /// r^(1/k) for a random rational r > 0 and k in 2…3, times ±1.
    static func randomRadical(_ g: inout SplitMix64) -> RealAlgebraic {
        let r = Rational(Int(g.next() % 11) + 2, Int(g.next() % 3) + 1)
        let x = RealAlgebraic(r).root(Int(g.next() % 2) + 2)
        return g.next() % 2 == 0 ? x : -x
    }

    static func sameFactors(_ a: RootDefiningFactors, _ b: RootDefiningFactors) -> Bool {
        a.rationals == b.rationals && a.irrationals.map(\.polynomial) == b.irrationals.map(\.polynomial)
    }

    @Test(arguments: 0..<8 as Range<UInt64>)
    func memoMatchesFreshFactors(seed: UInt64) throws {
        var g = SplitMix64(seed: seed &+ 7000)
        let p = Self.randomRadical(&g).definingPolynomial, q = Self.randomRadical(&g).definingPolynomial
        let operations: [RootDefiningFactors.Operation] = [.sum(p, q), .product(p, q), .power(p, 3), .root(q, 2)]
        for operation in operations {
            let first = try RootDefiningFactors.of(operation), again = try RootDefiningFactors.of(operation)
            let fresh = try RootDefiningFactors(try operation.polynomial())
            #expect(Self.sameFactors(first, fresh) && Self.sameFactors(again, fresh), "seed \(seed): \(operation)")
        }
    }

    /// α·β, α + β and their variants with −α (the same defining polynomial when it is even, so a
    /// memo hit selecting another root) agree with interval enclosures and the field laws.
    @Test(arguments: 0..<8 as Range<UInt64>)
    func reusedEntriesSelectTheRightRoot(seed: UInt64) {
        var g = SplitMix64(seed: seed &+ 8000)
        let a = Self.randomRadical(&g), b = Self.randomRadical(&g)
        for x in [a, -a] {
            let product = x * b, sum = x + b
            let ex = x.enclosure(bits: 40), eb = b.enclosure(bits: 40)
            let (ep, es) = (product.enclosure(bits: 30), sum.enclosure(bits: 30))
            #expect(ep.lower <= (ex * eb).upper && (ex * eb).lower <= ep.upper, "seed \(seed): product")
            #expect(es.lower <= (ex + eb).upper && (ex + eb).lower <= es.upper, "seed \(seed): sum")
            #expect(product.definingPolynomial.sign(at: product) == 0, "seed \(seed)")
            #expect(sum - b == x && product / b == x, "seed \(seed): inverses")
        }
        #expect((-a) * b == -(a * b) && (-a) + b == -(a - b), "seed \(seed): signs")
        #expect(a * a == a.power(2) && (a * a).signum > 0 && a + a == a.scaled(by: 2), "seed \(seed): a with itself")
    }
}
