import Exact
import Testing
import ProofFiles
@testable import Symbolic

/// exp(g) where g has a pole at an end of the range (flatter or steeper than every power, no
/// series leading term): true claims tight at that end are proved through truncated Taylor
/// bounds (`ExponentialEndBound`); near-misses are refuted with a point where the claim
/// fails, or undecided, never proved.
@Suite struct ExponentialEndTests {
    /// (claim, range, true where it holds on the whole range).
    @Test(arguments: [
        ("exp(-1/eps) < eps", "eps in (0, 1/2)", true),
        ("exp(-1/eps) < eps^3", "eps in (0, 1/5]", true),
        ("exp(-1/eps) < eps^3", "eps in (0, 1/2)", false),
        ("exp(-1/eps) < eps^3", "eps in (0, 1/4]", false),
        ("eps^5 < exp(-1/eps)", "eps in (0, 1/2)", false),
        ("exp(-1/eps^2) + eps^2 < 2*eps", "eps in (0, 1/2)", true),
        ("exp(1/eps) > 1/eps^3", "eps in (0, 1/8)", true),
        ("exp(1/eps) > 1/eps^3", "eps in (0, 1/2)", false),
        ("exp(-1/(1 - eps)) < 1 - eps", "eps in (1/2, 1)", true),
        ("exp(1/(eps - 1)) < (1 - eps)^2", "eps in (0, 1)", true),
        ("exp(1/(eps - 1)) < (1 - eps)^3", "eps in (0, 1)", false),
    ])
    func tightAtAPole(claim: String, range: String, holds: Bool) throws {
        let c = try CommandLineText.claim(claim, parameters: ["eps"])
        let r = try CommandLineText.range(range)
        let verdict = Prover.decide(c, over: r).verdict
        if holds {
            #expect(verdict.isProved, "\(claim) on \(range): \(verdict)")
        } else {
            #expect(!verdict.isProved, "\(claim) on \(range): \(verdict)")
            if case .refuted(let witness, _, _) = verdict {
                #expect(try c.truth(at: witness.values) != .holds, "\(claim): witness \(witness) does not fail")
            }
        }
    }

    /// The false claims above that fail near a rational point are refuted, not merely undecided.
    @Test(arguments: [("exp(-1/eps) < eps^3", "eps in (0, 1/2)"), ("eps^5 < exp(-1/eps)", "eps in (0, 1/2)"),
                      ("exp(1/eps) > 1/eps^3", "eps in (0, 1/2)")])
    func nearMissesAreRefuted(claim: String, range: String) throws {
        let verdict = Prover.decide(try CommandLineText.claim(claim, parameters: ["eps"]), over: try CommandLineText.range(range)).verdict
        #expect(verdict.isRefuted, "\(claim) on \(range): \(verdict)")
    }

    /// For small eps: proved, and the reversed claims refuted.
    @Test(arguments: [("exp(-1/eps) < eps^4", true), ("eps^4 < exp(-1/eps)", false), ("exp(1/eps) > 1/eps^5", true),
                      ("exp(1/eps) < 1/eps^5", false), ("exp(-1/eps) > 0", true)])
    func smallParameter(claim: String, holds: Bool) throws {
        let verdict = Prover.decideForSmall(try CommandLineText.claim(claim, parameters: ["eps"]), parameter: "eps").verdict
        #expect(holds ? verdict.isProved : verdict.isRefuted, "\(claim) for small eps: \(verdict)")
    }

    /// The Taylor bound is the exact polynomial 1 + v + v²/2 + … + vⁿ/n!.
    @Test func truncatedExponential() throws {
        let v = Expr.parameter(named: "v")
        let t = ExponentialEndBound.truncatedExponential(v, order: 3)
        for q in [Rational(0), Rational(1), Rational(-3, 2), Rational(7)] {
            let expected = 1 + q + q * q / 2 + q * q * q / 6
            #expect(t.substituting(["v": Constant(q)]).rationalValue == expected, "T_3(\(q))")
        }
    }
}
