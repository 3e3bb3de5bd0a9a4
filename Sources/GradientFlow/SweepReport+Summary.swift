import Foundation
import Networks

/// Where the runs of a sweep ended, for people: the limit directions grouped, with counts,
/// normalized margins and confidence intervals.
extension SweepReport {
    /// A group of runs whose final directions lie within `radius` of the group's first run.
    public struct Ending: Sendable {
        /// θ/‖θ‖ of the group's first run (in run order).
        public let direction: [Double]
        public let runs: [Int]
        /// The range of the final normalized margins γ in the group.
        public let margins: ClosedRange<Double>?
        /// The range of the final direction errors to the sweep's target, if one was set.
        public let directionErrors: ClosedRange<Double>?
    }

    /// The runs grouped by final direction, greedily in run order (deterministic), largest first.
    public func endings(radius: Double = 1e-2) -> [Ending] {
        var groups: [(direction: [Double], members: [SweepEntry])] = []
        for e in entries where e.direction.allSatisfy(\.isFinite) {
            if let g = groups.indices.first(where: { k in
                zip(groups[k].direction, e.direction).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot() < radius
            }) {
                groups[g].members.append(e)
            } else {
                groups.append((e.direction, [e]))
            }
        }
        return groups.map { g in
            func range(_ values: [Double]) -> ClosedRange<Double>? { values.min().map { $0 ... values.max()! } }
            return Ending(direction: g.direction, runs: g.members.map(\.run),
                          margins: range(g.members.compactMap(\.last.normalizedMargin)),
                          directionErrors: range(g.members.compactMap(\.last.directionError)))
        }.sorted { ($0.runs.count, -$0.runs[0]) > ($1.runs.count, -$1.runs[0]) }
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
