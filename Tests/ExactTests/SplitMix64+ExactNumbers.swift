import Exact

/// Seeded random integers and rationals for the property tests.
extension SplitMix64 {
    /// A uniformly random integer of magnitude below 2^bits, either sign.
    mutating func bigInt(bits: Int) -> BigInt {
        var value = BigInt.zero
        for _ in 0..<(bits + 31) / 32 { value = value.shifted(by: 32) + BigInt(Int(next() >> 32)) }
        value = value.shifted(by: bits - (bits + 31) / 32 * 32)
        return next() % 2 == 0 ? value : -value
    }

    /// A random integer of 1 to `maxDigits` decimal digits (bit length uniform in 1…3.32·maxDigits).
    mutating func bigInt(maxDigits: Int) -> BigInt {
        bigInt(bits: 1 + Int(next() % UInt64(maxDigits * 332 / 100)))
    }

    /// A random rational whose numerator and denominator have 1 to `maxDigits` digits.
    mutating func rational(maxDigits: Int) -> Rational {
        let numerator = bigInt(maxDigits: maxDigits), denominator = bigInt(maxDigits: maxDigits)
        return Rational(numerator, denominator.isZero ? .one : denominator)
    }

    /// A random rational p/q with |p| < 2^numeratorBits and 1 ≤ q ≤ 2^denominatorBits.
    mutating func rational(numeratorBits: Int, denominatorBits: Int) -> Rational {
        Rational(bigInt(bits: numeratorBits), bigInt(bits: denominatorBits).magnitude + 1)
    }
}
