import ArgumentParser
import Foundation
import ProofFiles

/// `margincert fuzz [corpus…] --seconds N --seed S`: seeded fuzzing of the whole pipeline.
///
/// Input i of seed S is a corpus file with tokens or bytes changed, or random text
/// (`Mutation.fuzzInput`); each goes through lex, parse, elaborate, check (under a short time
/// limit, flows not run) and every report format. A broken property (an error without a
/// location, a claim past its time limit) is a finding, saved with its seed and index. Before
/// each input runs it is written to `--current`, so a crash leaves the input that caused it
/// there, with its index in `<current>.index`. An input still running after `--hang` seconds is
/// checked again the way `margincert check` runs it, in worker processes with the hard stop
/// (`--hang` seconds at most): in this process the prover's deadline is cooperative, and one
/// exact field operation on huge numbers runs to completion past it (see `Deadline`), which
/// `check --in-process` documents. If the bounded check ends by itself, the overrun is that
/// documented one: it is logged and the process exits with status 6, not a finding. If the
/// bounded check crashes or does not end either, the input is a hang: saved, and the process
/// exits with status 4. Either way a driver (scripts/fuzz.sh) restarts at the next index.
/// Exit status 1 when there is a finding.
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Fuzz the parser and the checker with seeded inputs made from proof files.",
        discussion: "Example: margincert fuzz proofs/ --seconds 60 --seed 1 --save fuzz-findings")

    @Argument(help: "The corpus: proof files, or folders searched recursively for *.proof files.")
    var paths: [String] = ["proofs"]

    @Option(help: "Stop after this many seconds.")
    var seconds: Double = 60

    @Option(help: "Stop after this many inputs.")
    var count = Int.max

    @Option(help: "The seed; input i of seed s is the same on every machine.")
    var seed: UInt64 = 1

    @Option(help: "Start at this input index (replay one input with --start i --count 1).")
    var start: UInt64 = 0

    @Option(help: "The prover's per-claim time limit in seconds.")
    var timeLimit = 0.05

    @Option(help: "Save findings, and the first input of every new kind of error, in this folder.")
    var save: String?

    @Option(help: "Each input is written here before it runs (left behind by a crash).")
    var current = ".fuzz-current.proof"

    @Option(help: "An input running longer than this many seconds is a hang: saved, and the process exits with status 4.")
    var hang: Double = 60

    func validate() throws {
        for (name, value) in [("--seconds", seconds), ("--count", Double(count)), ("--time-limit", timeLimit)] where value <= 0 {
            throw ValidationError("\(name) must be positive, not \(value)")
        }
    }

    func run() throws {
        let corpus = try CheckCommand.proofFiles(in: paths).compactMap { try? SourceFile.read($0).get() }
        if let save { try FileManager.default.createDirectory(atPath: save, withIntermediateDirectories: true) }
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        var executions = 0, malformed = 0, claims = 0, findings = 0
        var errorKinds = Set<String>()
        var index = start
        let watchdog = Watchdog()
        watchdog.start(limit: hang) { [seed, save, current, timeLimit] index in
            let bounded = try? ChildProcess.run(["check", current, "--time-limit", "\(timeLimit)"], seconds: hang, silenced: true)
            if case .exited(let status) = bounded, status <= 3 || status == 5 {
                print("seed \(seed) index \(index): ran past \(hang) s in this process; `margincert check`, which stops "
                      + "a claim or a file from outside at its bound, ended with status \(status): as --in-process documents, not a finding")
                Foundation.exit(6)
            }
            print("FINDING seed \(seed) index \(index): still running after \(hang) s (a hang; "
                  + "checked again by `margincert check`: \(bounded.map { "\($0)" } ?? "could not run"))")
            if let save, let input = try? SourceFile.read(current).get() {
                Self.write(input, to: "\(save)/hang-\(seed)-\(index).proof")
            }
            Foundation.exit(4)
        }
        while executions < count && ContinuousClock.now < deadline {
            let input = Mutation.fuzzInput(seed: seed, index: index, corpus: corpus)
            Self.write(input, to: current)
            Self.write("\(index)\n", to: current + ".index")
            watchdog.begin(index)
            let outcome = Mutation.fuzz(input, timeLimit: timeLimit)
            executions += 1
            claims += outcome.claims
            if let error = outcome.error {
                malformed += 1
                let kind = Self.kind(of: error)
                if errorKinds.insert(kind).inserted, let save { Self.write(input, to: "\(save)/error-\(seed)-\(index).proof") }
            }
            if let problem = outcome.problem {
                findings += 1
                print("FINDING seed \(seed) index \(index): \(problem)")
                if let save { Self.write(input, to: "\(save)/finding-\(seed)-\(index).proof") }
            }
            index += 1
        }
        try? FileManager.default.removeItem(atPath: current)
        try? FileManager.default.removeItem(atPath: current + ".index")
        print("fuzz: seed \(seed), inputs \(start)..<\(index): \(executions) executions, \(malformed) malformed, "
              + "\(claims) claims checked, \(errorKinds.count) kinds of error, \(findings) findings")
        if findings > 0 { throw ExitCode(1) }
    }

    static func write(_ text: String, to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    /// An error message with its names and numbers blanked, so that errors of one kind compare equal.
    static func kind(of message: String) -> String {
        var kind = "", quoted = false
        for c in message {
            if c == "'" { quoted.toggle(); kind.append(c); continue }
            if !quoted && !c.isNumber { kind.append(c) }
        }
        return kind
    }
}

/// Watches the input being fuzzed from a thread of its own; past the limit it calls `onHang`
/// (which ends the process).
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var current: (index: UInt64, since: ContinuousClock.Instant)?

    func begin(_ index: UInt64) { lock.withLock { current = (index, .now) } }

    func start(limit: Double, onHang: @escaping @Sendable (UInt64) -> Never) {
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                let running = lock.withLock { current }
                if let running, ContinuousClock.now - running.since > .milliseconds(Int64(limit * 1000)) {
                    onHang(running.index)
                }
            }
        }
    }
}
