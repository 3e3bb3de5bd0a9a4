import Exact

/// Integer relations by lattice reduction.
///
/// `reduced(_:)` is the LLL algorithm with δ = 3/4 in exact rational arithmetic (Lenstra,
/// Lenstra, Lovász, "Factoring polynomials with rational coefficients", Math. Ann. 261 (1982);
/// Cohen, *A Course in Computational Algebraic Number Theory*, Alg. 2.6.3). Its first row b₁
/// satisfies ‖b₁‖ ≤ 2^((n−1)/2)·‖v‖ for every nonzero v of the lattice. Used for small bases
/// (dimension ≤ 8), so the Gram–Schmidt data are simply recomputed after each change.
public enum IntegerRelation {
    /// The LLL-reduced basis of the lattice spanned by the rows (linearly independent).
    public static func reduced(_ basis: [[BigInt]]) -> [[BigInt]] {
        var b = basis.map { $0.map { Rational($0) } }
        let n = b.count
        guard n > 1 else { return basis }
        func dot(_ u: [Rational], _ v: [Rational]) -> Rational { zip(u, v).reduce(.zero) { $0 + $1.0 * $1.1 } }
        func gramSchmidt() -> (norms: [Rational], mu: [[Rational]]) {
            var stars: [[Rational]] = [], norms: [Rational] = []
            var mu = Array(repeating: Array(repeating: Rational.zero, count: n), count: n)
            for i in 0..<n {
                var v = b[i]
                for j in 0..<i {
                    mu[i][j] = norms[j].isZero ? .zero : dot(b[i], stars[j]) / norms[j]
                    v = zip(v, stars[j]).map { $0 - mu[i][j] * $1 }
                }
                stars.append(v)
                norms.append(dot(v, v))
            }
            return (norms, mu)
        }
        var k = 1, steps = 0
        let half = Rational(1, 2), delta = Rational(3, 4)
        while k < n && steps < 10_000 {
            steps += 1
            for j in stride(from: k - 1, through: 0, by: -1) {
                let q = Rational((gramSchmidt().mu[k][j] + half).floor)
                if !q.isZero { b[k] = zip(b[k], b[j]).map { $0 - q * $1 } }
            }
            let (norms, mu) = gramSchmidt()
            if norms[k] >= (delta - mu[k][k - 1] * mu[k][k - 1]) * norms[k - 1] {
                k += 1
            } else {
                b.swapAt(k, k - 1)
                k = max(k - 1, 1)
            }
        }
        return b.map { $0.map(\.numerator) }
    }

    /// Integer coefficients a₀, …, a_d, not all 0, with a₀ + a₁x + … + a_d·xᵈ ≈ 0 and small
    /// coefficients, found by reducing the lattice of rows (eᵢ, round(C·xⁱ)); nil when the
    /// shortest vector found does not make the polynomial small at x (relative to `tolerance`)
    /// or has a coefficient above `largestCoefficient`. A guess: only exact verification of
    /// what is built from it counts.
    public static func polynomial(vanishingAt x: Double, degree: Int, scale: Double = 1e12,
                                  tolerance: Double = 1e-9, largestCoefficient: Int = 10_000) -> [BigInt]? {
        guard degree >= 1, x.isFinite else { return nil }
        var rows: [[BigInt]] = []
        var power = 1.0
        for i in 0...degree {
            var row = Array(repeating: BigInt(0), count: degree + 2)
            row[i] = BigInt(1)
            guard let scaled = BigInt(exactly: (scale * power).rounded()) else { return nil }
            row[degree + 1] = scaled
            rows.append(row)
            power *= x
        }
        let shortest = reduced(rows)[0]
        let coefficients = Array(shortest.prefix(degree + 1))
        let ints = coefficients.compactMap { Int(exactly: $0) }
        guard ints.count == coefficients.count, ints.contains(where: { $0 != 0 }),
              ints.allSatisfy({ abs($0) <= largestCoefficient }) else { return nil }
        var value = 0.0, size = 0.0, p = 1.0
        for a in ints {
            value += Double(a) * p
            size += abs(Double(a) * p)
            p *= x
        }
        return abs(value) <= tolerance * max(size, 1) ? coefficients : nil
    }
}

extension BigInt {
    /// The integer equal to a finite, integral double.
    init?(exactly d: Double) {
        guard d.isFinite, d == d.rounded() else { return nil }
        if abs(d) < 9e15 { self.init(Int(d)); return }
        guard let value = BigInt(String(format: "%.0f", d)) else { return nil }
        self = value
    }
}

extension Int {
    /// The Int equal to a BigInt, when it fits.
    init?(exactly n: BigInt) {
        guard let value = Int(n.description) else { return nil }
        self = value
    }
}
