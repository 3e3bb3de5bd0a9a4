/// Polynomials whose roots are given functions of the roots of others: c·α, α + c, 1/α,
/// α^(1/k), α^k, α + β, α·β. These are the exact algebra behind `RealAlgebraic`.
///
/// The sum and product use power sums (Newton's identities; Bostan, Flajolet, Salvy and
/// Schost, "Fast computation of special resultants", J. Symb. Comput. 2006): with
/// sₖ(p) = Σ αᵢᵏ, the composed sum has sₖ = Σₗ C(k, l) sₗ(p) sₖ₋ₗ(q) and the composed
/// product sₖ = sₖ(p)·sₖ(q). The result equals the resultants Res_y(p(y), q(x − y)) and
/// Res_y(p(y), y^deg q · q(x/y)) up to a constant factor, at O(N²) cost for degree N. Their
/// loops check the bound `Deadline` and throw `Unable` past it; the field operations that run
/// to completion call them with no deadline bound.
extension Polynomial {
    /// p(x/c)·cⁿ: the roots times c. Precondition: c ≠ 0.
    public func scalingRoots(by c: Rational) -> Polynomial {
        precondition(!c.isZero, "scaling by zero")
        var factor = c.power(degree)
        let inverse = c.reciprocal
        var scaled = coefficients
        for i in scaled.indices { scaled[i] *= factor; factor *= inverse }
        return Polynomial(coefficients: scaled)
    }

    /// p(x − c): the roots plus c.
    public func shiftingRoots(by c: Rational) -> Polynomial {
        c.isZero ? self : composed(with: Polynomial(coefficients: [-c, 1]))
    }

    /// xⁿ·p(1/x): the reciprocals of the nonzero roots (roots at 0 are dropped).
    public var reciprocalRoots: Polynomial {
        Polynomial(coefficients: Array(coefficients.drop(while: \.isZero).reversed()))
    }

    /// p(xᵏ): its roots are all k-th roots of the roots of p. Precondition: k ≥ 1.
    public func substitutingPower(_ k: Int) -> Polynomial {
        precondition(k >= 1, "exponent must be positive")
        var c = [Rational](repeating: .zero, count: degree * k + 1)
        for (i, a) in coefficients.enumerated() { c[i * k] = a }
        return Polynomial(coefficients: c)
    }

    /// A square-free polynomial whose roots are exactly the αᵏ for the roots α of p
    /// (k ≥ 1; p nonconstant): Graeffe squaring for the factors 2 of k, power sums for the
    /// odd rest.
    public func raisingRoots(to k: Int) throws(Unable) -> Polynomial {
        precondition(k >= 1 && degree >= 1, "needs k ≥ 1 and a nonconstant polynomial")
        var p = try checkedSquareFreePart()
        var odd = k
        while odd % 2 == 0 {
            try Deadline.check(while: "squaring the roots of a polynomial of degree \(p.degree)")
            // p(x)·p(−x) is even in x: its coefficients at x^(2i) form a polynomial in x²
            // whose roots are the αᵢ².
            let product = p * p.scalingRoots(by: -1)
            p = try Polynomial(coefficients: stride(from: 0, to: product.coefficients.count, by: 2)
                .map { product.coefficients[$0] }).checkedSquareFreePart()
            odd /= 2
        }
        guard odd > 1 else { return p }
        let sums = try p.powerSums(count: odd * p.degree)
        return try Polynomial(monicWithPowerSums: (0...p.degree).map { sums[$0 * odd] }).checkedSquareFreePart()
    }

    /// The monic polynomial with roots αᵢ + βⱼ (with multiplicity), p and q nonconstant.
    public static func composedSum(_ p: Polynomial, _ q: Polynomial) throws(Unable) -> Polynomial {
        let n = p.degree * q.degree
        let a = try p.powerSums(count: n), b = try q.powerSums(count: n)
        // sₖ/k! = Σₗ (aₗ/l!)·(bₖ₋ₗ/(k−l)!), an exponential-generating-function product.
        var factorials = [Rational.one]
        for k in 1...n { factorials.append(factorials[k - 1] * Rational(k)) }
        let aScaled = a.indices.map { a[$0] / factorials[$0] }
        let bScaled = b.indices.map { b[$0] / factorials[$0] }
        var sums: [Rational] = []
        sums.reserveCapacity(n + 1)
        for k in 0...n {
            try Deadline.check(while: "building the composed sum of two polynomials (degree \(n))")
            sums.append((0...k).reduce(Rational.zero) { $0 + aScaled[$1] * bScaled[k - $1] } * factorials[k])
        }
        return try Polynomial(monicWithPowerSums: sums)
    }

    /// The monic polynomial with roots αᵢ·βⱼ (with multiplicity), p and q nonconstant.
    public static func composedProduct(_ p: Polynomial, _ q: Polynomial) throws(Unable) -> Polynomial {
        let n = p.degree * q.degree
        let a = try p.powerSums(count: n), b = try q.powerSums(count: n)
        return try Polynomial(monicWithPowerSums: zip(a, b).map { $0 * $1 })
    }

    /// s₀ = n, s₁, …, s_count: the power sums Σ αᵢᵏ of the roots with multiplicity, by
    /// Newton's identities sₖ = −Σᵢ cₙ₋ᵢ sₖ₋ᵢ − k·cₙ₋ₖ (monic coefficients c, last term only
    /// for k ≤ n); zero coefficients are skipped, so sparse polynomials are fast.
    func powerSums(count: Int) throws(Unable) -> [Rational] {
        let n = degree
        let c = monic.coefficients
        let terms = (0..<n).filter { !c[$0].isZero }
        var s = [Rational(n)]
        s.reserveCapacity(count + 1)
        for k in stride(from: 1, through: count, by: 1) {
            try Deadline.check(while: "computing power sums of the roots of a polynomial of degree \(n)")
            var t = k <= n ? Rational(k) * c[n - k] : Rational.zero
            for j in terms where n - j <= k - 1 { t += c[j] * s[k - n + j] }
            s.append(-t)
        }
        return s
    }

    /// The monic polynomial of degree N whose roots have power sums s₁…s_N (s₀ = N is
    /// `sums[0]`, its length minus one), by Newton's identities:
    /// k·d_{N−k} = −(sₖ + Σ_{i<k} d_{N−i} sₖ₋ᵢ).
    init(monicWithPowerSums sums: [Rational]) throws(Unable) {
        let n = sums.count - 1
        var d = [Rational](repeating: .zero, count: n + 1)
        d[n] = .one
        for k in stride(from: 1, through: n, by: 1) {
            try Deadline.check(while: "building a polynomial from power sums (degree \(n))")
            var t = sums[k]
            for i in 1..<k where !d[n - i].isZero { t += d[n - i] * sums[k - i] }
            d[n - k] = -t / Rational(k)
        }
        self.init(coefficients: d)
    }
}
