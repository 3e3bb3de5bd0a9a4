import Exact

/// Printing constants in the parser's syntax where possible: rationals as `p/q`, sums of
/// radicals as `RealAlgebraic.radicalText` (`1/2 + (3/2)*sqrt(2) - root(28, 3)`), quadratic
/// irrationals as `p + q*sqrt(r)` (exact: (−b ± √(b² − 4ac))/(2a) with square factors taken
/// out of the radicand), real roots of xᵏ − c as `root(c, k)`; other algebraic numbers as
/// `RealAlgebraic.description` (decimal value and defining polynomial).
extension Constant {
    public var description: String {
        switch self {
        case .rational(let q): return q.description
        case .algebraic(let a):
            if let text = a.radicalText { return text }
            let p = a.definingPolynomial
            if p.degree == 2, let text = Self.quadraticText(a, p) { return text }
            if let text = Self.pureRootText(a, p) { return text }
            return a.description
        }
    }

    private static func quadraticText(_ x: RealAlgebraic, _ p: Polynomial) -> String? {
        let c = p.coefficients[0], b = p.coefficients[1], a = p.coefficients[2]
        let discriminant = b * b - 4 * a * c
        let center = -b / (2 * a)
        // x = center ± |1/(2a)|·√D; the sign is that of x − center.
        let sign = (x - RealAlgebraic(center)).signum
        // √(n/d) = √(n·d)/d, then n·d = s²·r.
        let nd = discriminant.numerator * discriminant.denominator
        let (s, r) = squareSplit(nd)
        let scale = Rational(s) / Rational(discriminant.denominator) / (2 * a).magnitude * Rational(sign)
        guard r != BigInt.one else { return nil }
        let radical = scale == 1 ? "sqrt(\(r))" : scale == -1 ? "-sqrt(\(r))" : "\(scale.isInteger ? scale.description : "(\(scale))")*sqrt(\(r))"
        if center.isZero { return radical }
        return radical.hasPrefix("-") ? "\(center) - \(radical.dropFirst())" : "\(center) + \(radical)"
    }

    /// n = s²·r with r free of the squares of small primes (trial division by primes < 1000).
    private static func squareSplit(_ n: BigInt) -> (BigInt, BigInt) {
        var s = BigInt.one, r = n
        var prime = 2
        while prime < 1000 && !r.isZero {
            let p = BigInt(prime)
            let (rest, count) = r.removingFactors(p)   // one GMP call, even for r = 4^100000
            s *= p.power(count / 2)
            r = count % 2 == 0 ? rest : rest * p
            prime += prime == 2 ? 1 : 2
        }
        let (root, exact) = r.root(2)
        if exact { return (s * root, BigInt.one) }
        return (s, r)
    }

    /// `root(c, k)` or `-root(c, k)` when x is the real root of xᵏ − c (k ≥ 3).
    private static func pureRootText(_ x: RealAlgebraic, _ p: Polynomial) -> String? {
        let k = p.degree
        guard k >= 3, p.coefficients.dropFirst().dropLast().allSatisfy(\.isZero) else { return nil }
        let c = -p.coefficients[0] / p.coefficients[k]
        return x.signum < 0 && k % 2 == 0 ? "-root(\(c), \(k))" : "root(\(c), \(k))"
    }
}
