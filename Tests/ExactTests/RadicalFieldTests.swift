import Testing
@testable import Exact

/// Arithmetic in the field of real radicals of rationals (`RealAlgebraic+Radicals.swift`),
/// checked against the composed-polynomial arithmetic (`polynomialForm`), which shares none of
/// its zero test or sign code.
@Suite struct RadicalFieldTests {
    private func root(_ q: Rational, _ k: Int) -> RealAlgebraic { RealAlgebraic(q).root(k) }

    @Test func rootsOfFactorableRationalsAreRadicals() {
        #expect(root(2, 2).radicalText == "sqrt(2)")
        #expect(root(Rational(1, 98), 3).radicalText == "(1/14)*root(28, 3)")
        #expect(root(-16, 3).radicalText == "-2*root(2, 3)")
        #expect(root(Rational(7, 2), 6).degreeBound == 6)
        #expect(root(500_000, 14).degreeBound == 14 && (root(2, 2) + root(3, 3)).degreeBound == 6)
        #expect(root(8, 3).rationalValue == 2)
        // A prime above 2^32 times another one: trial division cannot factor it.
        let large = BigInt(4_294_967_311) * BigInt(4_294_967_357)
        #expect(root(Rational(large), 2).radicalText == nil)
    }

    @Test func zeroAndRationalResultsAreExact() {
        let s2 = root(2, 2), s3 = root(3, 2), c2 = root(2, 3), f5 = root(5, 4)
        #expect((s2 + s3).power(2) - 2 * root(6, 2) == 5)
        #expect((c2 * c2 * c2).rationalValue == 2)
        #expect((f5 * f5 - root(5, 2)).rationalValue == 0)
        #expect(((s2 + s3) / (s2 + s3)).rationalValue == 1)
        #expect(((1 + s2) * (1 - s2)).rationalValue == -1)
        #expect(root(Rational(7, 2), 6) / root(Rational(7, 2), 2) == root(Rational(2, 7), 3))
        #expect((root(2, 64) + root(3, 64)).signum == 1)
    }

    /// Enclosed prime by prime: 2^(1/4093)·3^(1/4091) never needs the common index 4093·4091.
    @Test func productsOfRootsOfCoprimeIndices() {
        let x = root(2, 4093) * root(3, 4091)
        let j = x.enclosure(bits: 100)
        #expect(j.width <= Rational.one.timesPowerOfTwo(-100))
        #expect(j.lower > Rational(1) && j.upper < Rational(10_005, 10_000))
        #expect(x > 1 && (x * x / x) == x)
    }

    @Test func signsAtTinyDistances() throws {
        // 2^(1/8) + 3^(1/16) against rationals 10^(−40) below and above it.
        let x = root(2, 8) + root(3, 16)
        let digits = try #require(Rational(parsing: x.decimalString(significantDigits: 45)))
        let ulp = Rational(1, 10).power(40)
        #expect(x > RealAlgebraic(digits) && x < RealAlgebraic(digits + ulp))
        #expect(x - RealAlgebraic(digits) < RealAlgebraic(ulp))
    }

    /// Random expressions in a few radicals: the radical field's sign, equality and printed
    /// value agree with the polynomial arithmetic's. Seed printed on failure.
    @Test(arguments: 0..<6) func agreesWithPolynomialArithmetic(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // Two of a few radicals per seed, so the polynomial forms stay of small degree.
        let all = [root(2, 2), root(3, 3), root(Rational(5, 3), 4), root(12, 2), root(-7, 3)]
        let generators = [all[Int(seed) % all.count], all[(Int(seed) + 2) % all.count]]
        func pick() -> RealAlgebraic {
            let g = generators[Int(random.next() % 2)]
            let c = RealAlgebraic(Rational(Int(random.next() % 7) - 3, Int(random.next() % 3) + 1))
            return random.next() % 2 == 0 ? g * c : g + c
        }
        var x = pick()
        for _ in 0..<2 {
            let y = pick()
            switch random.next() % 3 {
            case 0: x = x + y
            case 1: x = x * y
            default: x = x - y
            }
        }
        let y = x.polynomialForm
        #expect(x.signum == y.signum, "seed \(seed)")
        #expect(x == y, "seed \(seed)")
        #expect(x.decimalString(significantDigits: 25) == y.decimalString(significantDigits: 25), "seed \(seed)")
        let q = RealAlgebraic(x.enclosure(bits: 40).midpoint)
        #expect((x < q) == (y < q), "seed \(seed)")
        #expect(x.hashValue == y.hashValue, "seed \(seed)")
    }
}
