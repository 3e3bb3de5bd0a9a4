import Exact

/// A condition's Taylor expansion at a rational end of a range, for the boxes of interval
/// subdivision that touch an end where the condition is tight (f(a) = 0, as for ‖θ′(ε)‖² −
/// ‖θ̃‖² at ε = 0), which enclosures alone never settle.
///
/// If f(a) = f′(a) = … = f^(k−1)(a) = 0 exactly and f^(k) has sign s on a box [a, u], then
/// f(x) = f^(k)(ξ)·(x − a)^k / k! with ξ ∈ (a, x) (Taylor with Lagrange remainder) has sign s on
/// (a, u]; at an upper end b, f has sign s·(−1)^k on [l, b). The derivatives are symbolic
/// (`Expr.derivative`); kinks (relu, max, …) have none, so no expansion is made for them.
struct EndExpansion {
    let end: Rational
    let isLower: Bool
    /// k, the order of the first nonzero derivative at the end.
    let order: Int
    /// f^(k).
    let derivative: Expr

    /// The largest order tried.
    static let maximumOrder = 4

    /// The expansion of f at the end, or nil when f(a) ≠ 0 (plain enclosures settle it), a
    /// derivative does not exist or is undefined at a, or all derivatives up to
    /// `maximumOrder` vanish. Past the bound `Deadline`, throws `Unable`.
    init?(of f: Expr, _ x: String, at end: Rational, isLower: Bool) throws(Unable) {
        var g = f
        for k in 0...Self.maximumOrder {
            guard case .sign(let s, _) = try g.sign(at: [x: Constant(end)]) else { return nil }
            if s != 0 {
                if k == 0 { return nil }
                (self.end, self.isLower, order, derivative) = (end, isLower, k, g)
                return
            }
            guard let next = g.derivative(withRespectTo: x) else { return nil }
            g = next
        }
        return nil
    }

    /// The sign of f on the box without the end, when the box touches the end and an
    /// enclosure of f^(k) over the box settles its sign.
    func sign(on box: Interval, _ x: String, bits: Int) -> Int? {
        guard (isLower ? box.lower : box.upper) == end,
              let e = derivative.enclosure(at: [x: box], bits: bits), let s = e.signum, s != 0 else { return nil }
        return isLower || order % 2 == 0 ? s : -s
    }
}
