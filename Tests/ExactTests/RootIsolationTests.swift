import Testing
@testable import Exact

/// Seeded random products of linear factors (x − a/b), some squared, and quadratics x² − c,
/// whose real roots are known exactly.
@Suite struct RootIsolationTests {
    struct Case {
        let polynomial: Polynomial
        /// The distinct real roots, increasing.
        let roots: [RealAlgebraic]
    }

    static func randomCase(seed: UInt64) -> Case {
        var g = SplitMix64(seed: seed)
        var p = Polynomial(Rational(Int(g.next() % 5) + 1, Int(g.next() % 3) + 1))
        var roots: [RealAlgebraic] = []
        for _ in 0..<(Int(g.next() % 4) + 1) {
            let a = Rational(Int(g.next() % 13) - 6, Int(g.next() % 4) + 1)
            p = p * Polynomial(coefficients: [-a, 1]).power(Int(g.next() % 2) + 1)
            roots.append(RealAlgebraic(a))
        }
        for _ in 0..<Int(g.next() % 3) {
            let c = Rational(Int(g.next() % 9) - 2, Int(g.next() % 2) + 1)
            p = p * Polynomial(coefficients: [-c, 0, 1])
            if c.signum >= 0 {
                let s = RealAlgebraic(c).root(2)
                roots += [s, -s]
            }
        }
        var distinct: [RealAlgebraic] = []
        for r in roots.sorted() where distinct.last != r { distinct.append(r) }
        return Case(polynomial: p, roots: distinct)
    }

    static func contains(_ i: Interval, _ x: RealAlgebraic) -> Bool {
        RealAlgebraic(i.lower) <= x && x <= RealAlgebraic(i.upper)
    }

    @Test(arguments: 0..<40 as Range<UInt64>)
    func isolationMatchesKnownFactors(seed: UInt64) throws {
        let c = Self.randomCase(seed: seed)
        // Whole line, and a range whose ends are roots (when there are two), or cut a root out.
        var ranges = [Interval(lower: -20, upper: 20)]
        if let first = c.roots.first?.rationalValue, let last = c.roots.last?.rationalValue, first < last {
            ranges.append(Interval(lower: first, upper: last))
        }
        ranges.append(Interval(lower: 0, upper: Rational(7, 3)))
        for range in ranges {
            let known = c.roots.filter { Self.contains(range, $0) }
            let intervals = try c.polynomial.isolateRealRoots(in: range)
            #expect(intervals.count == known.count, "seed \(seed), range \(range)")
            #expect(try c.polynomial.countRealRoots(in: range) == known.count, "seed \(seed), range \(range)")
            for (a, b) in zip(intervals, intervals.dropFirst()) {
                #expect(a.upper < b.lower, "seed \(seed): not disjoint and sorted")
            }
            for root in known {
                #expect(intervals.filter { Self.contains($0, root) }.count == 1, "seed \(seed), root \(root)")
            }
            #expect(try c.polynomial.realRoots(in: range) == known, "seed \(seed), range \(range)")
        }
        #expect(try c.polynomial.realRoots == c.roots, "seed \(seed)")
    }

    @Test func rootsAtRangeEndsAndBisectionPoints() throws {
        // Roots 0, 1/2, 1, 2 with range [0, 2]: ends and midpoints are roots.
        let p = Polynomial.x * Polynomial(coefficients: [Rational(-1, 2), 1])
            * Polynomial(coefficients: [-1, 1]) * Polynomial(coefficients: [-2, 1])
        let intervals = try p.isolateRealRoots(in: Interval(lower: 0, upper: 2))
        #expect(intervals == [0, Rational(1, 2), 1, 2].map { Interval($0) })
        #expect(try p.isolateRealRoots(in: Interval(Rational(1, 2))) == [Interval(Rational(1, 2))])
        #expect(try p.isolateRealRoots(in: Interval(lower: Rational(1, 3), upper: Rational(2, 5))).isEmpty)
    }

    @Test func roundTripThroughDefiningData() throws {
        let p = Polynomial(coefficients: [-2, -3, 0, 1, 1])  // x⁴ + x³ − 3x − 2
        let count = try p.realRoots.count
        for index in 0..<count {
            let x = try #require(try RealAlgebraic(root: index, of: p))
            #expect(p.sign(at: x) == 0)
            let back = try x.definingPolynomial.isolateRealRoots(in: x.isolatingInterval)
            #expect(back.count == 1)
            let y = try #require(x.definingPolynomial.realRoots(in: x.isolatingInterval).first)
            #expect(x == y && x.hashValue == y.hashValue)
        }
        #expect(try RealAlgebraic(root: 5, of: p) == nil)
        #expect(try RealAlgebraic(root: 0, of: .zero) == nil)
    }
}

@Suite struct RationalRootsAtBisectionPoints {
    /// A root at a dyadic bisection point (0 here) must come out rational: hashing a
    /// rational stored as irrational would trip an invariant.
    @Test func rootAtZeroIsRational() throws {
        let p = Polynomial(coefficients: [0, -4, Rational(17, 4)])
        let roots = try p.realRoots
        #expect(roots.map(\.rationalValue) == [Rational(0), Rational(16, 17)])
        #expect(Set(roots).count == 2)
    }
}
