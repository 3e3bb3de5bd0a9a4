import Foundation
import Testing

/// pdflatex's executable, if it is on the PATH.
let pdflatex = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
    .map { "\($0)/pdflatex" }.first { FileManager.default.isExecutableFile(atPath: $0) }

/// `check --format latex` (issue 19): a table an appendix can `\input`, every claim of proofs/
/// typeset; pdflatex (Debian's texlive; scripts/setup.sh installs it) compiles it.
@Suite(.enabled(if: pdflatex != nil, "pdflatex is not installed (scripts/setup.sh installs Debian's texlive-latex-base)"))
struct LaTeXReportTests {
    @Test func theTableOfProofsCompilesWithEveryClaim() throws {
        let proofs = CheckOutputTests.repository.appendingPathComponent("proofs").path
        let run = try SupervisorTests().margincert(files: [], ["check", "--no-times", "--format", "latex", proofs])
        #expect(run.status == 0, "\(run.output.suffix(2000))")
        let summary = try #require(run.output.split(separator: "\n").first)
        let claims = try #require(Int(summary.split(separator: ",")[1].split(separator: " ")[0]))
        let rows = run.output.split(separator: "\n").filter { line in line.prefix { $0.isNumber }.count > 0 && line.drop { $0.isNumber }.hasPrefix(" & ") }
        #expect(rows.count == claims, "one row per claim")
        #expect(rows.filter { $0.contains("\\texttt{") }.isEmpty, "every claim typeset: \(rows.filter { $0.contains("\\texttt{") })")
        #expect(!run.output.contains("?"), "a character without a LaTeX form")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("margincert-latex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try run.output.write(to: folder.appendingPathComponent("claims.tex"), atomically: true, encoding: .utf8)
        try """
            \\documentclass{article}
            \\usepackage{longtable,amsmath,amssymb}
            \\begin{document}
            \\input{claims}
            \\end{document}
            """.write(to: folder.appendingPathComponent("appendix.tex"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdflatex!)
        process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "appendix.tex"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let log = (try? String(contentsOf: folder.appendingPathComponent("appendix.log"), encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "pdflatex failed: \(log.split(separator: "\n").filter { $0.hasPrefix("!") }.prefix(5))")
        #expect(!log.contains("Missing character"), "a glyph the fonts lack")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("appendix.pdf").path))
    }
}
