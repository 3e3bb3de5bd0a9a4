/// `experiment sweep: square from sphere(1e-4) per neuron, runs 288, seed 2022, solver gd(1e-4),
/// steps 3000000, report loss < 1e-4, stable ranks`: N seeded runs of the file's network and
/// data from an initialisation law, by gradient descent or by the flow to a time, and what to
/// report about them (numerical evidence, never a proof), as written.
public struct ExperimentSyntax: Hashable, Sendable {
    public let name: String
    public let loss: String
    public let law: InitLawSyntax
    public let runs: ExprSyntax?
    public let seed: ExprSyntax?
    /// `gd(η)` (then `learningRate` is η), `rosenbrock` or `dopri`; nil: gradient descent
    /// needs `solver gd(η)`, the flow is the default.
    public let solver: String?
    public let learningRate: ExprSyntax?
    /// `steps N`: GD's number of steps (the flow's budget of accepted steps).
    public let steps: ExprSyntax?
    /// `until t = T`: the flow's time.
    public let untilTime: ExprSyntax?
    public let reports: [ExperimentReportSyntax]
    public let location: SourceLocation
}

/// An initialisation law as written: `gaussian(σ)`, `xavier`, `sphere(r)`, `sphere(r) per
/// neuron`, `balanced` or `perturb(σ) of <point>`.
public struct InitLawSyntax: Hashable, Sendable {
    public let name: String
    public let argument: ExprSyntax?
    public let perNeuron: Bool
    /// The point a perturbation is centred at.
    public let base: String?
    public let location: SourceLocation
}

/// What an experiment reports (`report …`, the last option).
public enum ExperimentReportSyntax: Hashable, Sendable {
    /// `loss < B`: the runs reaching it, with a 99% Wilson interval; later reports are about those runs.
    case loss(below: ExprSyntax)
    /// `stable ranks`: their ranges per layer, and a histogram (`margincert experiment --histogram`).
    case stableRanks
    /// `limit groups`: the final directions grouped.
    case limitGroups
    /// `margin`: the range of the final normalized margins γ.
    case normalizedMargin
}

/// A claim about an experiment's outcome, decided as an observation.
public struct ExperimentClaimSyntax: Hashable, Sendable {
    public enum Measure: Hashable, Sendable {
        /// `reaches loss < B in [at least | at most] K of N runs`.
        case runsReachingLoss(below: ExprSyntax, count: CountSyntax, of: Int)
        /// `has stable ranks in I` (every layer) or `has stable rank of layer l in I`.
        case stableRanks(layer: Int?, range: RangeSyntax)
        /// `has normalized margin in I`.
        case normalizedMargin(range: RangeSyntax)
        /// `has [at least | at most] K limit groups`.
        case limitGroups(count: CountSyntax)
    }

    public let experiment: String
    public let measure: Measure
    /// `where loss < B`: the claim is about the runs reaching that loss.
    public let whereLossBelow: ExprSyntax?
}

/// `K`, `at least K` or `at most K`: a whole number written in digits.
public struct CountSyntax: Hashable, Sendable {
    public enum Relation: String, Hashable, Sendable { case exactly = "", atLeast = "at least", atMost = "at most" }
    public let relation: Relation
    public let value: Int

    /// Whether `n` satisfies the count.
    public func holds(for n: Int) -> Bool {
        switch relation {
        case .exactly: n == value
        case .atLeast: n >= value
        case .atMost: n <= value
        }
    }

    public var description: String { relation == .exactly ? "\(value)" : "\(relation.rawValue) \(value)" }
}
