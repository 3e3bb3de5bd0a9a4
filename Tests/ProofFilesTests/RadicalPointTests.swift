import Foundation
import Testing
import ProofFiles

/// Points whose coordinates mix square, cube, fourth, sixth and eighth roots (issue 14's
/// reproducers and members of the balanced family of `scripts/bench.sh exact`, in
/// RadicalPoints/): every claim is decided as its file expects — the true multipliers
/// proved, wrong ones and a non-KKT point refuted with a Farkas vector — under the default time
/// limit, and the `--explain` JSON is the same on a second run.
@Suite struct RadicalPointTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("RadicalPoints")

    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".proof") }.sorted()

    static func check(_ name: String) throws -> Report.FileResult {
        let source = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return Report.check(path: name, source: source, explain: true)
    }

    @Test func theFolderIsRead() { #expect(Self.names.count >= 4) }

    @Test(arguments: names) func decidedAsExpected(name: String) throws {
        let result = try Self.check(name)
        #expect(result.error == nil, "\(result.error ?? "")")
        #expect(!result.claims.isEmpty)
        for claim in result.claims {
            #expect(claim.ok, "line \(claim.line): \(claim.verdict), expected \(claim.expected): \(claim.evidence)")
            #expect(claim.verdict != .undecided, "line \(claim.line): \(claim.evidence)")
            if claim.verdict == .refuted {
                #expect(claim.evidence.contains("Farkas vector") || claim.evidence.contains("not active"), "line \(claim.line): \(claim.evidence)")
            }
        }
    }

    @Test(arguments: names) func explanationsAreTheSameOnASecondRun(name: String) throws {
        var first = Report(), second = Report()
        first.add(try Self.check(name))
        second.add(try Self.check(name))
        #expect(first.json(times: false) == second.json(times: false))
    }
}
