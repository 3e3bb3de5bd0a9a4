import ArgumentParser
import Foundation
import ProofFiles

/// `margincert check <files or folders>`: checks every claim of every `.proof` file.
///
/// Exit status: 0 when every claim has its expected verdict, 1 when some claim does not,
/// 2 when a file is malformed or has no claims (its claims are then not reported as verified).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the claims of proof files (a folder is searched for *.proof files).",
        discussion: "Example: margincert check proofs/")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, latex
    }

    @Argument(help: "Proof files, or folders searched recursively for *.proof files.")
    var paths: [String]

    @Option(help: "Output format: text, json, markdown or latex.")
    var format: Format = .text

    @Flag(name: .shortAndLong, help: "Print every claim with its verdict and evidence (by default: a line per file, and the claims that did not get their expected verdict in full).")
    var verbose = false

    @Option(help: ArgumentHelp("Also write the report as one self-contained HTML page (claims typeset, evidence, explanations, flow plots).", valueName: "report.html"))
    var html: String?

    @Flag(help: "Show how each claim was decided, piece by piece.")
    var explain = false

    @Option(help: "The most seconds the prover may spend on one claim; past it the claim is undecided.")
    var timeLimit: Double = 10

    @Flag(help: "Leave out the timings, so that equal inputs print equal bytes.")
    var noTimes = false

    @Flag(help: "Check in this process instead of in worker processes: starts faster, but a claim stuck in one exact step cannot be stopped.")
    var inProcess = false

    @Option(help: "Worker processes (default: the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Write a JSON certificate for every proved or refuted claim into this folder (re-check them with `python3 -m margincert_check FOLDER`, see docs/certificates.md).")
    var certificates: String?

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
        guard jobs > 0 else { throw ValidationError("--jobs must be positive") }
        _ = try Self.proofFiles(in: paths)
        if let certificates { try CertificateFiles.prepare(certificates) }
    }

    func run() throws {
        var unreadableFiles: [String: Report.FileResult] = [:]
        var inputs: [Report.Input] = []
        let files = try Self.proofFiles(in: paths)
        for path in files {
            switch SourceFile.read(path) {
            case .success(let source): inputs.append((path, source))
            case .failure(let unreadable):
                unreadableFiles[path] = Report.FileResult(path: path, title: nil, error: unreadable.description, claims: [])
            }
        }
        let progress = Progress(total: nil, label: "checking \(files.count) files, claims decided:")
        var results = inProcess
            ? Report.check(inputs, explain: explain, certify: certificates != nil, simulator: FlowRunner(), timeLimit: timeLimit)
            : try supervisedCheck(inputs, progress: progress)
        progress.finish()
        if inProcess, let certificates { results = try CertificateFiles.write(results, to: certificates) }
        var checked = results.makeIterator()
        var report = Report()
        for path in files { report.add(unreadableFiles[path] ?? checked.next()!) }
        switch format {
        case .text where verbose: print(report.text(times: !noTimes), terminator: "")
        case .text: print(report.concise(times: !noTimes, colour: Terminal.colouredOutput), terminator: "")
        case .json: print(report.json(times: !noTimes), terminator: "")
        case .markdown: print(report.markdown(), terminator: "")
        case .latex: print(report.latex(), terminator: "")
        }
        if let html { try writeHTML(report, inputs: inputs, to: html) }
        if report.summary.malformed_files > 0 { throw ExitCode(2) }
        if !report.allOK { throw ExitCode(1) }
    }

    /// The files named, and the *.proof files below the folders named, in sorted order.
    static func proofFiles(in paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or folder: \(path) (give .proof files or folders, e.g. margincert check proofs/)")
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            let proofs = found.filter { $0.hasSuffix(".proof") }.sorted()
            guard !proofs.isEmpty else { throw ValidationError("no .proof files in the folder \(path)") }
            files += proofs.map { "\(base)/\($0)" }
        }
        return files
    }
}
