import Testing
@testable import ProofFiles

/// Claims about the per-layer and the l1 predictor problems (`… of the per-layer problem for
/// layer 1`, `… of the l1 predictor problem`, with the numbered aliases `problem (4)`,
/// `problem (3)`): their verdicts on Lemma C.6's point and a small ℓ1 dataset, their JSON kinds,
/// and their errors.
@Suite struct ProblemClaimTests {
    static let header = """
    network fully-connected relu 2 -> 2 -> 1
    data x1 = (1, 1/4), y1 = 1
    data x2 = (-1, 1/4), y2 = 1
    data x3 = (0, -1), y3 = 1
    point kkt: w1 = (0, 2), w2 = (0, -1), v = (2, 1)

    """

    /// min ‖β‖₁ = 4 at β = (0, 4), with λ = (2, 2, 0) (the third constraint is slack).
    static let predictorHeader = """
    data x1 = (1, 1/4), y1 = 1
    data x2 = (-1, 1/4), y2 = 1
    data x3 = (0, -1), y3 = -1

    """

    static func verdict(_ body: String) -> String? {
        let source = body.hasPrefix("let b") ? predictorHeader + body : header + body
        let result = Report.check(path: "t.proof", source: source, explain: false)
        #expect(result.error == nil, "\(result.error ?? "")")
        return result.claims.last?.verdict.rawValue
    }

    @Test(arguments: [
        ("claim kkt is a KKT point of the per-layer problem for layer 1", "proved"),
        ("claim kkt is a KKT point of problem 4 for layer 2", "proved"),
        ("claim kkt is a KKT point of problem (4) for layer 1 with lambda = (2, 2, 1)", "proved"),
        ("claim kkt is a KKT point of the per-layer problem for layer 1 with lambda = (2, 2, 2)", "refuted"),
        ("claim kkt is a local optimum of the per-layer problem for layer 1", "proved"),
        ("claim kkt is a global optimum of the per-layer problem for layer 2", "proved"),
        ("claim kkt is a global optimum of problem (4) for layer 1", "undecided"),
        ("point q: w1 = (0, 3), w2 = (0, -1), v = (2, 1)\nclaim q is a local optimum of the per-layer problem for layer 1", "refuted"),
        // A witness that moves layer 2 proves nothing about layer 1.
        ("point pw: w1 = (1/(2 norm(x1))) x1, w2 = (-5/4, -1), v = (2, 1)\nclaim kkt is not a global optimum of the per-layer problem for layer 1, witness pw", "proved"),
        ("point pv: w1 = (1/(2 norm(x1))) x1, w2 = (-5/4, -1), v = (2, 2)\nclaim kkt is not a global optimum of problem (4) for layer 1, witness pv", "refuted"),
        ("let b = (0, 4)\nclaim b is a global optimum of the l1 predictor problem", "proved"),
        ("let b = (0, 4)\nclaim b is a KKT point of the ℓ1 predictor problem with lambda = (2, 2, 0)", "proved"),
        ("let b = (0, 5)\nclaim b is a global optimum of problem (3)", "refuted"),
        ("let b = (1, 4)\nclaim b is feasible for the l1 predictor problem", "refuted"),
        ("let b = (0, 5)\nlet c = (0, 4)\nclaim b is not a global optimum of problem (3), witness c", "proved"),
    ])
    func verdicts(body: String, expected: String) {
        #expect(Self.verdict(body) == expected, "\(body)")
    }

    /// The JSON kind names the problem by meaning; the numbered form reads as the named one.
    @Test(arguments: [
        ("kkt is a KKT point of the per-layer problem for layer 2", "kkt is a KKT point of problem (4) for layer 2", "per-layer-kkt"),
        ("kkt is a local optimum of the max-margin problem", "kkt is a local optimum of problem (2)", "local-optimum"),
        ("kkt is feasible for the max-margin problem", "kkt is feasible", "feasible"),
        ("b is a global optimum of the l1 predictor problem", "b is a global optimum of problem 3", "l1-predictor-global-optimum"),
    ])
    func numberedFormsAreAliases(named: String, numbered: String, kind: String) throws {
        let source = named.hasPrefix("b ") ? Self.predictorHeader + "let b = (0, 4)\n" : Self.header
        let claims = try [named, numbered].map { claim in try ProofFileParser.parse(source + "claim " + claim).statements.compactMap {
            if case .claim(let c) = $0 { c.assertion } else { nil }
        } }
        #expect(claims[0] == claims[1], "\(claims)")
        let result = Report.check(path: "t.proof", source: source + "claim " + named, explain: false)
        #expect(result.claims.last?.kind == kind, "\(result.claims.map(\.kind))")
    }

    @Test(arguments: [
        ("claim kkt is a KKT point of problem (5)", "expected the problem's number"),
        ("claim kkt is a KKT point of the max margin problem", "expected 'max-margin problem', 'per-layer problem' or 'l1 predictor problem'"),
        ("claim kkt is a KKT point of the per-layer problem", "the per-layer problem is stated for one layer"),
        ("claim kkt is a KKT point of problem (4)", "the per-layer problem is stated for one layer"),
        ("claim kkt is a KKT point of problem (4) for layer 3", "the network has 2 layers"),
        ("claim kkt is a KKT point of problem (3)", "is not a predictor"),
        ("let b = (1, 2, 3)\nclaim b is a global optimum of problem (3)", "is not a predictor"),
        ("parameter eps in (0, 1)\nlet b = (0, 4)\nclaim b is not a local optimum of problem (3), witness b", "the l1 predictor problem is convex"),
    ])
    func malformed(body: String, message: String) {
        let source = body.contains("let b") ? Self.predictorHeader + body : Self.header + body
        let result = Report.check(path: "t.proof", source: source, explain: false)
        #expect(result.error?.contains(message) == true, "\(result.error ?? "no error")")
        #expect(result.claims.isEmpty)
    }
}
