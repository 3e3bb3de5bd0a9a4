import ArgumentParser
import Foundation
import ProofFiles

/// `margincert worker check|mutate …` (hidden): the process a `Supervisor` runs jobs in.
///
/// After reading its files it prints `ready`, then answers each job line `INDEX JOB` on
/// standard input with one line `INDEX ANSWER` (JSON) on standard output, one job at a time:
/// - `check`: job `file F` answers the file's result with every claim "not checked" (or the
///   malformed file's diagnostic); job `claim F C` answers claim C of file F, decided (with
///   `--certificates DIR`, its certificate is written into DIR, not sent).
/// - `mutate`: job `M` answers the fate of mutant M of `Mutation.Plan(files, options)`.
///
/// For the supervisor's tests, the environment variable `MARGINCERT_WORKER_FAULT` injects a
/// fault: `stall:JOB` never answers job JOB (e.g. `stall:claim 0 1`), `crash:JOB` aborts on it.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Answer check or mutate jobs on standard input (used by check and mutate).",
        shouldDisplay: false)

    enum Mode: String, ExpressibleByArgument {
        case check, mutate
    }

    @Argument var mode: Mode
    @Argument var paths: [String]
    @Option var timeLimit: Double
    @Flag var explain = false
    @Option var certificates: String?
    @Option var limit = 40
    @Option var every = 1

    func run() throws {
        let inputs = try paths.map { path -> Report.Input in
            (path, try SourceFile.read(path).get())
        }
        let encoder = JSONEncoder()
        let answer: (String) throws -> Data
        switch mode {
        case .check:
            var prepared: [Int: Report.Prepared] = [:]
            func file(_ f: Int) -> Report.Prepared {
                if let known = prepared[f] { return known }
                prepared[f] = Report.prepare(inputs[f], timeLimit: timeLimit)
                return prepared[f]!
            }
            answer = { job in
                let words = job.split(separator: " ").compactMap { Int($0) }
                switch (job.hasPrefix("file "), file(words[0])) {
                case (true, .malformed(let result)):
                    return try encoder.encode(result)
                case (true, .checker(let checker)):
                    return try encoder.encode(Report.FileResult(path: inputs[words[0]].path, title: checker.document.title, error: nil,
                                                                claims: checker.document.claims.map(Report.unchecked)))
                case (false, .checker(let checker)):
                    var result = Report.result(ofClaim: words[1], by: checker, explain: explain, certify: certificates != nil)
                    if let certificates { result = try CertificateFiles.write(result, of: inputs[words[0]].path, to: certificates) }
                    return try encoder.encode(result)
                case (false, .malformed):
                    throw ValidationError("claim job for a malformed file: \(job)")
                }
            }
        case .mutate:
            var options = Mutation.Options()
            options.perClaim = limit
            options.every = every
            options.timeLimit = timeLimit
            let plan = Mutation.Plan(inputs, options: options)
            answer = { job in try encoder.encode(plan.fate(of: Int(job)!)) }
        }
        let fault = ProcessInfo.processInfo.environment["MARGINCERT_WORKER_FAULT"]
        Self.reply("ready")
        while let line = readLine() {
            guard let space = line.firstIndex(of: " ") else { continue }
            let job = String(line[line.index(after: space)...])
            if fault == "stall:" + job { while true { sleep(60) } }
            if fault == "crash:" + job { abort() }
            let json = try answer(job)
            Self.reply(line[..<space] + " " + String(decoding: json, as: UTF8.self))
        }
    }

    private static func reply(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
