import ArgumentParser
import Foundation
import ProofFiles

extension CheckCommand {
    /// Writes `report` as HTML to `path`, with the plots of the files' flows (run again for
    /// the plots) and links to the files relative to the report's folder.
    func writeHTML(_ report: Report, inputs: [Report.Input], to path: String) throws {
        let progress = Progress(total: nil, label: "plotting the flows")
        let plots = Report.flowPlots(for: inputs)
        progress.finish()
        let page = report.html(times: !noTimes, flowPlots: plots, linkBase: Self.relativeFolder(from: path))
        do {
            try page.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// The prefix that turns a path relative to the working folder into one relative to the
    /// folder of `file` ("../" for `out/report.html`), so the report's links work where it is.
    static func relativeFolder(from file: String) -> String {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.pathComponents
        let there = URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL.pathComponents
        let common = zip(here, there).prefix { $0 == $1 }.count
        return String(repeating: "../", count: there.count - common) + here.dropFirst(common).map { $0 + "/" }.joined()
    }
}
