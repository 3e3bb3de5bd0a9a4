import Foundation
import Testing
import ProofFiles

/// Checking several files at once (claims in parallel) gives the same report as checking them
/// one by one, in the order given.
@Suite struct ParallelCheckTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("proofs")

    @Test func batchEqualsFileByFile() throws {
        let names = ["vss-thm4.1-linear.proof", "vss-thm5.1-m3-linear.proof"]
        let inputs: [Report.Input] = try names.map { name in
            ("proofs/\(name)", try String(contentsOfFile: Self.folder.appendingPathComponent(name).path, encoding: .utf8))
        }
        let malformed: Report.Input = ("bad.proof", "network fully-connected relu 2 -> 2 -> 1\nclaim nothing is feasible\n")
        var batch = Report(), oneByOne = Report()
        Report.check(inputs + [malformed], explain: true).forEach { batch.add($0) }
        for (path, source) in inputs + [malformed] { oneByOne.add(Report.check(path: path, source: source, explain: true)) }
        #expect(batch.files.map(\.path) == inputs.map(\.path) + ["bad.proof"])
        #expect(batch.files.last?.error != nil)
        #expect(batch.json(times: false) == oneByOne.json(times: false))
        #expect(batch.summary.claims > 30)
    }
}
