import Foundation
import Testing

/// What `margincert check` prints (issue 19): by default a line per file and, in full, every
/// claim that did not get its expected verdict; `-v` every claim. A file without claims is not
/// a pass. Colour only on a terminal, and never with NO_COLOR.
@Suite struct CheckOutputTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let passing = """
        title "Output (test)"
        parameter eps in (0, 1)
        claim [square] eps^2 < eps for all eps
        claim [erratum] 3 < 2 expect refuted
        """
    static let failing = passing + "\nclaim [wrong] eps^3 > eps for all eps\n"

    static var hasUtilLinuxScript: Bool {
        #if os(Linux)
        FileManager.default.isExecutableFile(atPath: "/usr/bin/script")
        #else
        false
        #endif
    }

    @Test(arguments: [("empty", "", "the file is empty"),
                      ("blank", "\n  \n", "the file is empty"),
                      ("declarations", "title \"only declarations\"\nparameter eps in (0, 1)\nlet a = sqrt(2)\n", "the file only declares")])
    func aFileWithoutClaimsIsAnErrorNotAPass(name: String, text: String, message: String) throws {
        for format in ["text", "json"] {
            let run = try SupervisorTests().margincert(files: [(name.uppercased(), text)], ["check", "--format", format])
            #expect(run.status == 2, "\(name), \(format): \(run.output)")
            #expect(run.output.contains("\(name.uppercased()):1:1: error: no claims: \(message)"), "\(name), \(format): \(run.output)")
        }
    }

    @Test func aFileWithClaimsNextToAnEmptyOneIsStillChecked() throws {
        let run = try SupervisorTests().margincert(files: [("EMPTY", ""), ("GOOD", Self.passing)], ["check", "--no-times"])
        #expect(run.status == 2, "\(run.output)")
        #expect(run.output.contains("✓ GOOD: 2 claims: 1 proved, 1 refuted as expected\n"), "\(run.output)")
        #expect(run.output.contains("✗ EMPTY:1:1: error: no claims"), "\(run.output)")
    }

    @Test func byDefaultAPassingFileIsOneLine() throws {
        let run = try SupervisorTests().margincert(["check", "--no-times"], file: Self.passing)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output == """
            ✓ FILE: 2 claims: 1 proved, 1 refuted as expected

            summary: 1 files, 2 claims: 1 proved, 1 refuted (1 as expected), 0 undecided (0 known limitations), 0 failed

            """, "\(run.output)")
    }

    @Test func byDefaultAFailingClaimIsPrintedInFullAndOnlyIt() throws {
        let run = try SupervisorTests().margincert(["check", "--no-times"], file: Self.failing)
        #expect(run.status == 1, "\(run.output)")
        #expect(run.output.contains("✗ FILE: 3 claims: 1 proved, 1 refuted as expected, 1 refuted, 1 failed\n"), "\(run.output)")
        #expect(run.output.contains("FILE — \"Output (test)\"\n  line 5 [wrong]: eps^3 > eps for all eps\n    refuted ✗ FAILED, expected proved: counterexample eps = "),
                "\(run.output)")
        #expect(!run.output.contains("[square]") && !run.output.contains("[erratum]"), "claims with their expected verdict are not repeated: \(run.output)")
    }

    @Test func verbosePrintsEveryClaim() throws {
        for flag in ["-v", "--verbose"] {
            let run = try SupervisorTests().margincert(["check", "--no-times", flag], file: Self.failing)
            #expect(run.status == 1, "\(run.output)")
            for label in ["square", "erratum", "wrong"] { #expect(run.output.contains("[\(label)]: "), "\(flag): \(run.output)") }
            #expect(run.output.contains("    refuted (expected: a printed error): 3 < 2 fails"), "\(run.output)")
        }
    }

    /// The acceptance figure: every claim of proofs/ holds, and the default report stays short.
    @Test func theDefaultReportOfProofsIsUnderSixtyLinesAndVerboseHasEveryClaim() throws {
        let proofs = Self.repository.appendingPathComponent("proofs").path
        let concise = try SupervisorTests().margincert(files: [], ["check", "--no-times", proofs])
        #expect(concise.status == 0, "\(concise.output)")
        let lines = concise.output.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(lines < 60, "\(lines) lines:\n\(concise.output)")
        #expect(!concise.output.contains("\u{1B}["), "no colour into a pipe")
        let summary = concise.output.split(separator: "\n").last!
        let claims = Int(summary.split(separator: ",")[1].split(separator: " ")[0])!
        let verbose = try SupervisorTests().margincert(files: [], ["check", "--no-times", "-v", proofs])
        #expect(verbose.output.components(separatedBy: "\n  line ").count - 1 == claims, "one block per claim")
        #expect(verbose.output.hasSuffix(summary + "\n"), "the same summary")
    }

    /// Under a pseudo-terminal (util-linux `script`, Linux), the marks are coloured unless NO_COLOR is set.
    @Test(.enabled(if: Self.hasUtilLinuxScript, "util-linux script (a pseudo-terminal) is not available"),
          arguments: [(nil, true), ("1", false)] as [(String?, Bool)])
    func colourOnlyOnATerminalAndNeverWithNoColor(noColor: String?, coloured: Bool) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("margincert-tty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.proof").path
        try Self.passing.write(toFile: file, atomically: true, encoding: .utf8)
        let margincert = SupervisorTests.margincertExecutable.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "\(margincert) check --no-times \(file)", "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = noColor
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("summary: 1 files"), "\(text)")
        #expect(text.contains("\u{1B}[32m✓\u{1B}[0m") == coloured, "NO_COLOR=\(noColor ?? "unset"): \(text.debugDescription)")
    }
}
