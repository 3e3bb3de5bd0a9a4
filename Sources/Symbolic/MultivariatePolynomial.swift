import Exact

/// A polynomial in variables v₀, v₁, … with rational coefficients, stored sparsely.
///
/// Used to eliminate radicals: an expression on a piece becomes P/Q in Q[x, y₁, …, yₙ] where
/// the yᵢ satisfy polynomial relations, and resultants remove the yᵢ. Exponent vectors are
/// stored without trailing zeros, so every polynomial has one representation.
struct MultivariatePolynomial: Hashable, Sendable {
    private(set) var terms: [[Int]: Rational]

    private init(terms: [[Int]: Rational]) { self.terms = terms.filter { !$0.value.isZero } }

    init(_ c: Rational) { self.init(terms: [[]: c]) }

    /// The variable vᵢ.
    static func variable(_ i: Int) -> MultivariatePolynomial {
        var exponents = Array(repeating: 0, count: i + 1)
        exponents[i] = 1
        return MultivariatePolynomial(terms: [exponents: .one])
    }

    static let zero = MultivariatePolynomial(terms: [:])
    static let one = MultivariatePolynomial(.one)

    var isZero: Bool { terms.isEmpty }

    /// The number of variables a term can mention (one more than the largest index used).
    var variableCount: Int { terms.keys.map(\.count).max() ?? 0 }

    static func + (p: MultivariatePolynomial, q: MultivariatePolynomial) -> MultivariatePolynomial {
        var terms = p.terms
        for (m, c) in q.terms { terms[m] = (terms[m] ?? .zero) + c }
        return MultivariatePolynomial(terms: terms)
    }

    static prefix func - (p: MultivariatePolynomial) -> MultivariatePolynomial {
        MultivariatePolynomial(terms: p.terms.mapValues { -$0 })
    }

    static func - (p: MultivariatePolynomial, q: MultivariatePolynomial) -> MultivariatePolynomial { p + (-q) }

    /// p·q. A ring operation: it runs to completion (see `Deadline`); the loops that multiply
    /// (pseudo-division, determinants) check the deadline between products.
    static func * (p: MultivariatePolynomial, q: MultivariatePolynomial) -> MultivariatePolynomial {
        var terms: [[Int]: Rational] = [:]
        for (m, a) in p.terms {
            for (n, b) in q.terms {
                let product = multiply(m, n)
                terms[product] = (terms[product] ?? .zero) + a * b
            }
        }
        return MultivariatePolynomial(terms: terms)
    }

    private static func multiply(_ m: [Int], _ n: [Int]) -> [Int] {
        var result = m.count >= n.count ? m : n
        for i in 0..<Swift.min(m.count, n.count) { result[i] = m[i] + n[i] }
        return result
    }

    /// pⁿ, n ≥ 0.
    func power(_ n: Int) -> MultivariatePolynomial {
        precondition(n >= 0, "negative exponent")
        var result = MultivariatePolynomial.one, base = self, k = n
        while k > 0 {
            if k & 1 == 1 { result = result * base }
            k >>= 1
            if k > 0 { base = base * base }
        }
        return result
    }

    /// The degree in vᵢ (−1 for the zero polynomial).
    func degree(in i: Int) -> Int {
        isZero ? -1 : terms.keys.map { i < $0.count ? $0[i] : 0 }.max()!
    }

    /// The coefficients c₀, c₁, … with self = Σ cₖ vᵢᵏ (the cₖ free of vᵢ).
    func coefficients(in i: Int) -> [MultivariatePolynomial] {
        var result = Array(repeating: [[Int]: Rational](), count: Swift.max(degree(in: i) + 1, 0))
        for (m, c) in terms {
            var rest = m
            let k = i < m.count ? m[i] : 0
            if i < rest.count { rest[i] = 0 }
            while let last = rest.last, last == 0 { rest.removeLast() }
            result[k][rest] = c
        }
        return result.map { MultivariatePolynomial(terms: $0) }
    }

    /// Σ cₖ vᵢᵏ.
    init(coefficients: [MultivariatePolynomial], in i: Int) {
        var total = MultivariatePolynomial.zero
        let v = MultivariatePolynomial.variable(i)
        for c in coefficients.reversed() { total = total * v + c }
        self = total
    }

    /// The pseudo-remainder of self by d with respect to vᵢ: lc(d)^k · self − q · d for some
    /// q, of degree < deg d in vᵢ. Past the bound `Deadline`, throws `Unable` (between
    /// reduction steps). Precondition: deg d ≥ 1 in vᵢ.
    func pseudoRemainder(dividingBy d: MultivariatePolynomial, in i: Int) throws(Unable) -> MultivariatePolynomial {
        let n = d.degree(in: i)
        precondition(n >= 1, "pseudo-division by a polynomial constant in the variable")
        let dc = d.coefficients(in: i)
        let lead = dc[n]
        var r = self
        while r.degree(in: i) >= n {
            try Deadline.check(while: "pseudo-dividing polynomials of degree \(r.degree(in: i)) and \(n)")
            let rc = r.coefficients(in: i)
            let k = rc.count - 1
            let shift = MultivariatePolynomial.variable(i).power(k - n)
            r = lead * r - rc[k] * shift * d
        }
        return r
    }

    /// The resultant of p and q with respect to vᵢ: a polynomial free of vᵢ that vanishes
    /// wherever p and q have a common root in vᵢ (it lies in the ideal (p, q)). Computed as the
    /// Sylvester determinant, by minor expansion with memoisation (only ring operations).
    /// The largest Sylvester matrix `resultant` expands (its cost grows like size · 2^size).
    static let largestSylvesterSize = 14

    /// `nil` when the Sylvester matrix is larger than `largestSylvesterSize` or the
    /// Past the bound `Deadline`, throws `Unable`.
    ///
    /// A factor vᵢᵏ is split off first: res(vᵢᵏ·p′, q) = ±q(vᵢ = 0)ᵏ·res(p′, q), and the
    /// result keeps the zero set (q(vᵢ = 0)·res(p′, q), with p′ for res(p′, q) = p′^deg(q)
    /// when p′ is free of vᵢ), which is all elimination needs.
    static func resultant(_ p: MultivariatePolynomial, _ q: MultivariatePolynomial, in i: Int) throws(Unable) -> MultivariatePolynomial? {
        for (a, b) in [(p, q), (q, p)] {
            let (k, rest) = a.splittingPower(of: i)
            if k > 0 && !b.isZero {
                let atZero = b.coefficients(in: i).first ?? .zero
                // res(p′, q) = p′^deg(q) when p′ is free of vᵢ: p′ has the same zero set.
                if rest.degree(in: i) <= 0 { return atZero * rest }
                return try resultant(rest, b, in: i).map { atZero * $0 }
            }
        }
        let m = p.degree(in: i), n = q.degree(in: i)
        if m <= 0 || n <= 0 {
            if p.isZero || q.isZero { return .zero }
            return m <= 0 ? p.power(Swift.max(n, 0)) : q.power(m)
        }
        if n > m, let norm = try binomialResultant(p, q, in: i) { return norm }
        if m > n, let norm = try binomialResultant(q, p, in: i) { return norm }
        guard m + n <= largestSylvesterSize else { return nil }
        let pc = p.coefficients(in: i), qc = q.coefficients(in: i)
        let size = m + n
        var matrix = Array(repeating: Array(repeating: MultivariatePolynomial.zero, count: size), count: size)
        for row in 0..<n { for k in 0...m { matrix[row][row + k] = pc[m - k] } }
        for row in 0..<m { for k in 0...n { matrix[n + row][row + k] = qc[n - k] } }
        return try determinant(matrix)
    }

    /// For a binomial q = a·vᵢᴸ − b (a, b free of vᵢ) and 0 < deg p < L in vᵢ: the determinant
    /// of the L×L matrix whose row k holds p·vᵢᵏ with each vᵢʲ (j ≥ L) replaced by b·vᵢ^(j−L)
    /// and the other entries multiplied by a. That matrix is a times the matrix of
    /// multiplication by p in Q(…)[vᵢ]/(vᵢᴸ − b/a), so the result is aᴸ·N, N = Π p(ω) over the
    /// roots ω of q (the norm of p): it vanishes wherever p and q have a common root (where
    /// a = 0 it is 0 anyway), as the resultant does — from an L×L matrix instead of the
    /// (deg p + L)-square Sylvester matrix (a 9th root: 9 instead of up to 17). `nil` when q is
    /// not such a binomial or L > `largestSylvesterSize`; past the bound `Deadline`, throws
    /// `Unable`.
    private static func binomialResultant(_ p: MultivariatePolynomial, _ q: MultivariatePolynomial, in i: Int) throws(Unable) -> MultivariatePolynomial? {
        let l = q.degree(in: i)
        let qc = q.coefficients(in: i), pc = p.coefficients(in: i)
        guard l <= largestSylvesterSize, pc.count - 1 < l, qc.dropFirst().dropLast().allSatisfy(\.isZero) else { return nil }
        let a = qc[l], b = -qc[0]
        var matrix = Array(repeating: Array(repeating: MultivariatePolynomial.zero, count: l), count: l)
        for k in 0..<l {
            for (j, c) in pc.enumerated() where !c.isZero {
                matrix[k][(j + k) % l] = matrix[k][(j + k) % l] + c * (j + k >= l ? b : a)
            }
        }
        return try determinant(matrix)
    }

    /// The determinant, expanding along rows with the minors of the remaining columns memoised
    /// (entries in v₀ alone: by evaluation and interpolation, `univariateDeterminant`). Past
    /// the bound `Deadline`, throws `Unable`.
    private static func determinant(_ a: [[MultivariatePolynomial]]) throws(Unable) -> MultivariatePolynomial? {
        if a.count > 2, a.allSatisfy({ $0.allSatisfy { $0.variableCount <= 1 } }) { return try univariateDeterminant(a) }
        let size = a.count
        var memo: [Int: MultivariatePolynomial] = [:]
        func minor(_ row: Int, _ columns: Int) throws(Unable) -> MultivariatePolynomial {
            if row == size { return .one }
            if let known = memo[columns] { return known }
            try Deadline.check(while: "expanding a \(size)×\(size) determinant")
            var total = MultivariatePolynomial.zero
            var sign = 1
            for column in 0..<size where columns & (1 << column) != 0 {
                defer { sign = -sign }
                if a[row][column].isZero { continue }
                let rest = try minor(row + 1, columns & ~(1 << column))
                if rest.isZero { continue }
                let term = a[row][column] * rest
                total = sign > 0 ? total + term : total - term
            }
            memo[columns] = total
            return total
        }
        return try minor(0, (1 << size) - 1)
    }

    /// Whether every exponent is at most `ResourceLimit.largestEliminatedDegree` and every
    /// coefficient has at most `ResourceLimit.largestCoefficientBits` bits (elimination past
    /// these sizes would take too long in root isolation, so it gives up instead).
    var isWithinSizeLimits: Bool {
        terms.allSatisfy { m, c in
            c.bitSize <= ResourceLimit.largestCoefficientBits && m.allSatisfy { $0 <= ResourceLimit.largestEliminatedDegree }
        }
    }

    /// (k, p′) with self = vᵢᵏ·p′ and k as large as possible (k = 0 for the zero polynomial).
    func splittingPower(of i: Int) -> (Int, MultivariatePolynomial) {
        guard !isZero else { return (0, self) }
        let k = terms.keys.map { i < $0.count ? $0[i] : 0 }.min()!
        guard k > 0 else { return (0, self) }
        var shifted: [[Int]: Rational] = [:]
        for (m, c) in terms {
            var e = m
            e[i] -= k
            while let last = e.last, last == 0 { e.removeLast() }
            shifted[e] = c
        }
        return (k, MultivariatePolynomial(terms: shifted))
    }

    /// The polynomial in v₀ alone, or nil if another variable occurs.
    var univariate: Polynomial? {
        var coefficients: [Rational] = []
        for (m, c) in terms {
            guard m.count <= 1 else { return nil }
            let k = m.first ?? 0
            while coefficients.count <= k { coefficients.append(.zero) }
            coefficients[k] = c
        }
        return Polynomial(coefficients: coefficients)
    }
}
