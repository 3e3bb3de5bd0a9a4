import Foundation

/// Where the runs of a sweep ended, for people: the summary of its entries and the Wilson
/// confidence interval of a proportion of runs.
extension SweepReport {
    /// The summary of the entries, added in run order (as `stream` consumers add them).
    public func summary(radius: Double = 1e-2) -> SweepSummary {
        var summary = SweepSummary(label: label, baseSeed: baseSeed, runs: runs, shards: shards, radius: radius)
        for e in entries { summary.add(e) }
        return summary
    }

    /// The Wilson score interval for a proportion of `successes` out of `trials` at the normal
    /// quantile z (z = 2.5758 for 99%).
    public static func wilsonInterval(successes: Int, trials: Int, z: Double = 2.575829303549) -> ClosedRange<Double> {
        precondition(trials > 0 && (0 ... trials).contains(successes), "proportion")
        let n = Double(trials), p = Double(successes) / n, z2 = z * z
        let center = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return max(0, center - half) ... min(1, center + half)
    }
}
