import Foundation

/// Flow claims, judged from a simulation: `observed` or `not-observed`, never `proved`.
/// The evidence names the reached state (direction error, γ, log₁₀ t, steps) so a reader can
/// judge how far the simulation went.
extension Checker {
    func flowEvidence(_ kind: ElaboratedClaim.Kind) -> Outcome {
        guard let simulator else { return .undecided("not simulated: no flow simulator was given to the checker") }
        switch kind {
        case let .flowDirection(flow, target, tolerance):
            let trace = simulator.simulate(FlowRequest(flow: flow, target: Document.doubles(target.theta)!,
                                                       directionTolerance: tolerance))
            guard let error = trace.last.directionError else { return .notObserved("no direction error was recorded") }
            let state = Self.describe(trace)
            return error < tolerance
                ? .observed("direction error to \(target.name) \(Self.format(error)) < \(Self.format(tolerance)) \(state)")
                : .notObserved("direction error to \(target.name) \(Self.format(error)) ≥ \(Self.format(tolerance)) \(state); \(trace.ending)")
        case let .flowMargin(flow, decreasing):
            let trace = simulator.simulate(FlowRequest(flow: flow))
            let γ = trace.states.compactMap(\.normalizedMargin)
            let trend = decreasing ? "decreasing" : "increasing"
            guard γ.count >= 2, γ.allSatisfy(\.isFinite) else {
                return .notObserved("fewer than two finite normalized margins were recorded \(Self.describe(trace)); \(trace.ending)")
            }
            let range = "γ from \(Self.format(γ.first!)) to \(Self.format(γ.last!)) over \(γ.count) recorded states"
            // Once γ has converged it is constant to rounding: a step against the trend counts
            // only beyond 10⁻¹² relative, and the run as a whole must move with the trend.
            let sign = decreasing ? -1.0 : 1.0
            if let k = γ.indices.dropLast().first(where: { sign * (γ[$0 + 1] - γ[$0]) < -1e-12 * abs(γ[$0]) }) {
                return .notObserved("γ is not \(trend): γ = \(Self.format(γ[k])) then \(Self.format(γ[k + 1])) "
                                    + "at recorded states \(k + 1), \(k + 2); \(range)")
            }
            guard sign * (γ.last! - γ.first!) > 0 else { return .notObserved("γ did not move: \(range)") }
            return .observed("\(trend) (to rounding, 10⁻¹² relative): \(range) \(Self.describe(trace))")
        case let .flowLoss(flow, bound):
            let trace = simulator.simulate(FlowRequest(flow: flow))
            let lowest = trace.states.map(\.log10Loss).min()!
            let reached = "lowest loss 10^\(Self.format(lowest)) \(Self.describe(trace))"
            return lowest < log10(bound)
                ? .observed("\(reached) < \(Self.format(bound))")
                : .notObserved("\(reached) ≥ \(Self.format(bound)); \(trace.ending)")
        default:
            preconditionFailure("not a flow claim")
        }
    }

    /// "at log10 t = 12.3 after 456 steps (rosenbrock), γ = 0.353".
    static func describe(_ trace: FlowTrace) -> String {
        let s = trace.last
        return "at log10 t = \(format(s.log10Time)) after \(trace.steps) steps"
            + (s.normalizedMargin.map { ", γ = \(format($0))" } ?? "")
    }

    /// Four significant digits.
    static func format(_ x: Double) -> String { String(format: "%.4g", x) }
}
