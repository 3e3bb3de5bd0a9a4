import Testing
@testable import Exact

/// The size guard: the bound on a power's size, which `power` checks before calling GMP, is
/// never below the true size, and numbers within the limit are unaffected.
@Suite struct BigIntLimitTests {
    @Test(arguments: 0 ..< 50)
    func thePowerBoundIsAtLeastTheTrueSize(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let base = BigInt(Int(truncatingIfNeeded: rng.next() >> UInt64(rng.next() % 63)))
        let n = Int(rng.next() % 40)
        #expect(base.bitsOfPower(n) >= base.power(n).bitWidth, "seed \(seed): \(base)^\(n)")
    }

    @Test func theLimitIsLargeAndChecked() {
        #expect(BigInt.maximumBits >= 1 << 20)
        #expect(BigInt.fitsSizeLimit(bits: BigInt.maximumBits))
        #expect(!BigInt.fitsSizeLimit(bits: BigInt.maximumBits + 1))
        #expect(!BigInt.fitsSizeLimit(bits: -1))
        #expect(BigInt(2).bitsOfPower(Int.max) == Int.max, "saturates instead of overflowing")
        #expect(BigInt(1).bitsOfPower(Int.max) == 1 && BigInt(0).bitsOfPower(5) == 0 && BigInt(0).bitsOfPower(0) == 1)
    }

    @Test func shiftsAndPowersWithinTheLimitAreExact() {
        #expect(BigInt(3).shifted(by: 100) == BigInt(3) * BigInt(2).power(100))
        #expect(BigInt(0).shifted(by: Int.max) == 0, "zero needs no bits")
        #expect(BigInt(-7).shifted(by: -1) == -4)
        #expect(Rational(3, 4).timesPowerOfTwo(-3) == Rational(3, 32))
        #expect(Rational(0).timesPowerOfTwo(Int.max) == 0)
    }
}
