import Testing
import Exact
@testable import Symbolic

/// Determinants of matrices of polynomials in one variable by evaluation and interpolation
/// (`univariateDeterminant`) against cofactor expansion, on seeded random matrices; and the
/// resultant with a binomial (the norm) vanishing exactly at the common roots.
@Suite struct DeterminantTests {
    static func cofactor(_ a: [[MultivariatePolynomial]]) -> MultivariatePolynomial {
        if a.count == 1 { return a[0][0] }
        var total = MultivariatePolynomial.zero
        for j in a.indices {
            let minor = a.dropFirst().map { row in row.enumerated().filter { $0.offset != j }.map(\.element) }
            let term = a[0][j] * cofactor(minor)
            total = j % 2 == 0 ? total + term : total - term
        }
        return total
    }

    @Test(arguments: 0..<20)
    func interpolationMatchesCofactorExpansion(index: Int) throws {
        let seed = UInt64(300 + index)
        var rng = SplitMix64(seed: seed)
        let n = 3 + index % 3
        let x = MultivariatePolynomial.variable(0)
        let a = (0..<n).map { _ in
            (0..<n).map { _ in
                (0...Int.random(in: 0...3, using: &rng)).reduce(MultivariatePolynomial.zero) { p, k in
                    p + MultivariatePolynomial(Rational(Int.random(in: -4...4, using: &rng), Int.random(in: 1...3, using: &rng))) * x.power(k)
                }
            }
        }
        #expect(try MultivariatePolynomial.univariateDeterminant(a) == Self.cofactor(a), "seed \(seed)")
    }

    /// p = y − x and q = y⁹ − 10 have a common root iff x⁹ = 10,
    /// so the resultant in y is ±(x⁹ − 10) up to a constant.
    @Test func binomialResultantIsTheNorm() throws {
        let x = MultivariatePolynomial.variable(0), y = MultivariatePolynomial.variable(1)
        let q = y.power(9) - MultivariatePolynomial(Rational(10))
        let r = try #require(try MultivariatePolynomial.resultant(y - x, q, in: 1))
        let u = try #require(r.univariate)
        #expect(u.degree == 9 && u.coefficients[0] == -u.coefficients[9] * Rational(10)
                && u.coefficients.dropFirst().dropLast().allSatisfy(\.isZero), "\(u)")
    }
}
