/// Rational roots of polynomials, found exactly without enumerating divisors of the
/// coefficients: a cheap modular test first rules them out in most cases; otherwise every
/// real root is isolated and its one possible rational value tested.
extension Polynomial {
    /// The rational roots of p (increasing) and the primitive square-free part of p with
    /// their linear factors divided out. Each real root is isolated and tested exactly
    /// (`SignChange.rationalValue`), so no divisor enumeration of the coefficients is needed.
    /// Precondition: p ≠ 0.
    public var splittingOffRationalRoots: (roots: [Rational], rest: Polynomial) {
        let (roots, rest, _) = splittingOffRationalRootsWithChain
        return (roots, rest)
    }

    /// `splittingOffRationalRoots` and a Sturm chain of the rest (nil for a constant).
    var splittingOffRationalRootsWithChain: (roots: [Rational], rest: Polynomial, chain: SturmChain?) {
        var rest = squareFreePart.primitive
        guard rest.degree >= 1 else { return ([], rest, nil) }
        let chain = SturmChain(rest)
        guard rest.mayHaveRationalRoots else { return ([], rest, chain) }
        let lead = rest.leadingCoefficient
        // A power of two above the Cauchy bound keeps bisection points dyadic.
        let bound = Rational.one.timesPowerOfTwo(rest.cauchyBound.ceiling.bitWidth)
        let roots = chain.isolateRoots(in: Interval(lower: -bound, upper: bound)).compactMap {
            var root = SignChange(chain.terms[0], $0)
            return root.rationalValue(leadingCoefficient: lead)
        }
        guard !roots.isEmpty else { return ([], rest, chain) }
        for r in roots { rest = rest.divided(by: Polynomial(coefficients: [-r, 1])).quotient }
        rest = rest.primitive
        return (roots, rest, rest.degree >= 1 ? SturmChain(rest) : nil)
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
    mutating func rationalValue(leadingCoefficient lead: Rational) -> Rational? {
        if lower == upper { return lower }
        let step = lead.reciprocal
        while width >= step {
            if let exact = bisect() { return exact }
        }
        let candidate = Rational((lower * lead).floor + 1) * step
        return side(of: candidate) == 0 ? candidate : nil
    }
}
