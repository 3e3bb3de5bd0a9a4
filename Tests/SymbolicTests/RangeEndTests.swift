import Exact
import Testing
import ProofFiles
@testable import Symbolic

/// Where a range's ends are opened, closed, rounded or shifted, the claim is decided on exactly
/// the set written: a claim that fails only at an end is proved when that end is open and
/// refuted at the end when it is closed — for rational and algebraic ends, for cut points of
/// the decomposition that fall on an end, for the subdivision of exp/log claims (Taylor
/// expansions at a tight end), and for `for small eps` (the first cell (0, δ), open at 0).
@Suite struct RangeEndTests {
    /// (claim, range, the witness when the closed form is refuted).
    @Test(arguments: [
        ("eps != 1/2", "1/2", "1", "1/2"),
        ("(eps - 1/2)^2 > 0", "1/2", "1", "1/2"),
        ("eps != sqrt(2)", "sqrt(2)", "2", "sqrt(2)"),
        ("(eps - root(10, 3))^2 > 0", "root(10, 3)", "3", "root(10, 3)"),
        ("relu(eps - 1/3) > 0", "1/3", "1", "1/3"),
        ("1/(eps - 1/4) > 0", "1/4", "1", "1/4"),
        ("exp(eps) > 1", "0", "1", "0"),
        ("log(1 + eps) > 0", "0", "1/2", "0"),
        ("exp(eps) - 1 - eps > 0", "0", "1", "0"),
    ])
    func failingOnlyAtTheLowerEnd(claim: String, lower: String, upper: String, witness: String) throws {
        let open = try CommandLineText.range("eps in (\(lower), \(upper))")
        let closed = try CommandLineText.range("eps in [\(lower), \(upper))")
        let c = try CommandLineText.claim(claim, parameters: ["eps"])
        let onOpen = Prover.decide(c, over: open).verdict
        #expect(onOpen.isProved, "\(claim) on \(open): \(onOpen)")
        let onClosed = Prover.decide(c, over: closed).verdict
        guard case .refuted(let found, _, _) = onClosed else {
            Issue.record("\(claim) on \(closed): \(onClosed)")
            return
        }
        #expect(found["eps"].map { .exact($0) } == (try CommandLineText.expression(witness).0.exactValue()), "\(claim) on \(closed): \(onClosed)")
    }

    /// The same at the upper end.
    @Test(arguments: [("eps != 1/2", "1/2"), ("eps != sqrt(3)/2", "sqrt(3)/2"), ("sqrt(1 - eps) > 0", "1"), ("exp(-eps) > exp(-1)", "1")])
    func failingOnlyAtTheUpperEnd(claim: String, upper: String) throws {
        let c = try CommandLineText.claim(claim, parameters: ["eps"])
        #expect(Prover.decide(c, over: try CommandLineText.range("eps in (0, \(upper))")).verdict.isProved, "\(claim)")
        let closed = Prover.decide(c, over: try CommandLineText.range("eps in (0, \(upper)]")).verdict
        guard case .refuted(let found, _, _) = closed else {
            Issue.record("\(claim) on (0, \(upper)]: \(closed)")
            return
        }
        #expect(found["eps"].map { .exact($0) } == (try CommandLineText.expression(upper).0.exactValue()), "\(claim): \(closed)")
    }

    /// `for small eps` is about (0, δ): a claim false at 0 alone holds; one false on a whole
    /// (0, δ) does not.
    @Test(arguments: [("eps > 0", true), ("eps != 0", true), ("sqrt(eps) > eps", true), ("eps^2 > eps", false),
                      ("eps < 10^-30", true), ("eps > 10^-30", false), ("1/eps > 10^6", true)])
    func smallParameterIsOpenAtZero(claim: String, holds: Bool) throws {
        let verdict = Prover.decideForSmall(try CommandLineText.claim(claim, parameters: ["eps"]), parameter: "eps").verdict
        #expect(holds ? verdict.isProved : verdict.isRefuted, "\(claim) for small eps: \(verdict)")
    }
}
