import ArgumentParser
import Foundation
import ProofFiles

/// `margincert mutate <files or folders>`: the soundness suite. Every claim not expected to be
/// undecided is changed in small ways (constants, signs, relations, range ends, multipliers);
/// each mutant is checked under a short time limit, on all cores, and every mutant the checker
/// proves is audited by exact evaluation at many points. The output is the same whatever the
/// number of threads. Exit status 1 when any false proof is found, 2 when a file is malformed.
struct MutateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mutate",
        abstract: "Mutate the claims of proof files and audit every mutant the checker proves.",
        discussion: "Example: margincert mutate proofs/ --time-limit 0.2")

    @Argument(help: "Proof files, or folders searched recursively for *.proof files.")
    var paths: [String]

    @Option(help: "At most this many mutants per claim.")
    var limit = 40

    @Option(help: "Check only every k-th mutant (a deterministic subset).")
    var every = 1

    @Option(help: "The most seconds the prover may spend on one mutant; past it the mutant counts as undecided.")
    var timeLimit = 0.2

    @Option(help: "Worker processes (default: the number of cores); the output does not depend on it.")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Leave out the elapsed time, so that equal inputs print equal bytes.")
    var noTimes = false

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
        for (name, value) in [("--limit", limit), ("--every", every), ("--threads", threads)] where value <= 0 {
            throw ValidationError("\(name) must be positive, not \(value)")
        }
    }

    func run() throws {
        var files: [(path: String, source: String)] = []
        for path in try CheckCommand.proofFiles(in: paths) {
            files.append((path, try SourceFile.read(path).get()))
        }
        var options = Mutation.Options()
        options.perClaim = limit
        options.every = every
        options.timeLimit = timeLimit
        let plan = Mutation.Plan(files, options: options)
        let arguments = ["worker", "mutate", "--time-limit", String(timeLimit), "--limit", String(limit), "--every", String(every)]
            + files.map(\.path)
        let supervisor = Supervisor(workerArguments: arguments, workers: threads, jobSeconds: CheckCommand.hardLimit(timeLimit))
        var fates: [Mutation.Fate?] = Array(repeating: nil, count: plan.count)
        var left = Array(repeating: 0, count: files.count)
        for m in 0 ..< plan.count { left[plan.file(ofMutant: m)] += 1 }
        var shown = 0
        /// Prints the lines of the files whose mutants are all done, in file order.
        func showFinishedFiles() {
            while shown < files.count && left[shown] == 0 {
                let result = plan.results(fates.map { $0 ?? .undecided })[shown]
                emit(result.error ?? "\(result.path): \(result.summary.line)")
                shown += 1
            }
        }
        let decoder = JSONDecoder()
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            showFinishedFiles()
            try supervisor.run(plan.count == 0 ? [] : (0 ..< plan.count).map(String.init)) { m, ending in
                switch ending {
                case .answered(let json):
                    fates[m] = (try? decoder.decode(Mutation.Fate.self, from: Data(json.utf8))) ?? .crashed("unreadable answer")
                case .stopped: fates[m] = .stopped
                case let .died(status, signalled, message):
                    let evidence = CheckCommand.evidence(status, signalled, message)
                    fates[m] = evidence.hasPrefix("limit: size") ? .undecided : .crashed(evidence)
                }
                left[plan.file(ofMutant: m)] -= 1
                showFinishedFiles()
                return []
            }
        }
        let results = plan.results(fates.map { $0! })
        var total = Mutation.Summary()
        for result in results { total.add(result.summary) }
        for result in results { for line in result.findings { emit("FINDING: \(line)") } }
        emit("total: \(total.line)" + (noTimes ? "" : String(format: " (%.1f s, %d workers)", elapsed.seconds, threads)))
        if total.falseProofs > 0 || total.crashes > 0 { throw ExitCode(1) }
        if results.contains(where: { $0.error != nil }) { throw ExitCode(2) }
    }
}

/// Writes a line to standard output at once (unbuffered), so a long run shows its progress.
private func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
