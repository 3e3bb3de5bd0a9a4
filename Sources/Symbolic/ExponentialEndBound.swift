import Exact

/// A condition with exp(g) proved near a rational end of a range where g has a pole, so that
/// exp(g) is flatter (g → −∞) or steeper (g → +∞) than every power and no series has a
/// leading term there (exp(−1/ε) < ε at ε → 0⁺).
///
/// Theorem (truncated Taylor bounds). For v > 0 and n ≥ 0, T_n(v) = Σ_{k≤n} v^k/k! < exp(v)
/// (the omitted terms of the exponential series are positive). Hence
/// - where g < 0: 0 < exp(g) < 1/T_n(−g);
/// - where g > 0: exp(g) > T_n(g).
/// Let f(x, t) be the condition's difference with its only exp node exp(g(x)) replaced by a
/// new parameter t, f(x, exp(g(x))) being the difference itself, and J = (e, e + δ] (or
/// [e − δ, e) at an upper end). If g < 0 on J and f(x, t) ⋈ 0 for every (x, t) with x ∈ J,
/// 0 < t < 1/T_n(−g(x)) — or g > 0 on J and f(x, t) ⋈ 0 for x ∈ J, t > T_n(g(x)) — then
/// f(x, exp(g(x))) ⋈ 0 on J, since (x, exp(g(x))) lies in that region. Both hypotheses are
/// algebraic claims, decided exactly (`Prover.decide(_:over:)`, one and two parameters).
///
/// Hypotheses checked here: exactly one exp node, whose argument g is algebraic in x alone
/// and has a pole at the end (the leading exponent of its Puiseux series there is negative;
/// its coefficient's sign gives the direction); nothing else transcendental. Several
/// truncation orders n and reaches δ are tried; none proved leaves the condition to the
/// subdivision (undecided, never a guess).
struct ExponentialEndBound {
    let end: Rational
    let isLower: Bool
    /// The condition holds on the points of the range within `reach` of the end.
    let reach: Rational
    /// What was proved, for the explanation.
    let text: String

    /// Truncation orders tried, smallest first (higher orders dominate higher powers).
    static let orders = [2, 4, 8]
    /// Reaches tried, as fractions of the range's width.
    static let reachFractions = [Rational(1, 4), Rational(1, 64)]

    /// Whether the box touches the end and lies within the reach.
    func settles(_ box: Interval) -> Bool {
        isLower ? box.lower == end && box.upper <= end + reach : box.upper == end && box.lower >= end - reach
    }

    /// Proves the condition near the end (or returns nil). `width` is the range's width.
    init?(of condition: Comparison, _ x: String, at end: Rational, isLower: Bool, width: Rational) throws(Unable) {
        guard let (exponential, g) = Self.onlyExponential(in: condition.difference, x),
              let growing = try Self.poleDirection(of: g, x, at: end, isLower: isLower) else { return nil }
        let t = Self.freshName(avoiding: condition.difference.parameters)
        func replaced(_ e: Expr) -> Expr { e.rebuilt { $0 == exponential ? .parameter(t) : nil } }
        let relaxed = Claim([Comparison(replaced(condition.lhs), condition.relation, replaced(condition.rhs))])
        guard !relaxed.conditions.contains(where: { $0.difference.isTranscendental }) else { return nil }
        for n in Self.orders {
            // Past the deadline it gives up (nil: no bound, a sound answer).
            for fraction in Self.reachFractions where !Deadline.hasPassed {
                let reach = width * fraction
                let near = isLower
                    ? ParameterRange(x, lower: .init(Constant(end), closed: false), upper: .init(Constant(end + reach), closed: true))
                    : ParameterRange(x, lower: .init(Constant(end - reach), closed: true), upper: .init(Constant(end), closed: false))
                let sign = Claim([Comparison(g, growing ? .greater : .less, .zero)])
                guard Prover.decide(sign, over: near).verdict.isProved else { continue }
                let taylor = Self.truncatedExponential(growing ? g : -g, order: n)
                let fibre = growing
                    ? ParameterRegion.Fibre(t, lower: .init(taylor, closed: false), upper: nil)
                    : ParameterRegion.Fibre(t, lower: .init(.zero, closed: false), upper: .init(.one / taylor, closed: false))
                let region = ParameterRegion(near, fibre: fibre)
                guard Prover.decide(relaxed, over: region).verdict.isProved else { continue }
                (self.end, self.isLower, self.reach) = (end, isLower, reach)
                text = "\(condition) on \(near): \(exponential) " + (growing ? ">" : "<") + " the order-\(n) Taylor bound; "
                    + "\(relaxed) for all \(region)"
                return
            }
        }
        return nil
    }

    /// T_n(v) = Σ_{k=0}^{n} v^k / k!.
    static func truncatedExponential(_ v: Expr, order n: Int) -> Expr {
        var factorial = Rational.one
        var terms: [Expr] = [.one]
        for k in 1...n {
            factorial = factorial * Rational(k)
            terms.append(Expr(Rational.one / factorial) * v.power(Expr(k)))
        }
        return Expr.sum(terms)
    }

    /// The only exp node of `f` and its argument, when the argument is algebraic in x alone.
    static func onlyExponential(in f: Expr, _ x: String) -> (Expr, Expr)? {
        var nodes: [Expr] = []
        f.visit { node in if case .apply(.exp, _) = node, !nodes.contains(node) { nodes.append(node) } }
        guard nodes.count == 1, case .apply(.exp, let args) = nodes[0],
              args[0].parameters == [x], !args[0].isTranscendental else { return nil }
        return (nodes[0], args[0])
    }

    /// true when g → +∞ at the end (from inside the range), false when g → −∞, nil when g has
    /// no pole there (or its series is unknown).
    static func poleDirection(of g: Expr, _ x: String, at end: Rational, isLower: Bool) throws(Unable) -> Bool? {
        let s = freshName(avoiding: [x])
        let shifted = g.substituting([x: Expr(end) + (isLower ? Expr.parameter(s) : -Expr.parameter(s))])
        guard let series = try shifted.series(at: s, terms: 4), let (exponent, coefficient) = series.leadingTerm,
              exponent.signum < 0, coefficient.signum != 0 else { return nil }
        return coefficient.signum > 0
    }

    /// A parameter name not among `names`.
    private static func freshName(avoiding names: Set<String>) -> String {
        var name = "t"
        while names.contains(name) { name += "'" }
        return name
    }
}
