// A synchronous workload over the exact layer's GMP wrappers, for scripts/leakcheck.sh:
// valgrind 3.19 cannot run the swift-testing bundle (see the script), so this program drives
// the same code paths as Tests/ExactTests — BigInt and Rational arithmetic, parsing and
// printing, Double conversion, and the exp/log/root enclosures — and checks a few results
// so that a broken build does not pass silently.
import Exact

var rng = SplitMix64(seed: 0x1EAC)

func randomBigInt(bits: Int) -> BigInt {
    var value = BigInt.zero
    for _ in 0..<(bits + 31) / 32 { value = value.shifted(by: 32) + BigInt(Int(rng.next() >> 32)) }
    return rng.next() % 2 == 0 ? value : -value
}

var failures = 0
func check(_ condition: Bool, _ what: String) {
    if !condition { failures += 1; print("FAILED: \(what)") }
}

for round in 0..<30 {
    let a = randomBigInt(bits: 1 + round * 50), b = randomBigInt(bits: 1 + round * 40) + 1
    check(BigInt(a.description) == a, "BigInt print/parse")
    let q = Rational(a, b), r = Rational(b, a.isZero ? 1 : a)
    check((q * r) / r == q && q - q == .zero, "Rational field laws")
    check(Rational(parsing: q.description) == q, "Rational print/parse")
    check(Double(Rational(Double(q))) == Double(q), "Double round trip")
    _ = (BigInt.gcd(a, b), BigInt.lcm(a, b), a.magnitude.root(3), a.floorDivided(by: b), a.hashValue)
    _ = q.decimalString(fractionDigits: 20)
}
for text in ["0.99", "-1.5e-3", "1e3", ".5", "1/", "abc", "1e1000000000"] { _ = Rational(parsing: text) }

for bits in [53, 200, 1000] {
    let e = Interval(.one).exp(bits: bits), l = Interval(Rational(2)).log(bits: bits)
    check(e.contains(Rational(parsing: "2.718281828")!) == false && e.lower > 2, "exp(1)")
    check(l.lower < Rational(6932, 10000) && l.upper > Rational(6931, 10000), "log(2)")
    let x = Interval(lower: Rational(1, 3), upper: Rational(5, 2))
    _ = (x.exp(bits: bits), x.log(bits: bits), x.root(3, bits: bits), Interval(-8).root(3, bits: bits))
    _ = Interval(Rational(-37, 5)).exp(bits: bits).log(bits: bits)
}

print(failures == 0 ? "workload passed" : "workload FAILED (\(failures))")
if failures > 0 { fatalError("workload checks failed") }
