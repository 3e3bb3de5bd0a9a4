/// A positive real radical monomial Π pᵢ^(eᵢ): distinct primes pᵢ in increasing order, each
/// with a rational exponent 0 < eᵢ < 1 (integer parts belong to a rational coefficient).
///
/// Contract: every positive real number x with xᴺ rational for some N ≥ 1 is, in exactly one
/// way, a positive rational times such a monomial (unique factorization: x = Π p^(vₚ) with
/// rational vₚ; the monomial keeps the fractional parts). So two monomials have a rational
/// ratio iff they are equal, and by the theorem of Besicovitch and Mordell (A. S. Besicovitch,
/// "On the linear independence of fractional powers of integers", J. London Math. Soc. 15
/// (1940) 3–6; L. J. Mordell, "On the linear independence of algebraic numbers", Pacific
/// J. Math. 3 (1953) 625–630: positive real numbers with a rational power and pairwise
/// irrational ratios are linearly independent over Q) distinct monomials are linearly
/// independent over Q. `RadicalSum` rests its exact zero test on this.
struct RadicalMonomial: Hashable, Comparable, Sendable {
    /// The primes, increasing.
    let primes: [BigInt]
    /// The exponents, each strictly between 0 and 1.
    let exponents: [Rational]

    static let one = RadicalMonomial(primes: [], exponents: [])

    var isOne: Bool { primes.isEmpty }

    /// Orders by primes, then exponents, lexicographically: a canonical order independent of
    /// hashing, which `RadicalSum` keeps its terms in.
    static func < (a: RadicalMonomial, b: RadicalMonomial) -> Bool {
        for (p, q) in zip(a.primes, b.primes) where p != q { return p < q }
        if a.primes.count != b.primes.count { return a.primes.count < b.primes.count }
        for (e, f) in zip(a.exponents, b.exponents) where e != f { return e < f }
        return false
    }

    /// c · Π p^(vₚ) split into (rational part, monomial): vₚ = ⌊vₚ⌋ + {vₚ}.
    /// `powers` are (prime, exponent) pairs with distinct primes in increasing order.
    static func splitting(_ powers: [(prime: BigInt, exponent: Rational)]) -> (Rational, RadicalMonomial) {
        var coefficient = Rational.one, primes: [BigInt] = [], exponents: [Rational] = []
        for (p, v) in powers where !v.isZero {
            let whole = v.floor, fraction = v - Rational(whole)
            if let n = whole.intValue, n != 0 {
                let power = Rational(p.power(Swift.abs(n)))
                coefficient = n > 0 ? coefficient * power : coefficient / power
            }
            if !fraction.isZero {
                primes.append(p)
                exponents.append(fraction)
            }
        }
        return (coefficient, RadicalMonomial(primes: primes, exponents: exponents))
    }

    /// a·b as (rational factor, monomial).
    static func * (a: RadicalMonomial, b: RadicalMonomial) -> (Rational, RadicalMonomial) {
        var powers: [(prime: BigInt, exponent: Rational)] = []
        var i = 0, j = 0
        while i < a.primes.count || j < b.primes.count {
            if j == b.primes.count || (i < a.primes.count && a.primes[i] < b.primes[j]) {
                powers.append((a.primes[i], a.exponents[i])); i += 1
            } else if i == a.primes.count || b.primes[j] < a.primes[i] {
                powers.append((b.primes[j], b.exponents[j])); j += 1
            } else {
                powers.append((a.primes[i], a.exponents[i] + b.exponents[j])); i += 1; j += 1
            }
        }
        return splitting(powers)
    }

    /// 1/m as (rational factor, monomial): p^(−e) = p^(1−e)/p.
    var reciprocal: (Rational, RadicalMonomial) {
        RadicalMonomial.splitting(zip(primes, exponents).map { ($0, -$1) })
    }

    /// m^(1/k) (k ≥ 1): the exponents divided by k stay in (0, 1).
    func root(_ k: Int) -> RadicalMonomial {
        RadicalMonomial(primes: primes, exponents: exponents.map { $0 / Rational(k) })
    }

    /// m = n^(1/L) with L the least common denominator of the exponents and n = Π p^(e·L) an
    /// integer; (1, 1) for the monomial 1.
    var radicand: (n: BigInt, index: Int) {
        let index = exponents.reduce(BigInt.one) { BigInt.lcm($0, $1.denominator) }.intValue ?? Int.max
        let n = zip(primes, exponents).reduce(BigInt.one) { product, factor in
            product * factor.0.power((factor.1 * Rational(index)).numerator.intValue!)
        }
        return (n, index)
    }

    /// An interval with dyadic ends, of width at most 2^(−bits), containing m: the product of
    /// enclosures of each p^(a/b), the integer b-th roots of p^a·2^(b·c) rounded down and up
    /// (exact, GMP's mpz_root), at c = bits + ⌈log₂ k⌉ + Σ log₂ p + 1 fractional bits for k
    /// factors (each factor is below p, so the product's width is at most k·2^(−c)·Π p).
    /// Per prime, so a product of roots of coprime indices never needs a common index.
    func enclosure(bits: Int) -> Interval {
        let precision = bits + (Int.bitWidth - primes.count.leadingZeroBitCount) + primes.reduce(1) { $0 + $1.bitWidth }
        return zip(primes, exponents).reduce(Interval(.one)) { product, factor in
            let (p, e) = factor
            let power = Rational(p.power(e.numerator.intValue!)), index = e.denominator.intValue!
            return product * Interval(lower: power.rootBound(index, bits: precision, roundingUp: false),
                                      upper: power.rootBound(index, bits: precision, roundingUp: true))
        }
    }

    /// The field degree this monomial can add, an upper bound: the least common denominator.
    var index: Int { radicand.index }

    /// `sqrt(n)` or `root(n, L)`, in the parser's syntax.
    var text: String {
        let (n, k) = radicand
        return k == 2 ? "sqrt(\(n))" : "root(\(n), \(k))"
    }
}

extension BigInt {
    /// Trial division by odd numbers stops here; a cofactor left above its square may be
    /// composite, so `primeFactorization` gives up.
    static let largestTrialDivisor = 1 << 16

    /// n = Π pᵢ^kᵢ over primes pᵢ, increasing, for n ≥ 1 of at most 1024 bits, when trial
    /// division up to `largestTrialDivisor` finds every prime factor (the cofactor left is 1
    /// or below the square of the last divisor tried, hence prime); else `nil`.
    var primeFactorization: [(prime: BigInt, exponent: Int)]? {
        guard signum > 0, bitWidth <= 1024 else { return nil }
        var rest = self, factors: [(prime: BigInt, exponent: Int)] = []
        var p = 2
        while BigInt(p * p) <= rest {
            if p > BigInt.largestTrialDivisor { return nil }
            let (quotient, count) = rest.removingFactors(BigInt(p))
            if count > 0 {
                factors.append((BigInt(p), count))
                rest = quotient
            }
            p += p == 2 ? 1 : 2
        }
        if rest != .one { factors.append((rest, 1)) }
        return factors
    }
}
