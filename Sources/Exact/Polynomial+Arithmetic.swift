/// The ring operations of Q[x] and division with remainder, all exact.
extension Polynomial {
    public static func + (p: Polynomial, q: Polynomial) -> Polynomial {
        var c = p.coefficients.count >= q.coefficients.count ? p.coefficients : q.coefficients
        let shorter = p.coefficients.count >= q.coefficients.count ? q.coefficients : p.coefficients
        for (i, a) in shorter.enumerated() { c[i] += a }
        return Polynomial(coefficients: c)
    }

    public static prefix func - (p: Polynomial) -> Polynomial {
        Polynomial(coefficients: p.coefficients.map { -$0 })
    }

    public static func - (p: Polynomial, q: Polynomial) -> Polynomial { p + (-q) }

    /// The product; zero coefficients are skipped, so sparse polynomials multiply fast.
    public static func * (p: Polynomial, q: Polynomial) -> Polynomial {
        guard !p.isZero, !q.isZero else { return .zero }
        var c = [Rational](repeating: .zero, count: p.coefficients.count + q.coefficients.count - 1)
        for (i, a) in p.coefficients.enumerated() where !a.isZero {
            for (j, b) in q.coefficients.enumerated() where !b.isZero { c[i + j] += a * b }
        }
        return Polynomial(coefficients: c)
    }

    public static func * (c: Rational, p: Polynomial) -> Polynomial {
        c.isZero ? .zero : Polynomial(coefficients: p.coefficients.map { c * $0 })
    }

    public static func * (p: Polynomial, c: Rational) -> Polynomial { c * p }

    /// pⁿ for n ≥ 0, by repeated squaring.
    public func power(_ n: Int) -> Polynomial {
        precondition(n >= 0, "negative exponent")
        var result = Polynomial.one, base = self, k = n
        while k > 0 {
            if k & 1 == 1 { result = result * base }
            k >>= 1
            if k > 0 { base = base * base }
        }
        return result
    }

    /// The unique (q, r) with p = q·d + r and deg r < deg d. Precondition: d ≠ 0.
    public func divided(by d: Polynomial) -> (quotient: Polynomial, remainder: Polynomial) {
        precondition(!d.isZero, "division by the zero polynomial")
        guard degree >= d.degree else { return (.zero, self) }
        var r = coefficients
        var q = [Rational](repeating: .zero, count: degree - d.degree + 1)
        let inverseLead = d.leadingCoefficient.reciprocal
        for k in q.indices.reversed() {
            let t = r[k + d.degree] * inverseLead
            guard !t.isZero else { continue }
            q[k] = t
            for (j, b) in d.coefficients.enumerated() where !b.isZero { r[k + j] -= t * b }
        }
        return (Polynomial(coefficients: q), Polynomial(coefficients: Array(r.prefix(d.degree))))
    }
}
