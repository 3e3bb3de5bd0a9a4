import Exact

/// Times exact sign decisions on random algebraic expressions and a degree-128 comparison.
///
/// Prints, for a release build:
/// - the time to build and decide the sign of 10,000 seeded random a·√b + c·√d − e
///   (degree ≤ 4), and of 1,000 a·√b + c·∛d − e (degree ≤ 6);
/// - the time to build 3·2^(−1/128) and compare it with the rational from its 40-digit
///   decimal truncation (a neighbour within 10^(−39));
/// - chains whose composed polynomials are reducible (minimal polynomials keep the degree
///   down): 100 times ((√2 + √3 + √5) − √5 − √3)·√2 = 2, and 8/√17 + √41/2 < 125/16;
/// - the factorization of 100 seeded products of three random quartics (degree 12).
func runAlgebraicBenchmarks() {
    let clock = ContinuousClock()
    var generator = SplitMix64(seed: 2024)
    func rational(_ range: Int) -> Rational {
        Rational(Int(generator.next() % UInt64(2 * range + 1)) - range, Int(generator.next() % 9) + 1)
    }
    func radicand() -> RealAlgebraic { RealAlgebraic(Rational(Int(generator.next() % 50) + 1, Int(generator.next() % 9) + 1)) }

    for (count, cubeRoot) in [(10_000, false), (1_000, true)] {
        var signs = [0, 0, 0]
        let elapsed = clock.measure {
            for _ in 0..<count {
                let first = radicand().root(2).scaled(by: rational(20))
                let second = radicand().root(cubeRoot ? 3 : 2).scaled(by: rational(20))
                signs[(first + second - RealAlgebraic(rational(40))).signum + 1] += 1
            }
        }
        let shape = cubeRoot ? "a·√b + c·∛d − e (degree ≤ 6)" : "a·√b + c·√d − e (degree ≤ 4)"
        print("sign of \(count) random \(shape): \(elapsed)  [negative \(signs[0]), zero \(signs[1]), positive \(signs[2])]")
    }

    var x = RealAlgebraic(0)
    let built = clock.measure { x = RealAlgebraic(Rational(1, 2)).root(128).scaled(by: 3) }
    let neighbour = RealAlgebraic(Rational(parsing: x.decimalString(significantDigits: 40))!)
    var below = false
    let compared = clock.measure { below = neighbour < x }
    print("3·2^(−1/128): built in \(built); compared with its 40-digit truncation in \(compared)"
          + " (truncation \(below ? "<" : "≥") value)")

    let s2 = RealAlgebraic(2).root(2), s3 = RealAlgebraic(3).root(2), s5 = RealAlgebraic(5).root(2)
    var chain = RealAlgebraic(0)
    let chained = clock.measure { for _ in 0..<100 { chain = (s2 + s3 + s5 - s5 - s3) * s2 } }
    var below125 = false
    let c14 = clock.measure {
        below125 = RealAlgebraic(8) / RealAlgebraic(17).root(2) + RealAlgebraic(41).root(2).scaled(by: Rational(1, 2))
            < RealAlgebraic(Rational(125, 16))
    }
    print("100 × ((√2 + √3 + √5) − √5 − √3)·√2: \(chained) (= \(chain)); 8/√17 + √41/2 < 125/16 (\(below125)): \(c14)")

    var factored = 0
    let factoring = clock.measure {
        for _ in 0..<100 {
            let product = (0..<3).reduce(Polynomial.one) { p, _ in
                p * Polynomial(coefficients: (0...4).map { i in Rational(i == 4 ? 1 : Int(generator.next() % 21) - 10) })
            }
            factored += product.irreducibleFactors()?.count ?? 0
        }
    }
    print("factor 100 random products of three quartics (degree 12): \(factoring)  [\(factored) factors]")
}
