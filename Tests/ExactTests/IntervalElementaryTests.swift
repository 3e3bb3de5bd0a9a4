import Foundation
import Testing
@testable import Exact

/// Enclosures of exp, log and roots: known constants, exact oracles (the k-th power of a
/// root enclosure, Taylor bounds for exp), laws (exp ∘ log, log of a product), agreement
/// with `Double` and across precisions, and two inequalities decided by enclosures.
@Suite struct IntervalElementaryTests {
    /// The interval [d − 10^(−digits), d + 10^(−digits)] for a decimal literal d.
    static func decimal(_ text: String, digits: Int) -> Interval {
        let d = Rational(parsing: text)!, u = Rational(1, 10).power(digits)
        return Interval(lower: d - u, upper: d + u)
    }

    @Test func expOfZeroIsOne() {
        let e = Interval(.zero).exp(bits: 200)
        #expect(e.contains(.one) && e.width <= Rational(1).timesPowerOfTwo(-200), "\(e)")
    }

    @Test func logOfOneIsZero() {
        let l = Interval(.one).log(bits: 200)
        #expect(l.contains(.zero) && l.width <= Rational(1).timesPowerOfTwo(-200), "\(l)")
    }

    @Test(arguments: [
        ("e", "2.71828182845904523536028747135266249775724709369995"),
        ("1/e", "0.36787944117144232159552377016146086744581113103176"),
        ("log 2", "0.69314718055994530941723212145817656807550013436025"),
        ("log 10", "2.30258509299404568401799145468436420760110148862877"),
        ("log 1/3", "-1.09861228866810969139524523692252570464749055782274"),
        ("sqrt 2", "1.41421356237309504880168872420969807856967187537694"),
        ("cbrt -2", "-1.25992104989487316476721060727822835057025146470150"),
    ])
    func knownConstants(name: String, digits: String) {
        let value: Interval = switch name {
        case "e": Interval(.one).exp(bits: 200)
        case "1/e": Interval(-1).exp(bits: 200)
        case "log 2": Interval(2).log(bits: 200)
        case "log 10": Interval(10).log(bits: 200)
        case "log 1/3": Interval(Rational(1, 3)).log(bits: 200)
        case "sqrt 2": Interval(2).root(2, bits: 200)
        default: Interval(-2).root(3, bits: 200)
        }
        // Inside the 50-digit value ± 10^(−50), and 200 bits wide at most.
        #expect(Self.decimal(digits, digits: 50).contains(value), "\(name): \(value)")
        #expect(value.width <= Rational(1).timesPowerOfTwo(-198), "\(name): \(value)")
    }

    @Test func rootsThatAreDyadicAreExact() {
        #expect(Interval(Rational(27, 8)).root(3, bits: 10) == Interval(Rational(3, 2)))
        #expect(Interval(-8).root(3, bits: 10) == Interval(-2))
        #expect(Interval(.zero).root(4, bits: 10) == Interval(.zero))
        #expect(Interval(Rational(5, 7)).root(1, bits: 10) == Interval(Rational(5, 7)))
        // Just above a perfect power, the scaled argument's floor is one: not a point.
        let above = 1 + Rational(1).timesPowerOfTwo(-300)
        let r = Interval(above).root(2, bits: 10)
        #expect(r.upper.power(2) >= above && r.lower.power(2) <= above, "\(r)")
    }

    /// Exact oracle: lower^k ≤ x ≤ upper^k, and the width is within the promised precision.
    @Test(arguments: [2, 3, 4, 7])
    func rootEnclosuresBracketTheirPowers(k: Int) {
        let seed: UInt64 = 0x5EED_0000 + UInt64(k)
        var rng = SplitMix64(seed: seed)
        for _ in 0..<40 {
            var x = rng.rational(numeratorBits: 60, denominatorBits: 40)
            if k % 2 == 0 { x = x.magnitude }
            let bits = 20 + Int(rng.next() % 200)
            let r = Interval(x).root(k, bits: bits)
            #expect(r.lower.power(k) <= x && x <= r.upper.power(k), "seed \(seed) x=\(x) k=\(k): \(r)")
            #expect(r.width <= r.upper.magnitude.timesPowerOfTwo(-bits), "seed \(seed) x=\(x) bits=\(bits)")
        }
    }

    /// Exact oracle for 0 ≤ x ≤ 1: S_N(x) ≤ exp(x) ≤ S_N(x) + 2·x^N/N!, S_N the Taylor sum.
    @Test func expAgreesWithTaylorBounds() {
        let seed: UInt64 = 0xE4B
        var rng = SplitMix64(seed: seed)
        for _ in 0..<20 {
            let x = rng.rational(numeratorBits: 20, denominatorBits: 24).magnitude
            guard x <= .one else { continue }
            var sum = Rational.zero, term = Rational.one
            for k in 1...40 {
                sum += term
                term = term * x / Rational(k)
            }
            let e = Interval(x).exp(bits: 100)
            #expect(e.upper >= sum && e.lower <= sum + 2 * term, "seed \(seed) x=\(x): \(e)")
        }
    }

    @Test func expOfLogContainsTheArgument() {
        let seed: UInt64 = 0x106
        var rng = SplitMix64(seed: seed)
        for _ in 0..<30 {
            let x = rng.rational(numeratorBits: 62, denominatorBits: 50).magnitude + Rational(1, 1000)
            let bits = 30 + Int(rng.next() % 150)
            let back = Interval(x).log(bits: bits).exp(bits: bits)
            #expect(back.contains(x), "seed \(seed) x=\(x) bits=\(bits): \(back)")
            #expect(back.width <= x.timesPowerOfTwo(4 - bits), "seed \(seed) x=\(x) bits=\(bits): too wide")
        }
    }

    /// Two enclosures of the same number must intersect: log(x·y) and log x + log y.
    @Test func logOfAProductIsTheSumOfLogs() {
        let seed: UInt64 = 0x1095
        var rng = SplitMix64(seed: seed)
        for _ in 0..<30 {
            let x = rng.rational(numeratorBits: 60, denominatorBits: 60).magnitude + Rational(1, 1 << 40)
            let y = rng.rational(numeratorBits: 60, denominatorBits: 60).magnitude + Rational(1, 1 << 40)
            let whole = Interval(x * y).log(bits: 120)
            let parts = Interval(x).log(bits: 120) + Interval(y).log(bits: 120)
            #expect(whole.lower <= parts.upper && parts.lower <= whole.upper, "seed \(seed) x=\(x) y=\(y)")
        }
    }

    /// Double's exp/log are within 1e−12 (relative, or absolute near 0) of the enclosure; the
    /// enclosures at 60 and 200 bits intersect, the 200-bit one lies inside the 60-bit one
    /// widened by its own width, and both are as narrow as promised.
    @Test(arguments: ["exp", "log"])
    func agreesWithDoubleAndAcrossPrecisions(function: String) {
        let seed: UInt64 = function == "exp" ? 0xD0B1E : 0xD0B1F
        var rng = SplitMix64(seed: seed)
        for _ in 0..<40 {
            // |x| < 2^6 keeps Double's exp finite and normal.
            var x = rng.rational(numeratorBits: 40, denominatorBits: 30).timesPowerOfTwo(-34)
            if function == "log" { x = x.magnitude.timesPowerOfTwo(40) + Rational(1, 1 << 30) }
            func enclosure(_ bits: Int) -> Interval {
                function == "exp" ? Interval(x).exp(bits: bits) : Interval(x).log(bits: bits)
            }
            let coarse = enclosure(60), fine = enclosure(200)
            let double = function == "exp" ? Foundation.exp(Double(x)) : Foundation.log(Double(x))
            let slack = Rational(max(abs(double), 1) * 1e-12)
            let widened = Interval(lower: fine.lower - slack, upper: fine.upper + slack)
            #expect(widened.contains(Rational(double)),
                    "seed \(seed) \(function)(\(x)) = \(double) vs \(fine)")
            #expect(coarse.lower <= fine.upper && fine.lower <= coarse.upper, "seed \(seed) x=\(x)")
            let coarseWidened = Interval(lower: coarse.lower - fine.width, upper: coarse.upper + fine.width)
            #expect(coarseWidened.contains(fine), "seed \(seed) x=\(x)")
            let scale = function == "exp" ? fine.upper : Rational.max(.one, fine.upper.magnitude)
            #expect(coarse.width <= scale.timesPowerOfTwo(-60) && fine.width <= scale.timesPowerOfTwo(-200),
                    "seed \(seed) x=\(x): \(coarse.width) \(fine.width)")
        }
    }

    /// f([a, b]) meets f(c) for every c in [a, b], and is exactly as wide as its two end images.
    @Test func intervalArgumentsEncloseTheirPoints() {
        let seed: UInt64 = 0x1A7E
        var rng = SplitMix64(seed: seed)
        for _ in 0..<15 {
            let a = rng.rational(numeratorBits: 30, denominatorBits: 20).magnitude + Rational(1, 1 << 20)
            let b = a + rng.rational(numeratorBits: 20, denominatorBits: 20).magnitude
            let c = a + (b - a) * Rational(Int(rng.next() % 1000), 1000)
            let range = Interval(lower: a, upper: b)
            for (whole, point) in [(range.exp(bits: 80), Interval(c).exp(bits: 80)),
                                   (range.log(bits: 80), Interval(c).log(bits: 80)),
                                   (range.root(3, bits: 80), Interval(c).root(3, bits: 80))] {
                #expect(whole.lower <= point.upper && point.lower <= whole.upper,
                        "seed \(seed) [\(a), \(b)] ∋ \(c)")
            }
            #expect(range.exp(bits: 80).lower == Interval(a).exp(bits: 80).lower, "seed \(seed)")
            #expect(range.log(bits: 80).upper == Interval(b).log(bits: 80).upper, "seed \(seed)")
        }
    }

    /// 4·e^(−4) < 1 and 2·log(1 + e^(−9/4)) + log(1 + e^(−4)) < 1, decided by the upper ends.
    @Test func decidesInequalitiesByEnclosure() {
        let one = Interval(.one)
        let first = Interval(4) * Interval(-4).exp(bits: 64)
        #expect(first.upper < .one, "\(first)")
        let second = Interval(2) * (one + Interval(Rational(-9, 4)).exp(bits: 64)).log(bits: 64)
            + (one + Interval(-4).exp(bits: 64)).log(bits: 64)
        #expect(second.upper < .one, "\(second)")
        // The enclosure also decides the other way round: the sum is above 1/5.
        #expect(second.lower > Rational(1, 5), "\(second)")
    }

    /// Roots of large index go through log and exp (the integer root would need k·bits bits):
    /// the enclosure still brackets the root, checked exactly by powers where that is cheap.
    @Test(arguments: [257, 1000, 4097])
    func largeIndexRootsEncloseTheRoot(k: Int) {
        let r = Interval(Rational(2)).root(k, bits: 64)
        #expect(r.lower.power(k) <= Rational(2) && Rational(2) <= r.upper.power(k), "k = \(k)")
        #expect(r.upper - r.lower < Rational(1, 1 << 50), "k = \(k)")
    }

    /// 2^(1/2^40) = 1 + (ln 2)·2^(−40) + …: in a narrow interval above 1, at once.
    @Test func hugeIndexRootIsNarrowAndAboveOne() {
        let r = Interval(Rational(2)).root(1 << 40, bits: 64)
        #expect(r.lower > Rational(1) && r.upper < Rational(1) + Rational(1, 1 << 40))
    }
}
