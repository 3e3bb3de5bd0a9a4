import Testing
@testable import Exact

/// `Double(_: Rational)` is the correctly rounded conversion (nearest, ties to even, ±∞ past
/// the largest finite double), checked against exact distances computed with `Rational(Double)`.
@Suite struct RationalDoubleTests {
    /// The conversion is nearest: no neighbouring double is closer, and on a tie the chosen
    /// double has an even significand.
    static func isCorrectlyRounded(_ q: Rational) -> Bool {
        let d = Double(q)
        let threshold = Rational(Double.greatestFiniteMagnitude) + Rational(1).timesPowerOfTwo(970)
        if d.isInfinite { return q.magnitude >= threshold && (d < 0) == (q.signum < 0) }
        guard q.magnitude < threshold else { return false }
        let distance = (q - Rational(d)).magnitude
        for neighbour in [d.nextUp, d.nextDown] where neighbour.isFinite {
            let other = (q - Rational(neighbour)).magnitude
            if other < distance { return false }
            if other == distance && d.bitPattern & 1 == 1 { return false }
        }
        return true
    }

    @Test(arguments: [0xD1 as UInt64, 0xD2])
    func randomRationalsRoundToNearest(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<300 {
            let q = rng.rational(maxDigits: 40)
            let exponent = Int(rng.next() % 2300) - 1150
            let scaled = q.timesPowerOfTwo(exponent)
            #expect(Self.isCorrectlyRounded(scaled), "seed \(seed) q=\(scaled)")
        }
    }

    /// Exact halfway points between neighbouring doubles (normal and subnormal), and points
    /// just off them, go the right way.
    @Test(arguments: [0x7E as UInt64])
    func tiesGoToEven(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<300 {
            var d = Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF)
            if rng.next() % 4 == 0 { d = Double(bitPattern: rng.next() % (1 << 52)) }
            let half = (Rational(d) + Rational(d.nextUp)) / 2
            let expected = d.bitPattern & 1 == 0 ? d : d.nextUp
            let tiny = Rational(1).timesPowerOfTwo(-1200)
            #expect(Double(half) == expected, "seed \(seed) d=\(d)")
            #expect(Double(half - tiny) == d && Double(half + tiny) == d.nextUp, "seed \(seed) d=\(d)")
            #expect(Double(-half) == -expected, "seed \(seed) d=\(d)")
        }
    }

    @Test func edgeCases() {
        let two = Rational(2)
        #expect(Double(two.power(53) + 1) == 9007199254740992)
        #expect(Double(two.power(53) + 3) == 9007199254740996)
        #expect(Double(two.power(-1074)) == Double.leastNonzeroMagnitude)
        #expect(Double(two.power(-1075)) == 0 && Double(-two.power(-1075)).sign == .minus)
        #expect(Double(3 * two.power(-1076)) == Double.leastNonzeroMagnitude)
        #expect(Double(two.power(-1075) + two.power(-2000)) == Double.leastNonzeroMagnitude)
        #expect(Double(two.power(-1022) - two.power(-1075)) == Double.leastNormalMagnitude)
        let greatest = Rational(Double.greatestFiniteMagnitude)
        #expect(Double(greatest + two.power(970)) == .infinity)
        #expect(Double(greatest + two.power(970) - two.power(-10)) == .greatestFiniteMagnitude)
        #expect(Double(-two.power(5000)) == -.infinity && Double(Rational(1, 3)) == 1.0 / 3.0)
        #expect(Double(Rational.zero) == 0 && Double(Rational(-1, 10)) == -0.1)
    }

    @Test(arguments: [0xB17 as UInt64])
    func doublesRoundTrip(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<2000 {
            let d = Double(bitPattern: rng.next())
            guard d.isFinite else { continue }
            // −0.0 reads as the rational 0 and comes back as +0.0.
            let back = Double(Rational(d))
            #expect(back == d && (back.sign == d.sign || d == 0), "seed \(seed) d=\(d)")
        }
    }
}
