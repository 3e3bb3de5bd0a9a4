import Exact
import Foundation

/// A seeded, reproducible Monte Carlo sweep of simulated runs, parallel over all cores and
/// shardable. Run r draws from its own generator, seeded by `seed(ofRun:)` from the base
/// seed and r alone, so a run's result does not depend on the shard or thread it ran on.
public struct MonteCarlo: Sendable {
    public let baseSeed: UInt64
    public let runs: Int

    public init(baseSeed: UInt64, runs: Int) {
        precondition(runs >= 0, "run count")
        self.baseSeed = baseSeed
        self.runs = runs
    }

    /// The seed of run r: the r-th output of SplitMix64 from the base seed (printable, and
    /// enough to replay the run alone).
    public func seed(ofRun r: Int) -> UInt64 {
        var generator = SplitMix64(seed: baseSeed &+ UInt64(r) &* 0x9E37_79B9_7F4A_7C15)
        return generator.next()
    }

    /// Runs `body(r, generator)` for every run r of `shard`, in parallel.
    public func execute(shard: Shard = .all,
                        _ body: @Sendable (_ run: Int, _ generator: inout SplitMix64) -> FlowResult) -> MonteCarloReport {
        let mine = shard.runs(of: runs)
        let slots = Slots<MonteCarloReport.Entry>(count: mine.count)
        DispatchQueue.concurrentPerform(iterations: mine.count) { i in
            let seed = seed(ofRun: mine[i])
            var generator = SplitMix64(seed: seed)
            let result = body(mine[i], &generator)
            slots.store(MonteCarloReport.Entry(run: mine[i], seed: seed, outcome: result.outcome, last: result.last), at: i)
        }
        return MonteCarloReport(baseSeed: baseSeed, runs: runs, shards: [shard], entries: slots.values.map { $0! })
    }
}

/// The evidence of a sweep or of some of its shards: one entry per run, in run order.
public struct MonteCarloReport: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public let run: Int
        public let seed: UInt64
        public let outcome: FlowOutcome
        /// The run's final record.
        public let last: FlowRecord
    }

    public let baseSeed: UInt64
    public let runs: Int
    public let shards: [Shard]
    public let entries: [Entry]

    /// True when every run of the sweep is present.
    public var isComplete: Bool { entries.map(\.run) == Array(0 ..< runs) }

    /// The union of shard reports of one sweep; nil (with no guessing) when they come from
    /// different sweeps or overlap.
    public static func merged(_ reports: [MonteCarloReport]) -> MonteCarloReport? {
        guard let first = reports.first,
              reports.allSatisfy({ $0.baseSeed == first.baseSeed && $0.runs == first.runs }) else { return nil }
        let entries = reports.flatMap(\.entries).sorted { $0.run < $1.run }
        guard Set(entries.map(\.run)).count == entries.count else { return nil }
        return MonteCarloReport(baseSeed: first.baseSeed, runs: first.runs, shards: reports.flatMap(\.shards),
                                entries: entries)
    }
}
