import Exact
import Testing
import ProofFiles
@testable import Symbolic

/// Logarithms of positive rational constants (and of their roots) are Q-linear combinations of
/// logarithms of primes in the canonical form, and exp of such a combination is the product of
/// powers: constant identities are decided exactly (sign 0), near-misses are never "equal".
@Suite struct ConstantLogarithmTests {
    @Test(arguments: [
        "log(2) + log(3) = log(6)",
        "log(8) = 3 log(2)",
        "log(1/6) = -log(2) - log(3)",
        "log(sqrt(2)) = log(2)/2",
        "log(12) - log(3) = 2 log(2)",
        "log(2/3) + log(9/4) = log(3/2)",
        "exp(log(2) + log(3)) = 6",
        "exp(2 log(3)) = 9",
        "exp(1 + log(2)) = 2 exp(1)",
        "exp(1) exp(2) = exp(3)",
        "log(10^20) = 20 log(2) + 20 log(5)",
    ])
    func identitiesHoldExactly(text: String) throws {
        let claim = try CommandLineText.claim(text)
        for c in claim.comparisons {
            guard case .sign(0, _) = try c.difference.sign() else {
                Issue.record("\(text): \(c.difference) is not exactly 0: \(try c.difference.sign())")
                continue
            }
        }
    }

    @Test(arguments: ["log(2) + log(3) = log(7)", "log(8) = 2 log(2)", "exp(log(2) + log(3)) = 5",
                      "log(2) + log(3) = log(6) + 10^-40", "log(6) < log(2) + log(3)"])
    func nearMissesAreNotEqualities(text: String) throws {
        let claim = try CommandLineText.claim(text)
        #expect(try claim.truth(at: [:]) != .holds, "\(text)")
    }
}
