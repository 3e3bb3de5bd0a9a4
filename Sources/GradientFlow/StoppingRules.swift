/// When a run stops. Every limit is the user's explicit choice.
public struct StoppingRules: Sendable, Codable {
    /// Stop once the direction error is below this (needs a target).
    public var directionTolerance: Double?
    /// Give up after this many accepted steps.
    public var maximumSteps: Int
    /// Stop once log₁₀ t reaches this.
    public var maximumLog10Time: Double?
    /// Stop once the integration variable (τ or t) reaches this.
    public var maximumClock: Double?
    /// Stop once log₁₀ L is below this.
    public var maximumLog10Loss: Double?

    public init(directionTolerance: Double? = nil, maximumSteps: Int = 100_000,
                maximumLog10Time: Double? = nil, maximumClock: Double? = nil, maximumLog10Loss: Double? = nil) {
        self.directionTolerance = directionTolerance
        self.maximumSteps = maximumSteps
        self.maximumLog10Time = maximumLog10Time
        self.maximumClock = maximumClock
        self.maximumLog10Loss = maximumLog10Loss
    }
}
