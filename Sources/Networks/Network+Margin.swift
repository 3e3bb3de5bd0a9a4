import Exact

extension Network {
    /// The margins of the examples, exactly in the scalar type: y_i Φ(θ; x_i) for a scalar
    /// output, Φ_{c_i}(θ; x_i) − max_{j≠c_i} Φ_j(θ; x_i) for class labels (the minimum of the
    /// `pairwiseMargins`, written with min{a, b} = a − relu(a − b)).
    public func margins<S: NetworkScalar>(_ θ: [S], on data: [LabeledPoint<S>]) -> [S] {
        data.map { point in
            let q = pairwiseMargins(θ, point)
            return q.dropFirst().reduce(q[0]) { a, b in a - (a - b).relu() }
        }
    }

    /// The linear functionals c of the output whose minimum cᵀΦ(θ; x) is the margin of
    /// `point`: [y] for a scalar label; e_c − e_j for every class j ≠ c, in order, for a class
    /// label c (Φ_c − max_{j≠c} Φ_j = min_{j≠c} (Φ_c − Φ_j)). Precondition: a scalar output or
    /// a class label.
    public func marginFunctionals<S: NetworkScalar>(_ point: LabeledPoint<S>) -> [[S]] {
        guard let c = point.classIndex else {
            precondition(outputDimension == 1 && point.y.count == 1, "margins need a scalar output or class labels")
            return [point.y]
        }
        precondition(point.y.count == outputDimension, "a class label of \(point.y.count) classes")
        return (0 ..< outputDimension).filter { $0 != c }.map { j in
            (0 ..< outputDimension).map { S(Rational($0 == c ? 1 : ($0 == j ? -1 : 0))) }
        }
    }

    /// cᵀΦ(θ; x) for every functional c of `marginFunctionals(point)`: the margin is their
    /// minimum, and the multi-class constraint "margin ≥ 1" is "each of them ≥ 1".
    public func pairwiseMargins<S: NetworkScalar>(_ θ: [S], _ point: LabeledPoint<S>) -> [S] {
        let output = self(θ, point.x)
        guard point.classIndex != nil else { return [output[0] * point.y[0]] }
        return marginFunctionals(point).map { c in zip(c, output).reduce(S.zero) { $0 + $1.0 * $1.1 } }
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
