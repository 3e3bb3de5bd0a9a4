import Exact
import Foundation

/// A real number known approximately: a rational `value` and an estimate `error` of
/// |x − value|. The estimate comes from a numerical method (the last Newton step, or the
/// rounding of a double) and is not a rigorous bound: it only sizes the searches of
/// `AlgebraicGuess`, whose guesses are then verified exactly.
public struct Approximation: Sendable, Hashable {
    public let value: Rational
    /// > 0.
    public let error: Rational

    public init(_ value: Rational, error: Rational) {
        precondition(error.signum > 0, "an approximation needs a positive error estimate")
        self.value = value
        self.error = error
    }

    /// A double, taken to be accurate to a few units in its last place (|x|·2⁻⁵⁰, at least 2⁻¹⁰⁰⁰).
    public init(_ x: Double) {
        precondition(x.isFinite, "non-finite double")
        value = Rational(x)
        error = Rational(max(abs(x) * 0x1p-50, 0x1p-1000))
    }

    /// The error relative to max(1, |value|), as log₁₀.
    public var log10RelativeError: Double {
        Self.log10(error) - Self.log10(Swift.max(Rational.one, value.magnitude))
    }

    /// The number of correct significant decimal digits the error estimate allows.
    public var digits: Int { Swift.max(0, Int((-log10RelativeError).rounded(.down))) }

    /// log₁₀ r for r > 0, to double precision whatever the size of r.
    static func log10(_ r: Rational) -> Double {
        let (n, d) = (r.numerator.magnitude, r.denominator)
        let (sn, sd) = (Swift.max(0, n.bitWidth - 60), Swift.max(0, d.bitWidth - 60))
        return Foundation.log10(Double(Rational(n.shifted(by: -sn)))) - Foundation.log10(Double(Rational(d.shifted(by: -sd))))
            + Double(sn - sd) * Foundation.log10(2.0)
    }
}
