import Foundation
import Networks

/// Full-batch gradient descent with a fixed step, θ ← θ − η ∇L(θ), for literal replays of a
/// paper's experiment (Timor, Vardi, Shamir (2022) §3.1: η = 10⁻⁴, 3·10⁶ epochs). The k-th iterate approximates
/// the flow at t = kη; records report that t. ReLU derivatives at 0 are σ'(0) = 0.
public struct GradientDescent: Sendable {
    public var problem: FlowProblem
    public var learningRate: Double
    public var steps: Int
    public var target: [Double]?
    public var recordEvery: Int

    public init(problem: FlowProblem, learningRate: Double, steps: Int, target: [Double]? = nil, recordEvery: Int = 1000) {
        precondition(learningRate > 0 && steps >= 0 && recordEvery > 0, "gradient descent settings")
        self.problem = problem
        self.learningRate = learningRate
        self.steps = steps
        self.target = target
        self.recordEvery = recordEvery
    }

    public func run(from initial: [Double]) -> FlowResult {
        let monitor = FlowMonitor(problem: problem, target: target)
        var θ = initial
        var sample = problem.sample(at: θ)
        var changes = 0
        func record(_ k: Int) -> FlowRecord {
            let t = Double(k) * learningRate
            return monitor.record(step: k, clock: t, logTime: log(t), θ: θ, sample: sample, patternChanges: changes)
        }
        var records = [record(0)]
        for k in stride(from: 1, through: steps, by: 1) {
            // −∇L from the field: the velocity is −∇L (plain clock) or −∇L/L (loss-normalised).
            let scale = learningRate * (problem.clock == .plain ? 1 : exp(sample.logLoss))
            for n in θ.indices { θ[n] += scale * sample.velocity[n] }
            guard θ.allSatisfy(\.isFinite) else {
                return FlowResult(outcome: .failed(reason: "gradient descent diverged at step \(k); lower the learning rate"),
                                  initial: initial, final: θ, records: records, acceptedSteps: k, rejectedSteps: 0,
                                  fieldEvaluations: k)
            }
            let next = problem.sample(at: θ)
            changes += next.activityChanges(from: sample)
            sample = next
            if k % recordEvery == 0 || k == steps { records.append(record(k)) }
        }
        return FlowResult(outcome: .completedSteps, initial: initial, final: θ, records: records,
                          acceptedSteps: steps, rejectedSteps: 0, fieldEvaluations: steps + 1)
    }
}
