import Exact
import Networks

/// Problem (2) of Vardi, Shamir, Srebro (2022) (Lyu–Li's max-margin problem in parameter space):
///
///     minimize ½‖θ‖²  subject to  yᵢ Φ(θ; xᵢ) ≥ 1 for every i,
///
/// over an exact ordered field F (rationals, or real algebraic numbers when the data or the
/// point has radicals).
///
/// With class labels cᵢ of a vector-output network the margin is Φ_{cᵢ}(θ; xᵢ) − max_{j≠cᵢ} Φ_j(θ; xᵢ)
/// (the multi-class margin of Lyu, Li (2020), "Gradient descent maximizes the margin of
/// homogeneous neural networks", extension to multi-class classification).
public struct MaxMarginProblem<F: OrderedField & SignedNetworkScalar>: Sendable {
    public let network: Network
    public let data: [LabeledPoint<F>]

    /// Precondition: inputs of the network's dimension; scalar labels of a scalar-output
    /// network, or class labels (`LabeledPoint.init(x:class:classes:)`) of its outputs.
    public init(network: Network, data: [LabeledPoint<F>]) {
        precondition(data.allSatisfy { point in
            point.x.count == network.inputDimension && (point.classIndex == nil
                ? network.outputDimension == 1 && point.y.count == 1 : point.y.count == network.outputDimension)
        }, "data shape")
        self.network = network
        self.data = data
    }

    /// The margins: yᵢ Φ(θ; xᵢ), or Φ_{cᵢ} − max_{j≠cᵢ} Φ_j for a class label.
    public func margins(_ θ: [F]) -> [F] { network.margins(θ, on: data) }

    /// True when some example has a class label (a multi-class margin).
    public var hasClassLabels: Bool { data.contains { $0.classIndex != nil } }

    /// Why the optimality methods (closed forms, the dual certificate, the second-order engine),
    /// written for scalar margins yᵢΦ, do not apply; nil for scalar labels.
    var multiClassReason: String? {
        hasClassLabels ? "multi-class margins Φ_c − max_{j≠c} Φ_j: the optimality methods handle scalar margins yᵢΦ only (feasibility and KKT are decided; give a witness point to refute optimality)" : nil
    }

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
