import Exact

/// All intermediate values of one evaluation Φ(θ; x): what ReLU case splits, Clarke sets and
/// backpropagation need.
public struct ForwardTrace<S: NetworkScalar>: Sendable {
    /// `preActivations[l]` = W_l h_{l−1} + b_l (the inputs to the neurons of layer l, 0-based).
    public let preActivations: [[S]]
    /// `activations[0]` = x, `activations[l + 1]` = σ_l(preActivations[l]).
    public let activations: [[S]]
    /// Φ(θ; x): the last activation plus the skip connection and the bias.
    public let output: [S]
    /// When set, the activation piece each neuron was evaluated on (`true`: σ(z) = z,
    /// `false`: σ(z) = σ'(0⁻)·z) regardless of the sign of z; see `trace(_:_:frozen:)`.
    public let frozen: [[Bool]]?
}

/// A neuron: layer l (0-based) and its row.
public struct Neuron: Hashable, Sendable, CustomStringConvertible {
    public let layer: Int
    public let index: Int

    public init(layer: Int, index: Int) {
        self.layer = layer
        self.index = index
    }

    public var description: String { "neuron \(index + 1) of layer \(layer + 1)" }
}

extension Network {
    /// The forward pass at θ and x.
    ///
    /// With `frozen` (one flag per neuron and layer), every neuron is evaluated on the linear
    /// piece the flag names instead of the one the sign of its input selects: the polynomial
    /// extension of Φ from one activation region, which an ODE solver can step on smoothly
    /// while it locates the region's boundary.
    public func trace<S: NetworkScalar>(_ θ: [S], _ x: [S], frozen: [[Bool]]? = nil) -> ForwardTrace<S> {
        precondition(θ.count == parameterCount, "θ has \(θ.count) entries, expected \(parameterCount)")
        var pre: [[S]] = []
        var post: [[S]] = [x]
        for (l, layer) in layers.enumerated() {
            let z = layer.preActivation(θ, post.last!)
            pre.append(z)
            if let frozen {
                post.append(zip(z, frozen[l]).map { layer.activation.piece($0, active: $1) })
            } else {
                post.append(z.map { layer.activation($0) })
            }
        }
        var output = post.last!
        if let skip {
            output = zip(output, skip.apply(θ, to: x)).map { $0 + $1 }
        }
        if let outputBias {
            output = zip(output, outputBias).map { $0 + θ[$1] }
        }
        return ForwardTrace(preActivations: pre, activations: post, output: output, frozen: frozen)
    }

    /// Φ(θ; x).
    public func callAsFunction<S: NetworkScalar>(_ θ: [S], _ x: [S]) -> [S] { trace(θ, x).output }

    /// The kinked neurons (ReLU, leaky ReLU) whose input is exactly 0 at (θ, x): where ∂Φ/∂θ
    /// is a Clarke set rather than a gradient.
    public func zeroPreActivations<S: SignedNetworkScalar>(_ trace: ForwardTrace<S>) -> [Neuron] {
        layers.indices.flatMap { l in
            layers[l].activation.hasKink
                ? trace.preActivations[l].indices.filter { trace.preActivations[l][$0].signum == 0 }
                    .map { Neuron(layer: l, index: $0) }
                : []
        }
    }

    /// The signs of the inputs to the kinked neurons, layer by layer: the activation pattern
    /// (a ReLU network is polynomial in θ while this pattern is constant).
    public func activationPattern<S: SignedNetworkScalar>(_ trace: ForwardTrace<S>) -> [Int8] {
        layers.indices.flatMap { l in
            layers[l].activation.hasKink ? trace.preActivations[l].map { Int8($0.signum) } : []
        }
    }

    /// For every layer and neuron, whether its input is > 0 (on linear layers: true): the
    /// region of θ-space Φ is polynomial on, in the form `trace(_:_:frozen:)` takes.
    public func activeNeurons<S: SignedNetworkScalar>(_ trace: ForwardTrace<S>) -> [[Bool]] {
        layers.indices.map { l in
            layers[l].activation.hasKink ? trace.preActivations[l].map { $0.signum > 0 } : trace.preActivations[l].map { _ in true }
        }
    }

    /// cᵀ ∂Φ/∂θ (a vector–Jacobian product, by backpropagation) for a cotangent c on the
    /// output. At a kinked neuron with input exactly 0 the derivative σ'(0) is
    /// `subgradientAtZero` (0 by default, the convention σ'(0) = 0 of Timor, Vardi, Shamir (2022) §2); the exact
    /// path enumerates the Clarke set itself via `zeroPreActivations`. A frozen trace is
    /// differentiated on its frozen pieces.
    public func pullback<S: SignedNetworkScalar>(_ θ: [S], _ trace: ForwardTrace<S>, cotangent c: [S],
                                                 subgradientAtZero: Rational = .zero) -> [S] {
        precondition(c.count == outputDimension, "cotangent length")
        var g = [S](repeating: .zero, count: parameterCount)
        accumulatePullback(θ, trace, cotangent: c, subgradientAtZero: subgradientAtZero, into: &g)
        return g
    }

    /// g += cᵀ ∂Φ/∂θ; see `pullback`.
    public func accumulatePullback<S: SignedNetworkScalar>(
        _ θ: [S], _ trace: ForwardTrace<S>, cotangent c: [S], subgradientAtZero: Rational = .zero,
        into g: inout [S]
    ) {
        let x = trace.activations[0]
        if let skip { Self.accumulateOuter(skip, c, x, into: &g) }
        if let outputBias { for (r, k) in outputBias.enumerated() { g[k] = g[k] + c[r] } }
        var δ = c
        for l in layers.indices.reversed() {
            let layer = layers[l]
            let z = trace.preActivations[l]
            let δz = z.indices.map { i in
                trace.frozen.map { layer.activation.pullback(δ[i], at: z[i], active: $0[l][i]) }
                    ?? layer.activation.pullback(δ[i], at: z[i], subgradientAtZero: subgradientAtZero)
            }
            Self.accumulateOuter(layer.weights, δz, trace.activations[l], into: &g)
            if let bias = layer.bias { for (i, k) in bias.enumerated() { if let k { g[k] = g[k] + δz[i] } } }
            guard l > 0 else { break }
            var previous = [S](repeating: .zero, count: layer.weights.columns)
            for i in 0 ..< layer.weights.rows {
                for j in 0 ..< layer.weights.columns {
                    if let k = layer.weights[i, j] { previous[j] = previous[j] + θ[k] * δz[i] }
                }
            }
            δ = previous
        }
    }

    /// ∂Φ_r/∂θ for every output r (rows of the Jacobian).
    public func jacobian<S: SignedNetworkScalar>(_ θ: [S], _ x: [S], subgradientAtZero: Rational = .zero) -> [[S]] {
        let t = trace(θ, x)
        return (0 ..< outputDimension).map { r in
            pullback(θ, t, cotangent: (0 ..< outputDimension).map { S(Rational($0 == r ? 1 : 0)) },
                     subgradientAtZero: subgradientAtZero)
        }
    }

    /// ∂Φ/∂θ for a scalar-output network.
    public func gradient<S: SignedNetworkScalar>(_ θ: [S], _ x: [S], subgradientAtZero: Rational = .zero) -> [S] {
        precondition(outputDimension == 1, "gradient needs a scalar output; use jacobian")
        return jacobian(θ, x, subgradientAtZero: subgradientAtZero)[0]
    }

    /// g[k] += a_i b_j for every entry (i, j) of `pattern` naming θ[k].
    private static func accumulateOuter<S: NetworkScalar>(_ pattern: WeightPattern, _ a: [S], _ b: [S],
                                                           into g: inout [S]) {
        for i in 0 ..< pattern.rows {
            for j in 0 ..< pattern.columns {
                if let k = pattern[i, j] { g[k] = g[k] + a[i] * b[j] }
            }
        }
    }
}
