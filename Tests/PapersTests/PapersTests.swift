import Foundation
import Testing
import ProofFiles

/// Every construction of the papers, as a regression test: each file in proofs/ must parse,
/// and each of its claims must get its expected verdict (proved, or refuted for a claim
/// marked `expect refuted`).
@Suite struct PapersTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("proofs")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".proof") }.sorted()
    }

    @Test func theFolderHasTheConstructions() {
        #expect(Self.files.count >= 20, "proofs/ should hold every construction of the papers")
    }

    @Test(arguments: files)
    func everyClaimHasItsExpectedVerdict(file: String) throws {
        let path = Self.folder.appendingPathComponent(file).path
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let result = Report.check(path: "proofs/\(file)", source: source, explain: false)
        #expect(result.error == nil, "\(result.error ?? "")")
        for claim in result.claims where !claim.ok {
            Issue.record("\(file):\(claim.line): \(claim.text) — \(claim.verdict.rawValue), expected \(claim.expected.rawValue): \(claim.evidence)")
        }
    }
}
