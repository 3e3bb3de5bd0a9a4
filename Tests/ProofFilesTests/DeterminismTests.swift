import Foundation
import Testing
import ProofFiles

/// The same input gives the same bytes: JSON reports (without times) of two runs, and of the
/// same files checked in another order, are identical file by file. (Across processes and core
/// counts: scripts/determinism.sh.)
@Suite struct DeterminismTests {
    static let proofs = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("proofs")

    static let names = ["llwa-def6.1.proof", "vss-thm5.3.proof", "vss-thm3.1-A.proof"]

    static func json(_ names: [String], explain: Bool = false) throws -> [String: String] {
        var byFile: [String: String] = [:]
        for name in names {
            let source = try String(contentsOf: proofs.appendingPathComponent(name), encoding: .utf8)
            var report = Report()
            report.add(Report.check(path: "proofs/\(name)", source: source, explain: explain, simulator: nil))
            byFile[name] = report.json(times: false)
        }
        return byFile
    }

    static func expectSameBytes(explain: Bool) throws {
        let first = try json(names, explain: explain)
        let again = try json(names, explain: explain)
        let reversed = try json(names.reversed(), explain: explain)
        #expect(first.count == names.count)
        for name in names {
            #expect(first[name] == again[name], "\(name) differs between two runs")
            #expect(first[name] == reversed[name], "\(name) differs when checked in another order")
            #expect(first[name]?.contains("\"seconds\" : 0") == true)
        }
    }

    @Test func twoRunsAndTwoOrdersGiveTheSameBytes() throws {
        try Self.expectSameBytes(explain: false)
    }

    /// The prover visits sums and products in printed order, so `--explain` is byte-identical too.
    @Test func explanationsGiveTheSameBytes() throws {
        try Self.expectSameBytes(explain: true)
    }
}
