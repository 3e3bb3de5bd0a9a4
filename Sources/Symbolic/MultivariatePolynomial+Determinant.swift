import Exact

/// Determinants of matrices whose entries are polynomials in v₀ alone, by evaluation and
/// interpolation: det M(x) has degree at most D = the smaller of Σ over rows (or columns) of
/// the largest entry degree, so its values at x = 0, 1, …, D (each an exact rational
/// determinant by Gaussian elimination) determine it (Newton's forward differences). Exact, and
/// polynomial in the size, where minor expansion costs size·2^size products of polynomials.
extension MultivariatePolynomial {
    /// det a, or nil when an entry mentions a variable other than v₀. Past the bound
    /// `Deadline`, throws `Unable`.
    static func univariateDeterminant(_ a: [[MultivariatePolynomial]]) throws(Unable) -> MultivariatePolynomial? {
        var entries: [[Polynomial]] = []
        for row in a {
            var polynomials: [Polynomial] = []
            for entry in row {
                guard let p = entry.univariate else { return nil }
                polynomials.append(p)
            }
            entries.append(polynomials)
        }
        return MultivariatePolynomial(coefficients: try determinant(entries).coefficients.map { MultivariatePolynomial($0) }, in: 0)
    }

    /// det a over Q[x] by evaluation at x = 0, 1, …, D and interpolation. Past the bound
    /// `Deadline`, throws `Unable`.
    static func determinant(_ a: [[Polynomial]]) throws(Unable) -> Polynomial {
        let n = a.count
        let rowBound = a.reduce(0) { $0 + Swift.max(0, $1.map(\.degree).max() ?? 0) }
        let columnBound = (0..<n).reduce(0) { sum, j in sum + Swift.max(0, a.map { $0[j].degree }.max() ?? 0) }
        var values: [Rational] = []
        for k in 0...Swift.min(rowBound, columnBound) {
            try Deadline.check(while: "evaluating a \(n)×\(n) determinant at \(k)")
            values.append(determinant(a.map { row in row.map { $0(Rational(k)) } }))
        }
        return interpolating(values)
    }

    /// The determinant of a rational matrix, by Gaussian elimination with row exchanges.
    static func determinant(_ rows: [[Rational]]) -> Rational {
        var m = rows, det = Rational.one
        let n = m.count
        for c in 0..<n {
            guard let r = (c..<n).first(where: { !m[$0][c].isZero }) else { return .zero }
            if r != c {
                m.swapAt(r, c)
                det = -det
            }
            det = det * m[c][c]
            for i in (c + 1)..<n where !m[i][c].isZero {
                let f = m[i][c] / m[c][c]
                for j in c..<n { m[i][j] = m[i][j] - f * m[c][j] }
            }
        }
        return det
    }

    /// The polynomial of degree < values.count with p(k) = values[k] for k = 0, 1, …:
    /// Σₖ (Δᵏy₀/k!)·x(x − 1)…(x − k + 1).
    static func interpolating(_ values: [Rational]) -> Polynomial {
        var differences = values, result = Polynomial.zero, basis = Polynomial.one, factorial = Rational.one
        for k in 0..<values.count {
            if k > 0 {
                basis = basis * Polynomial(coefficients: [Rational(-(k - 1)), .one])
                factorial = factorial * Rational(k)
                for i in 0..<(differences.count - k) { differences[i] = differences[i + 1] - differences[i] }
            }
            result = result + (differences[0] / factorial) * basis
        }
        return result
    }
}
