import Exact
import Networks
import Symbolic
import Certify

/// The certificate of a global optimum of problem (2) for a fully-connected linear network
/// (docs/certificates.md, kind `linear-optimum`): the closed form min ‖θ‖² = m‖u*‖^(2/m) with
/// the minimum-norm separator u* and the multipliers that prove u* optimal.
extension Checker {
    /// The `linearOptimum` certificate of θ, or nil when the network is not fully connected and
    /// linear (every layer's weights free, no bias, linear activations) or has no separator.
    func linearOptimumCertificate(_ problem: MaxMarginProblem<RealAlgebraic>, at θ: [RealAlgebraic]) throws(Unable) -> Certificate? {
        let network = problem.network
        guard network.outputDimension == 1, network.homogeneityDegree != nil,
              network.layers.allSatisfy({ $0.activation == .linear && $0.bias == nil }) else { return nil }
        var layers: [[[String]]] = []
        for layer in network.layers {
            let w = layer.weights
            let rows = (0 ..< w.rows).map { i in (0 ..< w.columns).map { j in w[i, j].map(variableName) } }
            guard rows.allSatisfy({ $0.allSatisfy { $0 != nil } }) else { return nil }
            layers.append(rows.map { $0.compactMap { $0 } })
        }
        let inputs = problem.data.map(\.x), labels = problem.data.map { $0.y[0] }
        guard let (u, α) = try MinimumNormSeparator.solveWithMultipliers(inputs: inputs, labels: labels) else { return nil }
        let (point, constraints) = symbolicConstraints(θ, free: Array(θ.indices))
        func constants(_ v: [RealAlgebraic]) -> [Constant] { v.map(Constant.init) }
        return .linearOptimum(point: point, constraints: constraints, layers: layers, inputs: inputs.map(constants),
                              labels: constants(labels), separator: constants(u), weights: constants(α))
    }
}
