import Exact

extension Constant {
    /// Trial division for `primePowers` stops at this divisor.
    static let largestTrialDivisor = 1 << 16

    /// c = Π bᵢ^eᵢ with integer bases bᵢ > 1 and nonzero rational exponents eᵢ, sorted by base,
    /// for a positive rational c or a positive algebraic c with a binomial defining polynomial
    /// (a·xⁿ − b: then cⁿ = b/a and c = (b/a)^(1/n), its only positive n-th root); nil for
    /// other constants. The bases are primes, except a cofactor with no prime factor up to
    /// `largestTrialDivisor`, which stays whole.
    ///
    /// Used for powers with symbolic exponents: c^e = Π bᵢ^(eᵢ·e) for c > 0, so that
    /// (1/9)^e, 3^(−2e) and (√2/3)^(2e)·2^(−e) all have the same canonical form.
    var primePowers: [(base: BigInt, exponent: Rational)]? {
        guard signum > 0 else { return nil }
        switch self {
        case .rational(let q):
            var powers = Self.factored(q.numerator).map { (base: $0.base, exponent: Rational($0.exponent)) }
            powers += Self.factored(q.denominator).map { (base: $0.base, exponent: Rational(-$0.exponent)) }
            return powers.sorted { $0.base < $1.base }
        case .algebraic(let a):
            let c = a.definingPolynomial.coefficients
            guard c.count > 1, !c[0].isZero, c.dropFirst().dropLast().allSatisfy(\.isZero) else { return nil }
            let q = -c[0] / c[c.count - 1]
            return Constant(q).primePowers?.map { (base: $0.base, exponent: $0.exponent / Rational(c.count - 1)) }
        }
    }

    /// n = Π pᵢ^kᵢ for n ≥ 1 by trial division (the last base may be a composite cofactor).
    private static func factored(_ n: BigInt) -> [(base: BigInt, exponent: Int)] {
        var rest = n, factors: [(base: BigInt, exponent: Int)] = []
        var p = 2
        while p <= largestTrialDivisor, BigInt(p * p) <= rest {
            let divisor = BigInt(p)
            var k = 0
            while rest.isDivisible(by: divisor) {
                rest = rest.exactlyDivided(by: divisor)
                k += 1
            }
            if k > 0 { factors.append((divisor, k)) }
            p += p == 2 ? 1 : 2
        }
        if rest != BigInt.one { factors.append((rest, 1)) }
        return factors
    }
}
