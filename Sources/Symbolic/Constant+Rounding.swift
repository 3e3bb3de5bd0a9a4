import Exact

extension Constant {
    /// ⌊x⌋, the greatest integer n ≤ x, decided exactly.
    ///
    /// For an irrational x: an enclosure [l, u] ∋ x of width below 1 gives ⌊l⌋ ≤ ⌊x⌋ ≤ ⌊l⌋ + 1,
    /// and one exact comparison x ≥ ⌊l⌋ + 1 picks between the two.
    public var floor: BigInt {
        if let q = rationalValue { return q.floor }
        let n = enclosure(bits: 64).lower.floor
        return (self - Constant(Rational(n + BigInt.one))).signum >= 0 ? n + BigInt.one : n
    }

    /// ⌈x⌉, the least integer n ≥ x, decided exactly.
    public var ceiling: BigInt { -(-self).floor }
}
