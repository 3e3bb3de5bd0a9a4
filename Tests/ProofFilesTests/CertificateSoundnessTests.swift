import Testing
@testable import ProofFiles

/// Soundness of the certificate claims (KKT, not-a-local-optimum, global optimum): small
/// changes of a correct construction — a multiplier, a weight, a witness — must never be
/// "proved". Each original is proved first, so the test also shows the change is what matters.
@Suite struct CertificateSoundnessTests {
    static let theorem32 = """
    network fully-connected relu 2 -> 2 -> 1
    data x1 = (1, 1/4), y1 = 1
    data x2 = (-1, 1/4), y2 = 1
    point kkt: w1 = (0, 2), w2 = (0, 0), v = (2, 0)
    parameter eps in (0, 1/9)

    """

    static func verdict(_ body: String, header: String = theorem32) -> String? {
        let result = Report.check(path: "t.proof", source: header + body, explain: false)
        #expect(result.error == nil, "\(result.error ?? "")")
        return result.claims.last?.verdict.rawValue
    }

    @Test func theOriginalsAreProved() {
        #expect(Self.verdict("claim kkt is a KKT point with lambda = (2, 2)") == "proved")
        #expect(Self.verdict("""
            point p(eps): w1 = (eps/2, 2 - 2 eps), w2 = (-sqrt(2 eps), 0), v = (2, sqrt(2 eps))
            claim kkt is not a local optimum, witness p
            """) == "proved")
    }

    @Test(arguments: ["(2, 3)", "(1, 1)", "(-2, 6)", "(4, 0)", "(0, 4)", "(2, 2001/1000)"])
    func wrongMultipliersAreRefuted(lambda: String) {
        #expect(Self.verdict("claim kkt is a KKT point with lambda = \(lambda)") == "refuted")
    }

    @Test(arguments: [
        "w1 = (0, 3), w2 = (0, 0), v = (2, 0)",        // feasible, no active constraint
        "w1 = (1/10, 2), w2 = (0, 0), v = (2, 0)",     // breaks the symmetry of λ
        "w1 = (0, 2), w2 = (0, 0), v = (3, 0)",        // unbalanced
        "w1 = (0, 2), w2 = (1, 0), v = (2, 1)",        // a live second neuron
        "w1 = (0, 1), w2 = (0, 0), v = (2, 0)",        // infeasible
    ])
    func changedPointsAreNotKKT(point: String) {
        #expect(Self.verdict("point q: \(point)\nclaim q is a KKT point") != "proved")
    }

    @Test(arguments: [
        "w1 = (eps/2 + 1/2, 2 - 2 eps), w2 = (-sqrt(2 eps), 0), v = (2, sqrt(2 eps))",  // does not approach kkt
        "w1 = (eps/2, 2 - 2 eps), w2 = (sqrt(2 eps), 0), v = (2, sqrt(2 eps))",         // infeasible (+ sign)
        "w1 = (eps/2, 2), w2 = (-sqrt(2 eps), 0), v = (2, sqrt(2 eps))",                // longer than kkt
    ])
    func badWitnessesProveNothing(witness: String) {
        #expect(Self.verdict("point p(eps): \(witness)\nclaim kkt is not a local optimum, witness p") != "proved")
    }

    @Test func aNonOptimalLinearPointIsNotAGlobalOptimum() {
        let linear = """
        network fully-connected linear 2 -> 1 -> 1
        data x1 = (1, 0), y1 = 1
        data x2 = (0, 1), y2 = 1

        """
        // β = v·w must separate: u* = (1, 1), so ‖θ‖² ≥ 2‖u*‖ = 2√2, reached by the balanced b.
        #expect(Self.verdict("point a: w = (1, 1), v = [1]\nclaim a is a global optimum", header: linear) == "refuted")
        let c = "root(2, 4)"
        #expect(Self.verdict("point b: w = (1/\(c), 1/\(c)), v = [\(c)]\nclaim b is a global optimum", header: linear) == "proved")
    }
}
