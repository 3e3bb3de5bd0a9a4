import Exact
import ProofFiles
import Symbolic

/// Time per claim of the prover on claims over a parameter whose constants mix radicals of a
/// high-degree or non-radical kind (issue 14): a power of a sum with √(1 + 2^(1/3)/2), and an
/// expanded 4th power of a fraction with 10^(1/9), each true and with false neighbours. Radical
/// elimination works in one shared field (`ConstantField`: a generator per root or radical,
/// powers as its powers). Before: undecided at the 10 s limit for the true claims.
func runRadicalClaimBenchmarks() {
    print("Prover with radical constants (parse and decide one claim)")
    let claims: [(String, String)] = [
        ("(sqrt(eps + 1) - sqrt(root(2, 3)/2 + 1))^4 >= 0", "eps in [root(2, 3)/2, 2)"),
        ("(sqrt(eps + 1) - sqrt(root(2, 3)/2 + 1))^4 > 0", "eps in [root(2, 3)/2, 2)"),
        ("(sqrt(eps + 1) - sqrt(root(2, 3)/2 + 1))^3 >= 0", "eps in [1/4, 2)"),
        ("(eps/(eps + 2) - (root(10, 9) - 1)/(root(10, 9) + 1))^4 >= 0", "eps in [1/4, root(10, 9) - 1]"),
        ("(eps/(eps + 2) - (root(10, 9) - 1)/(root(10, 9) + 1))^4 > 0", "eps in [1/4, root(10, 9) - 1]"),
        ("(eps/(eps + 2) - (root(10, 9) - 1)/(root(10, 9) + 1))^3 >= 0", "eps in [1/4, root(10, 9) - 1]"),
    ]
    let clock = ContinuousClock()
    for (text, r) in claims {
        let range = try! CommandLineText.range(r)
        var verdict: Verdict?
        let time = clock.measure { verdict = Prover.decide(try! CommandLineText.claim(text, parameters: [range.name]), over: range).verdict }
        let shown = verdict.map { $0.isProved ? "proved" : String("\($0)".prefix(60)) + "…" } ?? ""
        print("  \(text) for \(r): \(time) (\(shown))")
    }
}
