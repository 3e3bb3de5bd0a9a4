import Exact

/// A coordinate-wise activation σ: linear σ(z) = z, ReLU σ(z) = max{0, z}, leaky ReLU
/// σ(z) = max{αz, z} with a rational slope 0 ≤ α < 1, or a power of the ReLU σ(z) = max{0, z}^k,
/// k ≥ 2. The first three are positively homogeneous of degree 1 and the power of degree k
/// (σ(cz) = c^k σ(z) for c > 0), so a network built from them without skip or bias is
/// homogeneous (`Network.homogeneityDegree`).
public enum Activation: Hashable, Sendable, CustomStringConvertible {
    case linear
    case relu
    case leakyRelu(slope: Rational)
    /// max{0, z}^k with k ≥ 2: continuously differentiable, σ'(0) = 0.
    case reluPower(Int)

    /// σ(z).
    public func callAsFunction<S: NetworkScalar>(_ z: S) -> S {
        switch self {
        case .linear: z
        case .relu: z.relu()
        case .leakyRelu(let slope): z.leakyRelu(slope: slope)
        case .reluPower(let k): Self.power(z.relu(), k)
        }
    }

    /// The degree of positive homogeneity: k for max{0, z}^k, else 1.
    public var degree: Int {
        if case .reluPower(let k) = self { return k }
        return 1
    }

    /// zᵏ by repeated multiplication (k ≥ 1).
    static func power<S: NetworkScalar>(_ z: S, _ k: Int) -> S { (1 ..< k).reduce(z) { p, _ in p * z } }

    /// True when σ is not a polynomial around 0 (ReLU, leaky ReLU, powers of the ReLU): where a
    /// pre-activation is 0, Φ is only piecewise polynomial, and for ReLU and leaky ReLU the
    /// derivative is a choice from the Clarke subdifferential [σ'(0⁻), σ'(0⁺)] (for a power
    /// it is 0 on both sides).
    public var hasKink: Bool { self != .linear }

    /// σ'(z) for z ≠ 0; at z = 0 (kinked σ) the caller's choice `subgradientAtZero`, which
    /// must lie in the Clarke subdifferential: [0, 1] for ReLU, [α, 1] for leaky ReLU.
    public func derivative<S: SignedNetworkScalar>(at z: S, subgradientAtZero: Rational) -> S {
        switch self {
        case .linear:
            return S(Rational.one)
        case .reluPower(let k):
            return z.signum > 0 ? S(Rational(k)) * Self.power(z, k - 1) : .zero
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
        if case .reluPower = self { return derivative(at: z, subgradientAtZero: .zero) * δ }
        if self == .linear || z.signum > 0 { return δ }
        if self == .relu && z.signum < 0 { return .zero }
        return derivative(at: z, subgradientAtZero: subgradientAtZero) * δ
    }

    /// δ times the derivative at z of a frozen piece (see `piece(_:active:)`).
    public func pullback<S: NetworkScalar>(_ δ: S, at z: S, active: Bool) -> S {
        if case .reluPower(let k) = self { return active ? S(Rational(k)) * Self.power(z, k - 1) * δ : .zero }
        return active || self == .linear ? δ : (self == .relu ? .zero : S(leftSlope) * δ)
    }

    /// The polynomial piece of σ on the side `active` (z > 0) or not, whatever the sign of z:
    /// z ↦ σ'(0⁺)·z or z ↦ σ'(0⁻)·z, and z ↦ zᵏ or 0 for a power.
    public func piece<S: NetworkScalar>(_ z: S, active: Bool) -> S {
        if case .reluPower(let k) = self { return active ? Self.power(z, k) : .zero }
        return active ? z : (self == .relu ? .zero : S(leftSlope) * z)
    }

    /// σ'(z) for z < 0: 1, 0 or α (0 for a power).
    public var leftSlope: Rational {
        switch self {
        case .linear: .one
        case .relu, .reluPower: .zero
        case .leakyRelu(let slope): slope
        }
    }

    public var description: String {
        switch self {
        case .linear: "linear"
        case .relu: "relu"
        case .leakyRelu(let slope): "leaky-relu(\(slope))"
        case .reluPower(let k): "relu^\(k)"
        }
    }
}
