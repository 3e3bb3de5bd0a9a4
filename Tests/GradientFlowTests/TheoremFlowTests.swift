import Exact
import Foundation
import Networks
import Testing
@testable import GradientFlow

/// Vardi, Shamir, Srebro (2022) Thm 3.2 watched in simulation (evidence, not proof).
@Suite struct TheoremFlowTests {
    /// From an initialisation meeting the theorem's conditions, θ/‖θ‖ approaches θ̃/‖θ̃‖; the
    /// inactive neuron (w2, v2) never moves, and ‖w1‖² − v1² is conserved (Lemma C.3).
    @Test(arguments: [Loss.exponential, .logistic])
    func theorem32DirectionConverges(_ loss: Loss) throws {
        let problem = Fixtures.theorem32(loss), θ0 = Fixtures.theorem32Initial
        let flow = AdaptiveFlow(problem: problem, solver: Rosenbrock23(),
                                controller: StepSizeController(relativeTolerance: 1e-6, absoluteTolerance: 1e-9),
                                rules: StoppingRules(directionTolerance: 1e-3, maximumSteps: 20_000),
                                target: Fixtures.theorem32Target)
        let result = flow.run(from: θ0)
        #expect(result.outcome == .reachedDirectionTolerance, "\(loss): \(result.outcome)")
        print("Thm 3.2, \(loss) loss: direction error \(result.last.directionError!) at log10 t = \(result.last.log10Time) after \(result.acceptedSteps) steps")
        #expect(Array(result.final[2 ... 3]) == [0.1, -0.8] && result.final[5] == 0.3)
        #expect(result.last.patternChanges == 0)
        let imbalance = { (θ: [Double]) in problem.network.neuronImbalances(θ)[0][0] }
        #expect(abs(imbalance(result.final) - imbalance(θ0)) < 1e-6 * Network.squaredNorm(result.final))
        #expect(result.last.normalizedMargin! > result.records[0].normalizedMargin!)
        let kkt = try #require(result.last.kkt)
        #expect(kkt.stationarity < 1e-2 && kkt.stationarity < result.records[0].kkt!.stationarity, "\(kkt)")
        let csv = result.csv()
        #expect(csv.split(separator: "\n").count == result.records.count + 1)
        let decoded = try FlowResult(json: try result.json())
        #expect(decoded.records == result.records && decoded.outcome == result.outcome)
    }
}
