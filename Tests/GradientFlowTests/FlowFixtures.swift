import Exact
import Foundation
import Networks
@testable import GradientFlow

/// Problems with known solutions shared by the flow tests.
enum Fixtures {
    /// Square loss of the linear predictor Φ = w·x on x1 = (1, 0), y1 = 1, x2 = (0, 2), y2 = −1:
    /// L = ½(w₁ − 1)² + ½(2w₂ + 1)², so GF is w(t) = w* + e^{−Ht}(w(0) − w*) with H = diag(1, 4),
    /// w* = (1, −1/2).
    static let quadratic = FlowProblem(
        network: .fullyConnected(widths: [2, 1], activation: .linear),
        data: [LabeledPoint(x: [1, 0], y: [1]), LabeledPoint(x: [0, 2], y: [-1])], loss: .square)

    static func quadraticSolution(_ w0: [Double], at t: Double) -> [Double] {
        [1 + exp(-t) * (w0[0] - 1), -0.5 + exp(-4 * t) * (w0[1] + 0.5)]
    }

    /// Paper 001 Thm 3.2: x1 = (1, 1/4), x2 = (−1, 1/4), y = 1, exponential or logistic loss.
    static func theorem32(_ loss: Loss) -> FlowProblem {
        FlowProblem(network: theorem32Network,
                    data: [LabeledPoint(x: [1, 0.25], label: 1), LabeledPoint(x: [-1, 0.25], label: 1)], loss: loss)
    }
    static let theorem32Network = Network.fullyConnected(widths: [2, 2, 1], activation: .relu)
    /// θ̃: w1 = (0, 2), w2 = (0, 0), v = (2, 0).
    static let theorem32Target = theorem32Network.parameters(["w1": [0.0, 2], "w2": [0.0, 0], "v": [2.0, 0]])
    /// ⟨w1, x_i⟩ > 0, ⟨w2, x_i⟩ < 0, v1 > 0.
    static let theorem32Initial = theorem32Network.parameters(["w1": [0.1, 0.6], "w2": [0.1, -0.8], "v": [0.4, 0.3]])
}

/// A field sample for plain ODE tests.
struct PlainSample: FieldSample {
    let velocity: [Double]
}
