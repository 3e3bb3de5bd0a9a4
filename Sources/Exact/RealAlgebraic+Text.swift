/// Printing real algebraic numbers: exact for rationals, a truncated decimal plus the exact
/// representation otherwise.
extension RealAlgebraic: CustomStringConvertible {
    /// `17/4` for a rational; otherwise the first 30 significant digits and the defining
    /// data, e.g. `≈1.41421356237309504880168872420 (root of 2x^2 - 4 in [1, 3/2])`.
    public var description: String {
        if let q = rationalValue { return q.description }
        if let text = radicalText { return "≈\(decimalString(significantDigits: 30)) (\(text))" }
        return "≈\(decimalString(significantDigits: 30)) (root of \(definingPolynomial) in \(isolatingInterval))"
    }

    /// The first `significantDigits` significant decimal digits of the exact value,
    /// *truncated toward zero* (never rounded), with the decimal point placed: `1.414`,
    /// `-0.001732`, `31400` (for 31415.9 with 3 digits). Zero prints as `0`.
    public func decimalString(significantDigits n: Int) -> String {
        precondition(n >= 1, "at least one digit")
        guard signum != 0 else { return "0" }
        var bits = 16
        while true {
            if let text = RealAlgebraic.truncatedDecimal(enclosure(bits: bits), significantDigits: n) {
                return text
            }
            bits *= 2
        }
    }

    /// The truncated decimal shared by every number in `j`, or `nil` when `j` is too wide
    /// to decide it (j is an open isolating interval of an irrational or a point).
    static func truncatedDecimal(_ j: Interval, significantDigits n: Int) -> String? {
        guard let sign = j.signum, sign != 0 else { return nil }
        let lo = sign > 0 ? j.lower : -j.upper, hi = sign > 0 ? j.upper : -j.lower
        func power10(_ e: Int) -> Rational {
            e >= 0 ? Rational(BigInt(10).power(e)) : Rational(BigInt(10).power(-e)).reciprocal
        }
        // e = ⌊log₁₀ lo⌋, guessed from the bit sizes and corrected exactly.
        var e = Int(Double(lo.numerator.bitWidth - lo.denominator.bitWidth) * 0.30103)
        while power10(e) > lo { e -= 1 }
        while power10(e + 1) <= lo { e += 1 }
        guard hi < power10(e + 1) else { return nil }
        let scale = power10(n - 1 - e)
        let digits = (lo * scale).floor
        guard (hi * scale).floor == digits || j.isPoint else { return nil }
        var text = digits.description
        if e >= n - 1 {
            text += String(repeating: "0", count: e - n + 1)
        } else if e >= 0 {
            text.insert(".", at: text.index(text.startIndex, offsetBy: e + 1))
        } else {
            text = "0." + String(repeating: "0", count: -e - 1) + text
        }
        return sign < 0 ? "-" + text : text
    }
}
