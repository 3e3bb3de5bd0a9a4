import Testing
@testable import ProofFiles

/// exp and log over a range (issue 17, item 5): arguments equal to one constant on the range
/// are replaced exactly, so equalities are proved and a strict inequality whose sides are
/// equal at a point is refuted there; a strict inequality tight at an end where exp(g) has
/// g → −∞ is proved by Taylor bounds, and constant logarithms are exact. The loss of VSS Thm 3.2's θ′(ε) (Φ = 1 on (0, 1/2]) and
/// constructions of our own.
@Suite struct TranscendentalRangeTests {
    static let header = """
        network fully-connected relu 2 -> 2 -> 1
        loss exponential
        data x1 = (1, 1/4), y1 = 1
        data x2 = (-1, 1/4), y2 = 1
        parameter eps in (0, 1)
        point p(eps): w1 = (eps/2, 2 - 2 eps), w2 = (-sqrt(2 eps), 0), v = (2, sqrt(2 eps))
        """

    @Test(arguments: [
        ("loss(p) = 2 exp(-1) for all eps in (0, 1/2]", "proved"),
        ("loss(p) <= 2 exp(-1) for all eps in (0, 1/2]", "proved"),
        ("loss(p) < 2 exp(-1) for all eps in (0, 1/2]", "refuted"),
        // Equal on (0, 1/2] only: refuted at an exact point of that part.
        ("loss(p) < 2 exp(-1) for all eps in (0, 1)", "refuted"),
        ("loss(p) = 2 exp(-1) for all eps in (0, 1)", "refuted"),
        ("exp(relu(eps - 1) + 1) = exp(1) for all eps in (0, 1]", "proved"),
        ("log(2 + relu(eps - 1)) - log(2) = 0 for all eps in (0, 1]", "proved"),
        ("exp(relu(eps - 1/2)) > 1 for all eps in (0, 1)", "refuted"),
        ("exp(relu(eps - 1/2)) >= 1 for all eps in (0, 1)", "proved"),
        // Tight at the open end 0 where exp(-1/eps) is flatter than every power.
        ("exp(-1/eps) < eps for all eps in (0, 1/2)", "proved"),
        ("loss(p) + exp(-1/eps) < 2 exp(-1) + eps for all eps in (0, 1/2]", "proved"),
        ("exp(-1/eps) < eps^3 for all eps in (0, 1/2)", "refuted"),
        ("log(2) + log(3) = log(6)", "proved"),
    ])
    func verdicts(claim: String, verdict: String) {
        let result = Report.check(path: "t.proof", source: "title \"t\"\n\(Self.header)\nclaim \(claim)\n", explain: false, simulator: nil)
        let c = result.claims.first
        #expect(result.error == nil && c?.verdict.rawValue == verdict, "\(claim): \(c?.evidence ?? result.error ?? "")")
        if verdict == "refuted" { #expect(c?.evidence.contains("counterexample eps = ") == true, "\(c?.evidence ?? "")") }
    }
}
