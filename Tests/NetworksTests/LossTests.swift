import Exact
import Foundation
import Testing
@testable import Networks

@Suite struct LossTests {
    let net = Network.fullyConnected(widths: [2, 2, 1], activation: .relu)
    let data = [LabeledPoint(x: [1.0, 0.25], label: 1.0), LabeledPoint(x: [-1.0, 0.25], label: 1.0)]

    /// ∇L = L · (∇L/L) against central differences of L, for each loss.
    @Test(arguments: [Loss.exponential, .logistic, .square])
    func gradientMatchesDifferences(_ loss: Loss) {
        let targets = loss == .square
            ? [LabeledPoint(x: [1.0, 0.25], y: [0.5]), LabeledPoint(x: [-1.0, 0.25], y: [-0.5])] : data
        let θ = [0.3, 0.5, -0.2, -0.6, 0.4, 0.3]
        let e = net.evaluate(loss, at: θ, on: targets)
        func value(_ θ: [Double]) -> Double { exp(net.evaluate(loss, at: θ, on: targets).logLoss) }
        for k in θ.indices {
            var plus = θ, minus = θ
            plus[k] += 1e-6
            minus[k] -= 1e-6
            let fd = (value(plus) - value(minus)) / 2e-6
            #expect(abs(fd - e.gradient[k]) < 1e-7, "\(loss), θ[\(k)]")
        }
    }

    /// Margins near 10⁴: L underflows but log L and ∇L/L stay finite and exact in form.
    @Test(arguments: [Loss.exponential, .logistic])
    func largeMarginsDoNotUnderflow(_ loss: Loss) {
        let θ = net.parameters(["w1": [0.0, 200], "w2": [0.0, 0], "v": [200.0, 0]])
        let e = net.evaluate(loss, at: θ, on: data)
        #expect(e.margins == [10_000, 10_000])
        #expect(abs(e.logLoss - (-10_000 + log(2.0))) < 1e-9)
        // ∇L/L = −(1/2) Σ ∇Φ_i = −(0, 200/4·… ): only the w1[2] and v1 coordinates move.
        #expect(e.normalizedGradient.allSatisfy { $0.isFinite })
        #expect(abs(e.normalizedGradient[1] + 50) < 1e-9 && abs(e.normalizedGradient[4] + 50) < 1e-9)
    }

    @Test func logSpaceIdentities() {
        #expect(LogSpace.add(-1e6, -1e6) == -1e6 + log(2.0))
        #expect(LogSpace.sum([]) == -.infinity)
        #expect(LogSpace.logSoftplus(-1e5) == -1e5)
        #expect(abs(LogSpace.meanOfExponential(0, 1) - log(exp(1.0) - 1)) < 1e-15)
        #expect(abs(LogSpace.meanOfExponential(3, 3) - 3) < 1e-15)
    }

    @Test func stableRanks() {
        let net = Network.fullyConnected(widths: [2, 2, 2], activation: .relu)
        let θ = net.parameters(["W1": [3.0, 0, 0, 4], "W2": [1.0, 2, 2, 4]])
        let ranks = net.stableRanks(θ)
        #expect(abs(ranks[0] - 25.0 / 16) < 1e-14)
        #expect(abs(ranks[1] - 1) < 1e-14)
    }

    /// Lemma C.3 invariants are computed exactly.
    @Test func imbalances() {
        let net = Network.fullyConnected(widths: [2, 2, 1], activation: .relu)
        let θ: [Rational] = net.parameters(["w1": [1, 2], "w2": [0, 1], "v": [3, 1]])
        #expect(net.neuronImbalances(θ) == [[-4, 0]])
        #expect(net.layerImbalances(θ) == [4])
        #expect(!net.isBalanced(θ))
    }
}
