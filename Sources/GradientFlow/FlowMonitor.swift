import Foundation
import Networks

/// Computes the monitored quantities of a state: loss, norm, direction error to a target,
/// normalized margin and KKT residual (margin losses), pattern changes.
public struct FlowMonitor: Sendable {
    public let problem: FlowProblem
    /// θ*/‖θ*‖ for the direction error, if a target was given.
    public let targetDirection: [Double]?

    /// Precondition: the target, if given, is nonzero and has θ's length.
    public init(problem: FlowProblem, target: [Double]?) {
        self.problem = problem
        targetDirection = target.map { t in
            let norm = Network.squaredNorm(t).squareRoot()
            precondition(norm > 0 && t.count == problem.network.parameterCount, "target direction")
            return t.map { $0 / norm }
        }
    }

    /// ‖θ/‖θ‖ − θ*/‖θ*‖‖, or nil without a target.
    public func directionError(_ θ: [Double]) -> Double? {
        guard let target = targetDirection else { return nil }
        let norm = Network.squaredNorm(θ).squareRoot()
        return zip(θ, target).reduce(0) { $0 + ($1.0 / norm - $1.1) * ($1.0 / norm - $1.1) }.squareRoot()
    }

    /// The record of state θ (with its field sample) after `step` accepted steps.
    public func record(step: Int, clock: Double, logTime: Double, θ: [Double], sample: FlowSample,
                       patternChanges: Int) -> FlowRecord {
        let norm = Network.squaredNorm(θ).squareRoot()
        let γ = problem.loss.isMarginLoss && norm > 0 ? problem.network.normalizedMargin(θ, on: problem.data) : nil
        return FlowRecord(step: step, clock: clock, log10Time: logTime / M_LN10, log10Loss: sample.logLoss / M_LN10,
                          norm: norm, directionError: directionError(θ), normalizedMargin: γ,
                          kkt: problem.loss.isMarginLoss ? problem.network.kktResidual(θ, on: problem.data) : nil,
                          patternChanges: patternChanges)
    }
}
