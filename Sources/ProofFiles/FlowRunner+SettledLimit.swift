import Discovery
import GradientFlow

extension FlowRunner {
    /// How a run toward a limit direction ended.
    public struct SettledRun: Sendable {
        /// θ at the end.
        public let final: [Double]
        /// Accepted steps over all stages.
        public let steps: Int
        /// The last stage's result (its clock starts at that stage's start).
        public let last: FlowResult
        /// True when the run stopped because its KKT candidate settled, not at its budget.
        public let settled: Bool
    }

    /// The flow run until the KKT candidate of its direction settles, or to its budget.
    ///
    /// The flow is integrated in stages of 1000, 2000, 4000, … accepted steps, each from the
    /// end of the last (the ODE is autonomous, so this is the same trajectory; only the step-size
    /// controller restarts). After each stage the direction is scaled to margin 1 and refined by
    /// Newton's method on the KKT system of its active examples and zero entries
    /// (`LimitCandidate`). The run stops when two consecutive stages give the same pattern, refined
    /// points within 10⁻⁹ (relative), a residual below 10⁻¹², and a direction that came closer to
    /// the candidate's. A heuristic, like the budget it replaces: what the candidate is, is then
    /// decided exactly, and the claim that the flow converges in direction to it is observed by a
    /// separate run toward it. Each stage's clock starts at 0, so a flow bounded by a time the
    /// file wrote (`until log10 t = T`) runs as one stage; the default bound of the margin losses
    /// (log₁₀ t = 10¹⁵, a guard against the precision of ‖θ‖ ~ log t, which the state itself
    /// carries) bounds each stage.
    public func settledRun(_ flow: Document.Flow, from start: [Double]? = nil) -> SettledRun {
        let timeWritten = flow.maximumLog10Time.map { $0 < Elaborator.defaultLog10TimeLimit } ?? false
        guard !timeWritten, flow.network.homogeneityDegree != nil else {
            let result = run(FlowRequest(flow: flow), from: start)
            return SettledRun(final: result.final, steps: result.acceptedSteps, last: result, settled: false)
        }
        var θ = start ?? flow.initial, done = 0, stage = 1000
        var previous: (candidate: LimitCandidate, gap: Double)?
        while true {
            var piece = flow
            piece.maximumSteps = min(stage, flow.maximumSteps - done)
            let result = run(FlowRequest(flow: piece), from: θ)
            θ = result.final
            done += result.acceptedSteps
            let current = LimitCandidate(direction: θ, network: flow.network, data: flow.data).map { ($0, Self.gap(θ, $0.theta)) }
            if let (candidate, gap) = current, let (before, gapBefore) = previous, Self.agree(candidate, before), gap <= gapBefore {
                return SettledRun(final: θ, steps: done, last: result, settled: true)
            }
            // A stage that ended before its steps (the loss bound, a failure) ends the run.
            guard done < flow.maximumSteps, result.acceptedSteps == piece.maximumSteps else {
                return SettledRun(final: θ, steps: done, last: result, settled: false)
            }
            previous = current
            stage *= 2
        }
    }

    /// Same active examples and zero entries, refined points within 10⁻⁹ relative, residual < 10⁻¹².
    static func agree(_ a: LimitCandidate, _ b: LimitCandidate) -> Bool {
        guard a.active == b.active, a.zeroEntries == b.zeroEntries, a.residual < 1e-12, b.residual < 1e-12 else { return false }
        let scale = max(1, a.theta.map(abs).max() ?? 0)
        return zip(a.theta, b.theta).allSatisfy { abs($0 - $1) <= 1e-9 * scale }
    }

    /// ‖θ/‖θ‖ − θ*/‖θ*‖‖.
    static func gap(_ θ: [Double], _ target: [Double]) -> Double {
        let (n, m) = (norm(θ), norm(target))
        return norm(zip(θ, target).map { $0 / n - $1 / m })
    }

    static func norm(_ v: [Double]) -> Double { v.map { $0 * $0 }.reduce(0, +).squareRoot() }
}
