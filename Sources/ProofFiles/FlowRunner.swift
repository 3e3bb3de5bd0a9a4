import Foundation
import GradientFlow
import Networks

/// Runs the flows of proof files with the GradientFlow integrators: the `FlowSimulator` that
/// `margincert check` hands to the checker, and the runner behind `margincert simulate`.
///
/// Settings: Rosenbrock23 and Dormand–Prince under a PI controller with the flow's rtol and
/// atol (`Document.Flow`); GD with the flow's learning rate for `steps` steps.
public struct FlowRunner: FlowSimulator {
    /// Record every this many accepted steps (kinks and the final state are always recorded);
    /// every step by default, so a claim about a trend sees the whole run.
    public var recordEvery = 1
    /// The experiments run so far, so that the claims about one experiment share its runs.
    let experiments = ExperimentCache()

    public init(recordEvery: Int = 1) { self.recordEvery = recordEvery }

    /// Every run of `experiment`, run once per runner (later calls answer from the cache).
    public func runExperiment(_ experiment: Experiment) -> ExperimentResult? {
        experiments.result(of: experiment)
    }

    /// The full result of one run of `request.flow` from `initial` (default: the flow's θ(0)).
    public func run(_ request: FlowRequest, from initial: [Double]? = nil) -> FlowResult {
        let flow = request.flow
        let problem = FlowProblem(network: flow.network, data: flow.data, loss: flow.loss)
        let start = initial ?? flow.initial
        let controller = StepSizeController(relativeTolerance: flow.relativeTolerance, absoluteTolerance: flow.absoluteTolerance)
        let rules = StoppingRules(directionTolerance: request.directionTolerance, maximumSteps: flow.maximumSteps,
                                  maximumLog10Time: flow.maximumLog10Time)
        switch flow.solver {
        case .rosenbrock:
            return AdaptiveFlow(problem: problem, solver: Rosenbrock23(), controller: controller, rules: rules,
                                target: request.target, recordEvery: recordEvery).run(from: start)
        case .dormandPrince:
            return AdaptiveFlow(problem: problem, solver: RungeKutta.dormandPrince, controller: controller, rules: rules,
                                target: request.target, recordEvery: recordEvery).run(from: start)
        case .gradientDescent(let η):
            return GradientDescent(problem: problem, learningRate: η, steps: flow.maximumSteps, target: request.target,
                                   recordEvery: max(1, flow.maximumSteps / 1000)).run(from: start)
        }
    }

    public func simulate(_ request: FlowRequest) -> FlowTrace { Self.trace(of: run(request)) }

    /// The states a checker judges, from a result.
    public static func trace(of result: FlowResult) -> FlowTrace {
        FlowTrace(states: result.records.map {
            FlowTrace.State(log10Time: $0.log10Time, log10Loss: $0.log10Loss, norm: $0.norm,
                            directionError: $0.directionError, normalizedMargin: $0.normalizedMargin)
        }, steps: result.acceptedSteps, ending: describe(result.outcome), completed: result.outcome.succeeded)
    }

    public static func describe(_ outcome: FlowOutcome) -> String {
        switch outcome {
        case .reachedDirectionTolerance: "reached the direction tolerance"
        case .reachedTimeLimit: "reached the time limit"
        case .reachedLossLimit: "reached the loss bound"
        case .completedSteps: "completed its steps"
        case .failed(let reason): "stopped: \(reason)"
        }
    }
}

extension FlowRunner {
    /// θ along the first `steps` accepted steps of the run of `request`, about 500 states
    /// (for trajectory plots: the run is continued chunk by chunk from each chunk's end).
    public func states(_ request: FlowRequest, steps: Int) -> [[Double]] {
        let chunk = max(1, steps / 500)
        var piece = request.flow
        piece.maximumSteps = chunk
        piece.maximumLog10Time = nil
        var θ = piece.initial, states = [θ], done = 0
        while done < steps {
            let result = run(FlowRequest(flow: piece, target: request.target, directionTolerance: request.directionTolerance),
                             from: θ)
            θ = result.final
            states.append(θ)
            done += result.acceptedSteps
            switch result.outcome {
            case .completedSteps: continue
            case .failed where result.acceptedSteps == chunk: continue
            default: return states
            }
        }
        return states
    }
}

/// The results of the experiments a runner has run, by their complete description; one
/// experiment runs at a time (each uses all cores).
final class ExperimentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [String: ExperimentResult] = [:]

    func result(of experiment: Experiment) -> ExperimentResult {
        let key = String(reflecting: experiment)
        return lock.withLock {
            if let known = results[key] { return known }
            let result = experiment.run()
            results[key] = result
            return result
        }
    }
}
