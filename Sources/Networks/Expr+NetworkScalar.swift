import Exact
import Symbolic

/// Symbolic evaluation: Φ(θ(ε); x) as an expression in the parameters, with `relu` and
/// `lrelu` nodes that the prover splits exactly where their arguments change sign.
extension Expr: NetworkScalar {
    public func relu() -> Expr { Expr.relu(self) }

    public func leakyRelu(slope: Rational) -> Expr { Expr.leakyRelu(self, slope: slope) }
}
