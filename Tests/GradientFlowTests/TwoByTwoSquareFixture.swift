import Foundation
import Networks
@testable import GradientFlow

/// A test case from a paper (Timor, Vardi, Shamir (2022) §3.1): the depth-2 ReLU network
/// V σ(W x) with W, V ∈ ℝ^{2×2}, the square loss on x1, x2 = (±1, 0.99)/‖(1, 0.99)‖ with targets
/// e1, e2, and inits with every row of W and every column of V on the circle of radius 10⁻⁴.
enum TwoByTwoSquareFixture {
    static let unit = 1 / (1 + 0.99 * 0.99).squareRoot()
    static let network = Network.fullyConnected(widths: [2, 2, 2], activation: .relu)
    static let data = [LabeledPoint<Double>(x: [unit, 0.99 * unit], y: [1, 0]), LabeledPoint(x: [-unit, 0.99 * unit], y: [0, 1])]
    static let problem = FlowProblem(network: network, data: data, loss: .square)

    /// `runs` runs of `steps` GD steps of size 10⁻⁴.
    static func experiment(runs: Int = 288, steps: Int = 3_000_000, seed: UInt64 = 2022) -> Experiment {
        Experiment(problem: problem, initialization: .neuronSpheres(radius: 1e-4), runs: runs, seed: seed,
                   method: .gradientDescent(learningRate: 1e-4, steps: steps))
    }
}
