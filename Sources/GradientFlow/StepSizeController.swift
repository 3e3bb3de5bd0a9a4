import Foundation

/// A proportional–integral step-size controller (Hairer–Nørsett–Wanner I, §II.4, and the
/// PI variant of Gustafsson as in DOPRI5) with the user's explicit tolerances.
///
/// The scaled error ‖e‖ = RMS_n(e_n / (atol + rtol·max(|y_n|, |y'_n|))); a step is accepted
/// iff ‖e‖ ≤ 1. The next step is h·safety·‖e‖^{−α}·‖e_prev‖^{β}, clipped to
/// [minimumFactor, maximumFactor]·h, where α = 1/(q+1) − 0.75β for a solver whose error
/// estimate is O(h^{q+1}) (as in DOPRI5). β = 0 gives the plain I controller.
public struct StepSizeController: Sendable, Codable {
    public var relativeTolerance: Double
    public var absoluteTolerance: Double
    public var safety = 0.9
    public var minimumFactor = 0.2
    public var maximumFactor = 10.0
    public var beta: Double

    public init(relativeTolerance: Double, absoluteTolerance: Double, beta: Double = 0.04) {
        precondition(relativeTolerance > 0 && absoluteTolerance >= 0, "tolerances")
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.beta = beta
    }

    /// The scaled RMS norm of the error estimate.
    public func errorNorm(_ error: [Double], old y0: [Double], new y1: [Double]) -> Double {
        var sum = 0.0
        for n in error.indices {
            let scale = absoluteTolerance + relativeTolerance * max(abs(y0[n]), abs(y1[n]))
            let r = error[n] / scale
            sum += r * r
        }
        return (sum / Double(max(error.count, 1))).squareRoot()
    }

    /// The next step size after a step of size h with scaled error `norm`, given the last
    /// accepted step's scaled error and the solver's embedded order q.
    public func nextStepSize(after h: Double, errorNorm norm: Double, previousErrorNorm: Double,
                             embeddedOrder q: Int) -> Double {
        guard norm.isFinite else { return h * minimumFactor }
        let alpha = 1 / Double(q + 1) - 0.75 * beta
        if norm <= 1 {
            let factor = safety * pow(max(norm, 1e-10), -alpha) * pow(max(previousErrorNorm, 1e-4), beta)
            return h * min(maximumFactor, max(minimumFactor, factor))
        }
        return h * max(minimumFactor, safety * pow(norm, -alpha))
    }
}
