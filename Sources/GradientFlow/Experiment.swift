import Exact
import Foundation
import Networks

/// A numerical experiment: `runs` seeded runs of one problem, each from its own draw of an
/// initialisation law, by fixed-step gradient descent or by the flow itself to a time
/// (evidence, never proof).
///
/// Run r's θ(0) is drawn from its own generator, seeded by `MonteCarlo.seed(ofRun:)` from the
/// base seed and r alone, so a run's result depends neither on the core count nor on which
/// runs are computed together.
public struct Experiment: Sendable {
    public enum Method: Sendable, Equatable, CustomStringConvertible {
        /// `steps` steps θ ← θ − η∇L(θ); the k-th iterate approximates the flow at t = kη.
        case gradientDescent(learningRate: Double, steps: Int)
        /// The flow to time t (Rosenbrock23 when `stiff`, else Dormand–Prince 5(4), under rtol
        /// 10⁻⁸ and atol 10⁻¹²; in loss-normalised time for the margin losses; kinks located,
        /// Filippov sliding along a kink) with at most `maximumSteps` accepted steps.
        case flow(time: Double, maximumSteps: Int, stiff: Bool)

        public var description: String {
            switch self {
            case let .gradientDescent(η, steps): "\(steps) GD steps of size \(η) (t = \(Double(steps) * η))"
            case let .flow(t, _, stiff): "the gradient flow to t = \(t) (\(stiff ? "Rosenbrock23" : "Dormand–Prince 5(4)"))"
            }
        }
    }

    public let problem: FlowProblem
    public let initialization: Initialization
    public let runs: Int
    public let seed: UInt64
    public let method: Method
    /// A flow run stops early once its loss is below this (the loss never increases along
    /// the flow); nil: it runs to its time.
    public var stopBelowLoss: Double?

    public init(problem: FlowProblem, initialization: Initialization, runs: Int, seed: UInt64, method: Method,
                stopBelowLoss: Double? = nil) {
        precondition(runs > 0, "an experiment needs a run")
        self.problem = problem
        self.initialization = initialization
        self.runs = runs
        self.seed = seed
        self.method = method
        self.stopBelowLoss = stopBelowLoss
    }

    /// θ(0) of run r.
    public func initial(run r: Int) -> [Double] {
        var generator = SplitMix64(seed: MonteCarlo(baseSeed: seed, runs: runs).seed(ofRun: r))
        return initialization.sample(for: problem.network, using: &generator)
    }

    /// Every run, in parallel over all cores: gradient descent batched over SIMD lanes when
    /// `BatchedDescent` takes the problem, otherwise run by run.
    public func run() -> ExperimentResult {
        let initials = (0 ..< runs).map(initial(run:))
        switch method {
        case let .gradientDescent(η, steps):
            if let kernel = BatchedDescent(problem: problem) {
                let finals = kernel.run(from: initials, learningRate: η, steps: steps)
                return ExperimentResult(experiment: self, runs: initials.indices.map { r in
                    ExperimentRun(experiment: self, run: r, initial: initials[r], final: finals[r], outcome: .completedSteps,
                                  steps: steps)
                })
            }
            return runEach(initials) {
                GradientDescent(problem: problem, learningRate: η, steps: steps, recordEvery: max(1, steps)).run(from: $0)
            }
        case let .flow(time, maximumSteps, stiff):
            let controller = StepSizeController(relativeTolerance: 1e-8, absoluteTolerance: 1e-12)
            let rules = StoppingRules(maximumSteps: maximumSteps,
                                      maximumLog10Time: problem.clock == .plain ? nil : log10(time),
                                      maximumClock: problem.clock == .plain ? time : nil,
                                      maximumLog10Loss: stopBelowLoss.map(log10))
            return runEach(initials) { θ0 in
                stiff
                    ? AdaptiveFlow(problem: problem, solver: Rosenbrock23(), controller: controller, rules: rules,
                                   recordEvery: Int.max).run(from: θ0)
                    : AdaptiveFlow(problem: problem, solver: RungeKutta.dormandPrince, controller: controller, rules: rules,
                                   recordEvery: Int.max, initialStepSize: 1e-3).run(from: θ0)
            }
        }
    }

    private func runEach(_ initials: [[Double]], _ simulate: @Sendable ([Double]) -> FlowResult) -> ExperimentResult {
        let slots = Slots<ExperimentRun>(count: runs)
        DispatchQueue.concurrentPerform(iterations: runs) { r in
            let result = simulate(initials[r])
            slots.store(ExperimentRun(experiment: self, run: r, initial: initials[r], final: result.final,
                                      outcome: result.outcome, steps: result.acceptedSteps), at: r)
        }
        return ExperimentResult(experiment: self, runs: slots.values.map { $0! })
    }
}
