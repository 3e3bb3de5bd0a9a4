import Testing
@testable import ProofFiles

/// Chains `a ± b ± c` and `a * b * c` are evaluated left to right in one pass
/// (`Elaborator.chain`): a wrong association or a lost sign must be refuted, not proved.
@Suite struct ChainEvaluationTests {
    @Test(arguments: [
        ("5 - 3 - 1 = 1", "proved"), ("5 - 3 - 1 = 3", "refuted"),
        ("2 * 3 * 4 = 24", "proved"), ("12 / 2 * 3 = 18", "proved"), ("12 / 2 * 3 = 2", "refuted"),
        ("dot((1, 2) + (3, 4) - (1, 1), (1, 1)) = 8", "proved"), ("1 - 2 + 3 - 4 = -2", "proved"), ("1 - 2 + 3 - 4 = 2", "refuted"),
    ])
    func chainVerdict(claim: String, verdict: String) {
        let result = Report.check(path: "chain.proof", source: "title \"chain\"\nclaim \(claim)\n", explain: false, simulator: nil)
        #expect(result.error == nil && result.claims.first?.verdict.rawValue == verdict, "\(claim): \(result.claims.first?.evidence ?? result.error ?? "")")
    }
}
