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
}
