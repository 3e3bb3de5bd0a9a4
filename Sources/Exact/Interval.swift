/// A closed interval [lower, upper] of reals with exact rational ends.
///
/// Contract (as for an Arb ball): every operation returns an interval that *contains* the
/// exact result of the operation applied to any points of its operands. Ends are exact
/// rationals, so no rounding happens unless asked for by `roundedOutward(bits:)`, which
/// only ever widens.
public struct Interval: Hashable, Sendable, CustomStringConvertible {
    public let lower: Rational
    public let upper: Rational

    /// Precondition: lower ≤ upper.
    public init(lower: Rational, upper: Rational) {
        precondition(lower <= upper, "empty interval")
        self.lower = lower
        self.upper = upper
    }

    /// The point interval [q, q].
    public init(_ q: Rational) { self.init(lower: q, upper: q) }

    public var width: Rational { upper - lower }
    public var midpoint: Rational { (lower + upper) / 2 }
    public var isPoint: Bool { lower == upper }

    public func contains(_ q: Rational) -> Bool { lower <= q && q <= upper }
    public func contains(_ other: Interval) -> Bool { lower <= other.lower && other.upper <= upper }

    /// The sign shared by every point, or `nil` when the interval contains 0 but is not [0, 0].
    public var signum: Int? {
        if lower.signum > 0 { return 1 }
        if upper.signum < 0 { return -1 }
        if lower.isZero && upper.isZero { return 0 }
        return nil
    }

    /// The smallest interval containing both.
    public func hull(_ other: Interval) -> Interval {
        Interval(lower: Rational.min(lower, other.lower), upper: Rational.max(upper, other.upper))
    }

    /// An interval with dyadic ends of at most about `bits` fractional bits that contains self.
    public func roundedOutward(bits: Int) -> Interval {
        let lo = Rational(lower.timesPowerOfTwo(bits).floor).timesPowerOfTwo(-bits)
        let hi = Rational(upper.timesPowerOfTwo(bits).ceiling).timesPowerOfTwo(-bits)
        return Interval(lower: lo, upper: hi)
    }

    public var description: String { isPoint ? "[\(lower)]" : "[\(lower), \(upper)]" }
}

extension Interval {
    public static func + (a: Interval, b: Interval) -> Interval {
        Interval(lower: a.lower + b.lower, upper: a.upper + b.upper)
    }

    public static func - (a: Interval, b: Interval) -> Interval {
        Interval(lower: a.lower - b.upper, upper: a.upper - b.lower)
    }

    public static prefix func - (a: Interval) -> Interval {
        Interval(lower: -a.upper, upper: -a.lower)
    }

    public static func * (a: Interval, b: Interval) -> Interval {
        let products = [a.lower * b.lower, a.lower * b.upper, a.upper * b.lower, a.upper * b.upper]
        return Interval(lower: products.min()!, upper: products.max()!)
    }

    /// 1/self, or `nil` when the interval contains 0.
    public var reciprocal: Interval? {
        guard let s = signum, s != 0 else { return nil }
        return Interval(lower: upper.reciprocal, upper: lower.reciprocal)
    }

    /// a/b, or `nil` when b contains 0.
    public static func / (a: Interval, b: Interval) -> Interval? {
        b.reciprocal.map { a * $0 }
    }

    /// self^n for n ≥ 0 (tight: an even power of an interval around 0 starts at 0).
    public func power(_ n: Int) -> Interval {
        precondition(n >= 0, "negative exponent")
        if n == 0 { return Interval(Rational.one) }
        let a = lower.power(n), b = upper.power(n)
        if n % 2 == 1 { return Interval(lower: a, upper: b) }
        if lower.signum >= 0 { return Interval(lower: a, upper: b) }
        if upper.signum <= 0 { return Interval(lower: b, upper: a) }
        return Interval(lower: .zero, upper: Rational.max(a, b))
    }
}
