import Exact

/// An exact real constant: a rational number, or an irrational real algebraic number.
///
/// Invariant: `.algebraic(a)` holds only irrational `a` (`a.rationalValue == nil`), so every
/// number has exactly one representation and `==`/hashing are those of the number. Rationals
/// stay on GMP's fast path; only genuinely algebraic values pay for `RealAlgebraic`.
public enum Constant: Hashable, Sendable, CustomStringConvertible {
    case rational(Rational)
    case algebraic(RealAlgebraic)

    public init(_ q: Rational) { self = .rational(q) }
    public init(_ n: Int) { self = .rational(Rational(n)) }

    public init(_ a: RealAlgebraic) {
        if let q = a.rationalValue { self = .rational(q) } else { self = .algebraic(a) }
    }

    /// Rationals hash their value; all irrationals share one hash (hashing a `RealAlgebraic`
    /// refines its interval, which dominated the prover's time), and `==` is exact.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .rational(let q): hasher.combine(q)
        case .algebraic: hasher.combine("algebraic")
        }
    }

    public static let zero = Constant(0)
    public static let one = Constant(1)

    public var rationalValue: Rational? {
        if case .rational(let q) = self { return q }
        return nil
    }

    public var realAlgebraic: RealAlgebraic {
        switch self {
        case .rational(let q): RealAlgebraic(q)
        case .algebraic(let a): a
        }
    }

    /// −1, 0 or 1.
    public var signum: Int {
        switch self {
        case .rational(let q): q.signum
        case .algebraic(let a): a.signum
        }
    }

    /// Whether the constant is rational or a radical number (`RealAlgebraic.isRadical`).
    public var isRadical: Bool {
        switch self {
        case .rational: true
        case .algebraic(let a): a.isRadical
        }
    }

    public var isZero: Bool { signum == 0 }
    public var isOne: Bool { rationalValue == Rational.one }

    /// An interval with rational ends containing the number, of width about 2^(−bits).
    public func enclosure(bits: Int) -> Interval {
        switch self {
        case .rational(let q): Interval(q)
        case .algebraic(let a): a.enclosure(bits: bits)
        }
    }

    // The operators run to completion whatever `Deadline` is bound; `sum`, `product`,
    // `quotient` and `checkedPower` are the same operations throwing `Unable` past it (see
    // `RealAlgebraic+Arithmetic.swift`). Rationals take the fast path in both.

    public static func + (a: Constant, b: Constant) -> Constant {
        if let p = a.rationalValue, let q = b.rationalValue { return .rational(p + q) }
        return Deadline.runningToCompletion { () throws(Unable) in try sum(a, b) }
    }

    public static func - (a: Constant, b: Constant) -> Constant { a + (-b) }

    public static prefix func - (a: Constant) -> Constant {
        switch a {
        case .rational(let q): .rational(-q)
        case .algebraic(let x): .algebraic(-x)
        }
    }

    public static func * (a: Constant, b: Constant) -> Constant {
        if let p = a.rationalValue, let q = b.rationalValue { return .rational(p * q) }
        return Deadline.runningToCompletion { () throws(Unable) in try product(a, b) }
    }

    /// a/b. Precondition: b ≠ 0.
    public static func / (a: Constant, b: Constant) -> Constant {
        if let p = a.rationalValue, let q = b.rationalValue, !q.isZero { return .rational(p / q) }
        return Deadline.runningToCompletion { () throws(Unable) in try quotient(a, b) }
    }

    /// a + b; past a bound `Deadline`, throws `Unable`.
    public static func sum(_ a: Constant, _ b: Constant) throws(Unable) -> Constant {
        if let p = a.rationalValue, let q = b.rationalValue { return .rational(p + q) }
        return Constant(try RealAlgebraic.sum(a.realAlgebraic, b.realAlgebraic))
    }

    /// a·b; past a bound `Deadline`, throws `Unable`.
    public static func product(_ a: Constant, _ b: Constant) throws(Unable) -> Constant {
        if let p = a.rationalValue, let q = b.rationalValue { return .rational(p * q) }
        if a.isZero || b.isZero { return .zero }
        return Constant(try RealAlgebraic.product(a.realAlgebraic, b.realAlgebraic))
    }

    /// a/b; past a bound `Deadline`, throws `Unable`. Precondition: b ≠ 0.
    public static func quotient(_ a: Constant, _ b: Constant) throws(Unable) -> Constant {
        precondition(!b.isZero, "division by zero")
        if let p = a.rationalValue, let q = b.rationalValue { return .rational(p / q) }
        return Constant(try RealAlgebraic.quotient(a.realAlgebraic, b.realAlgebraic))
    }

    /// self^n for an integer n; `nil` for 0^n with n < 0.
    public func power(_ n: Int) -> Constant? {
        Deadline.runningToCompletion { () throws(Unable) in try checkedPower(n) }
    }

    /// The real power self^(p/q) (q > 0, lowest terms): the real q-th root of self^p, so odd
    /// roots of negative numbers are negative. `nil` where it is undefined (an even root of a
    /// negative number, or a negative power of 0) or too large to compute exactly (q above
    /// `RealAlgebraic.largestRootIndex`).
    public func power(_ exponent: Rational) -> Constant? {
        Deadline.runningToCompletion { () throws(Unable) in try checkedPower(exponent) }
    }

    /// `power(n)`; past a bound `Deadline`, throws `Unable`.
    public func checkedPower(_ n: Int) throws(Unable) -> Constant? {
        if n < 0 && isZero { return nil }
        switch self {
        case .rational(let q): return .rational(q.power(n))
        case .algebraic(let a): return Constant(try a.checkedPower(n))
        }
    }

    /// `power(exponent)`; past a bound `Deadline`, throws `Unable`.
    public func checkedPower(_ exponent: Rational) throws(Unable) -> Constant? {
        guard let p = exponent.numerator.intValue, let q = exponent.denominator.intValue,
              q <= RealAlgebraic.largestRootIndex, let base = try checkedPower(p) else { return nil }
        if q == 1 { return base }
        if base.signum < 0 && q % 2 == 0 { return nil }
        if let r = base.rationalValue, let root = Constant.exactRoot(of: r, q) { return root }
        return Constant(try base.realAlgebraic.checkedRoot(q))
    }

    /// The rational q-th root of r when it is rational.
    private static func exactRoot(of r: Rational, _ q: Int) -> Constant? {
        let negative = r.signum < 0
        let n = r.numerator.magnitude.root(q), d = r.denominator.root(q)
        guard n.exact && d.exact else { return nil }
        let root = Rational(n.root, d.root)
        return .rational(negative ? -root : root)
    }

    /// The value to `digits` significant digits (exact for rationals with short expansions).
    public func decimalString(significantDigits digits: Int) -> String {
        switch self {
        case .rational(let q) where q.isInteger: q.description
        default: realAlgebraic.decimalString(significantDigits: digits)
        }
    }
}
