import Foundation
import Testing
@testable import ProofFiles

/// The soundness suite's CI mode: a deterministic subset of the mutants of two small proof
/// files (the full run, ≥ 10,000 mutants, is scripts/mutation-suite.sh). No mutant may be a
/// false proof, and the counts may not depend on the number of threads.
@Suite struct MutationSuiteTests {
    static let proofs = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("proofs")

    static func file(_ name: String) throws -> (path: String, source: String) {
        ("proofs/\(name)", try String(contentsOf: proofs.appendingPathComponent(name), encoding: .utf8))
    }

    static func options(threads: Int) -> Mutation.Options {
        var options = Mutation.Options()
        options.perClaim = 6
        options.every = 6
        options.timeLimit = 0.5
        options.threads = threads
        return options
    }

    @Test func aSubsetHasNoFalseProofAndTheSameCountsOnOneOrTwoThreads() throws {
        let files = [try Self.file("vss-thm5.3.proof"), try Self.file("llwa-def6.1.proof")]
        let serial = Mutation.run(files, options: Self.options(threads: 1))
        let parallel = Mutation.run(files, options: Self.options(threads: 2))
        var total = Mutation.Summary()
        for result in serial { total.add(result.summary) }
        #expect(total.falseProofs == 0, "\(serial.flatMap(\.findings))")
        #expect(serial.allSatisfy { $0.error == nil })
        #expect(total.tried >= 20 && total.killed > 0, "\(total.line)")
        #expect(serial.map(\.summary) == parallel.map(\.summary))
    }

    /// The audit can fail: a false claim that a broken checker proved is caught at a point.
    @Test(arguments: [
        ("parameter eps in (0, 1)\nclaim eps < 1/2 for all eps", "eps = "),
        ("parameter eps in (0, 1)\nclaim eps^2 <= eps for all eps in [0, 1]", nil),
        ("claim 1/3 + 1/3 = 2/3", nil),
        ("claim 1/3 + 1/3 = 3/4", "the claim itself"),
        ("parameter eps in (0, 1/2)\nclaim eps < 1/2 for all eps in (0, 1/2]", "eps = 1/2"),
    ] as [(String, String?)])
    func theAuditFindsFalseClaimsAndOnlyThose(source: String, counterexample: String?) throws {
        let document = try Elaborator.elaborate(try ProofFileParser.parse(source))
        let found = try Mutation.audit(try #require(document.claims.last), in: document)
        if let counterexample {
            #expect(found?.hasPrefix(counterexample) == true, "\(found ?? "nil")")
        } else {
            #expect(found == nil, "\(found ?? "")")
        }
    }

    /// Every kind of change is made: constants, signs, relations, range ends.
    @Test func mutantsChangeConstantsSignsRelationsAndRanges() throws {
        let claim = "parameter eps in (0, 1)\nclaim 2 - eps < 3 for all eps"
        let syntax = try ProofFileParser.parse(claim)
        guard case let .claim(c) = syntax.statements[1], case let .parameter(name, range, _) = syntax.statements[0] else {
            Issue.record("not a claim")
            return
        }
        let texts = Mutation.mutants(of: c, declared: [name: range]).map { mutant -> String in
            var text = Mutation.describe(mutant)
            if case let .forAll(_, r?, _) = mutant.quantifier {
                text += " on \(r.lowerClosed ? "[" : "(")\(r.lower.parenthesized), \(r.upper.parenthesized)\(r.upperClosed ? "]" : ")")"
            }
            return text
        }
        for expected in ["(21/10-eps) < 3", "(-(2)-eps) < 3", "(2+eps) < 3", "(2-eps) <= 3", "(2-eps) > 3",
                         "(2-eps) < 2999999/1000000", "on [0, 1)", "on (0, 1]", "on (0, (1+1/10))", "on ((0-1/1000), 1)"] {
            #expect(texts.contains(where: { $0.hasSuffix(expected) || $0 == expected }), "missing \(expected) in \(texts)")
        }
        #expect(texts.count == 23)
    }
}
