/// Exact real-root counting and isolation by Sturm sequences.
///
/// Sturm's theorem: with V(t) the number of sign changes (zeros skipped) in p(t), p′(t),
/// −rem(p, p′)(t), …, the number of *distinct* real roots in (a, b] is V(a) − V(b) for a
/// square-free p (for any p when a and b are not multiple roots; so counting runs on the
/// square-free part). Every rational is evaluated exactly, so roots at interval ends and at
/// bisection points are found, never missed or double counted.
extension Polynomial {
    /// p, p′, then minus successive remainders, each divided by a positive constant (which
    /// keeps every sign); the last term is gcd(p, p′) up to a constant. Empty for p = 0.
    /// Past a bound `Deadline`, throws `Unable` (between remainders: for a high degree their
    /// coefficients grow large).
    public var sturmSequence: [Polynomial] {
        get throws(Unable) {
            guard !isZero else { return [] }
            var sequence = [positivelyNormalized]
            var next = derivative.positivelyNormalized
            while !next.isZero {
                try Deadline.check(while: "computing the Sturm sequence of a polynomial of degree \(degree)")
                sequence.append(next)
                next = (-sequence[sequence.count - 2].divided(by: next).remainder).positivelyNormalized
            }
            return sequence
        }
    }

    /// The number of distinct real roots in the closed interval `range`. Past a bound
    /// `Deadline`, throws `Unable` (the Sturm sequence). Precondition: p ≠ 0.
    public func countRealRoots(in range: Interval) throws(Unable) -> Int {
        precondition(!isZero, "the zero polynomial vanishes everywhere")
        return try SturmChain(try checkedSquareFreePart()).count(in: range)
    }

    /// Pairwise disjoint closed intervals, increasing, each containing exactly one distinct
    /// root of p and together containing every root in `range`. A root that is a bisection
    /// point or an end of `range` is returned as a point interval; every other interval has
    /// ends where p ≠ 0. Past a bound `Deadline`, throws `Unable` (the bisection tree is cut
    /// short). Precondition: p ≠ 0.
    public func isolateRealRoots(in range: Interval) throws(Unable) -> [Interval] {
        precondition(!isZero, "the zero polynomial vanishes everywhere")
        let q = try checkedSquareFreePart()
        guard q.degree > 0 else { return [] }
        return try SturmChain(q).isolateRoots(in: range)
    }

    /// A bound B with every real root in (−B, B): Cauchy's 1 + max |aᵢ/aₙ|.
    public var cauchyBound: Rational {
        precondition(!isZero, "the zero polynomial vanishes everywhere")
        return 1 + coefficients.dropLast().map { ($0 / leadingCoefficient).magnitude }.max(by: <)!
    }

    /// All distinct real roots, increasing. Past a bound `Deadline`, throws `Unable`.
    /// Precondition: p ≠ 0.
    public var realRoots: [RealAlgebraic] {
        get throws(Unable) {
            guard degree > 0 else { return [] }
            let bound = cauchyBound
            return try realRoots(in: Interval(lower: -bound, upper: bound))
        }
    }

    /// The distinct real roots in the closed interval `range`, increasing. Each irrational one
    /// is defined by its minimal polynomial when p could be factored (`RootDefiningFactors`),
    /// else by the square-free part of p with its rational roots divided out. Past a bound
    /// `Deadline`, throws `Unable`. Precondition: p ≠ 0.
    public func realRoots(in range: Interval) throws(Unable) -> [RealAlgebraic] {
        try RootDefiningFactors(self).roots(in: range)
    }

    /// p divided by its (positive) content: integer coefficients, signs unchanged.
    var positivelyNormalized: Polynomial { isZero ? self : self * content.reciprocal }
}

/// A Sturm sequence in integer form, for counting roots at exact rational points.
struct SturmChain: Sendable {
    let terms: [IntegerPolynomial]

    /// Precondition (not checked, it costs a gcd): p is square-free.
    init(_ p: Polynomial) throws(Unable) { terms = try p.sturmSequence.map(IntegerPolynomial.init) }
    init(_ p: IntegerPolynomial) throws(Unable) {
        try self.init(Polynomial(coefficients: p.coefficients.map { Rational($0) }))
    }

    /// Sign changes of the sequence at t, zeros skipped.
    func variations(at t: Rational) -> Int {
        var changes = 0, previous = 0
        for term in terms {
            let s = term.sign(at: t)
            if s != 0 {
                if previous != 0 && s != previous { changes += 1 }
                previous = s
            }
        }
        return changes
    }

    /// Distinct roots in the closed interval: V(a) − V(b) counts (a, b]; add a itself.
    func count(in range: Interval) -> Int {
        let atLower = terms[0].sign(at: range.lower) == 0 ? 1 : 0
        if range.isPoint { return atLower }
        return variations(at: range.lower) - variations(at: range.upper) + atLower
    }
}

/// A simple root of an integer polynomial q pinned by an interval whose ends are not roots
/// and where q changes sign, so bisection by one sign evaluation keeps the root enclosed.
/// A point interval stands for a root that is exactly that rational.
struct SignChange: Sendable {
    let polynomial: IntegerPolynomial
    private(set) var lower: Rational
    private(set) var upper: Rational
    /// The sign of q on (lower, root): that of q(lower); 0 for a point interval.
    let signBelow: Int

    /// Precondition: `interval` is a point root, or q has opposite nonzero signs at its ends
    /// and exactly one root inside.
    init(_ q: IntegerPolynomial, _ interval: Interval) {
        polynomial = q
        lower = interval.lower
        upper = interval.upper
        signBelow = interval.isPoint ? 0 : q.sign(at: lower)
        precondition(interval.isPoint ? q.sign(at: lower) == 0
                                      : signBelow * q.sign(at: upper) < 0, "not a sign change")
    }

    var interval: Interval { Interval(lower: lower, upper: upper) }
    var width: Rational { upper - lower }

    /// Halves the interval; returns the midpoint instead when it is the root itself.
    mutating func bisect() -> Rational? {
        guard lower != upper else { return lower }
        let m = (lower + upper) / 2
        let s = polynomial.sign(at: m)
        if s == 0 { return m }
        if s == signBelow { lower = m } else { upper = m }
        return nil
    }

    /// Whether the root is below (−1), at (0) or above (+1) the rational t, by one sign
    /// evaluation at most.
    func side(of t: Rational) -> Int {
        if lower == upper { return lower < t ? -1 : lower == t ? 0 : 1 }
        if t <= lower { return 1 }
        if t >= upper { return -1 }
        let s = polynomial.sign(at: t)
        return s == 0 ? 0 : s == signBelow ? 1 : -1
    }
}

extension SturmChain {
    /// `isolateRealRoots(in:)` for the square-free polynomial `terms[0]`; throws `Unable` once
    /// a bound `Deadline` has passed (the bisection tree is cut short).
    func isolateRoots(in range: Interval) throws(Unable) -> [Interval] {
        let q = terms[0]
        var found: [Interval] = []
        if q.sign(at: range.lower) == 0 { found.append(Interval(range.lower)) }
        if range.isPoint { return found }
        // Open intervals (a, b) of a bisection tree, searched left to right.
        func search(_ a: Rational, _ b: Rational) throws(Unable) {
            try Deadline.check(while: "isolating the real roots of a polynomial of degree \(q.degree)")
            let rootAtB = q.sign(at: b) == 0
            let count = variations(at: a) - variations(at: b) - (rootAtB ? 1 : 0)
            guard count > 0 else { return }
            if count == 1 && !rootAtB && q.sign(at: a) != 0 {
                found.append(Interval(lower: a, upper: b))
                return
            }
            let m = (a + b) / 2
            try search(a, m)
            if q.sign(at: m) == 0 { found.append(Interval(m)) }
            try search(m, b)
        }
        try search(range.lower, range.upper)
        if q.sign(at: range.upper) == 0 { found.append(Interval(range.upper)) }
        // Neighbours may share a bisection point (not a root): shrink the right one off it.
        for i in found.indices.dropFirst() where found[i].lower == found[i - 1].upper {
            var root = SignChange(q, found[i])
            while root.lower == found[i - 1].upper {
                try Deadline.check(while: "isolating the real roots of a polynomial of degree \(q.degree)")
                if let exact = root.bisect() { root = SignChange(q, Interval(exact)) }
            }
            found[i] = root.interval
        }
        return found
    }
}
