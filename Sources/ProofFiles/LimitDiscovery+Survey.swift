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

    /// Runs flow `name` of the file from `runs` draws of `initialization` (run r from seed
    /// `seed &+ r·0x9E3779B97F4A7C15`), in parallel over the cores; the groups do not depend
    /// on the number of cores.
    public static func survey(path: String, source: String, flow name: String, runs: Int, seed: UInt64,
                              initialization text: String, timeLimit: Double = 10) throws(Diagnostic) -> Survey {
        let syntax = try ProofFileParser.parse(source)
        let document = try Elaborator.elaborate(syntax)
        guard let flow = document.flows[name] else {
            throw Diagnostic("the file has no flow '\(name)'", at: SourceLocation(line: 1, column: 1),
                             hint: "its flows are " + document.flows.keys.sorted().joined(separator: ", "))
        }
        guard let initialization = Initialization(parsing: text, base: flow.initial) else {
            throw Diagnostic("unknown initialisation '\(text)'", at: SourceLocation(line: 1, column: 1),
                             hint: "use xavier, balanced, gaussian(σ), sphere(r) or perturb(σ)")
        }
        let runner = FlowRunner(recordEvery: 1000)
        let outcomes = Slots<(label: String, guess: Guess?, direction: [Double])>(count: runs)
        DispatchQueue.concurrentPerform(iterations: runs) { r in
            var generator = SplitMix64(seed: seed &+ UInt64(r) &* 0x9E37_79B9_7F4A_7C15)
            let start = initialization.sample(for: flow.network, using: &generator)
            let final = runner.run(FlowRequest(flow: flow), from: start).final
            switch exactPoint(of: final, flow) {
            case .success(let guess): outcomes.store((guess.point, guess, final), at: r)
            case .failure(let unrecognised): outcomes.store(("no exact point: " + unrecognised.reason, nil, final), at: r)
            }
        }
        let all = outcomes.values.map { $0! }
        let header = declarations(of: source, syntax)
        var groups: [Survey.Group] = []
        for label in Set(all.map(\.label)).sorted() {
            let members = all.filter { $0.label == label }
            let status = members[0].guess.map {
                verified($0, flow: name, direction: members[0].direction, header: header, path: path, runner: nil, timeLimit: timeLimit)
            }
            groups.append(Survey.Group(label: label, runs: members.count,
                                       fraction: SweepReport.wilsonInterval(successes: members.count, trials: runs), status: status))
        }
        groups.sort { $0.runs != $1.runs ? $0.runs > $1.runs : $0.label < $1.label }
        return Survey(flow: name, runs: runs, groups: groups)
    }
}

