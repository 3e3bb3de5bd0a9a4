import Testing
@testable import ProofFiles

/// Claims over a region of two real parameters in proof files: `for all a, eps`,
/// `for all a in (0, 1/2), eps in (0, a/4)`, `for all a >= 2, eps >= 1`.
@Suite struct TwoParameterClaimTests {
    static let declarations = "parameter a in (0, 1/2)\nparameter eps in (0, 1)"

    /// (claim, verdict).
    @Test(arguments: [
        ("sqrt(a*eps) < a for all a, eps in (0, a/4)", "proved"),
        ("sqrt(a*eps) <= a/2 for all a in (0, 1/2), eps in (0, a/4]", "proved"),
        ("sqrt(a*eps) < a/2 for all a in (0, 1/2), eps in (0, a/4]", "refuted"),
        ("a + eps < 3/2 for all a, eps", "proved"),
        ("a + eps < 3/2 for all a, eps in (0, 1 + 10^(-20))", "refuted"),
        ("relu(eps - a^2) + a^2 >= eps for all a >= 2, eps >= 1", "proved"),
        ("relu(eps - a^2) >= eps - 4 for all a >= 2, eps >= 1", "refuted"),
        ("eps = 2*a for all a, eps", "refuted"),
    ])
    func verdicts(claim: String, verdict: String) {
        let result = Report.check(path: "t.proof", source: "title \"t\"\n\(Self.declarations)\nclaim \(claim)\n", explain: false, simulator: nil)
        let c = result.claims.first
        #expect(result.error == nil && c?.verdict.rawValue == verdict, "\(claim): \(c?.evidence ?? result.error ?? "")")
        if verdict == "refuted" { #expect(c?.evidence.contains("eps = ") == true, "\(c?.evidence ?? "")") }
    }

    /// (claim, what the located error says).
    @Test(arguments: [
        ("a > 0 for all a, c", "'c' is not a declared real parameter"),
        ("a > 0 for all a, a", "quantified twice"),
        ("a > 0 for all a in (0, eps), eps", "exact algebraic number"),
        ("a > 0 for all a, eps in (0, exp(a))", "algebraic expression in a"),
    ])
    func malformedRegions(claim: String, message: String) {
        let result = Report.check(path: "t.proof", source: "title \"t\"\n\(Self.declarations)\nclaim \(claim)\n", explain: false, simulator: nil)
        #expect(result.error?.contains("t.proof:4:") == true && result.error?.contains(message) == true, "\(result.error ?? "no error")")
    }

    /// `parameter eps in (0, a/4)`: a declared range that depends on an earlier parameter.
    @Test(arguments: [
        ("sqrt(a*eps) < a/2 for all a, eps", "proved"),
        ("sqrt(a*eps) < a/4 for all a, eps", "refuted"),
        ("eps < a/4 for all a, eps", "proved"),
        ("eps < a/4 - 10^(-20) for all a, eps", "refuted"),
    ])
    func dependentDeclarations(claim: String, verdict: String) {
        let source = "title \"t\"\nparameter a in (0, 1/2)\nparameter eps in (0, a/4)\nclaim \(claim)\n"
        let c = Report.check(path: "t.proof", source: source, explain: false, simulator: nil).claims.first
        #expect(c?.verdict.rawValue == verdict, "\(claim): \(c?.evidence ?? "no claim")")
    }

    /// A dependent parameter is quantified only together with the one it depends on.
    @Test(arguments: ["eps < 1 for all eps", "eps < 1 for all eps, a", "eps < 1 for all b, eps"])
    func aDependentParameterIsNotQuantifiedAlone(claim: String) {
        let source = "title \"t\"\nparameter a in (0, 1/2)\nparameter b in (0, 1)\nparameter eps in (0, a/4)\nclaim \(claim)\n"
        let result = Report.check(path: "t.proof", source: source, explain: false, simulator: nil)
        #expect(result.error?.contains("t.proof:5:") == true && result.error?.contains("depends on 'a'") == true, "\(result.error ?? "no error")")
    }

    @Test(arguments: [("a + eps < 3/2 for all a, eps", false), ("a + eps < 1 for all a, eps", true)])
    func theAuditSamplesTheRegion(claim: String, fails: Bool) throws {
        let document = try Elaborator.elaborate(try ProofFileParser.parse("\(Self.declarations)\nclaim \(claim)"))
        let found = try Mutation.audit(try #require(document.claims.last), in: document)
        #expect((found != nil) == fails, "\(found ?? "nil")")
    }
}

/// `for small eps, each a …` (ε₀ may depend on a) and `for small eps uniformly in a …`.
@Suite struct SmallWithParameterClaimTests {
    static let declarations = "parameter a in (0, 1)\nparameter eps in (0, 1)"

    /// (claim, verdict).
    @Test(arguments: [
        ("eps < a for small eps, each a", "proved"),
        // ε₀(a) = a → 0: no uniform ε₀ (undecided, not refuted: the method only proves uniformity).
        ("eps < a for small eps uniformly in a", "undecided"),
        ("eps < a + 1/2 for small eps uniformly in a", "proved"),
        ("relu(a - eps) = a - eps for small eps, each a", "proved"),
        ("eps > a^2 - 1/4 for small eps, each a in (0, 1)", "refuted"),
        ("eps > a^2 - 1/4 for small eps uniformly in a in (0, 1)", "refuted"),
        // Fails only at the closed end a = 0.
        ("sqrt(a*eps) < a for small eps, each a in [0, 1]", "refuted"),
        ("sqrt(a*eps) < a for small eps, each a in (0, 1]", "proved"),
        ("sqrt(a*eps + eps^2) > eps for small eps uniformly in a in [1/2, 1]", "proved"),
        // Fails at the irrational critical value a = 1/sqrt(2) only.
        ("(2*a^2 - 1)^2 + eps > 0 for small eps, each a >= 1/2", "proved"),
        ("(2*a^2 - 1)^2 + eps^2 > eps for small eps, each a >= 1/2", "refuted"),
    ])
    func verdicts(claim: String, verdict: String) {
        let result = Report.check(path: "t.proof", source: "title \"t\"\n\(Self.declarations)\nclaim \(claim)\n", explain: false, simulator: nil)
        let c = result.claims.first
        #expect(result.error == nil && c?.verdict.rawValue == verdict, "\(claim): \(c?.evidence ?? result.error ?? "")")
    }

    @Test(arguments: [
        ("a > 0 for small eps, every a", "expected 'each'"),
        ("a > 0 for small eps uniformly a", "expected 'in'"),
        ("a > 0 for small eps, each c", "'c' is not a declared real parameter"),
    ])
    func malformed(claim: String, message: String) {
        let result = Report.check(path: "t.proof", source: "title \"t\"\n\(Self.declarations)\nclaim \(claim)\n", explain: false, simulator: nil)
        #expect(result.error?.contains("t.proof:4:") == true && result.error?.contains(message) == true, "\(result.error ?? "no error")")
    }
}
