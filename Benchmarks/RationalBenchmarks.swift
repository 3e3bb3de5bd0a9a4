import Exact

/// Throughput of rational multiply-add a·b + c on operands whose numerators and denominators
/// have a given number of decimal digits. Operands come from a pre-generated pool and every
/// result is fresh, so operand sizes stay fixed and the loop measures GMP's `mpq` mul/add
/// (with their gcd reductions) plus the Swift wrapper's allocation.
func runRationalBenchmarks() {
    print("Rational multiply-add (a·b + c, fresh operands from a pool of 1024)")
    for digits in [64, 1000] {
        var rng = SplitMix64(seed: UInt64(digits))
        let pool = (0..<1024).map { _ in randomRational(digits: digits, &rng) }
        let operations = 1024
        Benchmark.report("  \(digits)-digit operands", operationsPerRun: operations) {
            var size = 0
            for i in 0..<operations {
                let result = pool[i] * pool[(i + 1) % pool.count] + pool[(i + 2) % pool.count]
                size &+= result.bitSize
            }
            return size
        }
    }
}

/// A rational whose numerator and denominator each have exactly `digits` decimal digits.
private func randomRational(digits: Int, _ rng: inout SplitMix64) -> Rational {
    func integer() -> BigInt {
        let text = (0..<digits).map { i in String(i == 0 ? 1 + rng.next() % 9 : rng.next() % 10) }.joined()
        return BigInt(text)!
    }
    let numerator = integer()
    return Rational(rng.next() % 2 == 0 ? numerator : -numerator, integer())
}
