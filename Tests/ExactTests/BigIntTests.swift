import Testing
@testable import Exact

@Suite struct BigIntTests {
    /// Floor division rounds toward −∞, ceiling division toward +∞, and the floor remainder
    /// takes the sign of the divisor.
    @Test(arguments: [(7, 2, 3, 4, 1), (-7, 2, -4, -3, 1), (7, -2, -4, -3, -1), (-7, -2, 3, 4, -1),
                      (6, 3, 2, 2, 0), (-6, 3, -2, -2, 0), (0, -5, 0, 0, 0)])
    func divisionSigns(a: Int, b: Int, floor: Int, ceiling: Int, remainder: Int) {
        let x = BigInt(a), y = BigInt(b)
        #expect(x.floorDivided(by: y) == BigInt(floor) && x.ceilDivided(by: y) == BigInt(ceiling))
        #expect(x.floorRemainder(dividingBy: y) == BigInt(remainder))
        #expect(x.isDivisible(by: y) == (remainder == 0))
    }

    @Test(arguments: [0xB1 as UInt64, 0xB2])
    func randomLaws(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<40 {
            let a = rng.bigInt(maxDigits: 300), b = rng.bigInt(maxDigits: 300)
            let c = rng.bigInt(maxDigits: 100)
            #expect(BigInt(a.description) == a, "seed \(seed)")
            #expect((a + b) - b == a && a * (b + c) == a * b + a * c, "seed \(seed)")
            if !b.isZero {
                let q = a.floorDivided(by: b), r = a.floorRemainder(dividingBy: b)
                #expect(a == q * b + r, "seed \(seed)")
                #expect(r.magnitude < b.magnitude && r.signum * b.signum >= 0, "seed \(seed)")
                #expect((a * b).exactlyDivided(by: b) == a, "seed \(seed)")
            }
            let g = BigInt.gcd(a, b)
            let divides = g.isZero ? a.isZero && b.isZero : a.isDivisible(by: g) && b.isDivisible(by: g)
            #expect(g.signum >= 0 && divides, "seed \(seed)")
            if !g.isZero {
                let coprime = BigInt.gcd(a.exactlyDivided(by: g), b.exactlyDivided(by: g))
                #expect(coprime == .one, "seed \(seed)")
                #expect(BigInt.lcm(a, b) * g == (a * b).magnitude, "seed \(seed)")
            }
            let k = Int(rng.next() % 200)
            #expect(a.shifted(by: k) == a * BigInt(2).power(k), "seed \(seed)")
            #expect(a.shifted(by: -k) == a.floorDivided(by: BigInt(2).power(k)), "seed \(seed)")
            let m = Int(rng.next() % 5), n = Int(rng.next() % 5)
            #expect(c.power(m + n) == c.power(m) * c.power(n), "seed \(seed)")
            let degree = 1 + Int(rng.next() % 6)
            let (root, exact) = a.magnitude.root(degree)
            #expect(root.power(degree) <= a.magnitude, "seed \(seed)")
            #expect(a.magnitude < (root + 1).power(degree), "seed \(seed)")
            #expect(exact == (root.power(degree) == a.magnitude), "seed \(seed)")
            let copy = (a + b) - b
            #expect((a < b) == ((a - b).signum < 0), "seed \(seed)")
            #expect(copy == a && copy.hashValue == a.hashValue, "seed \(seed)")
        }
    }

    @Test func exactRootsAndSmallFacts() {
        #expect(BigInt(10).power(30).root(3) == (BigInt(10).power(10), true))
        #expect(BigInt(26).root(3) == (BigInt(2), false))
        #expect(BigInt.gcd(0, 0) == .zero && BigInt.gcd(-12, 18) == BigInt(6))
        #expect(BigInt(-5).shifted(by: -1) == BigInt(-3) && BigInt(-3).isOdd && !BigInt(-4).isOdd)
        #expect(BigInt(Int.max).intValue == Int.max && (BigInt(Int.max) + 1).intValue == nil)
        #expect(BigInt(Int.min).intValue == Int.min)
        #expect(BigInt(255).bitWidth == 8 && BigInt.zero.bitWidth == 0)
        #expect(BigInt(-1234567890123).description == "-1234567890123")
    }

    @Test(arguments: ["", "-", "+", "+-1", "1a", " 1", "1.0", "\u{0663}", "--2"])
    func rejectsMalformedIntegers(text: String) {
        #expect(BigInt(text) == nil, "\(text)")
    }

    /// rest · p^count is the number, and p does not divide rest; a power with 10⁵ factors of 2
    /// is one GMP call (this took seconds by repeated division when printing √(4^100000·3)).
    @Test(arguments: [(2, 100_000, 3), (3, 1000, 5), (7, 0, 10), (5, 1, -2)])
    func removingFactors(p: Int, count: Int, rest: Int) {
        let n = BigInt(p).power(count) * BigInt(rest)
        let removed = n.removingFactors(BigInt(p))
        #expect(removed.count == count && removed.rest == BigInt(rest), "\(p)^\(count)·\(rest)")
    }
}
