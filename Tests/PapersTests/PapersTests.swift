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

/// Every `is not a local optimum, witness q` claim of proofs/, written again without its
/// witness: the tool must find and verify an arc by itself (the second copy of each claim).
@Suite struct FoundWitnessTests {
    /// (file, line) of every witnessed not-a-local-optimum claim about a fixed point (a family's
    /// claim, `for all a, eps`, has no witness-free search: the search needs fixed numbers).
    static var claims: [String] {
        PapersTests.files.flatMap { file -> [String] in
            let path = PapersTests.folder.appendingPathComponent(file).path
            let lines = ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").components(separatedBy: "\n")
            return lines.indices.filter { lines[$0].hasPrefix("claim") && lines[$0].contains("is not a local optimum")
                && lines[$0].contains("witness") && lines[$0].range(of: #"for all \w+, \w+"#, options: .regularExpression) == nil }
                .map { "\(file):\($0 + 1)" }
        }
    }

    @Test func thereAreWitnessedClaims() { #expect(Self.claims.count >= 20) }

    @Test(arguments: claims)
    func theWitnessIsFoundWithoutBeingGiven(claim: String) throws {
        let parts = claim.split(separator: ":")
        let (file, line) = (String(parts[0]), Int(parts[1])!)
        let path = PapersTests.folder.appendingPathComponent(file).path
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let original = lines[line - 1]
        let range = original.range(of: ", witness ")!
        let rest = original[range.upperBound...].drop { $0.isLetter || $0.isNumber || $0 == "_" }
        lines[line - 1] = String(original[..<range.lowerBound]) + rest
        // Only this claim: the others keep their verdicts in PapersTests.
        let kept = lines.enumerated().filter { !$0.element.hasPrefix("claim") || $0.offset == line - 1 }.map(\.element)
        let result = Report.check(path: "proofs/\(file)", source: kept.joined(separator: "\n"), explain: false)
        #expect(result.error == nil, "\(result.error ?? "")")
        let found = result.claims.first { $0.text.contains("is not a local optimum") }
        #expect(found?.verdict == .proved, "\(claim): \(found?.verdict.rawValue ?? "missing") — \(found?.evidence ?? "")")
        #expect(found?.evidence.contains("point found(s)") == true)
    }
}
