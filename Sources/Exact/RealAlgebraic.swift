/// A real algebraic number, represented exactly.
///
/// Contract (as a `qqbar` of Calcium): a rational is stored as a `Rational` and takes a fast
/// path with no polynomial machinery; every other number is an *irrational* root of a
/// square-free primitive integer polynomial together with an isolating interval: an interval
/// (lower, upper) with rational ends where the polynomial has opposite nonzero signs and
/// which contains no other root. So `rationalValue` is never `nil` for a rational, equality,
/// order and sign are exact, and refinement (bisection by one exact sign evaluation) is
/// always possible. Every operation keeps the defining polynomial of an irrational free of
/// rational roots, so a rational result is always detected and stored as a `Rational`. The
/// defining polynomial is the minimal polynomial whenever factorization over Q succeeded (see
/// `RealAlgebraic+MinimalPolynomial.swift`: always up to degree 32 unless Zassenhaus
/// recombination hits its cap); otherwise a square-free multiple of it. Sums and quotients of
/// real radicals of rationals are held without a polynomial (`RealAlgebraic+Radicals.swift`)
/// until one is asked for.
public struct RealAlgebraic: Sendable {
    enum Storage: Sendable {
        case rational(Rational)
        /// An irrational root; `polynomial` is the defining polynomial in `Polynomial` form.
        case irrational(polynomial: Polynomial, root: SignChange)
        /// An irrational sum or quotient of real radicals of rationals
        /// (`RealAlgebraic+Radicals.swift`).
        case radical(RadicalFraction)
    }

    let storage: Storage

    init(storage: Storage) { self.storage = storage }

    public init(_ q: Rational) { self.init(storage: .rational(q)) }

    public init(_ n: Int) { self.init(Rational(n)) }

    /// The `index`-th distinct real root of p (0-based, increasing), or `nil` when p is zero
    /// or has fewer real roots. Past a bound `Deadline`, throws `Unable` (root isolation).
    public init?(root index: Int, of p: Polynomial) throws(Unable) {
        guard !p.isZero, index >= 0 else { return nil }
        let roots = try p.realRoots
        guard index < roots.count else { return nil }
        self = roots[index]
    }

    /// The root of p in `interval`. Precondition: p is square-free without rational roots,
    /// and `interval` isolates the root with non-root ends.
    init(irrationalRootOf p: Polynomial, in interval: Interval) {
        let q = p.primitive
        self.init(storage: .irrational(polynomial: q, root: SignChange(IntegerPolynomial(q), interval)))
    }

    /// The exact value when the number is rational, else `nil`.
    public var rationalValue: Rational? {
        if case .rational(let q) = storage { return q }
        return nil
    }

    /// A square-free primitive integer polynomial with this number as a root, as a rule its
    /// minimal polynomial (see the type's contract): den·x − num for a rational.
    public var definingPolynomial: Polynomial {
        switch storage {
        case .rational(let q): Polynomial(coefficients: [Rational(-q.numerator), Rational(q.denominator)])
        case .irrational(let p, _): p
        case .radical: polynomialForm.definingPolynomial
        }
    }

    /// An interval containing this number and no other root of `definingPolynomial`; for a
    /// rational the point interval.
    public var isolatingInterval: Interval {
        switch storage {
        case .rational(let q): Interval(q)
        case .irrational(_, let root): root.interval
        case .radical: polynomialForm.isolatingInterval
        }
    }

    /// An interval of width ≤ 2^(−bits) containing this number (for a root of a defining
    /// polynomial, isolating it, too). Past a bound `Deadline` the width may be larger (the
    /// interval still contains the number).
    public func enclosure(bits: Int) -> Interval {
        switch storage {
        case .rational(let q): return Interval(q)
        case .irrational(_, var root):
            root.refine(bits: bits)
            return root.interval
        case .radical(let r): return r.enclosure(bits: bits)
        }
    }
}

extension SignChange {
    /// Bisects until the width is at most 2^(−bits) (at most about `bits` + log₂ width
    /// bisections). Precondition: the root is irrational.
    mutating func refine(bits: Int) {
        let target = Rational.one.timesPowerOfTwo(-bits)
        while width > target {
            precondition(bisect() == nil, "a rational root in irrational storage")
        }
    }
}

extension RealAlgebraic: Comparable, Hashable {
    /// −1, 0 or 1 as a < b, a = b, a > b; exact.
    ///
    /// Rational against irrational takes one sign evaluation. Two irrationals are bisected
    /// until their intervals separate; if they still overlap after a few steps, equality is
    /// decided exactly first (see `sameRoot`), since equal numbers never separate; so it runs
    /// to completion whatever `Deadline` is bound.
    ///
    /// Radical numbers against rationals or radicals: the exact sign of the difference in the
    /// radical field; against a root of a general polynomial: enclosures first, then both as
    /// polynomial roots.
    static func compare(_ a: RealAlgebraic, _ b: RealAlgebraic) -> Int {
        if a.isRadical || b.isRadical {
            if let x = a.radicalForm, let y = b.radicalForm { return (x - y).signum }
            if let verdict = separatedByEnclosures(a, b) { return verdict }
            return compare(a.polynomialForm, b.polynomialForm)
        }
        switch (a.storage, b.storage) {
        case let (.rational(x), .rational(y)): return x < y ? -1 : x == y ? 0 : 1
        case let (.rational(x), .irrational(_, s)): return -s.side(of: x)
        case let (.irrational(_, r), .rational(y)): return r.side(of: y)
        case (.irrational(let p, var r), .irrational(let q, var s)):
            func separation() -> Int? {
                if r.upper <= s.lower { return -1 }
                if s.upper <= r.lower { return 1 }
                return nil
            }
            for _ in 0..<quickBisections {
                if let verdict = separation() { return verdict }
                if r.width > s.width { _ = r.bisect() } else { _ = s.bisect() }
            }
            if sameRoot(p, r, q, s) { return 0 }
            while true {
                if let verdict = separation() { return verdict }
                _ = r.bisect()
                _ = s.bisect()
            }
        default: preconditionFailure("radical numbers are compared above")
        }
    }

    /// −1 or 1 when enclosures of a and b at up to 256 bits are disjoint, else `nil`.
    static func separatedByEnclosures(_ a: RealAlgebraic, _ b: RealAlgebraic) -> Int? {
        for bits in [64, 256] {
            let x = a.enclosure(bits: bits), y = b.enclosure(bits: bits)
            if x.upper < y.lower { return -1 }
            if y.upper < x.lower { return 1 }
        }
        return nil
    }

    /// Bisections tried before the exact equality test in `compare`.
    static let quickBisections = 64

    /// Whether the irrational root r of p equals the irrational root s of q.
    ///
    /// With g = gcd(p, q) (square-free): α is a root of g iff g changes sign over α's
    /// interval (α is its only candidate there, and a simple one). If both are roots of g,
    /// any root of g in the intersection of the two intervals is α and is β; the ends of the
    /// intersection are not roots of g, so α = β iff g changes sign across the intersection.
    /// Fast path: with p = q and the same interval, both are the only root of p there.
    static func sameRoot(_ p: Polynomial, _ r: SignChange, _ q: Polynomial, _ s: SignChange) -> Bool {
        if r.lower == s.lower && r.upper == s.upper && p == q { return true }
        let lower = Rational.max(r.lower, s.lower), upper = Rational.min(r.upper, s.upper)
        guard lower < upper else { return false }
        let g = p == q ? IntegerPolynomial(p) : IntegerPolynomial(Polynomial.gcd(p, q))
        guard g.degree >= 1 else { return false }
        func changesSign(_ a: Rational, _ b: Rational) -> Bool { g.sign(at: a) * g.sign(at: b) < 0 }
        return changesSign(r.lower, r.upper) && changesSign(s.lower, s.upper)
            && changesSign(lower, upper)
    }

    public static func < (a: RealAlgebraic, b: RealAlgebraic) -> Bool { compare(a, b) < 0 }

    public static func == (a: RealAlgebraic, b: RealAlgebraic) -> Bool {
        switch (a.storage, b.storage) {
        case let (.rational(x), .rational(y)): x == y
        case let (.irrational(p, r), .irrational(q, s)): sameRoot(p, r, q, s)
        case let (.radical(x), .radical(y)): x == y || (x - y).isZero
        case (.radical, .irrational), (.irrational, .radical):
            separatedByEnclosures(a, b) == nil && a.polynomialForm == b.polynomialForm
        default: false  // a rational never equals an irrational
        }
    }

    /// Rationals hash their value; an irrational α hashes ⌊2¹⁶·α⌋, a function of the value
    /// alone (never ambiguous, as 2¹⁶·α is not an integer), so equal numbers hash equally.
    public func hash(into hasher: inout Hasher) {
        switch storage {
        case .rational(let q): hasher.combine(q)
        case .irrational(_, var root):
            let scale = 16
            var k = root.lower.timesPowerOfTwo(scale).floor
            while root.upper > Rational(k + 1).timesPowerOfTwo(-scale) {
                precondition(root.bisect() == nil, "a rational root in irrational storage")
                k = root.lower.timesPowerOfTwo(scale).floor
            }
            hasher.combine(k)
        case .radical(let r):
            var bits = 32
            while true {
                let j = r.enclosure(bits: bits)
                let k = j.lower.timesPowerOfTwo(16).floor
                if j.upper < Rational(k + 1).timesPowerOfTwo(-16) {
                    hasher.combine(k)
                    return
                }
                bits *= 2
            }
        }
    }

    /// The exact sign, −1, 0 or 1.
    public var signum: Int {
        switch storage {
        case .rational(let q): q.signum
        case .irrational(_, let root): root.side(of: .zero)
        case .radical(let r): r.signum
        }
    }
}

extension Polynomial {
    /// The exact sign of p(x): 0 iff gcd(p, defining polynomial of x) vanishes at x;
    /// otherwise x's interval is refined until the Horner enclosure of p excludes 0, which
    /// must happen as p(x) ≠ 0; so it runs to completion whatever `Deadline` is bound.
    public func sign(at x: RealAlgebraic) -> Int {
        switch x.storage {
        case .rational(let q): return self(q).signum
        case .radical(let r):
            // Horner's rule in the radical field.
            return coefficients.reversed().reduce(RadicalFraction(Rational.zero)) { $0 * r + RadicalFraction($1) }.signum
        case .irrational(let p, var root):
            guard !isZero else { return 0 }
            let g = IntegerPolynomial(Polynomial.gcd(self, p))
            if g.degree >= 1 && g.sign(at: root.lower) * g.sign(at: root.upper) < 0 { return 0 }
            while true {
                if let s = evaluate(root.interval).signum { return s }
                precondition(root.bisect() == nil, "a rational root in irrational storage")
            }
        }
    }
}
