/// Rational roots of polynomials, found exactly without enumerating divisors of the
/// coefficients: a cheap modular test first rules them out in most cases; otherwise every
/// real root is isolated and its one possible rational value tested.
extension Polynomial {
    /// The rational roots of p (increasing) and the primitive square-free part of p with
    /// their linear factors divided out. Each real root is isolated and tested exactly
    /// (`SignChange.rationalValue`), so no divisor enumeration of the coefficients is needed.
    /// Past a bound `Deadline`, throws `Unable`. Precondition: p ≠ 0.
    public var splittingOffRationalRoots: (roots: [Rational], rest: Polynomial) {
        get throws(Unable) {
            let (roots, rest, _) = try splittingOffRationalRootsWithChain
            return (roots, rest)
        }
    }

    /// `splittingOffRationalRoots` and a Sturm chain of the rest (nil for a constant);
    /// throws `Unable` once a bound `Deadline` has passed during the root isolation.
    var splittingOffRationalRootsWithChain: (roots: [Rational], rest: Polynomial, chain: SturmChain?) {
        get throws(Unable) {
            var rest = try checkedSquareFreePart().primitive
            guard rest.degree >= 1 else { return ([], rest, nil) }
            let chain = try SturmChain(rest)
            guard rest.mayHaveRationalRoots else { return ([], rest, chain) }
            let roots: [Rational]
            if rest.degree <= 2 {
                roots = rest.lowDegreeRationalRoots
            } else {
                let lead = rest.leadingCoefficient
                // A power of two above the Cauchy bound keeps bisection points dyadic.
                let bound = Rational.one.timesPowerOfTwo(rest.cauchyBound.ceiling.bitWidth)
                var found: [Rational] = []
                for interval in try chain.isolateRoots(in: Interval(lower: -bound, upper: bound)) {
                    var root = SignChange(chain.terms[0], interval)
                    if let r = try root.rationalValue(leadingCoefficient: lead) { found.append(r) }
                }
                roots = found
            }
            guard !roots.isEmpty else { return ([], rest, chain) }
            for r in roots { rest = rest.divided(by: Polynomial(coefficients: [-r, 1])).quotient }
            rest = rest.primitive
            return (roots, rest, rest.degree >= 1 ? try SturmChain(rest) : nil)
        }
    }

    /// The rational roots of a square-free linear or quadratic polynomial, increasing, in
    /// closed form: −c/b for bx + c; for ax² + bx + c, (−b ± √D)/(2a) when D = b² − 4ac is
    /// a perfect square, else none. (Found by bisection instead, a root takes about log₂ a
    /// sign evaluations: 330 000 for a = 10^100000.) Precondition: degree 1 or 2.
    var lowDegreeRationalRoots: [Rational] {
        precondition(degree == 1 || degree == 2, "not linear or quadratic")
        if degree == 1 { return [-coefficients[0] / coefficients[1]] }
        let integers = IntegerPolynomial(self).coefficients
        let (c, b, a) = (integers[0], integers[1], integers[2])
        let discriminant = b * b - BigInt(4) * a * c
        guard discriminant.signum > 0 else { return [] }
        let (s, exact) = discriminant.root(2)
        guard exact else { return [] }
        return [Rational(-b - s, BigInt(2) * a), Rational(-b + s, BigInt(2) * a)].sorted()
    }

    /// False only when p provably has no rational root (p taken with coprime integer
    /// coefficients): a root
    /// u/v in lowest terms has v | aₙ, so for a prime ℓ ∤ aₙ it gives the root u·v⁻¹ of
    /// p mod ℓ; a prime with no root of p mod ℓ rules rational roots out.
    var mayHaveRationalRoots: Bool {
        let integers = IntegerPolynomial(self).coefficients
        for prime in [3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59] {
            let modulus = BigInt(prime)
            let residues = integers.map { $0.floorRemainder(dividingBy: modulus).intValue! }
            guard residues.last != 0 else { continue }
            let hasRoot = (0..<prime).contains { t in
                residues.reversed().reduce(0) { ($0 * t + $1) % prime } == 0
            }
            if !hasRoot { return false }
        }
        return true
    }
}

extension SignChange {
    /// The root if it is rational, else `nil`, for a primitive integer polynomial with
    /// leading coefficient `lead`. A rational root u/v (lowest terms) has v | lead, so
    /// lead·u/v is an integer; once the interval is narrower than 1/lead, the only candidate
    /// is the one integer multiple of 1/lead inside it. Leaves the interval that narrow.
    /// Past a bound `Deadline`, throws `Unable` (the bisections stop).
    mutating func rationalValue(leadingCoefficient lead: Rational) throws(Unable) -> Rational? {
        if lower == upper { return lower }
        let step = lead.reciprocal
        while width >= step {
            try Deadline.check(while: "testing a real root of a polynomial of degree \(polynomial.degree) for a rational value")
            if let exact = bisect() { return exact }
        }
        let candidate = Rational((lower * lead).floor + 1) * step
        return side(of: candidate) == 0 ? candidate : nil
    }
}
