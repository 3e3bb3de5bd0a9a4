import CGMP

extension Rational: SignedNumeric, Comparable, Hashable, ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }

    public init?<T: BinaryInteger>(exactly source: T) {
        guard let v = Int(exactly: source) else { return nil }
        self.init(v)
    }

    public var magnitude: Rational { Rational.make { __gmpq_abs($0, box.p) } }

    public static func + (a: Rational, b: Rational) -> Rational { make { __gmpq_add($0, a.box.p, b.box.p) } }
    public static func - (a: Rational, b: Rational) -> Rational { make { __gmpq_sub($0, a.box.p, b.box.p) } }
    public static func * (a: Rational, b: Rational) -> Rational { make { __gmpq_mul($0, a.box.p, b.box.p) } }
    public static prefix func - (a: Rational) -> Rational { make { __gmpq_neg($0, a.box.p) } }

    /// Precondition: b ≠ 0.
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(!b.isZero, "division by zero")
        return make { __gmpq_div($0, a.box.p, b.box.p) }
    }

    public static func += (a: inout Rational, b: Rational) { a = a + b }
    public static func -= (a: inout Rational, b: Rational) { a = a - b }
    public static func *= (a: inout Rational, b: Rational) { a = a * b }
    public static func /= (a: inout Rational, b: Rational) { a = a / b }

    /// 1/self. Precondition: self ≠ 0.
    public var reciprocal: Rational {
        precondition(!isZero, "division by zero")
        return Rational.make { __gmpq_inv($0, box.p) }
    }

    /// self^n for any integer n (n < 0 needs self ≠ 0).
    public func power(_ n: Int) -> Rational {
        if n < 0 { return reciprocal.power(-n) }
        return Rational(numerator.power(n), denominator.power(n))
    }

    /// self · 2^k. Past `BigInt.maximumBits` (in the numerator or the denominator) the process
    /// ends with the size-limit error.
    public func timesPowerOfTwo(_ k: Int) -> Rational {
        let (bits, overflow) = (k >= 0 ? numerator : denominator).bitWidth.addingReportingOverflow(k.magnitude > Int.max ? .max : abs(k))
        if !isZero && (overflow || !BigInt.fitsSizeLimit(bits: bits)) {
            BigInt.sizeLimitExceeded("a rational times 2^\(k)", bits: overflow ? .max : bits)
        }
        return k >= 0 ? Rational.make { __gmpq_mul_2exp($0, box.p, mp_bitcnt_t(k)) }
                      : Rational.make { __gmpq_div_2exp($0, box.p, mp_bitcnt_t(k.magnitude)) }
    }

    /// ⌊self⌋.
    public var floor: BigInt { numerator.floorDivided(by: denominator) }
    /// ⌈self⌉.
    public var ceiling: BigInt { numerator.ceilDivided(by: denominator) }

    public static func min(_ a: Rational, _ b: Rational) -> Rational { a < b ? a : b }
    public static func max(_ a: Rational, _ b: Rational) -> Rational { a < b ? b : a }

    public static func == (a: Rational, b: Rational) -> Bool { __gmpq_equal(a.box.p, b.box.p) != 0 }
    public static func < (a: Rational, b: Rational) -> Bool { __gmpq_cmp(a.box.p, b.box.p) < 0 }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(numerator)
        hasher.combine(denominator)
    }
}
