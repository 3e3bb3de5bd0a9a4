import Foundation
import GradientFlow

/// Claims about experiments, judged from the runs: `observed` or `not-observed`, never
/// `proved`. The evidence gives the numbers observed (counts with a 99% Wilson interval,
/// ranges, group sizes) so a reader can judge them.
extension Checker {
    func experimentEvidence(_ experiment: Document.Experiment, _ claim: ExperimentClaim) -> Outcome {
        guard let result = simulator?.runExperiment(experiment.setup) else {
            return .undecided("not simulated: no simulator that runs experiments was given to the checker")
        }
        return Self.judge(claim, on: result)
    }

    /// The verdict on `claim` from the runs of `result`.
    public static func judge(_ claim: ExperimentClaim, on result: ExperimentResult) -> Outcome {
        let runs = result.runs(reachingLossBelow: claim.whereLossBelow)
        let which = claim.whereLossBelow.map { "the \(runs.count) runs with loss < \(format($0))" } ?? "the \(runs.count) runs"
        switch claim.measure {
        case let .runsReachingLoss(bound, count, total):
            let reached = result.runs(reachingLossBelow: bound).count
            let evidence = reachedText(reached, of: result.runs.count, bound: bound, result: result)
            guard total == result.runs.count else {
                return .notObserved("the experiment ran \(result.runs.count) runs, the claim is about \(total): \(evidence)")
            }
            return count.holds(for: reached) ? .observed(evidence) : .notObserved(evidence + ", not \(count.description)")
        case let .stableRanks(layer, range):
            let layers = layer.map { [$0] } ?? Array(result.experiment.problem.network.layers.indices)
            guard !runs.isEmpty else { return .notObserved("no run to measure: \(which)") }
            let spans = layers.map { l in (l, ExperimentResult.range(of: runs) { $0.stableRanks[l] }) }
            let text = spans.map { "layer \($0.0 + 1) in \(rangeText($0.1))" }.joined(separator: ", ")
            let inside = runs.allSatisfy { r in layers.allSatisfy { range.contains(r.stableRanks[$0]) } }
            return inside ? .observed("stable ranks of \(which): \(text) ⊆ \(range)")
                : .notObserved("stable ranks of \(which): \(text) ⊄ \(range)")
        case .normalizedMargin(let range):
            guard !runs.isEmpty else { return .notObserved("no run to measure: \(which)") }
            let span = ExperimentResult.range(of: runs, \.normalizedMargin)
            let inside = runs.allSatisfy { $0.normalizedMargin.map(range.contains) ?? false }
            return inside ? .observed("γ of \(which) in \(rangeText(span)) ⊆ \(range)")
                : .notObserved("γ of \(which) in \(rangeText(span)) ⊄ \(range)")
        case .limitGroups(let count):
            let summary = result.limitGroups(of: runs)
            let sizes = summary.endings.map(\.count)
            let evidence = "\(sizes.count) limit groups of \(which) (directions within \(format(summary.radius))"
                + (sizes.isEmpty ? ")" : "; sizes \(sizes.prefix(8).map(String.init).joined(separator: ", "))\(sizes.count > 8 ? ", …" : ""))")
            return count.holds(for: sizes.count) ? .observed(evidence) : .notObserved(evidence + ", not \(count.description)")
        }
    }

    /// "74 of 288 runs reach loss < 0.0001 (25.7%, 99% CI [19.7%, 32.8%]) after 3000000 GD steps of size 0.0001 (t = 300)".
    public static func reachedText(_ reached: Int, of total: Int, bound: Double, result: ExperimentResult) -> String {
        let ci = result.wilsonInterval(lossBelow: bound)
        return String(format: "%d of %d runs reach loss < %@ (%.1f%%, 99%% CI [%.1f%%, %.1f%%])", reached, total, format(bound),
                      100 * Double(reached) / Double(total), 100 * ci.lowerBound, 100 * ci.upperBound)
            + " after \(result.experiment.method), seed \(result.experiment.seed)"
    }

    /// "[1.1497, 1.9963]" (four decimals) or "none".
    public static func rangeText(_ range: ClosedRange<Double>?) -> String {
        range.map { String(format: "[%.4f, %.4f]", $0.lowerBound, $0.upperBound) } ?? "none"
    }
}
