import Testing
@testable import ProofFiles

/// Integer parameters in proof files: `integer m > 5/2` and `for all m >= 4` range over the
/// integers above the bound as written (m > 5/2 starts at 3), and the soundness suite mutates
/// those bounds (shifted by ±1/2 and −1, strict ↔ non-strict).
@Suite struct IntegerBoundTests {
    /// (declaration, claim, verdict, counterexample if refuted).
    @Test(arguments: [
        ("integer m > 5/2", "m != 3 for all m", "refuted", "m = 3"),
        ("integer m > 5/2", "m >= 3 for all m", "proved", nil),
        ("integer m >= 5/2", "(m - 3)^2 > 0 for all m", "refuted", "m = 3"),
        ("integer m > 3", "(m - 3)^2 > 0 for all m", "proved", nil),
        ("integer m >= 1", "(m - 3)^2 > 0 for all m >= 4", "proved", nil),
        ("integer m >= 1", "(m - 3)^2 > 0 for all m > 5/2", "refuted", "m = 3"),
        ("integer m >= 1", "m != 2 for all m > sqrt(2)", "refuted", "m = 2"),
        ("integer m >= 1", "m != 2 for all m > 2.01", "proved", nil),
        ("integer m > -1/2", "1/(2*sqrt(m)) > 0 for all m", "refuted", "m = 0"),
    ] as [(String, String, String, String?)])
    func verdicts(declaration: String, claim: String, verdict: String, counterexample: String?) {
        let result = Report.check(path: "t.proof", source: "title \"t\"\n\(declaration)\nclaim \(claim)\n", explain: false, simulator: nil)
        let c = result.claims.first
        #expect(result.error == nil && c?.verdict.rawValue == verdict, "\(declaration); \(claim): \(c?.evidence ?? result.error ?? "")")
        if let counterexample { #expect(c?.evidence.contains("counterexample \(counterexample)") == true, "\(c?.evidence ?? "")") }
    }

    @Test(arguments: ["integer m >= m", "integer m >= exp(1)", "integer m < 3"])
    func malformedBounds(declaration: String) {
        let result = Report.check(path: "t.proof", source: "title \"t\"\n\(declaration)\nclaim m > 0 for all m\n", explain: false, simulator: nil)
        #expect(result.error?.contains("t.proof:2:") == true, "\(result.error ?? "no error")")
    }

    @Test func aRealParameterTakesNoIntegerBound() {
        let result = Report.check(path: "t.proof", source: "title \"t\"\nparameter eps in (0, 1)\nclaim eps > 0 for all eps >= 1\n",
                                  explain: false, simulator: nil)
        #expect(result.error?.contains("not a declared integer parameter") == true, "\(result.error ?? "no error")")
    }

    /// The bound mutants of a claim over an integer parameter.
    @Test func boundsAreMutated() throws {
        let syntax = try ProofFileParser.parse("integer m >= 3\nclaim m > 0 for all m")
        guard case let .integer(name, bound, _) = syntax.statements[0], case let .claim(c) = syntax.statements[1] else {
            Issue.record("not an integer declaration and a claim")
            return
        }
        let texts = Mutation.mutants(of: c, declared: [:], integers: [name: bound]).map(Mutation.describe)
        for expected in ["for all m >= (3+(1/2))", "for all m > (3+(1/2))", "for all m >= (3-(1/2))", "for all m > (3-(1/2))",
                         "for all m >= (3-1)", "for all m > 3"] {
            #expect(texts.contains(where: { $0.hasSuffix(expected) }), "missing \(expected) in \(texts)")
        }
    }

    /// The audit starts at the least integer of the range, also when the bound is open or not
    /// an integer: a proved `m >= 4 for all m > 3` holds, and `m >= 4 for all m > 5/2` fails at 3.
    @Test(arguments: [("m >= 4 for all m > 3", nil), ("m >= 4 for all m > 5/2", "m = 3"), ("m >= 2 for all m >= sqrt(2)", nil)]
          as [(String, String?)])
    func theAuditStartsAtTheLeastInteger(claim: String, counterexample: String?) throws {
        let document = try Elaborator.elaborate(try ProofFileParser.parse("integer m >= 1\nclaim \(claim)"))
        #expect(try Mutation.audit(try #require(document.claims.last), in: document) == counterexample)
    }
}

/// `expect refuted` passes only when the claim is refuted: an integer claim that holds (or is
/// undecided) under it fails the file, and so does a refuted claim without it.
@Suite struct ExpectedVerdictTests {
    @Test(arguments: [
        ("integer m > 5/2\nclaim m != 3 for all m expect refuted", true),
        ("integer m > 3\nclaim m != 3 for all m expect refuted", false),
        ("integer m > 5/2\nclaim m != 3 for all m", false),
        ("parameter eps in (0, 1)\nclaim eps != 1/2 for all eps in (1/2, 1) expect refuted", false),
        ("parameter eps in (0, 1)\nclaim eps != 1/2 for all eps in [1/2, 1) expect refuted", true),
    ])
    func expectRefutedPassesOnlyWhenRefuted(body: String, passes: Bool) {
        var report = Report()
        report.add(Report.check(path: "t.proof", source: "title \"t\"\n\(body)\n", explain: false, simulator: nil))
        #expect(report.allOK == passes, "\(body): \(report.files.first?.claims.first?.evidence ?? "")")
    }
}
