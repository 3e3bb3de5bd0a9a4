import Exact

extension Network {
    /// The margins y_i Φ(θ; x_i) of a scalar-output network, exactly in the scalar type.
    public func margins<S: NetworkScalar>(_ θ: [S], on data: [LabeledPoint<S>]) -> [S] {
        precondition(outputDimension == 1, "margins need a scalar output")
        return data.map { self(θ, $0.x)[0] * $0.y[0] }
    }

    /// The normalized margin γ(θ) = min_i y_i Φ(θ/‖θ‖; x_i) (Vardi, Shamir, Srebro (ICLR 2022 submission) §6), which equals
    /// min_i y_i Φ(θ; x_i) / ‖θ‖^L for a homogeneous network of degree L (Vardi, Shamir, Srebro (2022) §2).
    /// Precondition: θ ≠ 0.
    public func normalizedMargin(_ θ: [Double], on data: [LabeledPoint<Double>]) -> Double {
        let norm = Network.squaredNorm(θ).squareRoot()
        precondition(norm > 0, "γ is undefined at θ = 0")
        return margins(θ.map { $0 / norm }, on: data).min()!
    }

    /// For every hidden neuron, ‖incoming weights‖² − ‖outgoing weights‖² (summed over the
    /// matrix entries). Under gradient flow on networks in 𝒩_no-share these are constant
    /// (Vardi, Shamir, Srebro (2022) Lemma C.3): the balancedness invariants. Indexed [hidden layer][neuron].
    public func neuronImbalances<S: NetworkScalar>(_ θ: [S]) -> [[S]] {
        zip(layers, layers.dropFirst()).map { incoming, outgoing in
            let w = incoming.weights.matrix(θ), v = outgoing.weights.matrix(θ)
            return (0 ..< incoming.weights.rows).map { r in
                w[r].reduce(S.zero) { $0 + $1 * $1 } - v.reduce(S.zero) { $0 + $1[r] * $1[r] }
            }
        }
    }

    /// ‖W_{l+1}‖_F² − ‖W_l‖_F² for consecutive layers: constant under gradient flow for every
    /// homogeneous network without weight sharing across entries (Du et al. 2018).
    public func layerImbalances<S: NetworkScalar>(_ θ: [S]) -> [S] {
        let squares = layers.map { $0.weights.matrix(θ).joined().reduce(S.zero) { $0 + $1 * $1 } }
        return zip(squares, squares.dropFirst()).map { $1 - $0 }
    }

    /// True when every hidden neuron is exactly balanced: ‖incoming‖² = ‖outgoing‖².
    public func isBalanced<S: SignedNetworkScalar>(_ θ: [S]) -> Bool {
        neuronImbalances(θ).joined().allSatisfy { $0.signum == 0 }
    }
}
