import Exact
import Networks

/// The Clarke subdifferential ∂°Φ(·; x)(θ) (Vardi, Shamir, Srebro (2022), App. B) of a ReLU / leaky-ReLU network
/// at a point where some kinked neurons have input exactly 0, bracketed by two polytopes.
///
/// Near θ the network is polynomial on each region of constant activation pattern, so every
/// limit of nearby gradients is the gradient at θ of one pattern's polynomial: backpropagation
/// with the slope at each zero-input neuron fixed to its left slope (0 for ReLU, α for leaky
/// ReLU) or to 1. Hence
/// - `outer`: the gradients of all 2^|Z| patterns; their convex hull contains ∂°Φ.
/// - `inner`: the gradients of the patterns shown to be *realizable* — an exact LP finds a
///   direction d along which every zero input takes the pattern's sign at first order
///   (upstream slopes fixed by the pattern), so the pattern's region touches θ and its
///   gradient is a limit of gradients; their convex hull is contained in ∂°Φ.
/// A KKT certificate that uses only `inner` is a proof; an infeasibility certificate against
/// `outer` is a refutation; anything in between is undecided.
public struct ClarkeSubdifferential<F: OrderedField & SignedNetworkScalar>: Sendable {
    /// The kinked neurons with input exactly 0.
    public let zeroNeurons: [Neuron]
    /// One gradient per pattern of `zeroNeurons` (all 2^|Z| of them).
    public let outer: [Pattern]
    /// The realizable patterns among `outer`.
    public var inner: [Pattern] { outer.filter(\.isRealizable) }
    /// True when every pattern is realizable, so the two hulls coincide and ∂°Φ is exact.
    public var isExact: Bool { outer.allSatisfy(\.isRealizable) }

    public struct Pattern: Sendable {
        /// The slope chosen at each zero-input neuron, in the order of `zeroNeurons`.
        public let slopes: [Rational]
        public let gradient: [F]
        public let isRealizable: Bool
    }

    /// The largest number of zero-input neurons enumerated (2^12 patterns).
    public static var maximumZeroNeurons: Int { 12 }

    /// Computes the bracket at (θ, x); nil when more than `maximumZeroNeurons` inputs are 0.
    public init?(network: Network, at θ: [F], input x: [F]) {
        let trace = network.trace(θ, x)
        let zeros = network.zeroPreActivations(trace)
        guard zeros.count <= Self.maximumZeroNeurons else { return nil }
        zeroNeurons = zeros
        let natural = network.activeNeurons(trace)
        outer = Self.allCombinations(zeros.count).map { activity in
            var frozen = natural
            for (neuron, active) in zip(zeros, activity) { frozen[neuron.layer][neuron.index] = active }
            let slopes = zip(zeros, activity).map { $1 ? Rational.one : network.layers[$0.layer].activation.leftSlope }
            return Pattern(slopes: slopes,
                           gradient: network.pullback(θ, network.trace(θ, x, frozen: frozen), cotangent: [F.one]),
                           isRealizable: Self.isRealizable(network: network, θ: θ, x: x, zeros: zeros,
                                                           activity: activity, frozen: frozen))
        }
    }

    /// Every assignment of active (true) / inactive (false) to `count` neurons.
    static func allCombinations(_ count: Int) -> [[Bool]] {
        (0 ..< count).reduce([[]]) { partial, _ in partial.flatMap { [$0 + [false], $0 + [true]] } }
    }

    /// Whether some direction d gives every zero input the sign of its chosen slope
    /// (positive for slope 1, negative for the left slope) at first order: sₖ∇zₖ·d > 0 for
    /// all k, decided exactly by `LinearProgram.hasStrictSolution`.
    static func isRealizable(network: Network, θ: [F], x: [F], zeros: [Neuron],
                             activity: [Bool], frozen: [[Bool]]) -> Bool {
        LinearProgram<F>.hasStrictSolution(zeros.enumerated().map { k, neuron in
            let sign: F = activity[k] ? .one : -F.one
            return network.preActivationGradient(of: neuron, at: θ, input: x, frozen: frozen).map { sign * $0 }
        })
    }
}

extension Network {
    /// ∂z/∂θ for the input z of `neuron`, with the layers below it on the frozen pieces.
    func preActivationGradient<F: SignedNetworkScalar>(of neuron: Neuron, at θ: [F], input x: [F],
                                                      frozen: [[Bool]]) -> [F] {
        let weights = layers[neuron.layer].weights
        let row = WeightPattern(rows: 1, columns: weights.columns,
                                entries: (0 ..< weights.columns).map { weights[neuron.index, $0] })
        let bias = layers[neuron.layer].bias.map { [$0[neuron.index]] }
        let truncated = Network(layers: Array(layers[..<neuron.layer]) + [Layer(weights: row, activation: .linear, bias: bias)],
                                blocks: blocks)
        let pieces = Array(frozen[..<neuron.layer]) + [[true]]
        return truncated.pullback(θ, truncated.trace(θ, x, frozen: pieces), cotangent: [F(Rational.one)])
    }
}
