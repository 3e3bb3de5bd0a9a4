import Exact

/// Times signs in the field of real radicals (`RealAlgebraic+Radicals.swift`) against the
/// composed-polynomial arithmetic every number went through before (`polynomialForm`, bounded
/// by a 10 s `Deadline`; "> 10 s" when it did not finish):
/// - the sign of √2 + ∛3 + 5^(1/4) + 7^(1/6) + √11 + ∛13 (indices 2, 3, 4, 6; degree 1728)
///   minus its 30-digit truncation, a rational neighbour within 10^(−30);
/// - the sign of 2^(1/8) + 3^(1/16) (degree 128) minus a rational 8.3·10^(−41) above it.
func runRadicalBenchmarks() {
    let clock = ContinuousClock()
    func root(_ n: Int, _ k: Int) -> RealAlgebraic { RealAlgebraic(n).root(k) }
    let cases: [(String, () -> RealAlgebraic, String)] = [
        ("√2 + ∛3 + 5^(1/4) + 7^(1/6) + √11 + ∛13 vs its 30-digit truncation",
         { root(2, 2) + root(3, 3) + root(5, 4) + root(7, 6) + root(11, 2) + root(13, 3) },
         "11.402858946246369804290833619293"),
        ("2^(1/8) + 3^(1/16) vs a rational 8.3e-41 above",
         { root(2, 8) + root(3, 16) },
         "2.1615832157381721283302582904603589005595"),
    ]
    for (label, build, neighbour) in cases {
        let q = RealAlgebraic(Rational(parsing: neighbour)!)
        var sign = 0
        let radical = clock.measure { sign = (build() - q).signum }
        var polynomialSign: Int?
        let polynomial = clock.measure {
            Deadline.withDeadline(seconds: 10) {
                let s = (build().polynomialForm - q).signum
                polynomialSign = Deadline.isExceeded ? nil : s
            }
        }
        let before = polynomialSign.map { "\(polynomial) (sign \($0))" } ?? "> 10 s (deadline)"
        print("\(label): radical field \(radical) (sign \(sign)); composed polynomials \(before)")
    }
}
