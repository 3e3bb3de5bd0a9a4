extension Polynomial {
    /// The characteristic polynomial det(x·I − A) of a square rational matrix, by the
    /// Faddeev–LeVerrier recurrence (exact; n³·n operations, fine for the papers' small
    /// matrices). Precondition: `a` is square and non-empty.
    public static func characteristic(of a: [[Rational]]) -> Polynomial {
        let n = a.count
        precondition(n > 0 && a.allSatisfy { $0.count == n }, "a square matrix")
        func multiply(_ x: [[Rational]], _ y: [[Rational]]) -> [[Rational]] {
            (0 ..< n).map { i in (0 ..< n).map { j in (0 ..< n).reduce(Rational.zero) { $0 + x[i][$1] * y[$1][j] } } }
        }
        // M_0 = 0, c_n = 1; M_k = A·M_{k−1} + c_{n−k+1}·I, c_{n−k} = −tr(A·M_k)/k.
        var coefficients = Array(repeating: Rational.zero, count: n + 1)
        coefficients[n] = .one
        var m = Array(repeating: Array(repeating: Rational.zero, count: n), count: n)
        for k in 1 ... n {
            var next = multiply(a, m)
            for i in 0 ..< n { next[i][i] += coefficients[n - k + 1] }
            m = next
            let am = multiply(a, m)
            let trace = (0 ..< n).reduce(Rational.zero) { $0 + am[$1][$1] }
            coefficients[n - k] = -trace / Rational(k)
        }
        return Polynomial(coefficients: coefficients)
    }
}
