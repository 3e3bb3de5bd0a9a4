import Exact

/// A coordinate-wise activation σ: linear σ(z) = z, ReLU σ(z) = max{0, z}, or leaky ReLU
/// σ(z) = max{αz, z} with a rational slope 0 ≤ α < 1. All three are positively homogeneous of
/// degree 1, so a network built from them without skip or bias is homogeneous.
public enum Activation: Hashable, Sendable, CustomStringConvertible {
    case linear
    case relu
    case leakyRelu(slope: Rational)

    /// σ(z).
    public func callAsFunction<S: NetworkScalar>(_ z: S) -> S {
        switch self {
        case .linear: z
        case .relu: z.relu()
        case .leakyRelu(let slope): z.leakyRelu(slope: slope)
        }
    }

    /// True when σ has a kink at 0 (ReLU, leaky ReLU): where a pre-activation is 0 the
    /// derivative is a choice from the Clarke subdifferential [σ'(0⁻), σ'(0⁺)].
    public var hasKink: Bool { self != .linear }

    /// σ'(z) for z ≠ 0; at z = 0 (kinked σ) the caller's choice `subgradientAtZero`, which
    /// must lie in the Clarke subdifferential: [0, 1] for ReLU, [α, 1] for leaky ReLU.
    public func derivative<S: SignedNetworkScalar>(at z: S, subgradientAtZero: Rational) -> S {
        switch self {
        case .linear:
            return S(Rational.one)
        case .relu, .leakyRelu:
            let left = leftSlope
            let sign = z.signum
            if sign > 0 { return S(Rational.one) }
            if sign < 0 { return S(left) }
            precondition(left <= subgradientAtZero && subgradientAtZero <= 1,
                         "subgradient \(subgradientAtZero) outside the Clarke set [\(left), 1]")
            return S(subgradientAtZero)
        }
    }

    /// δ·σ'(z) (backpropagation through σ), with σ'(0) = `subgradientAtZero` as in
    /// `derivative(at:subgradientAtZero:)`; multiplies only for slopes other than 0 and 1.
    public func pullback<S: SignedNetworkScalar>(_ δ: S, at z: S, subgradientAtZero: Rational) -> S {
        if self == .linear || z.signum > 0 { return δ }
        if self == .relu && z.signum < 0 { return .zero }
        return derivative(at: z, subgradientAtZero: subgradientAtZero) * δ
    }

    /// δ times the slope of a frozen piece (see `piece(_:active:)`).
    public func pullback<S: NetworkScalar>(_ δ: S, active: Bool) -> S {
        active || self == .linear ? δ : (self == .relu ? .zero : S(leftSlope) * δ)
    }

    /// The linear piece z ↦ σ'(0⁺)·z (`active`) or z ↦ σ'(0⁻)·z, whatever the sign of z.
    public func piece<S: NetworkScalar>(_ z: S, active: Bool) -> S {
        active ? z : (self == .relu ? .zero : S(leftSlope) * z)
    }

    /// σ'(z) for z < 0: 1, 0 or α.
    public var leftSlope: Rational {
        switch self {
        case .linear: .one
        case .relu: .zero
        case .leakyRelu(let slope): slope
        }
    }

    public var description: String {
        switch self {
        case .linear: "linear"
        case .relu: "relu"
        case .leakyRelu(let slope): "leaky-relu(\(slope))"
        }
    }
}
