import Exact
import ProofFiles
import Symbolic

/// Time per claim of the prover on the claims of issue 3 and on claims with symbolic exponents
/// (goal: well under 10 ms each in a release build). Each run parses the claim and decides it; the checksum counts verdicts.
func runProverBenchmarks() {
    print("Prover (parse and decide one claim)")
    enum Mode { case range(String), region(String), small, integer(String) }
    let claims: [(String, Mode)] = [
        ("2*relu(1/2 - eps) + sqrt(2*eps)*relu(sqrt(2*eps)) = 1", .range("eps in (0, 1/9)")),
        ("8 - 4*eps + 17*eps^2/4 < 8", .range("eps in (0, 1/9)")),
        ("2*relu(1/2 - eps) + sqrt(2*eps)*relu(sqrt(2*eps) - 1/4) >= 1", .range("eps in (0, 1/9)")),
        ("sqrt(1 - eps)^2 + 2*sqrt(eps/2)^2 = 1", .range("eps in (0, 1)")),
        ("relu(1 - 2*sqrt(eps)) = 1 - 2*sqrt(eps)", .range("eps in (0, 1/2)")),
        ("relu(eps^2 + eps - 1) = 0", .range("eps in (0, (sqrt(5) - 1)/2]")),
        ("relu(eps^2 + eps - 1) = 0", .range("eps in (0, 0.62)")),
        ("(1 + eps)^(2/3) + (1 - eps)^(2/3) < 2", .small),
        ("(2/m)*(2/m - 1) < 0", .integer("m >= 3")),
        // Symbolic exponents (Timor–Vardi–Shamir App. D/E, Vardi–Shamir–Srebro C.8).
        ("2^(1 - 2/m) * (2 - m)/m < 0", .integer("m >= 3")),
        ("(1/3^2)^((k - 2)/k) * 3^2 * 2 + (1/3^2)^(-2/k) * (k - 2) = (1/3^2)^(-2/k) * k", .integer("k >= 3")),
        ("1/sqrt(2 * (2/3^2)^(-2/k) * (k + 1)/k) = (1/sqrt(2)) * (sqrt(2)/3)^(2/k) * sqrt(k/(k + 1))", .integer("k >= 3")),
        ("1/sqrt(2 * (2/B^2)^(-2/3) * (3 + 1)/3) = (1/sqrt(2)) * (sqrt(2)/B)^(2/3) * sqrt(3/(3 + 1))", .range("B in (0, 100)")),
        // Two parameters (cylindrical decomposition): Lemma C.6's quadrant claims (C7 margin,
        // C9, C10) and a claim with two radicals and two relu kinks, tight at an open end.
        ("min(al*relu((1/4)*sqrt(17)/al) + be*relu(-3/(2*be)), al*relu(-(15/68)*sqrt(17)/al) + be*relu(1/be)) = 1",
         .region("al >= 2, be >= 1")),
        ("1/al^2 + al^2 + (1/be^2)*(25/16 + 1) + be^2 < 1/4 + al^2 + 3 + be^2", .region("al >= 2, be >= 1")),
        ("1/4 + al^2 + 3 + be^2 < 2*al^2 + 2*be^2", .region("al >= 2, be >= 1")),
        ("relu(sqrt(a*eps) - eps) + relu(sqrt(a + eps) - 1) < 0.441", .region("a in (0, 1), eps in (0, a)")),
        // The same with an algebraic bound: its critical values are algebraic of degree 4 and 6.
        ("relu(sqrt(a*eps) - eps) + relu(sqrt(a + eps) - 1) < 1/4 + sqrt(2) - 1", .region("a in (0, 1), eps in (0, a)")),
    ]
    for (text, mode) in claims {
        let label: String
        let decide: () -> Verdict
        switch mode {
        case .range(let r):
            label = "\(text) for \(r)"
            decide = {
                let range = try! CommandLineText.range(r)
                return Prover.decide(try! CommandLineText.claim(text, parameters: [range.name]), over: range).verdict
            }
        case .region(let r):
            label = "\(text) for all \(r)"
            decide = {
                let region = try! CommandLineText.region(r)
                return Prover.decide(try! CommandLineText.claim(text, parameters: Set(region.names)), over: region).verdict
            }
        case .small:
            label = "\(text) for small eps"
            decide = { Prover.decideForSmall(try! CommandLineText.claim(text, parameters: ["eps"]), parameter: "eps").verdict }
        case .integer(let bounds):
            label = "\(text) for \(bounds)"
            decide = {
                let p = try! CommandLineText.integerParameter(bounds)
                return Prover.decideForIntegers(try! CommandLineText.claim(text, parameters: [p.name]), parameters: [p]).verdict
            }
        }
        print("  \(label): \(decide())")
        Benchmark.report("    time per claim", operationsPerRun: 1, minimumSeconds: 0.3) {
            decide().isProved ? 1 : 0
        }
    }
}
