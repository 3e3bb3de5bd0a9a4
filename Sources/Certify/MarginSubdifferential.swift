import Exact
import Networks

/// The Clarke subdifferential ∂°q(θ) of one example's margin q(θ) = minⱼ cⱼᵀΦ(θ; x), where the
/// cⱼ are the example's `Network.marginFunctionals` ([y] for a scalar label, so q = yΦ; e_c − e_j
/// for every j ≠ c for a class label c, so q = Φ_c − max_{j≠c} Φ_j), bracketed by two finite
/// sets of gradients as `ClarkeSubdifferential` brackets ∂°Φ.
///
/// Near θ only the functionals attaining the minimum at θ (the *active* ones) matter, and Φ is
/// polynomial on each activation pattern p of the zero-input neurons; so q is a continuous
/// selection of the polynomials cⱼᵀΦₚ (p a pattern, j active), and ∂°q(θ) is the convex hull
/// of the limits of gradients at points where q is differentiable (Clarke 1983, Thm 2.5.1).
/// For a minimum, −q = maxⱼ(−cⱼᵀΦ) and ∂°q(θ) ⊆ co{∂°(cⱼᵀΦ)(θ) : j active} (Clarke 1983,
/// Prop. 2.3.12), with each ∂°(cⱼᵀΦ) inside the hull of its pattern gradients. Hence
/// - `outer`: ∇(cⱼᵀΦₚ)(θ) for every pattern p and active j; their hull contains ∂°q(θ);
/// - `inner`: the pairs (p, j) for which an exact LP finds a direction d along which, at
///   first order, every zero input takes p's sign and cⱼᵀΦₚ is strictly below every other
///   active functional on p. On the open cone around d the margin is the polynomial cⱼᵀΦₚ,
///   so ∇(cⱼᵀΦₚ)(θ) is a limit of gradients of q and lies in ∂°q(θ).
/// With one functional (a scalar label) this is `ClarkeSubdifferential` scaled by y.
/// The bracket takes `ClarkeSubdifferential`'s patterns of the zero inputs (the cells of their
/// arrangement, coupled and flat inputs included) times the active functionals.
public struct MarginSubdifferential<F: OrderedField & SignedNetworkScalar>: Sendable {
    /// The indices (into the example's functionals) attaining the margin at θ.
    public let activeFunctionals: [Int]
    /// One gradient per pattern of the zero-input neurons and active functional.
    public let outer: [Piece]
    /// The pieces shown to be realizable.
    public var inner: [Piece] { outer.filter(\.isRealizable) }
    /// True when every enumerated piece is realizable, so the two hulls coincide.
    public var isExact: Bool { outer.allSatisfy(\.isRealizable) }

    public struct Piece: Sendable {
        /// The activity chosen at each zero-input neuron (true: the slope-1 side).
        public let pattern: [Bool]
        /// The functional cⱼ, as an index into the example's `marginFunctionals`.
        public let functional: Int
        /// ∇(cⱼᵀΦₚ)(θ).
        public let gradient: [F]
        /// A direction d of θ on whose open cone the margin is cⱼᵀΦₚ (every zero input on p's
        /// side and cⱼ strictly the smallest active functional, at first order); nil when the
        /// piece is not shown realizable.
        public let realizingDirection: [F]?
        public var isRealizable: Bool { realizingDirection != nil }
    }

    /// The bracket at θ for `example`, over the patterns `ClarkeSubdifferential` enumerates
    /// (its realizable sign vectors; nil when there are more than its `maximumPatterns`). A
    /// scalar label takes those patterns as they are.
    /// Past a bound `Deadline`, throws `Unable` (see `LinearProgram.solve`).
    public init?(network: Network, at θ: [F], example: LabeledPoint<F>) throws(Unable) {
        let functionals = network.marginFunctionals(example)
        guard functionals.count > 1 else {
            guard let clarke = try ClarkeSubdifferential(network: network, at: θ, input: example.x) else { return nil }
            let y = functionals[0][0]
            activeFunctionals = [0]
            outer = clarke.outer.map { pattern in
                Piece(pattern: pattern.slopes.map { $0 == .one }, functional: 0, gradient: pattern.gradient.map { y * $0 },
                      realizingDirection: pattern.realizingDirection)
            }
            return
        }
        let values = network.pairwiseMargins(θ, example)
        let smallest = values.dropFirst().reduce(values[0]) { $1 < $0 ? $1 : $0 }
        let active = values.indices.filter { values[$0] == smallest }
        // The patterns of the zero inputs do not depend on the functional; their gradients are
        // taken per functional below.
        guard let clarke = try ClarkeSubdifferential(network: network, at: θ, input: example.x, cotangent: functionals[active[0]]) else {
            return nil
        }
        let zeros = clarke.zeroNeurons
        activeFunctionals = active
        let natural = network.activeNeurons(network.trace(θ, example.x))
        var pieces: [Piece] = []
        for pattern in clarke.outer {
            let activity = pattern.slopes.map { $0 == .one }
            var frozen = natural
            for (neuron, side) in zip(zeros, activity) { frozen[neuron.layer][neuron.index] = side }
            let pieceTrace = network.trace(θ, example.x, frozen: frozen)
            let gradients = active.map { network.pullback(θ, pieceTrace, cotangent: functionals[$0]) }
            // sₖ∇zₖ·d > 0: every zero input on the pattern's side at first order (a flat input,
            // with zero gradient, keeps its kink near θ and constrains nothing).
            let region = zip(zeros, activity).map { neuron, side in
                network.preActivationGradient(of: neuron, at: θ, input: example.x, frozen: frozen).map { side ? $0 : -$0 }
            }.filter { $0.contains { $0.signum != 0 } }
            for (a, j) in active.enumerated() {
                // (∇(cₖᵀΦₚ) − ∇(cⱼᵀΦₚ))·d > 0: cⱼ strictly the smallest active functional.
                let below = gradients.indices.filter { $0 != a }.map { b in zip(gradients[b], gradients[a]).map { $0 - $1 } }
                let direction = pattern.isRealizable ? try LinearProgram<F>.strictSolution(region + below, dimension: θ.count) : nil
                pieces.append(Piece(pattern: activity, functional: j, gradient: gradients[a], realizingDirection: direction))
            }
        }
        outer = pieces
    }
}
