import Exact

/// Exact evaluation with real algebraic data and points (√2 in Vardi, Shamir, Srebro (2022) Thm 4.4,
/// 2^(−1/m) in Thm 5.1); the activations come from `OrderedField+NetworkScalar.swift`.
extension RealAlgebraic: SignedNetworkScalar {}
