import CGMP

extension BigInt: SignedNumeric, Comparable, Hashable, ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }

    public init?<T: BinaryInteger>(exactly source: T) {
        guard let v = Int(exactly: source) else { return nil }
        self.init(v)
    }

    public static func + (a: BigInt, b: BigInt) -> BigInt { make { __gmpz_add($0, a.box.p, b.box.p) } }
    public static func - (a: BigInt, b: BigInt) -> BigInt { make { __gmpz_sub($0, a.box.p, b.box.p) } }
    public static func * (a: BigInt, b: BigInt) -> BigInt { make { __gmpz_mul($0, a.box.p, b.box.p) } }
    public static prefix func - (a: BigInt) -> BigInt { make { __gmpz_neg($0, a.box.p) } }
    public static func += (a: inout BigInt, b: BigInt) { a = a + b }
    public static func -= (a: inout BigInt, b: BigInt) { a = a - b }
    public static func *= (a: inout BigInt, b: BigInt) { a = a * b }

    /// Floor division: the q with q ≤ a/b < q + 1. Precondition: b ≠ 0.
    public func floorDivided(by b: BigInt) -> BigInt {
        precondition(!b.isZero, "division by zero")
        return BigInt.make { __gmpz_fdiv_q($0, box.p, b.box.p) }
    }

    /// Ceiling division. Precondition: b ≠ 0.
    public func ceilDivided(by b: BigInt) -> BigInt {
        precondition(!b.isZero, "division by zero")
        return BigInt.make { __gmpz_cdiv_q($0, box.p, b.box.p) }
    }

    /// Exact division; precondition: b divides self.
    public func exactlyDivided(by b: BigInt) -> BigInt {
        precondition(!b.isZero, "division by zero")
        return BigInt.make { __gmpz_divexact($0, box.p, b.box.p) }
    }

    /// The remainder of floor division, with the sign of `b`.
    public func floorRemainder(dividingBy b: BigInt) -> BigInt {
        precondition(!b.isZero, "division by zero")
        return BigInt.make { __gmpz_fdiv_r($0, box.p, b.box.p) }
    }

    public func isDivisible(by b: BigInt) -> Bool { __gmpz_divisible_p(box.p, b.box.p) != 0 }

    /// self with every factor p taken out, and how many there were: self = rest · p^count.
    /// Precondition: p > 1, self ≠ 0. (GMP's mpz_remove: fast even for a huge power of p.)
    public func removingFactors(_ p: BigInt) -> (rest: BigInt, count: Int) {
        precondition(p > BigInt.one && !isZero, "removing factors needs p > 1 and a nonzero number")
        var count = 0
        let rest = BigInt.make { count = Int(__gmpz_remove($0, box.p, p.box.p)) }
        return (rest, count)
    }

    /// self · 2^k for k ≥ 0, ⌊self / 2^(−k)⌋ for k < 0. Past `BigInt.maximumBits` the
    /// process ends with the size-limit error (see `BigInt+Limits.swift`).
    public func shifted(by k: Int) -> BigInt {
        guard k >= 0 else { return BigInt.make { __gmpz_fdiv_q_2exp($0, box.p, mp_bitcnt_t(k == .min ? .max : -k)) } }
        let (bits, overflow) = bitWidth.addingReportingOverflow(k)
        if !isZero && (overflow || !BigInt.fitsSizeLimit(bits: bits)) {
            BigInt.sizeLimitExceeded("a \(bitWidth)-bit integer times 2^\(k)", bits: overflow ? .max : bits)
        }
        return BigInt.make { __gmpz_mul_2exp($0, box.p, mp_bitcnt_t(k)) }
    }

    /// self^n, n ≥ 0. Past `BigInt.maximumBits` the process ends with the size-limit error.
    public func power(_ n: Int) -> BigInt {
        precondition(n >= 0, "negative exponent")
        let bits = bitsOfPower(n)
        if !BigInt.fitsSizeLimit(bits: bits) { BigInt.sizeLimitExceeded("a \(bitWidth)-bit integer to the power \(n)", bits: bits) }
        return BigInt.make { __gmpz_pow_ui($0, box.p, UInt(n)) }
    }

    /// The greatest common divisor, non-negative.
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt { make { __gmpz_gcd($0, a.box.p, b.box.p) } }

    /// The least common multiple, non-negative.
    public static func lcm(_ a: BigInt, _ b: BigInt) -> BigInt { make { __gmpz_lcm($0, a.box.p, b.box.p) } }

    /// ⌊self^(1/k)⌋ for self ≥ 0, and whether it is exact.
    public func root(_ k: Int) -> (root: BigInt, exact: Bool) {
        precondition(k >= 1 && signum >= 0, "root of a negative integer")
        let r = MPZBox()
        let exact = __gmpz_root(r.p, box.p, UInt(k))
        return (BigInt(box: r), exact != 0)
    }

    public static func == (a: BigInt, b: BigInt) -> Bool { __gmpz_cmp(a.box.p, b.box.p) == 0 }
    public static func < (a: BigInt, b: BigInt) -> Bool { __gmpz_cmp(a.box.p, b.box.p) < 0 }

    public func hash(into hasher: inout Hasher) {
        let size = cgmp_mpz_size(box.p)
        hasher.combine(size)
        for i in 0..<Int(abs(size)) { hasher.combine(cgmp_mpz_limb(box.p, Int32(i))) }
    }
}

extension BigInt: CustomStringConvertible {
    /// Decimal digits, with a leading `-` when negative.
    public var description: String {
        let count = Int(__gmpz_sizeinbase(box.p, 10)) + 2
        var buffer = [CChar](repeating: 0, count: count)
        __gmpz_get_str(&buffer, 10, box.p)
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
