import Exact
import Networks

/// Problem (2) of Vardi, Shamir, Srebro (2022) (Lyu–Li's max-margin problem in parameter space):
///
///     minimize ½‖θ‖²  subject to  yᵢ Φ(θ; xᵢ) ≥ 1 for every i,
///
/// over an exact ordered field F (rationals, or real algebraic numbers when the data or the
/// point has radicals).
public struct MaxMarginProblem<F: OrderedField & SignedNetworkScalar>: Sendable {
    public let network: Network
    public let data: [LabeledPoint<F>]

    /// Precondition: scalar output, scalar labels, inputs of the network's dimension.
    public init(network: Network, data: [LabeledPoint<F>]) {
        precondition(network.outputDimension == 1, "problem (2) needs a scalar-output network")
        precondition(data.allSatisfy { $0.y.count == 1 && $0.x.count == network.inputDimension },
                     "data shape")
        self.network = network
        self.data = data
    }

    /// yᵢ Φ(θ; xᵢ) for every i.
    public func margins(_ θ: [F]) -> [F] { network.margins(θ, on: data) }

    /// ‖w_j‖² and v_j² for every hidden neuron j of a depth-2 scalar-output network: the
    /// incoming and outgoing squared weights, equal at every limit of gradient flow (Lemma C.4).
    public func neuronWeights(_ θ: [F]) -> [(incoming: F, outgoing: F)] {
        let first = network.layers[0].weights, second = network.layers[1].weights
        return (0 ..< first.rows).map { j in
            ((0 ..< first.columns).compactMap { first[j, $0] }.reduce(F.zero) { $0 + θ[$1] * θ[$1] },
             second[0, j].map { θ[$0] * θ[$0] } ?? F.zero)
        }
    }
}
