import Exact

/// Integer relations by lattice reduction.
///
/// `reduced(_:)` is the LLL algorithm with δ = 3/4 in exact rational arithmetic, with the
/// Gram–Schmidt coefficients μ and squared norms B updated in place (Lenstra, Lenstra, Lovász,
/// "Factoring polynomials with rational coefficients", Math. Ann. 261 (1982); Cohen, *A Course
/// in Computational Algebraic Number Theory*, Alg. 2.6.3 with the sub-algorithms RED and SWAP).
/// Its first row b₁ satisfies ‖b₁‖ ≤ 2^((n−1)/2)·‖v‖ for every nonzero v of the lattice.
public enum IntegerRelation {
    /// The LLL-reduced basis of the lattice spanned by the rows (linearly independent).
    public static func reduced(_ basis: [[BigInt]]) -> [[BigInt]] {
        var b = basis
        let n = b.count
        guard n > 1 else { return basis }
        func dot(_ u: [BigInt], _ v: [BigInt]) -> BigInt { zip(u, v).reduce(BigInt.zero) { $0 + $1.0 * $1.1 } }
        var mu = Array(repeating: Array(repeating: Rational.zero, count: n), count: n)
        var norms = Array(repeating: Rational.zero, count: n)
        /// μ_kj and B_k from the Gram matrix: μ_kj = (b_k·b_j − Σ_{i<j} μ_ji μ_ki B_i) / B_j.
        func orthogonalise(_ k: Int) {
            for j in 0..<k {
                var a = Rational(dot(b[k], b[j]))
                for i in 0..<j { a -= mu[j][i] * mu[k][i] * norms[i] }
                mu[k][j] = a / norms[j]
            }
            var norm = Rational(dot(b[k], b[k]))
            for j in 0..<k { norm -= mu[k][j] * mu[k][j] * norms[j] }
            norms[k] = norm
        }
        /// Size reduction of b_k against b_l.
        func reduce(_ k: Int, _ l: Int) {
            let q = (mu[k][l] + Rational(1, 2)).floor
            guard !q.isZero else { return }
            let rq = Rational(q)
            b[k] = zip(b[k], b[l]).map { $0 - q * $1 }
            mu[k][l] -= rq
            for i in 0..<l { mu[k][i] -= rq * mu[l][i] }
        }
        /// Exchange of b_k and b_{k−1}, with μ and B updated.
        func swap(_ k: Int, upTo kmax: Int) {
            b.swapAt(k, k - 1)
            for j in 0..<(k - 1) { (mu[k][j], mu[k - 1][j]) = (mu[k - 1][j], mu[k][j]) }
            let m = mu[k][k - 1]
            let big = norms[k] + m * m * norms[k - 1]
            mu[k][k - 1] = m * norms[k - 1] / big
            norms[k] = norms[k - 1] * norms[k] / big
            norms[k - 1] = big
            if k + 1 <= kmax {
                for i in (k + 1)...kmax {
                    let t = mu[i][k]
                    mu[i][k] = mu[i][k - 1] - m * t
                    mu[i][k - 1] = t + mu[k][k - 1] * mu[i][k]
                }
            }
        }
        orthogonalise(0)
        var k = 1, kmax = 0, steps = 0
        let delta = Rational(3, 4)
        while k < n && steps < 100_000 {
            steps += 1
            if k > kmax {
                kmax = k
                orthogonalise(k)
            }
            reduce(k, k - 1)
            if norms[k] < (delta - mu[k][k - 1] * mu[k][k - 1]) * norms[k - 1] {
                swap(k, upTo: kmax)
                k = max(k - 1, 1)
                continue
            }
            for l in stride(from: k - 2, through: 0, by: -1) { reduce(k, l) }
            k += 1
        }
        return b
    }

    /// Integers c₀, …, c_n, not all 0, with Σ cᵢ·vᵢ ≈ 0, for numbers vᵢ known to a relative
    /// error of about 10^(−`digits`) (of the largest |vᵢ|): the first row of the reduced
    /// lattice of rows (eᵢ, round(10^(digits−2)·vᵢ)). nil when that row has a coefficient above
    /// `largestCoefficient` or leaves Σ cᵢvᵢ larger than the precision explains. A guess: only
    /// exact verification of what is built from it counts.
    public static func relation(among values: [Rational], digits: Int, largestCoefficient: BigInt) -> [BigInt]? {
        let n = values.count
        guard n >= 2, digits >= 4 else { return nil }
        let scale = Rational(BigInt(10).power(digits - 2))
        let rows: [[BigInt]] = values.enumerated().map { i, v in
            var row = Array(repeating: BigInt.zero, count: n + 1)
            row[i] = .one
            row[n] = (v * scale + Rational(1, 2)).floor
            return row
        }
        let shortest = reduced(rows)[0]
        let c = Array(shortest.prefix(n))
        guard c.contains(where: { !$0.isZero }), c.allSatisfy({ $0.magnitude <= largestCoefficient }) else { return nil }
        let largest = values.map(\.magnitude).max() ?? .one
        let sum = zip(c, values).reduce(Rational.zero) { $0 + Rational($1.0) * $1.1 }
        let size = c.reduce(Rational.zero) { $0 + Rational($1.magnitude) } * Swift.max(largest, .one)
        return sum.magnitude * Rational(BigInt(10).power(digits - 4)) <= size ? c : nil
    }

    /// The integer polynomial c₀ + c₁x + … + c_d·xᵈ of least height that vanishes at x as far
    /// as its precision tells: `relation(among: 1, x, …, xᵈ)`, coefficients ≤ `largestCoefficient`.
    public static func polynomial(vanishingAt x: Approximation, degree: Int, largestCoefficient: BigInt) -> [BigInt]? {
        guard degree >= 1 else { return nil }
        var powers = [Rational.one]
        for _ in 0..<degree { powers.append(powers.last! * x.value) }
        let digits = x.digits - degree * Swift.max(0, Int(Approximation.log10(Swift.max(x.value.magnitude, .one)).rounded(.up)))
        return relation(among: powers, digits: digits, largestCoefficient: largestCoefficient)
    }
}
