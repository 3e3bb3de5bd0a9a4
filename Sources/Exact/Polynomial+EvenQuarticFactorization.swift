/// Closed-form factorization of quadratics and of even quartics x⁴ + bx² + c, the shape of
/// every composed sum or product of two quadratic irrationals a·√d (so the commonest case
/// skips the modular machinery of `irreducibleFactors`).
///
/// (x² + ux + v)(x² − ux + w) = x⁴ + (v + w − u²)x² + u(w − v)x + vw, so a monic factorization
/// into quadratics over Q has u = 0 (v, w the roots of t² − bt + c: b² − 4c a square) or
/// v = w (v² = c and u² = 2v − b squares). Any factorization of a quartic has a quadratic
/// factor or a linear one, and a linear factor x − r of an even quartic comes with x + r,
/// so (x − r)(x + r) is again a quadratic factor of the first kind.
extension Polynomial {
    /// The irreducible factors (primitive, positive leading coefficients) of a quadratic or
    /// an even quartic, `nil` for any other shape.
    var closedFormIrreducibleFactors: [Polynomial]? {
        let m = monic.coefficients
        if degree == 2 {
            // x² + bx + c = (x − r₁)(x − r₂) over Q iff b² − 4c is a square.
            guard let root = (m[1] * m[1] - 4 * m[0]).exactRoot(2) else { return [primitive] }
            return [(-m[1] - root) / 2, (-m[1] + root) / 2].map { Polynomial(coefficients: [-$0, 1]).primitive }
        }
        guard degree == 4, m[1].isZero, m[3].isZero else { return nil }
        let b = m[2], c = m[0]
        func quadratic(_ u: Rational, _ v: Rational) -> Polynomial { Polynomial(coefficients: [v, u, 1]) }
        var pair: (Polynomial, Polynomial)?
        if let root = (b * b - 4 * c).exactRoot(2) {
            pair = (quadratic(0, (b - root) / 2), quadratic(0, (b + root) / 2))
        } else if let v = c.exactRoot(2) {
            for v in [v, -v] {
                if let u = (2 * v - b).exactRoot(2) { pair = (quadratic(u, v), quadratic(-u, v)) }
            }
        }
        guard let (first, second) = pair else { return [primitive] }
        return first.closedFormIrreducibleFactors! + second.closedFormIrreducibleFactors!
    }
}
