/// A real number enclosed as [lower, upper] · 2^(−precision) with integer ends: the working
/// type of the elementary-function kernels (`exp`, `log`, `ln 2`).
///
/// Contract: every operation below returns an enclosure that contains the exact result for
/// every point of its operands, by rounding the lower end down and the upper end up. Integer
/// ends keep the kernels on GMP's integer arithmetic, with no gcd reductions as with `Rational`.
struct FixedPoint {
    var lower: BigInt
    var upper: BigInt
    let precision: Int

    init(lower: BigInt, upper: BigInt, precision: Int) {
        precondition(lower <= upper, "empty enclosure")
        self.lower = lower
        self.upper = upper
        self.precision = precision
    }

    /// [⌊q·2^p⌋, ⌈q·2^p⌉] · 2^(−p), which contains q.
    init(enclosing q: Rational, precision p: Int) {
        let scaled = q.timesPowerOfTwo(p)
        self.init(lower: scaled.floor, upper: scaled.ceiling, precision: p)
    }

    /// The same enclosure with `p` fractional bits (widening outward when p < precision).
    func atPrecision(_ p: Int) -> FixedPoint {
        FixedPoint(lower: lower.shifted(by: p - precision), upper: upper.ceilingShifted(by: p - precision),
                   precision: p)
    }

    /// The square, for a non-negative enclosure.
    func squared() -> FixedPoint {
        precondition(lower.signum >= 0, "squared() needs a non-negative enclosure")
        return FixedPoint(lower: (lower * lower).shifted(by: -precision),
                          upper: (upper * upper).ceilingShifted(by: -precision), precision: precision)
    }

    /// 1/self, for a positive enclosure, with `precision` fractional bits.
    func reciprocal() -> FixedPoint {
        precondition(lower.signum > 0, "reciprocal() needs a positive enclosure")
        let one = BigInt.one.shifted(by: 2 * precision)
        return FixedPoint(lower: one.floorDivided(by: upper), upper: one.ceilDivided(by: lower),
                          precision: precision)
    }

    /// The exact interval [lower, upper] · 2^(exponent − precision).
    func interval(timesPowerOfTwo exponent: Int = 0) -> Interval {
        Interval(lower: Rational(lower).timesPowerOfTwo(exponent - precision),
                 upper: Rational(upper).timesPowerOfTwo(exponent - precision))
    }
}

extension BigInt {
    /// ⌈self · 2^k⌉: `shifted(by:)` rounded up instead of down.
    func ceilingShifted(by k: Int) -> BigInt { k >= 0 ? shifted(by: k) : -((-self).shifted(by: k)) }
}
