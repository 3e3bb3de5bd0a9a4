import Exact

/// Exact activations for every ordered field: the sign decides the branch exactly.
extension NetworkScalar where Self: OrderedField {
    public func relu() -> Self { signum > 0 ? self : .zero }

    public func leakyRelu(slope: Rational) -> Self { signum > 0 ? self : Self(slope) * self }
}

extension Rational: SignedNetworkScalar {}
