import Foundation
import Networks

/// One run of an experiment: where it started and where it ended.
public struct ExperimentRun: Sendable {
    public let run: Int
    /// The seed that reproduces the run alone (`MonteCarlo.seed(ofRun:)`).
    public let seed: UInt64
    public let initial: [Double]
    public let final: [Double]
    public let outcome: FlowOutcome
    /// GD steps, or accepted flow steps.
    public let steps: Int
    /// L(θ) at the end (the square loss summed example by example as ½‖Φ − y‖²).
    public let loss: Double
    /// γ(θ) = min_i y_i Φ(θ/‖θ‖; x_i) at the end (margin losses, θ ≠ 0).
    public let normalizedMargin: Double?
    /// ‖W_l‖_F² / ‖W_l‖_σ² of every layer at the end.
    public let stableRanks: [Double]

    init(experiment: Experiment, run: Int, initial: [Double], final: [Double], outcome: FlowOutcome, steps: Int) {
        let problem = experiment.problem, network = problem.network
        self.run = run
        self.seed = MonteCarlo(baseSeed: experiment.seed, runs: experiment.runs).seed(ofRun: run)
        self.initial = initial
        self.final = final
        self.outcome = outcome
        self.steps = steps
        if problem.loss == .square {
            var sum = 0.0
            for p in problem.data {
                var squares = 0.0
                for (φ, y) in zip(network(final, p.x), p.y) { squares += (φ - y) * (φ - y) }
                sum += squares / 2
            }
            loss = sum
        } else {
            loss = exp(network.evaluate(problem.loss, at: final, on: problem.data).logLoss)
        }
        let norm = Network.squaredNorm(final).squareRoot()
        normalizedMargin = problem.loss.isMarginLoss && norm > 0 && norm.isFinite ? network.normalizedMargin(final, on: problem.data) : nil
        stableRanks = final.allSatisfy(\.isFinite) ? network.stableRanks(final) : network.layers.map { _ in .nan }
    }

    /// θ/‖θ‖ at the end (the limit direction the run points at).
    public var direction: [Double] {
        let norm = Network.squaredNorm(final).squareRoot()
        return final.map { $0 / norm }
    }
}

/// The runs of an experiment, in run order, and what can be reported about them: the runs
/// reaching a loss (with a Wilson interval), stable ranks (ranges and histograms), the groups
/// of limit directions, and γ.
public struct ExperimentResult: Sendable {
    public let experiment: Experiment
    public let runs: [ExperimentRun]

    public init(experiment: Experiment, runs: [ExperimentRun]) {
        self.experiment = experiment
        self.runs = runs
    }

    /// The runs that end with L(θ) < `bound` (all runs when nil).
    public func runs(reachingLossBelow bound: Double?) -> [ExperimentRun] {
        guard let bound else { return runs }
        return runs.filter { $0.loss < bound }
    }

    /// The 99% Wilson interval of the proportion of runs ending with L(θ) < `bound`.
    public func wilsonInterval(lossBelow bound: Double) -> ClosedRange<Double> {
        SweepReport.wilsonInterval(successes: runs(reachingLossBelow: bound).count, trials: runs.count)
    }

    /// The smallest and largest value of `value` over `runs` (nil when none is finite).
    public static func range(of runs: [ExperimentRun], _ value: (ExperimentRun) -> Double?) -> ClosedRange<Double>? {
        let values = runs.compactMap(value).filter(\.isFinite)
        guard let low = values.min(), let high = values.max() else { return nil }
        return low ... high
    }

    /// Histograms of the stable ranks of every layer over `runs`, on [1, r] with r the
    /// largest min(rows, columns) of a layer (an m×n matrix has stable rank in [1, min(m, n)];
    /// rank 1 iff it is 1).
    public func stableRankHistogram(of runs: [ExperimentRun], title: String) -> Histogram {
        let layers = experiment.problem.network.layers
        let top = Double(max(2, layers.map { min($0.weights.rows, $0.weights.columns) }.max()!))
        return Histogram(title: title, xLabel: "stable rank ‖W‖_F² / ‖W‖_σ²", range: 1 ... top, bins: 20 * Int(top - 1),
                         series: layers.indices.map { l in
                             .init(label: "layer \(l + 1)", values: runs.map { $0.stableRanks[l] })
                         })
    }

    /// The final directions of `runs` grouped within `radius` (greedily in run order; see
    /// `SweepSummary`), with the range of γ in each group.
    public func limitGroups(of runs: [ExperimentRun], radius: Double = 1e-2) -> SweepSummary {
        var summary = SweepSummary(label: "experiment", baseSeed: experiment.seed, runs: experiment.runs, shards: [.all],
                                   radius: radius)
        for r in runs {
            let record = FlowRecord(step: r.steps, clock: .nan, log10Time: .nan, log10Loss: log10(r.loss),
                                    norm: Network.squaredNorm(r.final).squareRoot(), directionError: nil,
                                    normalizedMargin: r.normalizedMargin, kkt: nil, patternChanges: 0)
            summary.add(SweepEntry(run: r.run, seed: r.seed, initial: r.initial, direction: r.direction,
                                   outcome: r.outcome, last: record, steps: r.steps))
        }
        return summary
    }
}
