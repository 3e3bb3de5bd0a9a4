import Testing
@testable import ProofFiles

/// Printed multipliers the exact layer may leave as an unfolded power (2^(501/1000), a mutant
/// of the mutation suite that crashed the checker): never a crash and never "proved".
@Suite struct PrintedMultiplierTests {
    @Test func anUnfoldedPowerIsNotACrash() {
        let source = """
            network diagonal linear dimension 2 depth 4
            data x1 = (1, 1), y1 = 1
            let m = 4
            point kkt: w1 = (2^(-1/m), 2^(-1/m)), w2 = (2^(-1/m), 2^(-1/m)), w3 = (2^(-1/m), 2^(-1/m)), w4 = (2^(-1/m), 2^(-1/m))
            claim kkt is a KKT point with lambda = 2^(1 - 2/m)
            claim kkt is a KKT point with lambda = 2^(1 - 2/m + 1/1000)
            """
        let result = Report.check(path: "t.proof", source: source, explain: false)
        #expect(result.error == nil, "\(result.error ?? "")")
        #expect(result.claims.first?.verdict == .proved)
        #expect(result.claims.last.map { $0.verdict != .proved } == true, "\(result.claims.last.map { "\($0.verdict) \($0.evidence)" } ?? "")")
    }
}
