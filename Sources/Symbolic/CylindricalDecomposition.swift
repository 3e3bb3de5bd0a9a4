import Exact

/// The projection step of a cylindrical algebraic decomposition of the plane (Collins 1975):
/// for polynomials P₁, …, Pₙ in (a, b), finitely many critical values of a off which the
/// real roots in b of the Pᵢ are delineable.
///
/// Theorem (delineability; Collins, "Quantifier elimination for real closed fields by
/// cylindrical algebraic decomposition", 1975; Basu–Pollack–Roy, Algorithms in Real
/// Algebraic Geometry, Thm 5.16): over a connected set C of values of a on which, for every
/// i, the degree of Pᵢ(a, ·) is constant and the number of its distinct complex roots is
/// constant, and for every pair the degree of gcd(Pᵢ(a, ·), Pⱼ(a, ·)) is constant, the real
/// roots of the Pᵢ are given by finitely many continuous functions ξ₁ < … < ξₘ on C. So
/// the cylinder over C splits into the graphs of the ξₖ (sections) and the bands between
/// them (sectors), connected sets on which each Pᵢ has one sign.
///
/// The hypotheses hold on each open interval between consecutive critical values, which are
/// the real roots of: the leading coefficient in b of each Pᵢ (constant degree); for each Pᵢ
/// and for each pair, the first principal subresultant coefficient psc_j(Pᵢ, ∂Pᵢ/∂b),
/// respectively psc_j(Pᵢ, Pⱼ), that is not identically 0 (BPR §4.2: where the leading
/// coefficients do not vanish, deg gcd(P(a, ·), Q(a, ·)) is the least j with
/// psc_j(P, Q)(a) ≠ 0, and the number of distinct complex roots of P(a, ·) is
/// deg P − deg gcd(P, ∂P/∂b)).
struct CylindricalDecomposition {
    /// The polynomials whose zero sets are decomposed (variable 0: a, variable 1: b).
    let polynomials: [MultivariatePolynomial]
    /// The univariate polynomials in a whose real roots are the critical values.
    private(set) var projection: [Polynomial] = []

    /// Past these sizes the projection gives up (the prover answers undecided).
    static let largestDegreeInFibre = 16
    static let largestPolynomialCount = 48

    /// Projects; a reason when a polynomial is too large or the deadline passes.
    init(_ polynomials: [MultivariatePolynomial]) throws(Prover.Reason) {
        var distinct: [MultivariatePolynomial] = []
        for p in polynomials where !p.isZero && p.variableCount > 0 {
            let normalized = p.normalized
            if !distinct.contains(normalized) { distinct.append(normalized) }
        }
        self.polynomials = distinct
        guard distinct.count <= Self.largestPolynomialCount else {
            throw Prover.Reason(text: "limit: \(distinct.count) polynomials to project (at most \(Self.largestPolynomialCount))")
        }
        let fibres = try distinct.map { p throws(Prover.Reason) -> [Polynomial] in
            guard let c = p.univariateCoefficients else { throw Prover.Reason(text: "a polynomial mentions a third variable") }
            guard c.count - 1 <= Self.largestDegreeInFibre else {
                throw Prover.Reason(text: "limit: degree \(c.count - 1) in the second parameter (at most \(Self.largestDegreeInFibre))")
            }
            return c
        }
        var projection: [Polynomial] = []
        func add(_ q: Polynomial?) { if let q, q.degree > 0, !projection.contains(q.monic) { projection.append(q.monic) } }
        for (i, p) in fibres.enumerated() {
            add(p.last)
            if p.count > 2 { add(try Prover.reasoning { () throws(Unable) in try Self.firstNonzeroPrincipalSubresultant(p, Self.derivative(p)) }) }
            for q in fibres[(i + 1)...] where p.count > 1 && q.count > 1 {
                add(try Prover.reasoning { () throws(Unable) in try Self.firstNonzeroPrincipalSubresultant(p, q) })
            }
        }
        self.projection = projection
    }

    /// The critical values inside `range`'s interior, sorted (roots isolated only in an outward
    /// enclosure of the range, Cauchy's bound standing for an infinite end). Past the bound
    /// `Deadline`, throws `Unable`.
    func criticalValues(inside range: ParameterRange) throws(Unable) -> [RealAlgebraic] {
        try Self.realRoots(of: projection, inside: range)
    }

    /// The real roots of the polynomials inside `range`'s interior, sorted, each once.
    static func realRoots(of polynomials: [Polynomial], inside range: ParameterRange) throws(Unable) -> [RealAlgebraic] {
        var values: [RealAlgebraic] = []
        for p in polynomials where p.degree > 0 {
            let bound = p.cauchyBound
            let lower = range.lower.map { $0.value.enclosure(bits: 64).lower } ?? -bound
            let upper = range.upper.map { $0.value.enclosure(bits: 64).upper } ?? bound
            guard lower <= upper else { continue }
            for root in try p.realRoots(in: Interval(lower: lower, upper: upper)) where range.contains(root) {
                if range.lower.map({ $0.value.realAlgebraic == root }) == true { continue }
                if range.upper.map({ $0.value.realAlgebraic == root }) == true { continue }
                values.append(root)
            }
        }
        return Array(Set(values)).sorted()
    }

    /// The polynomials in b whose real roots, over the value x of a, contain every zero in b of
    /// a P(x, b): Res_a(m, P) with m the defining polynomial of x (P(x, b) itself, up to sign,
    /// for a rational x); with x's conjugates, as a checker eliminating x finds them.
    func fibrePolynomials(over x: RealAlgebraic) throws(Unable) -> [Polynomial] {
        let m = x.definingPolynomial.coefficients.enumerated().reduce(MultivariatePolynomial.zero) {
            $0 + MultivariatePolynomial($1.element) * MultivariatePolynomial.variable(0).power($1.offset)
        }
        var result: [Polynomial] = []
        for p in polynomials {
            guard let r = try MultivariatePolynomial.resultant(p, m, in: 0), !r.isZero else { continue }
            result.append(Polynomial(coefficients: r.coefficients(in: 1).map { $0.univariate?.coefficients.first ?? .zero }))
        }
        return result
    }

    /// ∂P/∂b for P given by its coefficients in b (lowest first).
    static func derivative(_ p: [Polynomial]) -> [Polynomial] {
        p.enumerated().dropFirst().map { Rational($0.offset) * $0.element }
    }

    /// The first psc_j(P, Q), j = 0, 1, …, that is not identically 0 (nil when all are, for
    /// j below the smaller degree: the gcd is then generically the smaller polynomial, and the
    /// leading coefficients' roots suffice).
    static func firstNonzeroPrincipalSubresultant(_ p: [Polynomial], _ q: [Polynomial]) throws(Unable) -> Polynomial? {
        let (f, g) = p.count >= q.count ? (p, q) : (q, p)
        let m = f.count - 1, n = g.count - 1
        guard n >= 1 else { return nil }
        for j in 0..<n {
            let c = try principalSubresultant(f, g, j)
            if !c.isZero { return c }
        }
        return nil
    }

    /// psc_j(F, G) (deg F = m ≥ deg G = n > j): the determinant of the first m + n − 2j columns
    /// of the rows e^(n−j−1)F, …, F, e^(m−j−1)G, …, G written in descending powers of b.
    static func principalSubresultant(_ f: [Polynomial], _ g: [Polynomial], _ j: Int) throws(Unable) -> Polynomial {
        let m = f.count - 1, n = g.count - 1
        let size = m + n - 2 * j
        var matrix = Array(repeating: Array(repeating: Polynomial.zero, count: size), count: size)
        for row in 0..<(n - j) {
            for k in 0...m where row + k < size { matrix[row][row + k] = f[m - k] }
        }
        for row in 0..<(m - j) {
            for k in 0...n where row + k < size { matrix[n - j + row][row + k] = g[n - k] }
        }
        // By evaluation and interpolation.
        return try MultivariatePolynomial.determinant(matrix)
    }
}

extension MultivariatePolynomial {
    /// The coefficients in v₁ (lowest first) as polynomials in v₀, or nil when another
    /// variable occurs.
    var univariateCoefficients: [Polynomial]? {
        var result: [Polynomial] = []
        for c in coefficients(in: 1) {
            guard let u = c.univariate else { return nil }
            result.append(u)
        }
        return result
    }

    /// Divided by the leading coefficient of its first term in a fixed order, so that
    /// constant multiples of one polynomial compare equal.
    var normalized: MultivariatePolynomial {
        guard let lead = terms.keys.max(by: { $0.lexicographicallyPrecedes($1) }) else { return self }
        return self * MultivariatePolynomial(terms[lead]!.reciprocal)
    }
}
