import Exact
import Foundation
import Networks
import Testing
@testable import GradientFlow

@Suite struct AdaptiveFlowTests {
    /// Fixed steps of the 5th-order solution on GF of a quadratic (a matrix exponential):
    /// halving h divides the error by ≈ 2⁵.
    @Test func convergenceOrderOnQuadratic() {
        let problem = Fixtures.quadratic, w0 = [3.0, 1.0]
        func error(steps: Int) -> Double {
            var w = w0
            let h = 1.0 / Double(steps)
            for _ in 0 ..< steps {
                w = RungeKutta.dormandPrince.step(from: w, start: problem.sample(at: w), size: h,
                                                  field: { problem.sample(at: $0) }).state
            }
            return zip(w, Fixtures.quadraticSolution(w0, at: 1)).map { abs($0 - $1) }.max()!
        }
        let errors = [16, 32, 64].map(error(steps:))
        let orders = zip(errors, errors.dropFirst()).map { log2($0 / $1) }
        #expect(orders.allSatisfy { $0 > 4.6 && $0 < 5.4 }, "observed orders \(orders), errors \(errors)")
    }

    /// The adaptive run meets the closed form to about its tolerance.
    @Test(arguments: [1e-6, 1e-10])
    func adaptiveRunMatchesMatrixExponential(_ tolerance: Double) {
        let flow = AdaptiveFlow(problem: Fixtures.quadratic,
                                controller: StepSizeController(relativeTolerance: tolerance, absoluteTolerance: tolerance),
                                rules: StoppingRules(maximumClock: 2))
        let result = flow.run(from: [3, 1])
        #expect(result.outcome == .reachedTimeLimit)
        #expect(abs(result.last.clock - 2) < 1e-12)
        let error = zip(result.final, Fixtures.quadraticSolution([3, 1], at: 2)).map { abs($0 - $1) }.max()!
        #expect(error < 100 * tolerance, "error \(error) at tolerance \(tolerance)")
    }

    /// Exponential loss of Φ = w·x on x = (1, 0): w₁(t) = log(e^{w₁(0)} + t) and w₂ fixed. In
    /// loss-normalised time the run reaches t = 10^1000 without overflow, and the tracked log t
    /// matches the closed form.
    @Test func lossNormalisedClockReachesHugeTimes() {
        let problem = FlowProblem(network: .fullyConnected(widths: [2, 1], activation: .linear),
                                  data: [LabeledPoint(x: [1, 0], label: 1)], loss: .exponential)
        let flow = AdaptiveFlow(problem: problem,
                                controller: StepSizeController(relativeTolerance: 1e-10, absoluteTolerance: 1e-12),
                                rules: StoppingRules(maximumLog10Time: 1000))
        let result = flow.run(from: [0.5, 0.25])
        #expect(result.outcome == .reachedTimeLimit)
        let log10t = result.last.log10Time
        #expect(log10t >= 1000 && log10t.isFinite)
        #expect(abs(result.final[0] - log10t * M_LN10) < 1e-9 * result.final[0], "w1 \(result.final[0]), log10 t \(log10t)")
        #expect(result.final[1] == 0.25)
        #expect(abs(result.last.log10Loss + result.final[0] / M_LN10) < 1e-9)
    }

    /// Failures are values with an actionable message.
    @Test func maximumStepsIsAFailureValue() {
        let flow = AdaptiveFlow(problem: Fixtures.quadratic,
                                controller: StepSizeController(relativeTolerance: 1e-8, absoluteTolerance: 1e-8),
                                rules: StoppingRules(maximumSteps: 3, maximumClock: 100))
        let result = flow.run(from: [3, 1])
        guard case .failed(let reason) = result.outcome else { Issue.record("expected a failure"); return }
        #expect(reason.contains("raise maximumSteps"))
        #expect(result.acceptedSteps == 3)
    }

    /// Φ = v σ(wᵀx) on x1 = (1, 0), y1 = 1 and x2 = (0, 1), y2 = −1 from w = (0.5, 0.5): the
    /// flow drives wᵀx2 = w₂ down through 0, where the neuron turns off for x2 and w₂ freezes.
    /// The kink is located (w₂ ends within 1e−8 of 0), counted once, and costs few rejections.
    @Test func reluKinkIsLocated() {
        let problem = FlowProblem(network: .fullyConnected(widths: [2, 1, 1], activation: .relu),
                                  data: [LabeledPoint(x: [1, 0], label: 1), LabeledPoint(x: [0, 1], label: -1)],
                                  loss: .exponential)
        let flow = AdaptiveFlow(problem: problem,
                                controller: StepSizeController(relativeTolerance: 1e-8, absoluteTolerance: 1e-10),
                                rules: StoppingRules(maximumLog10Time: 1))
        let result = flow.run(from: [0.5, 0.5, 1])
        #expect(result.outcome == .reachedTimeLimit)
        #expect(result.last.patternChanges == 1)
        #expect(result.final[1] <= 0 && result.final[1] > -1e-8, "w2 = \(result.final[1])")
        #expect(result.rejectedSteps < 5, "rejected \(result.rejectedSteps) of \(result.acceptedSteps)")
    }
}
