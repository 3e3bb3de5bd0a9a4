import Foundation
import Testing

/// Pathological inputs (issue 7): 10,000-digit constants, huge degrees, 200 nested roots, a sum
/// with 10⁵ ReLU switch points. `check --time-limit 1` must end each of them within its bound —
/// decided, undecided with `limit: …`, or a located error — never crash, never prove a false
/// claim, and still check the ordinary claim that follows.
@Suite struct PathologicalInputTests {
    static let digits = String((0 ..< 10_000).map { i in Character(String(1 + (i * 7919 + 13) % 9)) })

    static let files: [(name: String, text: String)] = [
        ("digits", """
            title "10,000-digit constants"
            let c = \(digits)
            let d = \(String(digits.reversed()))
            claim [true] c * d > c + d
            claim [false] c * d < c + d expect refuted
            claim [roots] sqrt(c) * sqrt(d) > 1
            claim [last] 2 < 3
            """),
        ("degree", """
            title "huge degrees"
            parameter eps in (0, 1)
            claim [power] eps^100000 < eps for all eps
            claim [false] eps^100000 > eps for all eps expect refuted
            claim [poly] (1 - eps)^5000 + eps^5000 < 1 for all eps
            claim [last] 2 < 3
            """),
        ("nested", """
            title "200 nested roots"
            claim [nested] \((0 ..< 199).reduce("sqrt(2)") { s, _ in "sqrt(1 + \(s))" }) < 2
            claim [last] 2 < 3
            """),
        ("kinks", """
            title "10^5 ReLU switch points"
            parameter eps in (0, 1)
            claim [kinks] \((1 ..< 100_000).map { "relu(eps - \($0)/100000)" }.joined(separator: " + ")) >= 0 for all eps
            claim [last] 2 < 3
            """),
    ]

    @Test func everyPathologicalFileEndsWithinItsBoundAndNothingFalseIsProved() throws {
        let run = try SupervisorTests().margincert(files: Self.files, ["check", "--time-limit", "1", "--format", "json"])
        struct Claim: Decodable { let label: String?, verdict: String, evidence: String }
        struct File: Decodable { let path: String, error: String?, claims: [Claim] }
        struct Report: Decodable { let files: [File] }
        let report = try JSONDecoder().decode(Report.self, from: Data(run.output.utf8))
        #expect(report.files.count == Self.files.count, "\(run.output)")
        for file in report.files {
            if let error = file.error {   // only a file that cannot be read in time may be an error
                #expect(error.contains(":1:1: error: limit: time: reading the file"), "\(file.path): \(error)")
                continue
            }
            for claim in file.claims {
                if claim.label == "last" { #expect(claim.verdict == "proved", "\(file.path): \(claim.evidence)") }
                if claim.label == "false" { #expect(claim.verdict != "proved", "\(file.path): a false claim proved") }
                if claim.verdict == "undecided" {   // with its reason: a limit, or what the method could not settle
                    #expect(claim.evidence.count > 10, "\(file.path) [\(claim.label ?? "")]: \(claim.evidence)")
                }
            }
        }
        // The hard stop is 2.5 s per claim and per file: 4 files and 14 claims on 2 workers.
        #expect(run.seconds < 60, "\(run.seconds) s")
        #expect(run.status == 0 || run.status == 1 || run.status == 2, "\(run.status): \(run.output)")
    }

    /// 10⁵ nested parentheses, signs or roots: a located error (the parser's nesting limit),
    /// not a stack overflow, in a worker and in process.
    @Test(arguments: ["(", "-", "sqrt("])
    func deepNestingIsALocatedError(opening: String) throws {
        let closing = opening.hasSuffix("(") ? ")" : ""
        let claim = String(repeating: opening, count: 100_000) + "1" + String(repeating: closing, count: 100_000)
        let file = "title \"deep\"\nclaim [deep] \(claim) < 2\nclaim [last] 1 < 2\n"
        for mode in [[], ["--in-process"]] {
            let run = try SupervisorTests().margincert(["check"] + mode, file: file)
            #expect(run.status == 2, "\(mode): \(run.output.prefix(300))")
            #expect(run.output.contains("FILE:2:") && run.output.contains("error: the expression is nested more than 256 levels deep"),
                    "\(mode): \(run.output.prefix(300))")
        }
    }
}
