import Exact

/// Times signs in the field of real radicals (`RealAlgebraic+Radicals.swift`) against the
/// composed-polynomial arithmetic every number went through before (`polynomialForm`; field
/// operations run to completion whatever `Deadline` is bound, so it is run only up to degree
/// `largestComposedDegree`):
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
    let largestComposedDegree = 512
    for (label, build, neighbour) in cases {
        let q = RealAlgebraic(Rational(parsing: neighbour)!)
        var sign = 0
        let radical = clock.measure { sign = (build() - q).signum }
        let degree = build().degreeBound
        var before = "not run (degree \(degree) > \(largestComposedDegree); over 10 s before)"
        if degree <= largestComposedDegree {
            var polynomialSign = 0
            let polynomial = clock.measure { polynomialSign = (build().polynomialForm - q).signum }
            before = "\(polynomial) (sign \(polynomialSign))"
        }
        print("\(label): radical field \(radical) (sign \(sign)); composed polynomials \(before)")
    }
}
