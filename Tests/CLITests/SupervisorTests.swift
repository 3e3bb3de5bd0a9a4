import Foundation
import Testing

/// `margincert check` and `mutate` run claims in worker processes and stop a worker that
/// overruns the hard limit (`CheckCommand.hardLimit`): a stuck or crashing claim ends
/// undecided, and every other claim is still decided. Faults are injected into the workers
/// with `MARGINCERT_WORKER_FAULT` (see `WorkerCommand`).
@Suite struct SupervisorTests {
    static let file = """
        title "Supervisor (test)"
        parameter eps in (0, 1)
        claim [first] 1 + 1 = 2
        claim [stuck] eps^2 < eps for all eps
        claim [last] 2 < 3
        claim [false] 3 < 2 expect refuted
        """

    @Test func aStuckClaimIsStoppedAndTheOthersAreDecided() throws {
        let run = try margincert(["check", "--time-limit", "0.2", "--format", "json", "--no-times"], file: Self.file,
                                 fault: "stall:claim 0 1")
        #expect(run.status == 1, "the stuck claim fails: \(run.output)")
        let claims = try Self.claims(run.output)
        #expect(claims.map(\.verdict) == ["proved", "undecided", "proved", "refuted"], "\(run.output)")
        #expect(claims[1].evidence.hasPrefix("limit: time 0.2 s (stopped from outside after"), "\(claims[1].evidence)")
        #expect(run.seconds < 20, "stopped at 1.3 s, not waited for: \(run.seconds) s")
    }

    @Test func aCrashingClaimIsReportedAndTheOthersAreDecided() throws {
        let run = try margincert(["check", "--format", "json", "--no-times"], file: Self.file, fault: "crash:claim 0 2")
        #expect(run.status == 1, "\(run.output)")
        let claims = try Self.claims(run.output)
        #expect(claims.map(\.verdict) == ["proved", "proved", "undecided", "refuted"], "\(run.output)")
        #expect(claims[2].evidence.hasPrefix("internal error: the checker crashed (signal"), "\(claims[2].evidence)")
    }

    @Test func aFileThatCannotBeReadInTimeIsAnError() throws {
        let run = try margincert(["check", "--time-limit", "0.2"], file: Self.file, fault: "stall:file 0")
        #expect(run.status == 2, "\(run.output)")
        #expect(run.output.contains(":1:1: error: limit: time: reading the file (parsing it and computing its definitions) took more than"), "\(run.output)")
    }

    @Test func aNumberPastTheSizeLimitIsAnErrorWithTheLimitAndAHint() throws {
        let run = try margincert(["check"], file: "title \"size\"\nlet big = 3^4096\nclaim [x] big > 0\n", maximumBits: 1000)
        #expect(run.status == 2, "\(run.output)")
        #expect(run.output.contains("FILE:1:1: error: limit: size: a 2-bit integer to the power 4096 would need up to 8192 bits"), "\(run.output)")
        #expect(run.output.contains("hint: a constant or a power in the input is too large"), "\(run.output)")
    }

    @Test func supervisedAndInProcessChecksPrintTheSameReport() throws {
        let plain = try margincert(["check", "--format", "json", "--no-times"], file: Self.file)
        let inProcess = try margincert(["check", "--format", "json", "--no-times", "--in-process"], file: Self.file)
        #expect(plain.status == 0 && plain.output == inProcess.output, "\(plain.output)\n---\n\(inProcess.output)")
    }

    @Test func mutateCountsAStuckMutantAsStoppedAndACrashAsAFinding() throws {
        let stalled = try margincert(["mutate", "--limit", "3", "--no-times"], file: Self.file, fault: "stall:1")
        #expect(stalled.status == 0 && stalled.output.contains("(1 stopped)"), "\(stalled.output)")
        let crashed = try margincert(["mutate", "--limit", "3", "--no-times"], file: Self.file, fault: "crash:1")
        #expect(crashed.status == 1 && crashed.output.contains("1 crashes"), "\(crashed.output)")
        #expect(crashed.output.contains("FINDING: ") && crashed.output.contains("the checker crashed"), "\(crashed.output)")
    }

    // MARK: running the command

    struct Run {
        let status: Int32
        let output: String
        let seconds: Double
    }

    struct ClaimLine: Decodable {
        let verdict: String
        let evidence: String
    }

    static func claims(_ json: String) throws -> [ClaimLine] {
        struct File: Decodable { let claims: [ClaimLine] }
        struct Report: Decodable { let files: [File] }
        return try JSONDecoder().decode(Report.self, from: Data(json.utf8)).files.flatMap(\.claims)
    }

    /// The `margincert` built next to the tests: beside the test executable on Linux, beside the
    /// `.xctest` bundle on macOS (where the first argument is the toolchain's test runner).
    static var margincertExecutable: URL {
        #if os(macOS)
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("margincert")
        }
        #endif
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("margincert")
    }

    /// Runs the `margincert` built next to the test bundle on `file` (written to a temporary
    /// `.proof`, named FILE in the output), with the worker fault `fault` and the size limit
    /// `maximumBits` if given.
    func margincert(_ arguments: [String], file: String, fault: String? = nil, maximumBits: Int? = nil) throws -> Run {
        try margincert(files: [("FILE", file)], arguments, fault: fault, maximumBits: maximumBits)
    }

    /// Runs `margincert` on the files (written to temporary `NAME.proof` files, named NAME in the
    /// output).
    func margincert(files: [(name: String, text: String)], _ arguments: [String], fault: String? = nil,
                    maximumBits: Int? = nil) throws -> Run {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("margincert-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try files.map { file in
            let path = folder.appendingPathComponent("\(file.name).proof").path
            try file.text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let process = Process()
        process.executableURL = Self.margincertExecutable
        process.arguments = arguments + paths
        var environment = ProcessInfo.processInfo.environment
        environment["MARGINCERT_WORKER_FAULT"] = fault
        environment["MARGINCERT_MAX_BITS"] = maximumBits.map(String.init)
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        let start = ContinuousClock.now
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - start
        var text = String(decoding: data, as: UTF8.self)
        for (file, path) in zip(files, paths) { text = text.replacingOccurrences(of: path, with: file.name) }
        return Run(status: process.terminationStatus, output: text,
                   seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
