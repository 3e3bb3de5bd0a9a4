extension Double {
    /// The double nearest to `q` (ties to even), ±infinity beyond the finite range:
    /// the correctly rounded conversion (GMP's `mpq_get_d` truncates instead).
    public init(_ q: Rational) {
        guard !q.isZero else { self = 0; return }
        let n = q.numerator.magnitude
        let d = q.denominator
        // Find k with 2^52 ≤ ⌊|q| / 2^k⌋ < 2^53, but no lower than the subnormal exponent.
        var k = n.bitWidth - d.bitWidth - 53
        func quotient(_ k: Int) -> (BigInt, BigInt, BigInt) {
            let num = k >= 0 ? n : n.shifted(by: -k)
            let den = k >= 0 ? d.shifted(by: k) : d
            let m = num.floorDivided(by: den)
            return (m, num - m * den, den)
        }
        var (m, r, den) = quotient(k)
        let low = BigInt.one.shifted(by: 52), high = BigInt.one.shifted(by: 53)
        while m >= high { k += 1; (m, r, den) = quotient(k) }
        while m < low { k -= 1; (m, r, den) = quotient(k) }
        if k < -1074 { k = -1074; (m, r, den) = quotient(k) }
        let twice = r.shifted(by: 1)
        if twice > den || (twice == den && m.isOdd) { m += 1 }
        let magnitude = Double(sign: .plus, exponent: k, significand: Double(m.intValue!))
        self = q.signum < 0 ? -magnitude : magnitude
    }
}
