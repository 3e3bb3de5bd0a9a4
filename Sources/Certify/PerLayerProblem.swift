import Exact
import Networks

/// Problem (4) of Vardi, Shamir, Srebro (2022) (Sec. 5), the max-margin problem for one layer l with the other
/// layers held at a reference point θ₀:
///
///     minimize ½‖u‖²  subject to  yᵢ Φ(θ₀[u^(l) := u]; xᵢ) ≥ 1 for every i.
///
/// For a network in 𝒩 (no skip connection, no bias; shared weights allowed inside a layer)
/// write hᵢ(u) = yᵢΦ(θ₀[u^(l) := u]; xᵢ). The layers below l are fixed, so hᵢ sees a fixed
/// input; on each activation pattern of the neurons in layers ≥ l, hᵢ is linear in u
/// (positively homogeneous of degree 1), hᵢ(u) = ⟨aᵢₚ, u⟩ with aᵢₚ = yᵢ∂Φₚ/∂u^(l). The
/// checks rest on this:
/// - a pattern whose region (in u, the other layers fixed) has interior touching u gives
///   aᵢₚ ∈ ∂°hᵢ(u); all patterns give a polytope containing ∂°hᵢ(u);
/// - at u every pattern's linear piece takes the value hᵢ(u) (a zero-input neuron outputs 0
///   whatever its slope), so ⟨aᵢₚ, u⟩ = hᵢ(u) for every p (Euler's identity).
/// Hence the linear max-margin problem min ½‖u‖² s.t. ⟨aᵢₚ, u⟩ ≥ 1 — one constraint per
/// example and pattern — has the same active set at u as problem (4), and its KKT conditions
/// with the realizable patterns imply those of problem (4); it is solved as problem (2) of a
/// depth-1 linear network, so the exact LP, the multipliers and the Farkas certificates of
/// `MaxMarginProblem.isKKTPoint` are reused unchanged.
public struct PerLayerProblem<F: OrderedField & SignedNetworkScalar>: Sendable {
    /// The network and data of problem (2).
    public let problem: MaxMarginProblem<F>
    /// The layer l, 0-based (the papers count from 1).
    public let layer: Int
    /// θ₀: the values of the other layers.
    public let reference: [F]
    /// The indices in θ of the parameters u^(l) of layer l, ascending.
    public let coordinates: [Int]

    /// Nil when the network is not in 𝒩: a skip connection or a bias, or a parameter shared
    /// between layers; or when the labels are classes (margins yᵢΦ only), or an activation is a
    /// power (hᵢ is then not linear in u on a pattern). Precondition: `layer` is one of its layers, `reference` a point of it.
    public init?(_ problem: MaxMarginProblem<F>, layer: Int, reference: [F]) {
        let network = problem.network
        precondition(network.layers.indices.contains(layer), "no layer \(layer + 1)")
        precondition(reference.count == network.parameterCount, "reference point shape")
        let perLayer = network.layers.map { Set($0.weights.entries.compactMap { $0 }) }
        guard network.homogeneityDegree == network.depth, !problem.hasClassLabels, perLayer.enumerated().allSatisfy({ k, s in
            perLayer.enumerated().allSatisfy { $0.offset == k || $0.element.isDisjoint(with: s) }
        }) else { return nil }
        self.problem = problem
        self.layer = layer
        self.reference = reference
        coordinates = perLayer[layer].sorted()
    }

    /// u₀ = θ₀'s own layer l.
    public var referenceLayer: [F] { coordinates.map { reference[$0] } }

    /// θ₀ with layer l replaced by u.
    public func point(_ u: [F]) -> [F] {
        precondition(u.count == coordinates.count, "layer \(layer + 1) has \(coordinates.count) parameters")
        var θ = reference
        for (k, value) in zip(coordinates, u) { θ[k] = value }
        return θ
    }

    /// hᵢ(u) = yᵢΦ(θ₀[u^(l) := u]; xᵢ) for every i.
    public func margins(_ u: [F]) -> [F] { problem.margins(point(u)) }

    /// The zero-input neurons of layers ≥ l on xᵢ at u: where hᵢ may have a kink.
    public func kinks(_ u: [F], example i: Int) -> [Neuron] {
        let network = problem.network
        return network.zeroPreActivations(network.trace(point(u), problem.data[i].x)).filter { $0.layer >= layer }
    }
}

extension PerLayerProblem {
    /// The pieces aᵢₚ = yᵢ∂Φₚ/∂u^(l) of hᵢ at u, each with whether its pattern is realizable
    /// by moving layer l alone: the Clarke bracket of `ClarkeSubdifferential` for the moving
    /// coordinates u^(l) (a zero input below layer l cannot move: it is flat); nil when too many
    /// patterns are realizable to enumerate.
    func pieces(_ u: [F], example i: Int) throws(Unable) -> [(gradient: [F], isRealizable: Bool)]? {
        let network = problem.network, θ = point(u), x = problem.data[i].x
        guard let clarke = try ClarkeSubdifferential(network: network, at: θ, input: x, free: coordinates) else { return nil }
        let y = problem.data[i].y[0]
        var result: [(gradient: [F], isRealizable: Bool)] = []
        for pattern in clarke.outer {
            let gradient = coordinates.map { y * pattern.gradient[$0] }
            if let k = result.firstIndex(where: { $0.gradient == gradient }) {
                result[k].isRealizable = result[k].isRealizable || pattern.isRealizable
            } else {
                result.append((gradient, pattern.isRealizable))
            }
        }
        return result
    }

    /// The linear max-margin problem min ½‖u‖² s.t. ⟨a, u⟩ ≥ 1 over the given pieces, as
    /// problem (2) of a depth-1 linear network (inputs a, labels 1), with each piece's example.
    func linearization(_ pieces: [(example: Int, gradient: [F])]) -> (MaxMarginProblem<F>, examples: [Int]) {
        let network = Network.fullyConnected(widths: [coordinates.count, 1], activation: .linear)
        let data = pieces.map { LabeledPoint(x: $0.gradient, label: F.one) }
        return (MaxMarginProblem(network: network, data: data), pieces.map(\.example))
    }
}
