/// Rigorous enclosures of exp, log and real k-th roots.
///
/// Contract: `f(bits:)` returns an interval with exact dyadic ends that contains f(x) for
/// every x in self. The functions are increasing, so the result runs from an enclosure of
/// f(lower) rounded down to an enclosure of f(upper) rounded up; for a point the width is
/// about 2^(−bits) relative (exp, root) or absolute (log). Everything is exact rational or
/// integer arithmetic with outward rounding: no floating point, no MPFR.
///
/// Method: exp(x) = 2^n · exp(r) with 0 ≤ r < 1, then the Taylor series of exp(r / 2^s) and
/// s squarings; log(x) = e · ln 2 + 2 · atanh((y − 1)/(y + 1)) with x = 2^e · y and
/// 2/3 ≤ y < 4/3; ln 2 = 2 · atanh(1/3). The series and their remainder bounds are in
/// `FixedPoint+Series.swift`. Roots are GMP's exact integer roots of scaled arguments.
extension Interval {
    /// The largest |x| that `exp` accepts: exp(2^24) ≈ 2^(24 204 406), whose enclosure takes
    /// a few megabytes; larger arguments are rejected rather than exhausting memory.
    public static let maximumExpArgument = Rational(1 << 24)

    /// An interval containing exp(x) for every x in self, of width about 2^(−bits) · exp(x)
    /// when self is a point x. Preconditions: bits ≥ 1, |x| ≤ `maximumExpArgument`.
    ///
    /// Cost: the ends are dyadic m · 2^n with |n| ≈ |x| / ln 2 (n bits of storage).
    public func exp(bits: Int) -> Interval {
        precondition(bits >= 1, "bits must be positive")
        precondition(Swift.max(lower.magnitude, upper.magnitude) <= Interval.maximumExpArgument,
                     "exp argument beyond maximumExpArgument")
        return monotoneImage { Interval.exp(of: $0, bits: bits) }
    }

    /// An interval containing log(x) for every x in self, of width about 2^(−bits) (absolute)
    /// when self is a point. Preconditions: lower > 0, bits ≥ 1.
    public func log(bits: Int) -> Interval {
        precondition(bits >= 1, "bits must be positive")
        precondition(lower.signum > 0, "log needs a positive interval")
        return monotoneImage { Interval.log(of: $0, bits: bits) }
    }

    /// An interval containing the real k-th root x^(1/k) for every x in self (for odd k and
    /// x < 0, the negative root −|x|^(1/k)), of width about 2^(−bits) · |x|^(1/k) when self is
    /// a point x; exact when the root is a dyadic rational. Preconditions: k ≥ 1, bits ≥ 1,
    /// and lower ≥ 0 when k is even.
    public func root(_ k: Int, bits: Int) -> Interval {
        precondition(k >= 1 && bits >= 1, "root needs k ≥ 1 and bits ≥ 1")
        precondition(k % 2 == 1 || lower.signum >= 0, "even root of a negative number")
        if k == 1 { return self }
        return monotoneImage { Interval.root(k, of: $0, bits: bits) }
    }

    /// Past this root index, `root` encloses x^(1/k) through log and exp.
    static let largestIntegerRootIndex = 256

    /// [lower end of f(lower), upper end of f(upper)] for an increasing f given by point
    /// enclosures; a point needs only one of them.
    private func monotoneImage(_ enclosure: (Rational) -> Interval) -> Interval {
        if isPoint { return enclosure(lower) }
        return Interval(lower: enclosure(lower).lower, upper: enclosure(upper).upper)
    }

    /// Encloses exp(x) with relative width about 2^(−bits).
    private static func exp(of x: Rational, bits: Int) -> Interval {
        // s halvings make the series short; the squarings then multiply the relative error by
        // about 2^s, and each rounded term adds a unit: the guard bits cover both.
        let s = BigInt(bits).root(2).root.intValue! / 2
        let p = bits + s + 2 * BigInt(bits).bitWidth + 8
        let magnitude = x.magnitude
        let q = p + magnitude.ceiling.bitWidth + 2
        let ln2 = FixedPoint.ln2(precision: q)
        // n = ⌊|x| / ln2⁺⌋ with ln2⁺ ≥ ln 2, so r = |x| − n · ln 2 ≥ 0, and
        // r < ln2⁺ + n · (ln2⁺ − ln2⁻) < 1.
        let n = (magnitude.timesPowerOfTwo(q) / Rational(ln2.upper)).floor
        let exponent = n.intValue!
        let scaled = FixedPoint(enclosing: magnitude, precision: q)
        let r = FixedPoint(lower: Swift.max(.zero, scaled.lower - n * ln2.upper),
                           upper: scaled.upper - n * ln2.lower, precision: q)
        let expOfMagnitude = r.atPrecision(p).exp(halvings: s)
        return x.signum >= 0 ? expOfMagnitude.interval(timesPowerOfTwo: exponent)
                             : expOfMagnitude.reciprocal().interval(timesPowerOfTwo: -exponent)
    }

    /// Encloses log(x), x > 0, with absolute width about 2^(−bits).
    private static func log(of x: Rational, bits: Int) -> Interval {
        // x = 2^e · y with 1/2 < y < 2, then moved into [2/3, 4/3) so that |t| ≤ 1/5 below.
        var e = x.numerator.bitWidth - x.denominator.bitWidth
        var y = x.timesPowerOfTwo(-e)
        if y >= Rational(4, 3) {
            e += 1
            y = y.timesPowerOfTwo(-1)
        } else if y < Rational(2, 3) {
            e -= 1
            y = y.timesPowerOfTwo(1)
        }
        // log y = 2 · atanh(t) with t = (y − 1)/(y + 1); atanh is odd.
        let t = (y - 1) / (y + 1)
        let p = bits + 2 * BigInt(bits).bitWidth + 6
        let atanhOfMagnitude = FixedPoint(enclosing: t.magnitude, precision: p).atanh().interval()
        let atanh = t.signum < 0 ? -atanhOfMagnitude : atanhOfMagnitude
        let ln2 = FixedPoint.ln2(precision: p + BigInt(e).bitWidth).interval()
        return Interval(Rational(e)) * ln2 + Interval(2) * atanh
    }

    /// Encloses x^(1/k), k ≥ 2, with relative width about 2^(−bits).
    private static func root(_ k: Int, of x: Rational, bits: Int) -> Interval {
        if x.signum < 0 { return -root(k, of: -x, bits: bits) }
        if x.isZero { return Interval(x) }
        // The integer root below needs k·w bits; for large k, exp(log(x)/k) instead (each
        // step a rigorous enclosure; |log x|/k is small, so the guard bits cover the division).
        if k > Self.largestIntegerRootIndex {
            let exponent = Interval(Rational(1, k)) * Interval(x).log(bits: bits + 8)
            return exponent.exp(bits: bits + 8)
        }
        // With w fractional bits, 2^(−w) ≈ 2^(−bits−2) · x^(1/k).
        let w = bits + 2 - (x.numerator.bitWidth - x.denominator.bitWidth) / k
        // r = ⌊M^(1/k)⌋ with M = ⌊x · 2^(kw)⌋ gives r ≤ x^(1/k) · 2^w < r + 1, since
        // (r + 1)^k > M makes (r + 1)^k ≥ M + 1 > x · 2^(kw).
        let scaled = x.timesPowerOfTwo(k * w)
        let (r, exact) = scaled.floor.root(k)
        let lower = Rational(r).timesPowerOfTwo(-w)
        if exact && scaled.isInteger { return Interval(lower) }
        return Interval(lower: lower, upper: Rational(r + 1).timesPowerOfTwo(-w))
    }
}
