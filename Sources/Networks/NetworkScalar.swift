import Exact

/// The numbers a network can be evaluated in: a commutative ring containing ℚ, with the
/// activations as *operations* (not as comparisons inside the network code), so that a
/// symbolic scalar can answer `relu()` with a `relu` node instead of deciding a sign.
///
/// Conformances: `Double` (floating point); `Rational` and `RealAlgebraic` through the
/// exact defaults for every `OrderedField` in `OrderedField+NetworkScalar.swift` (a further
/// field adds one line `extension F: SignedNetworkScalar {}`); the symbolic `Expr`, whose
/// `relu()` is a node (`Expr+NetworkScalar.swift`).
public protocol NetworkScalar: Sendable {
    /// The exact image of a rational.
    init(_ q: Rational)
    static var zero: Self { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    /// σ(z) = max{0, z}.
    func relu() -> Self
    /// σ_α(z) = max{αz, z} for 0 ≤ α ≤ 1 (the leaky ReLU of Lyu, Li, Wang, Arora (2021)).
    func leakyRelu(slope: Rational) -> Self
}

/// A network scalar whose sign is decidable: needed for activation derivatives and for
/// activation patterns. `signum` is −1, 0 or 1 and exact for exact scalars.
public protocol SignedNetworkScalar: NetworkScalar {
    var signum: Int { get }
}
