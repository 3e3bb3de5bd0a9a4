/// Exact field operations on real algebraic numbers.
///
/// Rationals combine as `Rational`s. A rational and an irrational combine by transforming
/// the defining polynomial (roots shifted, scaled, reflected or inverted) and mapping the
/// isolating interval, which stays isolating, so no root selection is needed. Two
/// irrationals α, β combine through the composed sum or product of their polynomials
/// (power sums, equal up to a constant to the resultants Res_y(p(y), q(x − y)) and
/// Res_y(p(y), y^m q(x/y))); it is factored (`RootDefiningFactors`), and the root is selected
/// by refining α and β until the interval-arithmetic enclosure holds exactly one root of
/// one factor (Sturm counts plus the rational roots inside), whose factor then defines it.
/// When β = c·α for a rational c (detected from the polynomials), α + β = (1 + c)·α and
/// α·β = c·α² keep the degree instead of squaring it. Radical numbers combine with rationals
/// and with each other in the radical field (`RealAlgebraic+Radicals.swift`); with a root of a
/// general polynomial, as polynomial roots.
///
/// Two forms of each operation (see `Deadline`): `sum`, `product`, `quotient`, which throw
/// `Unable` past a bound deadline (for code that can answer undecided: the prover's
/// evaluation), and the operators `+ − × ÷` of `OrderedField`, which run the same code to
/// completion whatever deadline is bound (for generic exact code).
extension RealAlgebraic: OrderedField {
    public init(integerLiteral value: Int) { self.init(Rational(value)) }

    public static func + (a: RealAlgebraic, b: RealAlgebraic) -> RealAlgebraic {
        Deadline.runningToCompletion { () throws(Unable) in try sum(a, b) }
    }

    public static func * (a: RealAlgebraic, b: RealAlgebraic) -> RealAlgebraic {
        Deadline.runningToCompletion { () throws(Unable) in try product(a, b) }
    }

    /// Precondition: b ≠ 0.
    public static func / (a: RealAlgebraic, b: RealAlgebraic) -> RealAlgebraic { a * b.reciprocal }

    public static prefix func - (a: RealAlgebraic) -> RealAlgebraic { a.scaled(by: -1) }

    public static func - (a: RealAlgebraic, b: RealAlgebraic) -> RealAlgebraic { a + (-b) }

    /// a + b; past a bound `Deadline`, throws `Unable`.
    public static func sum(_ a: RealAlgebraic, _ b: RealAlgebraic) throws(Unable) -> RealAlgebraic {
        if a.isRadical || b.isRadical {
            if let x = a.radicalForm, let y = b.radicalForm { return RealAlgebraic(radical: x + y) }
            return try sum(a.polynomialForm, b.polynomialForm)
        }
        switch (a.storage, b.storage) {
        case let (.rational(x), .rational(y)): return RealAlgebraic(x + y)
        case let (.rational(x), _): return b.shifted(by: x)
        case let (_, .rational(y)): return a.shifted(by: y)
        case (.irrational(let p, var r), .irrational(let q, var s)):
            if let c = b.ratio(to: a) { return a.scaled(by: 1 + c) }
            return try root(of: .sum(p, q)) { bits in
                r.refine(bits: bits + 1)
                s.refine(bits: bits + 1)
                return r.interval + s.interval
            }
        default: preconditionFailure("radical numbers are added above")
        }
    }

    /// a·b; past a bound `Deadline`, throws `Unable`.
    public static func product(_ a: RealAlgebraic, _ b: RealAlgebraic) throws(Unable) -> RealAlgebraic {
        if a.isRadical || b.isRadical {
            if let x = a.radicalForm, let y = b.radicalForm { return RealAlgebraic(radical: x * y) }
            return try product(a.polynomialForm, b.polynomialForm)
        }
        switch (a.storage, b.storage) {
        case let (.rational(x), .rational(y)): return RealAlgebraic(x * y)
        case let (.rational(x), _): return b.scaled(by: x)
        case let (_, .rational(y)): return a.scaled(by: y)
        case (.irrational(let p, var r), .irrational(let q, var s)):
            if let c = b.ratio(to: a) { return try a.checkedPower(2).scaled(by: c) }
            return try root(of: .product(p, q)) { bits in
                // Widths add up to about (|α| + |β| + 1)·2^(−bits); `root` raises bits as needed.
                r.refine(bits: bits)
                s.refine(bits: bits)
                return r.interval * s.interval
            }
        default: preconditionFailure("radical numbers are multiplied above")
        }
    }

    /// a/b; past a bound `Deadline`, throws `Unable`. Precondition: b ≠ 0.
    public static func quotient(_ a: RealAlgebraic, _ b: RealAlgebraic) throws(Unable) -> RealAlgebraic {
        try product(a, b.reciprocal)
    }

    /// 1/self. Precondition: self ≠ 0.
    public var reciprocal: RealAlgebraic {
        switch storage {
        case .rational(let q):
            precondition(!q.isZero, "division by zero")
            return RealAlgebraic(q.reciprocal)
        case .irrational(let p, var r):
            // The number is not 0, so bisection pushes 0 out of the closed interval.
            while r.interval.contains(.zero) { _ = r.bisect() }
            return RealAlgebraic(irrationalRootOf: p.reciprocalRoots,
                                 in: Interval(lower: r.upper.reciprocal, upper: r.lower.reciprocal))
        case .radical(let r): return RealAlgebraic(radical: r.reciprocal)
        }
    }

    /// c·self, by scaling the roots of the defining polynomial.
    public func scaled(by c: Rational) -> RealAlgebraic {
        switch storage {
        case .rational(let q): return RealAlgebraic(c * q)
        case .irrational(let p, let r):
            if c.isZero { return 0 }
            if c == 1 { return self }
            let ends = (r.lower * c, r.upper * c)
            return RealAlgebraic(irrationalRootOf: p.scalingRoots(by: c),
                                 in: Interval(lower: Rational.min(ends.0, ends.1),
                                              upper: Rational.max(ends.0, ends.1)))
        case .radical(let r): return RealAlgebraic(radical: r.scaled(by: c))
        }
    }

    /// self + c, by shifting the roots of the defining polynomial.
    public func shifted(by c: Rational) -> RealAlgebraic {
        switch storage {
        case .rational(let q): return RealAlgebraic(q + c)
        case .irrational(let p, let r):
            let shifted = p.shiftingRoots(by: c)
            let interval = Interval(lower: r.lower + c, upper: r.upper + c)
            return RealAlgebraic(irrationalRootOf: shifted, in: interval)
        case .radical(let r): return RealAlgebraic(radical: r + RadicalFraction(c))
        }
    }

    /// The rational c with self = c·α, when the defining polynomials of self and α are
    /// scalings of each other (q ∝ p(x/c)) and self/c is α itself; else `nil`.
    func ratio(to α: RealAlgebraic) -> Rational? {
        let p = α.definingPolynomial.coefficients, q = definingPolynomial.coefficients
        guard p.count == q.count, zip(p, q).allSatisfy({ $0.isZero == $1.isZero }) else { return nil }
        // q_i = λ·p_i·c^(n−i): the two highest nonzero terms give c^(n−m).
        let n = p.count - 1
        guard let m = p.indices.dropLast().last(where: { !p[$0].isZero }),
              let c = (q[m] * p[n] / (p[m] * q[n])).exactRoot(n - m) else { return nil }
        for candidate in (n - m) % 2 == 0 ? [c, -c] : [c] where scaled(by: candidate.reciprocal) == α {
            return candidate
        }
        return nil
    }

    /// The root of r = `operation.polynomial()` (a nonzero polynomial vanishing at the result)
    /// inside the enclosures `enclosure(bits)`, which must contain the result and shrink to it
    /// as bits grow. The root is defined by the factor of r that has it (`RootDefiningFactors`:
    /// its minimal polynomial when r could be factored; memoized per operation), and a rational
    /// result is returned as a `Rational`. Ends (the enclosures shrink to the result, which is
    /// the only root of its factor in a small enough one); past a bound `Deadline`, throws
    /// `Unable` (checked between precisions).
    static func root(of operation: RootDefiningFactors.Operation,
                     in enclosure: (Int) -> Interval) throws(Unable) -> RealAlgebraic {
        let factors = try RootDefiningFactors.of(operation)
        var bits = 16
        while true {
            try Deadline.check(while: "selecting the root of an algebraic operation at \(bits) bits")
            let (count, root) = factors.soleRoot(in: enclosure(bits))
            precondition(count >= 1, "an enclosure lost the root")
            if let root { return root }
            bits *= 2
        }
    }
}
