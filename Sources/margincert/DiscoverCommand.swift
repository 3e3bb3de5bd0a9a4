import ArgumentParser
import Foundation
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

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
        if let runs {
            guard runs > 0 else { throw ValidationError("--runs must be positive, not \(runs)") }
            guard flow != nil else { throw ValidationError("--runs needs the flow: --flow NAME") }
        }
    }

    func run() throws {
        let source = try SourceFile.text(of: file)
        if let runs, let flow {
            try survey(source, flow: flow, runs: runs)
            return
        }
        let findings: [LimitDiscovery.Finding]
        do {
            findings = try LimitDiscovery.discover(path: file, source: source, flow: flow, timeLimit: timeLimit)
        } catch {
            print(error.rendered(path: file, source: source))
            throw ExitCode(2)
        }
        var allFound = true
        for finding in findings {
            finding.notes.forEach { print($0) }
            switch finding.status {
            case let .found(point, text, result):
                print(point)
                for claim in result.claims { print("  \(claim.text): \(claim.verdict.rawValue)") }
                let passes = result.error == nil && result.claims.allSatisfy(\.ok)
                allFound = allFound && passes
                if let out {
                    let path = findings.count == 1 ? out : out.replacingOccurrences(of: ".proof", with: "-\(finding.flow).proof")
                    try text.write(toFile: path, atomically: true, encoding: .utf8)
                    print("wrote \(path)")
                }
            case .notFound(let reason):
                allFound = false
                print("not found: \(reason)")
            }
        }
        if !allFound { throw ExitCode(1) }
    }

    /// `--runs N`: the exact limits of N seeded runs, grouped, each verified once.
    private func survey(_ source: String, flow: String, runs: Int) throws {
        let survey: LimitDiscovery.Survey
        do {
            survey = try LimitDiscovery.survey(path: file, source: source, flow: flow, runs: runs, seed: seed,
                                               initialization: initialization, timeLimit: timeLimit)
        } catch {
            print(error.rendered(path: file, source: source))
            throw ExitCode(2)
        }
        print("flow \(flow): \(runs) runs from \(initialization), seed \(seed)")
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
}
