import Testing
@testable import Exact

@Suite struct RationalTests {
    @Test func parsesDecimalsExactly() {
        #expect(Rational(parsing: "0.99") == Rational(99, 100))
        #expect(Rational(parsing: "-17/4") == Rational(-17, 4))
        #expect(Rational(parsing: "1.5e-3") == Rational(3, 2000))
        #expect(Rational(parsing: "1/0") == nil)
        #expect(Rational(parsing: "1e1000000000") == nil)
    }

    /// Accepted forms: a leading sign, `p/q` (sign only on p), decimals with digits on at least
    /// one side of the point (`.5` and `5.` are read), and an `e`/`E` exponent with optional sign.
    @Test(arguments: [
        ("0.99", Rational(99, 100)), ("-1.5e-3", Rational(-3, 2000)), ("1e3", Rational(1000)),
        (".5", Rational(1, 2)), ("5.", Rational(5)), ("-.25", Rational(-1, 4)), ("+2", Rational(2)),
        ("1E+2", Rational(100)), ("-0", Rational(0)), ("0.000", Rational(0)), ("6/-0", nil as Rational?),
        ("-6/4", Rational(-3, 2)), ("+6/4", Rational(3, 2)), ("007", Rational(7)),
        ("2.50e-1", Rational(1, 4)),
    ] as [(String, Rational?)])
    func readsDecimalAndFractionForms(text: String, value: Rational?) {
        #expect(Rational(parsing: text) == value, "\(text)")
    }

    @Test(arguments: ["1/", "/2", "1.2.3", "--1", "", "1e", "abc", ".", "-", "e5", "1e1.5", "1/2/3", "1/-2",
                      "1/+2", " 1", "1 ", "0x10", "1_000", "\u{0663}", "1e+", "+-1", "1.e", "1/2e3", "∞"])
    func rejectsMalformedText(text: String) {
        #expect(Rational(parsing: text) == nil, "\(text)")
    }

    @Test func printsInLowestTermsAndDecimals() {
        #expect(Rational(6, -4).description == "-3/2")
        #expect(Rational(8, 4).description == "2")
        #expect(Rational(1, 3).decimalString(fractionDigits: 4) == "0.3333…")
        #expect(Rational(-1, 8).decimalString(fractionDigits: 3) == "-0.125")
        #expect(Rational(-7, 2).decimalString(fractionDigits: 0) == "-3…")
    }

    /// Field and order laws on random rationals of 1 to 500 digits, and print-parse round trips.
    @Test(arguments: [0xA1 as UInt64, 0xA2, 0xA3])
    func fieldAndOrderLaws(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<25 {
            let a = rng.rational(maxDigits: 500), b = rng.rational(maxDigits: 500)
            let c = rng.rational(maxDigits: 500)
            #expect(a + b == b + a && a * b == b * a, "seed \(seed)")
            #expect((a + b) + c == a + (b + c) && (a * b) * c == a * (b * c), "seed \(seed)")
            #expect(a * (b + c) == a * b + a * c, "seed \(seed)")
            #expect(a - a == .zero && a + (-a) == .zero && a - b == -(b - a), "seed \(seed)")
            if !b.isZero { #expect((a * b) / b == a && b * b.reciprocal == .one, "seed \(seed)") }
            let order = [a < b, a == b, b < a].filter { $0 }.count
            #expect(order == 1 && (a < b) == ((a - b).signum < 0), "seed \(seed)")
            if a < b {
                #expect(a + c < b + c, "seed \(seed)")
                if c.signum > 0 { #expect(a * c < b * c, "seed \(seed)") }
                if c.signum < 0 { #expect(a * c > b * c, "seed \(seed)") }
            }
            #expect(Rational(parsing: a.description) == a, "seed \(seed)")
            #expect(Rational(a.numerator, a.denominator) == a && a.denominator.signum > 0, "seed \(seed)")
            let equal = Rational(a.numerator * b.numerator.magnitude, a.denominator * b.numerator.magnitude)
            #expect(b.isZero || (equal == a && equal.hashValue == a.hashValue), "seed \(seed)")
        }
    }

    @Test func floorCeilingAndPowers() {
        #expect(Rational(-7, 2).floor == BigInt(-4) && Rational(-7, 2).ceiling == BigInt(-3))
        #expect(Rational(7, 2).floor == BigInt(3) && Rational(7, 2).ceiling == BigInt(4))
        #expect(Rational(2, 3).power(-3) == Rational(27, 8) && Rational(5).power(0) == .one)
        #expect(Rational(3, 4).timesPowerOfTwo(-3) == Rational(3, 32))
        #expect(Rational(3, 4).timesPowerOfTwo(2) == 3)
    }
}
