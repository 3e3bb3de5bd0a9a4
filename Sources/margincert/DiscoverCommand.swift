import ArgumentParser
import Foundation
import GradientFlow
import ProofFiles

/// `margincert discover <file.proof>`: where do the file's gradient flows go, exactly?
///
/// For each flow (or `--flow NAME`): simulate it, refine its limit direction to a KKT point of
/// the max-margin problem with the same combinatorics, recognise it as exact numbers, and check
/// a proof file that states it (`LimitDiscovery`). Prints the point and the verdicts; `--out`
/// writes the proof file, which `margincert check` passes as written. Exit status: 0 when every
/// flow's limit was found and its file passes, 1 when some limit was not found (the reason is
/// printed) or its file does not pass, 2 on malformed input.
struct DiscoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Find the exact limit point of a file's gradient flows, certified and classified.",
        discussion: "Example: margincert discover examples/vss-thm3.2-flow.proof --flow gf --out found.proof")

    @Argument(help: "A proof file with a network, data and at least one flow.")
    var file: String

    @Option(help: "Only this flow (default: every flow of the file).")
    var flow: String?

    @Option(help: "Write the proof file of the found limit here (with several flows: one file each, NAME inserted before .proof).")
    var out: String?

    @Option(help: "The most seconds the checker may spend on one claim.")
    var timeLimit: Double = 10

    @Option(help: "Monte Carlo: run the flow (--flow) from this many seeded initialisations and group the exact limits.")
    var runs: Int?

    @Option(help: "Monte Carlo: the base seed.")
    var seed: UInt64 = 1

    @Option(name: .customLong("init"), help: "Monte Carlo: xavier, balanced, gaussian(σ), sphere(r) or perturb(σ) (around the flow's θ(0)).")
    var initialization = "xavier"

    @Option(help: "Monte Carlo: run only shard k of n (k/n) and write its runs to --out as JSON, for --merge.")
    var shard: String?

    @Option(parsing: .upToNextOption, help: "Monte Carlo: group and verify the runs of these shards' JSON files (all shards of one --runs sweep of FILE).")
    var merge: [String] = []

    @Option(help: "Output format: text or json.")
    var format: DiscoveryFormat = .text

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
        if let runs {
            guard runs > 0 else { throw ValidationError("--runs must be positive, not \(runs)") }
            guard flow != nil else { throw ValidationError("--runs needs the flow: --flow NAME") }
        }
        if let shard {
            guard Shard(parsing: shard) != nil else { throw ValidationError("--shard must be k/n with 1 ≤ k ≤ n, not \(shard)") }
            guard runs != nil, out != nil else { throw ValidationError("--shard needs --runs N and --out part.json") }
        }
        guard merge.isEmpty || (runs == nil && shard == nil) else { throw ValidationError("--merge groups finished shards; leave out --runs and --shard") }
    }

    func run() throws {
        let source = try SourceFile.text(of: file)
        if !merge.isEmpty || runs != nil {
            try survey(source)
            return
        }
        let findings: [LimitDiscovery.Finding]
        do {
            findings = try LimitDiscovery.discover(path: file, source: source, flow: flow, timeLimit: timeLimit)
        } catch {
            print(error.rendered(path: file, source: source))
            throw ExitCode(2)
        }
        if format == .json { print(LimitDiscovery.json(findings)) }
        for finding in findings {
            if format == .text {
                finding.notes.forEach { print($0) }
                switch finding.status {
                case let .found(point, _, result):
                    print(point)
                    for claim in result.claims { print("  \(claim.text): \(claim.verdict.rawValue)") }
                case .notFound(let reason):
                    print("not found: \(reason)")
                }
            }
            if let out, case let .found(_, text, _) = finding.status {
                let path = findings.count == 1 ? out : out.replacingOccurrences(of: ".proof", with: "-\(finding.flow).proof")
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                if format == .text { print("wrote \(path)") }
            }
        }
        if !findings.allSatisfy(\.passes) { throw ExitCode(1) }
    }

    /// `--runs N` (optionally one `--shard`) or `--merge`: the exact limits of N seeded runs,
    /// grouped, each verified once.
    private func survey(_ source: String) throws {
        let survey: LimitDiscovery.Survey
        do {
            let runs: LimitDiscovery.SurveyRuns
            if !merge.isEmpty {
                runs = try LimitDiscovery.merged(try merge.map { try Self.readRuns($0) })
            } else {
                runs = try LimitDiscovery.surveyRuns(source: source, flow: flow!, runs: self.runs!, seed: seed, initialization: initialization,
                                                     shard: shard.flatMap(Shard.init(parsing:)) ?? .all)
                if shard != nil, let out {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys]
                    try encoder.encode(runs).write(to: URL(fileURLWithPath: out))
                    print("wrote \(runs.outcomes.count) of \(runs.runs) runs (shard \(runs.shard)) to \(out)")
                    return
                }
            }
            survey = try LimitDiscovery.survey(runs, path: file, source: source, timeLimit: timeLimit)
            if format == .json {
                print(survey.json(seed: runs.seed, initialization: runs.initialization))
                return
            }
            print("flow \(survey.flow): \(survey.runs) runs from \(runs.initialization), seed \(runs.seed)")
        } catch let error as Diagnostic {
            print(error.rendered(path: file, source: source))
            throw ExitCode(2)
        }
        for group in survey.groups {
            print(String(format: "%5d runs (99%% Wilson CI [%.3f, %.3f]): ", group.runs, group.fraction.lowerBound, group.fraction.upperBound)
                  + group.label)
            switch group.status {
            case let .found(_, _, result)?:
                print("      " + result.claims.filter { $0.verdict == .proved }.map(\.text).joined(separator: "; "))
            case .notFound(let reason)?:
                print("      not verified: \(reason)")
            case nil:
                break
            }
        }
    }

    /// A shard's runs (read as every file is, by `SourceFile`), or an error that says why not.
    static func readRuns(_ path: String) throws -> LimitDiscovery.SurveyRuns {
        let text = try SourceFile.text(of: path)
        do {
            return try JSONDecoder().decode(LimitDiscovery.SurveyRuns.self, from: Data(text.utf8))
        } catch {
            print("\(path): error: not the JSON of a discover shard: \(error)\n"
                  + "  hint: give the JSON files written by discover --runs N --shard k/n --out FILE")
            throw ExitCode(2)
        }
    }
}

enum DiscoveryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
