import Testing
import ProofFiles
import Exact
@testable import Symbolic

/// Comparisons of constants built from radicals of several indices (issue 14), each decided
/// under the default time limit, in both directions (a wrong comparison is false, not
/// undecided): sums whose composed defining polynomials have degree 81 to 4096, neighbours at
/// 10^(−34) and 10^(−40), and a rational whose power is too large to fold.
@Suite struct SeveralRadicalsTests {
    @Test(arguments: [
        ("root(2, 64) + root(3, 64) > 2.02", true),
        ("root(2, 64) + root(3, 64) < 2.02", false),
        ("root(2, 9) + root(3, 9) = root(5, 9) + 1.0000000000000000000000000000000001", false),
        ("root(2, 9) + root(3, 9) > root(5, 9) + 1.0000000000000000000000000000000001", true),
        ("root(2, 8) + root(3, 16) < 2.1615832157381721283302582904603589005595", true),
        ("root(2, 8) + root(3, 16) < 2.1615832157381721283302582904603589005594", false),
        ("sqrt(2) + root(3, 3) + root(5, 4) + root(7, 6) + sqrt(11) + root(13, 3) > 11.402858946246369804290833619293", true),
        ("(7/2)^(1/6)/sqrt(7/2) = root(2/7, 3)", true),
        ("(root(2, 4) + sqrt(3))^2 - 2*root(2, 4)*sqrt(3) = sqrt(2) + 3", true),
        ("1/10^100000 > 0", true),
        ("-1/10^100000 > 0", false),
    ])
    func decided(input: String, expected: Bool) throws {
        let claim = try CommandLineText.claim(input)
        let truth = try ResourceLimit.withDeadline(seconds: ResourceLimit.defaultSeconds) { try claim.truth(at: [:]) }
        if case .undecided = truth { Issue.record("undecided: \(input)") }
        #expect((truth == .holds) == expected, "\(input): \(truth)")
    }
}

/// Claims over a parameter with radical constants: linear ones have their cut point −b/a
/// computed in the radical field instead of by eliminating the radicals (a polynomial of degree
/// 4096 for two 64th roots); false claims with high-degree constants are refuted at a rational
/// point tried before the decomposition. True claims proved, false ones refuted at a point
/// where they fail.
@Suite struct ParameterClaimsWithRadicalsTests {
    static func verdict(_ claim: String, _ range: String) throws -> Verdict {
        let r = try CommandLineText.range(range)
        return Prover.decide(try CommandLineText.claim(claim, parameters: [r.name]), over: r).verdict
    }

    @Test(arguments: [
        ("eps + root(2, 64) + root(3, 64) > 0", "eps in (0, 1)", true),
        ("eps + 2 > root(2, 64) + root(3, 64)", "eps in (0, 1)", false),
        ("root(7, 6)*eps - sqrt(2) >= 0", "eps in [1, 2]", false),
        ("root(7, 6)*eps - sqrt(2) >= 0", "eps in [sqrt(2)/root(7, 6), 2]", true),
        ("-eps*root(5, 4) < 0", "eps in (0, 1)", true),
        ("(eps - (root(10, 9) - 1))^4 = 0", "eps in [root(10, 9) - 1, 1]", false),
        ("(eps - root(3, 7))^2 > 1/100", "eps in (1, 2)", false),
        // Powers of sums with a constant outside the radical field, and with constants of
        // degree 9 (elimination over one shared field: one generator per radical), true and
        // false neighbours (refuted at the radical end, or at a rational point below it).
        ("(sqrt(eps + 1) - sqrt(root(2, 3)/2 + 1))^4 >= 0", "eps in [root(2, 3)/2, 2)", true),
        ("(sqrt(eps + 1) - sqrt(root(2, 3)/2 + 1))^4 > 0", "eps in [root(2, 3)/2, 2)", false),
        ("(sqrt(eps + 1) - sqrt(root(2, 3)/2 + 1))^3 >= 0", "eps in [1/4, 2)", false),
        ("(sqrt(eps + 1) - sqrt(root(2, 3)/2 + 1))^2 < 1/10^6", "eps in [root(2, 3)/2, 2)", false),
        ("(eps/(eps + 2) - (root(10, 9) - 1)/(root(10, 9) + 1))^4 >= 0", "eps in [1/4, root(10, 9) - 1]", true),
        ("(eps/(eps + 2) - (root(10, 9) - 1)/(root(10, 9) + 1))^4 > 0", "eps in [1/4, root(10, 9) - 1]", false),
        ("(eps/(eps + 2) - (root(10, 9) - 1)/(root(10, 9) + 1))^3 >= 0", "eps in [1/4, root(10, 9) - 1]", false),
    ])
    func decided(claim: String, range: String, holds: Bool) throws {
        let verdict = try Self.verdict(claim, range)
        if holds {
            #expect(verdict.isProved, "\(claim) for \(range): \(verdict)")
        } else {
            guard case .refuted(let witness, _, _) = verdict else { Issue.record("\(claim) for \(range): \(verdict)"); return }
            let claimed = try CommandLineText.claim(claim, parameters: ["eps"])
            #expect(try claimed.truth(at: witness.values) != .holds, "witness \(witness) of \(claim)")
            if case .undecided = try claimed.truth(at: witness.values) { Issue.record("undecided at the witness of \(claim)") }
        }
    }
}
