import Exact
import Networks

/// The Clarke subdifferential ∂°f(θ) of f = cᵀΦ(·; x) (c = (1) for a scalar output) (Vardi, Shamir, Srebro (2022), App. B) for a
/// ReLU / leaky-ReLU network at a point where kinked neurons have input exactly 0 — with shared
/// weights, whose neurons are coupled (identical patches move together; a patch of zeros never
/// leaves its kink), described exactly where the structure allows and bracketed otherwise.
///
/// Theorem used (Clarke, *Optimization and Nonsmooth Analysis*, 1983, Thm 2.5.1): for f
/// Lipschitz near θ and any null set N, ∂°f(θ) = conv{lim ∇f(θⱼ) : θⱼ → θ, θⱼ ∉ N, f
/// differentiable at θⱼ}. Near θ the network is the polynomial P_s of a *pattern* s (a slope,
/// 1 or σ'(0⁻), at each zero-input neuron, the frozen trace of `Network.trace(_:_:frozen:)`) on
/// the region where the inputs have the pattern's signs, so every such limit is some ∇P_s(θ).
/// The zero-input neurons are the kinks of a `KinkArrangement` (moving coordinates `free`):
/// - a *flat* kink (input linear in θ_V with zero gradient — e.g. a patch of zeros under a
///   shared filter) has σ(z) ≡ 0 near θ, so its slope does not change P_s: it takes one;
/// - an *inert* kink (a hidden neuron whose outgoing weights are all 0 at θ — a dead neuron)
///   changes nothing at θ: σ(z) = 0 either way, and its slope multiplies a zero cotangent in
///   ∇P_s and in every deeper input's gradient; so its side does not change ∇P_s(θ) (on each
///   realizable region of the other kinks, either side's gradient tends to the same limit), and
///   it is handed to the arrangement as flat;
/// - a pattern that is *first-order realizable* has an open region touching θ, on which f = P_s:
///   its gradient is a limit of gradients, so it lies in ∂°f (`inner`);
/// - every pattern *not* enumerated is excluded exactly: take N = the zero sets of the
///   non-flat linear kinks' inputs (hyperplanes) and of the non-flat non-linear ones (zero sets
///   of nonzero piecewise polynomials where they are not identically 0); off N every kink is
///   strictly signed or identically 0 near θⱼ, and `KinkArrangement`'s completeness puts θⱼ's
///   signs among the enumerated patterns, so ∂°f ⊂ conv(`outer`).
/// Hence inner ⊂ ∂°f ⊂ conv(outer), with equality (`isExact`) when every enumerated pattern is
/// first-order realizable — always when all kinks are linear (first layer, or the per-layer
/// problem's layer), identical patches included: a pattern giving two identical inputs
/// different signs has an infeasible strict system and is never enumerated.
/// A KKT certificate over `inner` is a proof; a Farkas certificate against `outer` is a
/// refutation.
public struct ClarkeSubdifferential<F: OrderedField & SignedNetworkScalar>: Sendable {
    /// The kinked neurons with input exactly 0.
    public let zeroNeurons: [Neuron]
    /// One gradient per enumerated pattern; conv(outer) ⊃ ∂°f.
    public let outer: [Pattern]
    /// The first-order realizable patterns; conv(inner) ⊂ ∂°f.
    public var inner: [Pattern] { outer.filter(\.isRealizable) }
    /// True when every enumerated pattern is realizable, so the two hulls coincide and ∂°f is exact.
    public var isExact: Bool { outer.allSatisfy(\.isRealizable) }

    public struct Pattern: Sendable {
        /// The slope chosen at each zero-input neuron, in the order of `zeroNeurons`.
        public let slopes: [Rational]
        /// ∇P_s(θ) over all of θ.
        public let gradient: [F]
        /// A direction d over the moving coordinates along which, at first order, every zero
        /// input that is not flat takes the pattern's side (sₖ∇zₖ·d > 0): f = P_s on the open
        /// cone around d. Nil when the pattern is not first-order realizable.
        public let realizingDirection: [F]?
        public var isRealizable: Bool { realizingDirection != nil }
    }

    /// The largest number of patterns enumerated (`KinkArrangement.maximumSignVectors`).
    public static var maximumPatterns: Int { KinkArrangement<F>.maximumSignVectors }

    /// Computes the bracket at (θ, x) for moves of the coordinates `free` (all of θ when nil),
    /// of cᵀΦ for the output cotangent c (`cotangent`; (1) for a scalar output when nil); nil
    /// when more than `maximumPatterns` patterns are enumerated.
    /// Past a bound `Deadline`, throws `Unable` (see `LinearProgram.solve`).
    public init?(network: Network, at θ: [F], input x: [F], free: [Int]? = nil, cotangent: [F]? = nil) throws(Unable) {
        let free = free ?? Array(θ.indices)
        let trace = network.trace(θ, x)
        let zeros = network.zeroPreActivations(trace)
        let natural = network.activeNeurons(trace)
        func frozen(_ sides: [KinkArrangement<F>.Side]) -> [[Bool]] {
            var frozen = natural
            for (neuron, side) in zip(zeros, sides) { frozen[neuron.layer][neuron.index] = side.isActive }
            return frozen
        }
        let moving = Set(free)
        let inert = zeros.map { network.isInert($0, at: θ) }
        let arrangement = KinkArrangement<F>(
            count: zeros.count, dimension: free.count,
            isLinear: { k in inert[k] || !network.layers[..<zeros[k].layer].contains { $0.weights.entries.contains { $0.map(moving.contains) ?? false } } },
            gradient: { k, sides in
                guard !inert[k] else { return Array(repeating: .zero, count: free.count) }
                let full = network.preActivationGradient(of: zeros[k], at: θ, input: x, frozen: frozen(sides))
                return free.map { full[$0] }
            })
        guard case .complete(let signVectors) = try arrangement.enumerate() else { return nil }
        zeroNeurons = zeros
        outer = signVectors.map { vector in
            let pieces = frozen(vector.sides)
            return Pattern(slopes: zip(zeros, vector.sides).map { $1.isActive ? .one : network.layers[$0.layer].activation.leftSlope },
                           gradient: network.pullback(θ, network.trace(θ, x, frozen: pieces), cotangent: cotangent ?? [F.one]),
                           realizingDirection: vector.realizingDirection)
        }
    }
}

extension Network {
    /// Whether `neuron` is hidden and every weight leaving it is 0 (or absent) at θ.
    func isInert<F: SignedNetworkScalar>(_ neuron: Neuron, at θ: [F]) -> Bool {
        guard neuron.layer + 1 < layers.count else { return false }
        let next = layers[neuron.layer + 1].weights
        return (0 ..< next.rows).allSatisfy { i in next[i, neuron.index].map { θ[$0].signum == 0 } ?? true }
    }

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
