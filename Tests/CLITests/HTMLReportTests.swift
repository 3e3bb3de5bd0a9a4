import Foundation
import Testing

/// Chromium's executable, if it is on the PATH.
let chromium = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { name in
    (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}.first

/// `check --html` (issue 19): the report of proofs/ loads in a real browser (headless Chromium,
/// Debian's package; scripts/setup.sh installs it) with no console errors and every claim
/// present, and screenshots at a laptop's and a phone's width show the summary.
@Suite(.enabled(if: chromium != nil, "headless Chromium is not installed (scripts/setup.sh installs Debian's chromium)"))
struct HTMLReportTests {
    @Test func theReportOfProofsLoadsWithEveryClaimAndNoConsoleError() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.html").path
        let proofs = CheckOutputTests.repository.appendingPathComponent("proofs").path
        let run = try SupervisorTests().margincert(files: [], ["check", "--no-times", "--explain", "--format", "json", "--html", report, proofs])
        #expect(run.status == 0, "\(run.output.suffix(2000))")
        let claims = try SupervisorTests.claims(run.output).count
        let page = try Self.browse(report, ["--dump-dom"])
        #expect(page.console.isEmpty, "console messages: \(page.console)")
        #expect(page.output.components(separatedBy: "<li class=\"claim ").count - 1 == claims, "every claim of the JSON report is on the page")
        #expect(page.output.components(separatedBy: "<math>").count - 1 >= claims / 2, "claims typeset as MathML")
        #expect(page.output.contains("<details>") && page.output.contains("<figure class=\"flow\"><svg"), "explanations and flow plots")
        for (width, height) in [(1366, 900), (390, 844)] {   // a laptop, a phone
            let png = folder.appendingPathComponent("shot-\(width).png").path
            let shot = try Self.browse(report, ["--screenshot=\(png)", "--window-size=\(width),\(height)", "--hide-scrollbars"])
            #expect(shot.console.isEmpty, "console messages: \(shot.console)")
            let seen = try Self.inspect(png, summaryColour: "eef5fb", rows: height / 2)
            #expect(seen.width == width && seen.height == height, "\(seen)")
            #expect(seen.nonWhite > 0.05, "a blank page: \(seen)")
            #expect(seen.summaryPixels > 2_000, "the summary is not visible in the first half screen: \(seen)")
        }
    }

    /// The console check can fail: a page whose script errs is caught.
    @Test func aConsoleErrorIsSeen() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("bad.html").path
        try "<html><body><script>undefinedFunction()</script></body></html>".write(toFile: page, atomically: true, encoding: .utf8)
        #expect(try Self.browse(page, ["--dump-dom"]).console.count == 1)
    }

    // MARK: the browser

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("margincert-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Loads `file` in headless Chromium with `arguments`: its standard output and the console
    /// messages it logged.
    static func browse(_ file: String, _ arguments: [String]) throws -> (output: String, console: [String]) {
        let profile = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                             "--user-data-dir=\(profile.path)", "--virtual-time-budget=5000"] + arguments + [URL(fileURLWithPath: file).absoluteString]
        let output = Pipe(), log = profile.appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let messages = try String(contentsOf: log, encoding: .utf8)
        return (text, messages.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init))
    }

    struct Screenshot: Decodable {
        let width: Int, height: Int, nonWhite: Double, summaryPixels: Int
    }

    /// What a screenshot shows (scripts/png-inspect.py, Python's standard library).
    static func inspect(_ png: String, summaryColour: String, rows: Int) throws -> Screenshot {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CheckOutputTests.repository.appendingPathComponent("scripts/png-inspect.py").path, png, summaryColour, String(rows)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(Screenshot.self, from: data)
    }
}
