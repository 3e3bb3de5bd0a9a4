import Exact

/// Time per enclosure of exp, log and square root of small rationals at several precisions.
func runElementaryBenchmarks() {
    print("Interval enclosures of elementary functions (point arguments)")
    let cases: [(String, (Int) -> Interval)] = [
        ("exp(1/3)", { Interval(Rational(1, 3)).exp(bits: $0) }),
        ("exp(-37/5)", { Interval(Rational(-37, 5)).exp(bits: $0) }),
        ("log(3/7)", { Interval(Rational(3, 7)).log(bits: $0) }),
        ("log(10^6 + 1)", { Interval(Rational(1_000_001)).log(bits: $0) }),
        ("sqrt(2)", { Interval(Rational(2)).root(2, bits: $0) }),
    ]
    for bits in [53, 200, 1000] {
        for (name, enclosure) in cases {
            Benchmark.report("  \(name) to \(bits) bits", operationsPerRun: 1, minimumSeconds: 0.2) {
                enclosure(bits).upper.bitSize
            }
        }
    }
}
