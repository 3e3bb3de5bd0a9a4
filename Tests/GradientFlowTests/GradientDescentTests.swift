import Exact
import Foundation
import Networks
import Testing
@testable import GradientFlow

/// Timor, Vardi, Shamir §3.1 setting: N_{W,V}(x) = V σ(W x), W, V ∈ ℝ^{2×2}, square loss, x1, x2 = (±1, 0.99)
/// normalised, targets e1, e2.
@Suite struct GradientDescentTests {
    static let problem = TwoByTwoSquareFixture.problem

    /// Rows of W and columns of V uniform on the circle of the given radius (Timor, Vardi, Shamir §3.1).
    static func initial(radius: Double, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        let p = (0 ..< 4).map { _ in Double.random(in: 0 ..< 2 * .pi, using: &rng) }
        return [cos(p[0]), sin(p[0]), cos(p[1]), sin(p[1]), cos(p[2]), cos(p[3]), sin(p[2]), sin(p[3])].map { radius * $0 }
    }

    /// The SIMD kernel computes what the generic GD computes, for 3 runs (a partial lane group):
    /// the paper's literal setting for a few thousand steps, and a larger initialisation that moves.
    @Test(arguments: [(1e-4, 1e-4, 2000), (0.5, 1e-2, 1000)])
    func batchedKernelMatchesGenericDescent(radius: Double, rate: Double, steps: Int) {
        let starts = (0 ..< 3).map { Self.initial(radius: radius, seed: UInt64($0)) }
        let batched = BatchedDescent(problem: Self.problem)!.run(from: starts, learningRate: rate, steps: steps)
        for (seed, start) in starts.enumerated() {
            let generic = GradientDescent(problem: Self.problem, learningRate: rate, steps: steps, recordEvery: steps)
                .run(from: start)
            #expect(generic.outcome == .completedSteps)
            let gap = zip(generic.final, batched[seed]).map { abs($0 - $1) }.max()!
            #expect(gap < 1e-12 * max(1, generic.final.map(abs).max()!), "seed \(seed): gap \(gap)")
        }
    }

    /// GD with step η follows gradient flow to O(η): halving η halves the gap at t = 1 (from an
    /// initialisation whose flow crosses no kink before t = 1).
    @Test func descentApproachesFlowToFirstOrder() {
        let start = Self.initial(radius: 0.5, seed: 0)
        let flow = AdaptiveFlow(problem: Self.problem,
                                controller: StepSizeController(relativeTolerance: 1e-11, absoluteTolerance: 1e-12),
                                rules: StoppingRules(maximumClock: 1)).run(from: start)
        #expect(flow.outcome == .reachedTimeLimit && flow.last.patternChanges == 0)
        let gaps = [200, 400].map { steps in
            let gd = GradientDescent(problem: Self.problem, learningRate: 1 / Double(steps), steps: steps,
                                     recordEvery: steps).run(from: start)
            return zip(gd.final, flow.final).map { abs($0 - $1) }.max()!
        }
        #expect(gaps[0] / gaps[1] > 1.7 && gaps[0] / gaps[1] < 2.3, "gaps \(gaps)")
        #expect(flow.records.map(\.log10Loss) == flow.records.map(\.log10Loss).sorted(by: >))
    }

    /// From this initialisation the flow reaches a kink where both sides push towards it (a
    /// sliding mode): the run follows the Filippov sliding flow to t = 1, with a few crossings
    /// (no chattering), and GD with a small step, which zigzags around that path, ends near it.
    @Test func slidingModeIsFollowed() {
        let start = Self.initial(radius: 0.5, seed: 1)
        let result = AdaptiveFlow(problem: Self.problem,
                                  controller: StepSizeController(relativeTolerance: 1e-8, absoluteTolerance: 1e-10),
                                  rules: StoppingRules(maximumClock: 1)).run(from: start)
        #expect(result.outcome == .reachedTimeLimit && result.slidingSegments >= 1 && result.last.patternChanges < 20,
                "\(result.outcome), \(result.slidingSegments) sliding segments, \(result.last.patternChanges) changes")
        let descent = BatchedDescent(problem: Self.problem)!.run(from: [start], learningRate: 1e-3, steps: 1000)[0]
        let gap = zip(result.final, descent).map { abs($0 - $1) }.max()!
        #expect(gap < 1e-2, "gap \(gap) to GD with η = 1e-3")
    }
}
