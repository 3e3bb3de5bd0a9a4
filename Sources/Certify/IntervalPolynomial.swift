import Exact
import Networks

/// A polynomial Σₖ cₖsᵏ in one variable whose coefficients are known as rigorous intervals
/// (each interval contains the exact coefficient), closed under + − ×: a network evaluated in
/// these on a frozen trace along θ(s) = θ̃ + s·d + s²·z encloses every coefficient of each
/// pre-activation and margin along the arc. Ends are rounded outward to `bits` fractional
/// bits after each product, which only widens (so containment is kept). No sign is defined,
/// so `relu` is not.
struct IntervalPolynomial: NetworkScalar {
    var coefficients: [Interval]

    static var bits: Int { 96 }

    init(coefficients: [Interval]) { self.coefficients = coefficients }
    init(_ q: Rational) { coefficients = [Interval(q)] }
    static var zero: Self { Self(coefficients: []) }

    static func + (a: Self, b: Self) -> Self {
        let n = max(a.coefficients.count, b.coefficients.count)
        return Self(coefficients: (0 ..< n).map { k in
            (k < a.coefficients.count ? a.coefficients[k] : Interval(.zero))
                + (k < b.coefficients.count ? b.coefficients[k] : Interval(.zero))
        })
    }

    static prefix func - (a: Self) -> Self { Self(coefficients: a.coefficients.map { -$0 }) }
    static func - (a: Self, b: Self) -> Self { a + (-b) }

    static func * (a: Self, b: Self) -> Self {
        guard !a.coefficients.isEmpty, !b.coefficients.isEmpty else { return .zero }
        var c = Array(repeating: Interval(.zero), count: a.coefficients.count + b.coefficients.count - 1)
        for (i, x) in a.coefficients.enumerated() {
            for (j, y) in b.coefficients.enumerated() { c[i + j] = c[i + j] + x * y }
        }
        return Self(coefficients: c.map { $0.roundedOutward(bits: bits) })
    }

    func relu() -> Self { preconditionFailure("interval polynomials are evaluated on frozen pieces only") }
    func leakyRelu(slope: Rational) -> Self { preconditionFailure("interval polynomials are evaluated on frozen pieces only") }

    /// The coefficient interval of sᵏ ([0, 0] past the degree).
    subscript(k: Int) -> Interval { k < coefficients.count ? coefficients[k] : Interval(.zero) }

    /// An upper bound on Σ_{k>j} |cₖ| s₀^{k−j}: the tail after the term of order j, relative
    /// to sʲ, on (0, s₀].
    func tailBound(after j: Int, upTo s0: Rational) -> Rational {
        var bound = Rational.zero, power = Rational.one
        for k in (j + 1) ..< max(coefficients.count, j + 1) {
            power = power * s0
            let c = coefficients[k]
            bound = bound + Rational.max(c.lower.magnitude, c.upper.magnitude) * power
        }
        return bound
    }
}
