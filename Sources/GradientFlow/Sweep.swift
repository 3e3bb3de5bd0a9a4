import Exact
import Foundation
import Networks

/// The outcome of one run of a sweep: where it started and where it ended.
public struct SweepEntry: Sendable, Codable, Equatable {
    public let run: Int
    /// The seed that reproduces the run alone (`MonteCarlo.seed(ofRun:)`).
    public let seed: UInt64
    public let initial: [Double]
    /// θ/‖θ‖ at the end: the limit direction the run points at.
    public let direction: [Double]
    public let outcome: FlowOutcome
    /// The final monitored state.
    public let last: FlowRecord
    public let steps: Int
}

/// A Monte Carlo sweep of flows from random initialisations, or some shards of it, held in
/// memory (`stream` runs a sweep without keeping its entries).
///
/// Deterministic whatever the core count and the sharding: run r uses only its own seed, and
/// entries are kept in run order, so the JSON of the merged shards is byte-identical to the
/// JSON of the unsharded sweep.
public struct SweepReport: Sendable, Codable, Equatable {
    /// What was swept (file, flow, initialisation, budget); shards merge only with equal labels.
    public let label: String
    public let baseSeed: UInt64
    public let runs: Int
    /// The shards present, in order; `[1/1]` for a complete sweep however it was computed.
    public let shards: [Shard]
    public let entries: [SweepEntry]

    init(label: String, baseSeed: UInt64, runs: Int, shards: [Shard], entries: [SweepEntry]) {
        let complete = entries.map(\.run) == Array(0 ..< runs)
        self.label = label
        self.baseSeed = baseSeed
        self.runs = runs
        self.shards = complete ? [.all] : shards.sorted { ($0.count, $0.index) < ($1.count, $1.index) }
        self.entries = entries
    }

    public var isComplete: Bool { shards == [.all] }

    /// Runs `simulate` from `initialization`'s draw for every run of `shard`, in parallel on
    /// `threads` threads, and keeps the entries (`stream`'s, in run order).
    public static func run(label: String, sweep: MonteCarlo, shard: Shard = .all, network: Network,
                           initialization: Initialization, threads: Int = defaultThreads,
                           _ simulate: @Sendable (_ initial: [Double]) -> FlowResult) -> SweepReport {
        var entries: [SweepEntry] = []
        stream(sweep: sweep, shard: shard, network: network, initialization: initialization, threads: threads,
               simulate) { entries.append($0) }
        return SweepReport(label: label, baseSeed: sweep.baseSeed, runs: sweep.runs, shards: [shard], entries: entries)
    }

    /// Runs `simulate` from `initialization`'s draw for every run of `shard`, in parallel on
    /// `threads` threads, and hands each run's entry to `consume` in run order, one at a time
    /// (never concurrently), without keeping it.
    ///
    /// Runs are handed out in order and at most `16 · threads` entries wait for an earlier
    /// run, so memory does not grow with the number of runs; the entries and their order do
    /// not depend on `threads`. When `consume` throws, no later run starts and the error is
    /// rethrown once the running ones have ended.
    public static func stream<Failure: Error>(
        sweep: MonteCarlo, shard: Shard = .all, network: Network, initialization: Initialization,
        threads: Int = defaultThreads, _ simulate: @Sendable (_ initial: [Double]) -> FlowResult,
        consume: (SweepEntry) throws(Failure) -> Void
    ) throws(Failure) {
        try produceInParallel(count: shard.runCount(of: sweep.runs), threads: threads, window: 16 * threads) { i in
            let run = shard.run(at: i), seed = sweep.seed(ofRun: run)
            var generator = SplitMix64(seed: seed)
            let initial = initialization.sample(for: network, using: &generator)
            let result = simulate(initial)
            let norm = Network.squaredNorm(result.final).squareRoot()
            return SweepEntry(run: run, seed: seed, initial: initial, direction: result.final.map { $0 / norm },
                              outcome: result.outcome, last: result.last, steps: result.acceptedSteps)
        } consumeInOrder: { _, entry throws(Failure) in
            try consume(entry)
        }
    }

    /// The number of threads sweeps use by default: the active cores.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    public enum MergeError: Error, CustomStringConvertible {
        case noParts, differentSweeps(String, String), overlappingRuns(Int)

        public var description: String {
            switch self {
            case .noParts: "nothing to merge"
            case let .differentSweeps(a, b): "the parts come from different sweeps: '\(a)' and '\(b)'"
            case .overlappingRuns(let r): "run \(r) appears in more than one part"
            }
        }
    }

    /// The union of parts of one sweep (entries in run order).
    public static func merged(_ parts: [SweepReport]) throws(MergeError) -> SweepReport {
        guard let first = parts.first else { throw .noParts }
        for p in parts where p.label != first.label || p.baseSeed != first.baseSeed || p.runs != first.runs {
            throw .differentSweeps("\(first.label), seed \(first.baseSeed), \(first.runs) runs",
                                   "\(p.label), seed \(p.baseSeed), \(p.runs) runs")
        }
        let entries = parts.flatMap(\.entries).sorted { $0.run < $1.run }
        if let r = zip(entries, entries.dropFirst()).first(where: { $0.run == $1.run })?.0.run { throw .overlappingRuns(r) }
        return SweepReport(label: first.label, baseSeed: first.baseSeed, runs: first.runs,
                           shards: parts.flatMap(\.shards), entries: entries)
    }

    /// Canonical JSON (sorted keys; infinities as "inf"/"-inf"): equal reports give equal bytes.
    public func json() throws -> Data { try Self.encoder.encode(self) }

    /// The encoder of `json()` (also used for single entries by `SweepJSONWriter`).
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    public init(json: Data) throws {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        self = try decoder.decode(SweepReport.self, from: json)
    }
}
