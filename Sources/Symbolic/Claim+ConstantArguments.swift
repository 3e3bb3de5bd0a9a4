import Exact

extension Claim {
    /// The claim with every exp(u) and log(u) whose argument u is algebraic and equal to one
    /// constant c on the whole range — proved exactly by the algebraic prover (`u = c for all x
    /// in the range`, c the value at a rational sample) — replaced by exp(c), log(c); the
    /// domain conditions are kept as written. At every point of the range the two claims have
    /// the same truth, and the canonical form may then cancel what the arguments share
    /// (exp(−Φ₁) + exp(−Φ₂) − 2·exp(−1) with Φ₁ = Φ₂ = 1 on the range is 0), so that
    /// equalities become decidable exactly and the exact zero refutes a strict inequality.
    func withConstantTranscendentalArguments(over range: ParameterRange) throws(Unable) -> Claim {
        let x = range.name
        let sample = CellDecomposition.rational(between: range.lower?.value.realAlgebraic, range.upper?.value.realAlgebraic)
        var arguments: [Expr] = []
        for c in conditions {
            c.difference.visit { node in
                if case .apply(let f, let args) = node, f == .exp || f == .log, let u = args.first,
                   u.parameters == [x], !u.isTranscendental, !arguments.contains(u) {
                    arguments.append(u)
                }
            }
        }
        var constants: [Expr: Expr] = [:]
        for u in arguments {
            guard case .exact(let c) = try u.exactValue(at: [x: Constant(sample)]),
                  Prover.decide(Claim([Comparison(u, .equal, .constant(c))]), over: range).verdict.isProved else { continue }
            constants[u] = .constant(c)
        }
        if constants.isEmpty { return self }
        func replaced(_ e: Expr) -> Expr {
            e.rebuilt { node in
                guard case .apply(let f, let args) = node, f == .exp || f == .log, let c = args.first.flatMap({ constants[$0] }) else { return nil }
                return Expr.applying(f, [c])
            }
        }
        return Claim(comparisons.map { Comparison(replaced($0.lhs), $0.relation, replaced($0.rhs)) }, domain: domain)
    }
}
