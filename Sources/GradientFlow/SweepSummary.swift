import Foundation

/// Where the runs of a sweep ended, for people: the outcomes counted and the limit directions
/// grouped (with the ranges of normalized margin and direction error in each group),
/// accumulated one run at a time so that its memory does not grow with the number of runs.
///
/// Runs are added in run order (a precondition): the grouping is greedy in that order, so a
/// sweep's summary is the same whatever the core count and the sharding.
public struct SweepSummary: Sendable {
    /// A group of runs whose final directions lie within `radius` of the group's first run.
    public struct Ending: Sendable, Equatable {
        /// θ/‖θ‖ of the group's first run.
        public let direction: [Double]
        public let firstRun: Int
        /// The number of runs in the group.
        public fileprivate(set) var count = 1
        /// The range of the final normalized margins γ in the group.
        public fileprivate(set) var margins: ClosedRange<Double>?
        /// The range of the final direction errors to the sweep's target, if one was set.
        public fileprivate(set) var directionErrors: ClosedRange<Double>?
    }

    public let label: String
    public let baseSeed: UInt64
    /// The number of runs of the whole sweep.
    public let runs: Int
    /// The shards of the sweep the summarized runs come from (`[1/1]` for a complete sweep).
    public let shards: [Shard]
    /// The radius of the groups of limit directions.
    public let radius: Double
    /// At most this many groups and distinct outcomes are kept; a later run that fits none is
    /// counted in `ungrouped` or `otherOutcomes`.
    public let capacity: Int

    /// The number of runs added.
    public private(set) var count = 0
    /// True when every run added reached what it was asked to (`FlowOutcome.succeeded`).
    public private(set) var allSucceeded = true
    /// The distinct outcomes with their numbers of runs, in order of first appearance.
    public private(set) var outcomes: [(outcome: FlowOutcome, count: Int)] = []
    /// The runs whose outcome came after `capacity` distinct ones.
    public private(set) var otherOutcomes = 0
    /// The runs with a finite final direction within `radius` of no group when there were
    /// already `capacity` groups.
    public private(set) var ungrouped = 0
    private var groups: [Ending] = []
    private var lastRun = Int.min

    public init(label: String, baseSeed: UInt64, runs: Int, shards: [Shard], radius: Double = 1e-2,
                capacity: Int = 4096) {
        precondition(radius > 0 && capacity > 0, "radius and capacity")
        self.label = label
        self.baseSeed = baseSeed
        self.runs = runs
        self.shards = shards
        self.radius = radius
        self.capacity = capacity
    }

    /// Counts `entry`'s outcome and puts its direction in the first group (in order of
    /// creation) within `radius`, or in a new group. Precondition: runs come in increasing order.
    public mutating func add(_ entry: SweepEntry) {
        precondition(entry.run > lastRun, "runs are summarized in run order")
        lastRun = entry.run
        count += 1
        allSucceeded = allSucceeded && entry.outcome.succeeded
        if let k = outcomes.firstIndex(where: { $0.outcome == entry.outcome }) {
            outcomes[k].count += 1
        } else if outcomes.count < capacity {
            outcomes.append((entry.outcome, 1))
        } else {
            otherOutcomes += 1
        }
        guard entry.direction.allSatisfy(\.isFinite) else { return }
        let g: Int
        if let k = groups.firstIndex(where: { Self.distance($0.direction, entry.direction) < radius }) {
            g = k
            groups[k].count += 1
        } else if groups.count < capacity {
            g = groups.count
            groups.append(Ending(direction: entry.direction, firstRun: entry.run))
        } else {
            ungrouped += 1
            return
        }
        groups[g].margins = Self.widen(groups[g].margins, to: entry.last.normalizedMargin)
        groups[g].directionErrors = Self.widen(groups[g].directionErrors, to: entry.last.directionError)
    }

    /// The groups of limit directions, largest first (equal sizes: earlier first run first).
    public var endings: [Ending] {
        groups.sorted { ($0.count, -$0.firstRun) > ($1.count, -$1.firstRun) }
    }

    private static func distance(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
    }

    /// The smallest range holding `range` and `value` (NaN and absent values leave it as is).
    private static func widen(_ range: ClosedRange<Double>?, to value: Double?) -> ClosedRange<Double>? {
        guard let value, !value.isNaN else { return range }
        guard let range else { return value ... value }
        return min(range.lowerBound, value) ... max(range.upperBound, value)
    }
}
