import Foundation
import Networks
import Testing
@testable import GradientFlow

/// Filippov sliding along a ReLU kink (`KinkSurface`), on paper 003 §3.1's network: runs whose
/// flow meets a kink that both sides push towards. Before sliding was followed these runs
/// ended with "the activation pattern changed 51 times in a row".
@Suite struct KinkSlidingTests {
    static let experiment = TwoByTwoSquareFixture.experiment(runs: 64, steps: 10_000)

    /// Runs 29, 43 and 52 (seed 2022) slide before t = 1; the flow to t = 1 ends at the time
    /// limit and agrees with 10⁴ GD steps of 10⁻⁴ to O(η) (GD zigzags around the sliding path).
    @Test(arguments: [29, 43, 52])
    func slidingFlowAgreesWithDescent(run: Int) {
        let e = Self.experiment
        let flow = AdaptiveFlow(problem: TwoByTwoSquareFixture.problem, controller: StepSizeController(relativeTolerance: 1e-8,
                                absoluteTolerance: 1e-12), rules: StoppingRules(maximumClock: 1), recordEvery: Int.max,
                                initialStepSize: 1e-3)
        let result = flow.run(from: e.initial(run: run))
        #expect(result.outcome == .reachedTimeLimit, "run \(run) (seed \(e.seed)): \(result.outcome)")
        #expect(result.slidingSegments >= 1, "run \(run) (seed \(e.seed)) did not slide")
        let descent = BatchedDescent(problem: TwoByTwoSquareFixture.problem)!
            .run(from: [e.initial(run: run)], learningRate: 1e-4, steps: 10_000)[0]
        let gap = zip(result.final, descent).map { abs($0 - $1) }.max()!, scale = descent.map(abs).max()!
        #expect(gap < 1e-3 * scale, "run \(run) (seed \(e.seed)): gap \(gap) at scale \(scale)")
    }

    /// A first-layer neuron crosses one surface on examples with opposite inputs (x and −x):
    /// both activities flip, oriented oppositely; on unrelated inputs no single surface is found.
    @Test func parallelInputsFlipTogether() {
        let data = [LabeledPoint<Double>(x: [0, 1], label: 1), LabeledPoint(x: [0, -2], label: 1), LabeledPoint(x: [1, 0], label: 1)]
        let before: [[[Bool]]] = [[[true, false], [false]], [[false, false], [false]], [[true, true], [false]]]
        var after = before
        after[0][0][0] = false
        after[1][0][0] = true
        let surface = KinkSurface(changedFrom: before, to: after, data: data)
        #expect(surface?.flips == [0: true, 1: false])
        #expect(surface.map { $0.setting(before, active: false) == after } == true)
        after[2][0][1] = false
        #expect(KinkSurface(changedFrom: before, to: after, data: data) == nil)
    }
}
