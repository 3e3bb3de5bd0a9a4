import Foundation
import Testing
import ProofFiles

/// The constructions of proofs/ under tight per-claim time limits (1 ms, 10 ms): every claim
/// gets the verdict it gets without a limit (its expected verdict, which `PapersTests` checks)
/// or undecided — a limit that passes in the middle of the exact work never turns a verdict
/// into another decided one (`Deadline`: no placeholder values, `Unable` instead).
@Suite struct TightLimitTests {
    @Test(arguments: PapersTests.files)
    func aTightLimitGivesTheExpectedVerdictOrUndecided(file: String) throws {
        let path = PapersTests.folder.appendingPathComponent(file).path
        let source = try String(contentsOfFile: path, encoding: .utf8)
        for limit in [0.001, 0.01] {
            let result = Report.check(path: "proofs/\(file)", source: source, explain: false, simulator: nil, timeLimit: limit)
            #expect(result.error == nil, "\(file) at \(limit) s: \(result.error ?? "")")
            for claim in result.claims where claim.verdict != .undecided && claim.verdict != claim.expected {
                Issue.record("\(file):\(claim.line) at \(limit) s: \(claim.verdict.rawValue), without a limit \(claim.expected.rawValue): \(claim.evidence)")
            }
        }
    }
}
