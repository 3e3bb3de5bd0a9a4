import Foundation

/// The training losses, over a dataset {(x_i, y_i)} (sums, not means, as in papers 001 and 003):
/// exponential L = Σ e^{−q_i} and logistic L = Σ log(1 + e^{−q_i}) of the margins
/// q_i = y_i Φ(θ; x_i) (scalar output), square L = ½ Σ ‖Φ(θ; x_i) − y_i‖² (Timor, Vardi, Shamir (2022) Eq. (1)).
public enum Loss: String, Sendable, Codable, CaseIterable {
    case exponential
    case logistic
    case square

    /// True for the losses of margins (exponential, logistic), which go to 0 only as ‖θ‖ → ∞.
    public var isMarginLoss: Bool { self != .square }
}

/// The loss and its gradient in a form that never underflows: log L, and ∇L/L.
public struct LossEvaluation: Sendable {
    /// log L(θ) (−∞ at zero square loss).
    public var logLoss: Double
    /// ∇L(θ) / L(θ): the loss-normalised gradient (for the square loss at L = 0 it is 0).
    public var normalizedGradient: [Double]
    /// The margins y_i Φ(θ; x_i) (margin losses) or the residual norms ‖Φ − y_i‖ (square).
    public var margins: [Double]
    /// [example][layer][neuron]: is the neuron's input > 0 (the actual region, also when the
    /// evaluation was frozen to another one).
    public var activity: [[[Bool]]]

    /// ∇L(θ) itself; underflows to 0 once L is below the smallest double.
    public var gradient: [Double] { let l = exp(logLoss); return normalizedGradient.map { $0 * l } }
}

extension Network {
    /// log L and ∇L/L at θ, computed from the margins with log-sum-exp (margin losses).
    /// ReLU derivatives at an input exactly 0 use σ'(0) = 0. With `frozen` (one activity map
    /// per example, see `trace(_:_:frozen:)`) the loss of the frozen polynomial pieces.
    public func evaluate(_ loss: Loss, at θ: [Double], on data: [LabeledPoint<Double>],
                         frozen: [[[Bool]]]? = nil) -> LossEvaluation {
        let traces = data.indices.map { trace(θ, data[$0].x, frozen: frozen?[$0]) }
        let activity = traces.map(activeNeurons)
        var g = [Double](repeating: 0, count: parameterCount)
        switch loss {
        case .exponential, .logistic:
            precondition(outputDimension == 1, "margin losses need a scalar output")
            let q = zip(traces, data).map { $0.output[0] * $1.y[0] }
            // log ℓ(q_i) and log(−ℓ'(q_i)).
            let logTerms = loss == .exponential ? q.map { -$0 } : q.map { LogSpace.logSoftplus(-$0) }
            let logSlopes = loss == .exponential ? q.map { -$0 } : q.map { LogSpace.logSigmoid(-$0) }
            let logL = LogSpace.sum(logTerms)
            for i in data.indices {
                let weight = -exp(logSlopes[i] - logL) * data[i].y[0]
                accumulatePullback(θ, traces[i], cotangent: [weight], into: &g)
            }
            return LossEvaluation(logLoss: logL, normalizedGradient: g, margins: q, activity: activity)
        case .square:
            let residuals = zip(traces, data).map { t, p in zip(t.output, p.y).map { $0 - $1 } }
            let l = residuals.reduce(0) { $0 + $1.reduce(0) { $0 + $1 * $1 } } / 2
            guard l > 0 else {
                return LossEvaluation(logLoss: -.infinity, normalizedGradient: g, margins: residuals.map { _ in 0 },
                                      activity: activity)
            }
            for i in data.indices {
                accumulatePullback(θ, traces[i], cotangent: residuals[i].map { $0 / l }, into: &g)
            }
            return LossEvaluation(logLoss: log(l), normalizedGradient: g,
                                  margins: residuals.map { $0.reduce(0) { $0 + $1 * $1 }.squareRoot() }, activity: activity)
        }
    }
}
