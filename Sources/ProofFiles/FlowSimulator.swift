import GradientFlow

/// Runs the flows of a proof file. ProofFiles decides flow claims from what a simulator
/// reports; the simulator itself (GradientFlow) is supplied by the caller, so this layer
/// stays free of floating-point integration.
public protocol FlowSimulator: Sendable {
    /// Simulates `request.flow` until its budget ends, or (with a target and a tolerance)
    /// until the direction error falls below the tolerance.
    func simulate(_ request: FlowRequest) -> FlowTrace

    /// Runs an experiment (every run, in parallel); nil when this simulator does not run
    /// experiments.
    func runExperiment(_ experiment: Experiment) -> ExperimentResult?
}

extension FlowSimulator {
    public func runExperiment(_ experiment: Experiment) -> ExperimentResult? { nil }
}

/// One simulation to run: a flow, and optionally the direction to compare θ/‖θ‖ with.
public struct FlowRequest: Sendable {
    public let flow: Document.Flow
    /// The target θ* (not normalised), in the network's parameter order.
    public let target: [Double]?
    /// Stop once ‖θ/‖θ‖ − θ*/‖θ*‖‖ is below this.
    public let directionTolerance: Double?

    public init(flow: Document.Flow, target: [Double]? = nil, directionTolerance: Double? = nil) {
        self.flow = flow
        self.target = target
        self.directionTolerance = directionTolerance
    }
}

/// What a simulation showed: the monitored states along the run, in order, and how it ended.
public struct FlowTrace: Sendable {
    public struct State: Sendable, Equatable {
        public let log10Time: Double
        public let log10Loss: Double
        public let norm: Double
        public let directionError: Double?
        public let normalizedMargin: Double?

        public init(log10Time: Double, log10Loss: Double, norm: Double, directionError: Double?,
                    normalizedMargin: Double?) {
            self.log10Time = log10Time
            self.log10Loss = log10Loss
            self.norm = norm
            self.directionError = directionError
            self.normalizedMargin = normalizedMargin
        }
    }

    /// The recorded states; the last one is the final state.
    public let states: [State]
    /// Accepted steps.
    public let steps: Int
    /// How the run ended, in words (e.g. "reached the direction tolerance", or a failure's reason).
    public let ending: String
    /// False when the run stopped early with a failure (step-size underflow, a sliding mode, …).
    public let completed: Bool

    public init(states: [State], steps: Int, ending: String, completed: Bool) {
        precondition(!states.isEmpty, "a trace records at least the final state")
        self.states = states
        self.steps = steps
        self.ending = ending
        self.completed = completed
    }

    public var last: State { states.last! }
}
