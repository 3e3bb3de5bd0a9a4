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

/// A Monte Carlo sweep of flows from random initialisations, or some shards of it.
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

    /// Runs `simulate` from `initialization`'s draw for every run of `shard`, in parallel.
    public static func run(label: String, sweep: MonteCarlo, shard: Shard = .all, network: Network,
                           initialization: Initialization,
                           _ simulate: @Sendable (_ initial: [Double]) -> FlowResult) -> SweepReport {
        let mine = shard.runs(of: sweep.runs)
        let slots = Slots<SweepEntry>(count: mine.count)
        DispatchQueue.concurrentPerform(iterations: mine.count) { i in
            let seed = sweep.seed(ofRun: mine[i])
            var generator = SplitMix64(seed: seed)
            let initial = initialization.sample(for: network, using: &generator)
            let result = simulate(initial)
            let norm = Network.squaredNorm(result.final).squareRoot()
            slots.store(SweepEntry(run: mine[i], seed: seed, initial: initial, direction: result.final.map { $0 / norm },
                                   outcome: result.outcome, last: result.last, steps: result.acceptedSteps), at: i)
        }
        return SweepReport(label: label, baseSeed: sweep.baseSeed, runs: sweep.runs, shards: [shard],
                           entries: slots.values.map { $0! })
    }

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
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }

    public init(json: Data) throws {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        self = try decoder.decode(SweepReport.self, from: json)
    }
}
