import Foundation

/// One monitored state along a run.
public struct FlowRecord: Sendable, Codable, Equatable {
    /// Accepted steps so far.
    public var step: Int
    /// The integration variable: τ (loss-normalised clock) or t (plain clock, GD: step·η).
    public var clock: Double
    /// log₁₀ of the true time t (−∞ at t = 0).
    public var log10Time: Double
    /// log₁₀ L(θ).
    public var log10Loss: Double
    public var norm: Double
    /// ‖θ/‖θ‖ − θ*/‖θ*‖‖ against the run's target direction, if one was given.
    public var directionError: Double?
    /// γ(θ) = min_i y_i Φ(θ/‖θ‖; x_i), for margin losses.
    public var normalizedMargin: Double?
    /// The KKT residual of the max-margin problem at θ (homogeneous margin losses, θ feasible).
    public var kkt: KKTResidual?
    /// Activation-pattern changes so far.
    public var patternChanges: Int
}

/// How a run ended. Runs end in a result value, never a trap; failures say what to change.
public enum FlowOutcome: Sendable, Codable, Equatable {
    /// The direction error fell below the requested tolerance.
    case reachedDirectionTolerance
    /// The requested log₁₀ t or clock limit was reached.
    case reachedTimeLimit
    /// The loss fell below the requested bound.
    case reachedLossLimit
    /// GD ran its requested number of steps.
    case completedSteps
    /// The run stopped early; `reason` says why and what to do.
    case failed(reason: String)

    public var succeeded: Bool { if case .failed = self { false } else { true } }
}

/// Evidence from one simulated run (not a verdict): the trajectory's monitored records, the
/// final state, and the solver's counters.
public struct FlowResult: Sendable, Codable {
    public var outcome: FlowOutcome
    public var initial: [Double]
    public var final: [Double]
    public var records: [FlowRecord]
    public var acceptedSteps: Int
    public var rejectedSteps: Int
    public var fieldEvaluations: Int
    /// How many times the run slid along a kink (Filippov sliding, see `KinkSurface`).
    public var slidingSegments = 0

    /// The last record (the final state is always recorded).
    public var last: FlowRecord { records.last! }
}
