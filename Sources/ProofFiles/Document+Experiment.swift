import GradientFlow
import Networks

extension Document {
    /// An `experiment` statement, elaborated: the runs to simulate (problem in `Double`, law,
    /// seed, method) and what to report. Running it gives evidence, never a proof.
    public struct Experiment: Sendable {
        public enum Item: Sendable, Equatable {
            /// The runs reaching L < bound; the later items are about those runs.
            case loss(below: Double)
            case stableRanks
            case limitGroups
            case normalizedMargin
        }

        public let name: String
        /// What to run (`var`: `margincert experiment --runs/--steps` shortens it).
        public var setup: GradientFlow.Experiment
        public let reports: [Item]
        public let location: SourceLocation
    }
}

/// A claim about an experiment's outcome, with its numbers resolved.
public struct ExperimentClaim: Sendable {
    public enum Measure: Sendable {
        case runsReachingLoss(below: Double, count: CountSyntax, of: Int)
        /// `layer` counts from 0; nil: every layer.
        case stableRanks(layer: Int?, range: NumericRange)
        case normalizedMargin(range: NumericRange)
        case limitGroups(count: CountSyntax)
    }

    public let measure: Measure
    /// The claim is about the runs ending with L < this.
    public let whereLossBelow: Double?
}

/// A real interval with floating-point ends, each open or closed (for observations).
public struct NumericRange: Sendable, CustomStringConvertible {
    public let lower: Double
    public let upper: Double
    public let lowerClosed: Bool
    public let upperClosed: Bool

    public func contains(_ x: Double) -> Bool {
        (lowerClosed ? x >= lower : x > lower) && (upperClosed ? x <= upper : x < upper)
    }

    public var description: String { "\(lowerClosed ? "[" : "(")\(lower), \(upper)\(upperClosed ? "]" : ")")" }
}
