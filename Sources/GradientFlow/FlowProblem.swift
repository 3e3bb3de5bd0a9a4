import Foundation
import Networks

/// The clock the flow is integrated in.
public enum FlowClock: String, Sendable, Codable {
    /// dθ/dt = −∇L(θ).
    case plain
    /// dθ/dτ = −∇L(θ)/L(θ), with dt = dτ/L: the same trajectory, reparametrised so that the
    /// speed does not vanish as L → 0 (exponential and logistic losses, where t grows like
    /// e^{‖θ‖^L}). ∇L/L is computed from the margins with log-sum-exp and never underflows.
    case lossNormalized
}

/// A gradient-flow problem: network, data, loss and clock. Knows nothing about solvers.
public struct FlowProblem: Sendable {
    public let network: Network
    public let data: [LabeledPoint<Double>]
    public let loss: Loss
    public let clock: FlowClock

    /// The default clock is loss-normalised for margin losses and plain for the square loss.
    public init(network: Network, data: [LabeledPoint<Double>], loss: Loss, clock: FlowClock? = nil) {
        precondition(!data.isEmpty, "empty dataset")
        self.network = network
        self.data = data
        self.loss = loss
        self.clock = clock ?? (loss.isMarginLoss ? .lossNormalized : .plain)
    }

    /// The field at θ, with the loss and the activity of every kinked neuron on every example.
    /// With `frozen`, the field of the polynomial piece named by that activity map (see
    /// `Network.trace(_:_:frozen:)`); `activity` is always the actual one at θ.
    public func sample(at θ: [Double], frozen: [[[Bool]]]? = nil) -> FlowSample {
        let e = network.evaluate(loss, at: θ, on: data, frozen: frozen)
        let scale = clock == .plain ? -exp(e.logLoss) : -1
        return FlowSample(velocity: e.normalizedGradient.map { $0 * scale }, logLoss: e.logLoss,
                          margins: e.margins, activity: e.activity)
    }
}

/// The vector field and what came with it at one state.
public struct FlowSample: FieldSample, Sendable {
    public let velocity: [Double]
    /// log L(θ).
    public let logLoss: Double
    /// y_i Φ(θ; x_i) (margin losses) or ‖Φ(θ; x_i) − y_i‖ (square loss).
    public let margins: [Double]
    /// [example][layer][neuron]: is the neuron's input > 0 at θ. The field is smooth while
    /// this is constant (σ'(0) = 0).
    public let activity: [[[Bool]]]

    /// The number of neurons (over all examples) whose activity differs from `other`'s.
    public func activityChanges(from other: FlowSample) -> Int {
        zip(activity.joined().joined(), other.activity.joined().joined()).filter { $0 != $1 }.count
    }
}
