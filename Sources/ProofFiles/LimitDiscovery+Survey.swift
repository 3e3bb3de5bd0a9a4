import Discovery
import Exact
import Foundation
import GradientFlow

extension LimitDiscovery {
    /// Where N seeded initialisations go: each run's limit guessed exactly (`exactPoint`), the
    /// runs grouped by that exact point, and each distinct point verified once.
    public struct Survey: Sendable {
        public struct Group: Sendable {
            /// `point limit: …`, or the reason no point was guessed.
            public let label: String
            public let runs: Int
            /// 99% Wilson score interval of the fraction of runs.
            public let fraction: ClosedRange<Double>
            /// The verification of the point (nil for runs without one).
            public let status: Finding.Status?
        }
        public let flow: String
        public let runs: Int
        /// Most frequent first.
        public let groups: [Group]
    }

    /// The runs of one shard of a survey, before grouping and verification: what
    /// `discover --runs N --shard k/n --out part.json` writes and `discover --merge` reads.
    public struct SurveyRuns: Codable, Sendable, Equatable {
        /// One run: its index, the exact point guessed from where it ended (or why none was),
        /// the refined θ of the guess and the final direction.
        public struct Run: Codable, Sendable, Equatable {
            public let run: Int
            public let label: String
            public let theta: [Double]?
            public let direction: [Double]
        }
        public var version = 1
        /// A digest of the file's text (FNV-1a, 64 bits), so shards of different files do not merge.
        public let source: String
        public let flow: String
        public let runs: Int
        public let seed: UInt64
        public let initialization: String
        public let shard: String
        public var outcomes: [Run]
    }

    /// Runs flow `name` of the file from the runs of `shard` among `runs` draws of
    /// `initialization` (run r from seed `seed &+ r·0x9E3779B97F4A7C15`), in parallel over the
    /// cores, and guesses each run's exact limit. The result does not depend on the number of cores.
    public static func surveyRuns(source: String, flow name: String, runs: Int, seed: UInt64, initialization text: String,
                                  shard: Shard = .all) throws(Diagnostic) -> SurveyRuns {
        let document = try Elaborator.elaborate(try ProofFileParser.parse(source))
        guard let flow = document.flows[name] else {
            throw Diagnostic("the file has no flow '\(name)'", at: SourceLocation(line: 1, column: 1),
                             hint: "its flows are " + document.flows.keys.sorted().joined(separator: ", "))
        }
        guard let initialization = Initialization(parsing: text, base: flow.initial) else {
            throw Diagnostic("unknown initialisation '\(text)'", at: SourceLocation(line: 1, column: 1),
                             hint: "use xavier, balanced, gaussian(σ), sphere(r) or perturb(σ)")
        }
        let runner = FlowRunner(recordEvery: 1000)
        let exactData = preciseData(document)
        let indices = shard.runs(of: runs)
        let outcomes = Slots<SurveyRuns.Run>(count: indices.count)
        DispatchQueue.concurrentPerform(iterations: indices.count) { i in
            let r = indices[i]
            var generator = SplitMix64(seed: seed &+ UInt64(r) &* 0x9E37_79B9_7F4A_7C15)
            let start = initialization.sample(for: flow.network, using: &generator)
            let final = runner.settledRun(flow, from: start).final
            switch exactPoint(of: final, flow, exactData: exactData) {
            case .success(let guess): outcomes.store(.init(run: r, label: guess.point, theta: guess.theta, direction: final), at: i)
            case .failure(let why): outcomes.store(.init(run: r, label: "no exact point: " + why.reason, theta: nil, direction: final), at: i)
            }
        }
        return SurveyRuns(source: digest(source), flow: name, runs: runs, seed: seed, initialization: text, shard: shard.description,
                          outcomes: outcomes.values.map { $0! })
    }

    /// The union of the shards of one survey; an error unless they come from the same file,
    /// flow, seed and initialisation and hold every run exactly once.
    public static func merged(_ parts: [SurveyRuns]) throws(Diagnostic) -> SurveyRuns {
        let at = SourceLocation(line: 1, column: 1)
        guard var whole = parts.first else { throw Diagnostic("no shards to merge", at: at, hint: "give the shards' JSON files") }
        for part in parts.dropFirst() {
            guard (part.source, part.flow, part.runs, part.seed, part.initialization) == (whole.source, whole.flow, whole.runs, whole.seed, whole.initialization) else {
                throw Diagnostic("the shards are not parts of one survey (file, flow, runs, seed or --init differ)", at: at,
                                 hint: "merge the shards of one `discover --runs N --seed S --init …` run of one file")
            }
            whole.outcomes += part.outcomes
        }
        whole.outcomes.sort { $0.run < $1.run }
        let indices = whole.outcomes.map(\.run)
        guard indices == Array(0..<whole.runs) else {
            let missing = Set(0..<whole.runs).subtracting(indices).sorted().prefix(5).map(String.init)
            throw Diagnostic("the shards do not hold each of the \(whole.runs) runs exactly once"
                             + (missing.isEmpty ? " (some run is given twice)" : " (missing run " + missing.joined(separator: ", ") + ")"),
                             at: at, hint: "give every shard k/n for k = 1 … n, each once")
        }
        return SurveyRuns(source: whole.source, flow: whole.flow, runs: whole.runs, seed: whole.seed, initialization: whole.initialization,
                          shard: Shard.all.description, outcomes: whole.outcomes)
    }

    /// The runs grouped by exact point, each distinct point verified once (on the file's
    /// declarations), most frequent first.
    public static func survey(_ all: SurveyRuns, path: String, source: String, timeLimit: Double = 10) throws(Diagnostic) -> Survey {
        let at = SourceLocation(line: 1, column: 1)
        guard all.source == digest(source) else {
            throw Diagnostic("the runs were made from another version of \(path)", at: at, hint: "run the shards again on this file")
        }
        guard all.outcomes.count == all.runs else {
            throw Diagnostic("the runs hold \(all.outcomes.count) of \(all.runs) runs", at: at, hint: "merge every shard first")
        }
        let header = declarations(of: source, try ProofFileParser.parse(source))
        var groups: [Survey.Group] = []
        for label in Set(all.outcomes.map(\.label)).sorted() {
            let members = all.outcomes.filter { $0.label == label }
            let status = members[0].theta.map {
                verified(Guess(point: label, theta: $0, notes: []), flow: all.flow, direction: members[0].direction, header: header,
                         path: path, runner: nil, timeLimit: timeLimit)
            }
            groups.append(Survey.Group(label: label, runs: members.count,
                                       fraction: SweepReport.wilsonInterval(successes: members.count, trials: all.runs), status: status))
        }
        groups.sort { $0.runs != $1.runs ? $0.runs > $1.runs : $0.label < $1.label }
        return Survey(flow: all.flow, runs: all.runs, groups: groups)
    }

    /// The whole survey in one process: `survey(surveyRuns(…))`.
    public static func survey(path: String, source: String, flow name: String, runs: Int, seed: UInt64,
                              initialization text: String, timeLimit: Double = 10) throws(Diagnostic) -> Survey {
        try survey(try surveyRuns(source: source, flow: name, runs: runs, seed: seed, initialization: text), path: path, source: source,
                   timeLimit: timeLimit)
    }

    /// FNV-1a (64 bits) of the text, in hex.
    static func digest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return String(hash, radix: 16)
    }
}
