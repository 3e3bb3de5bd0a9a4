/// Factorization of square-free polynomials over Z/pZ (p an odd prime): distinct-degree
/// factorization, then Cantor–Zassenhaus equal-degree splitting (von zur Gathen and Gerhard,
/// "Modern Computer Algebra", Algorithms 14.3 and 14.8).
extension ModularPolynomial {
    /// Whether f is square-free: gcd(f, f′) = 1.
    var isSquareFree: Bool { ModularPolynomial.gcd(self, derivative).degree == 0 }

    /// The distinct-degree factorization of a monic square-free f: pairs (g, d), where g is
    /// the product of all monic irreducible factors of f of degree d (one pair per d that
    /// occurs, d increasing). Uses x^(pᵈ) − x = Π of the monic irreducibles of degree dividing d;
    /// x^(p^(d+1)) = x^(pᵈ)∘x^p is a composition, cheaper than a p-th power.
    var distinctDegreeFactorization: [(product: ModularPolynomial, degree: Int)] {
        let x = ModularPolynomial.x(modulus: modulus)
        var frobenius = x.power(modulus, modulo: self)
        var rest = self, h = frobenius, result: [(ModularPolynomial, Int)] = []
        var d = 1
        while 2 * d <= rest.degree {
            if d > 1 { h = h.composed(with: frobenius, modulo: rest) }
            let g = ModularPolynomial.gcd(h - x, rest)
            if g.degree > 0 {
                result.append((g, d))
                rest = rest.divided(by: g).quotient
                h = h.remainder(modulo: rest)
                frobenius = frobenius.remainder(modulo: rest)
            }
            d += 1
        }
        if rest.degree > 0 { result.append((rest.monic, rest.degree)) }
        return result
    }

    /// The monic irreducible factors of a monic square-free g whose irreducible factors all
    /// have degree d (p odd). A random a splits g by gcd(a^((pᵈ−1)/2) − 1, g) with
    /// probability ≥ 1/2; `generator` makes the search reproducible.
    func equalDegreeFactors(degree d: Int, generator: inout SplitMix64) -> [ModularPolynomial] {
        guard degree > d else { return [self] }
        let frobenius = ModularPolynomial.x(modulus: modulus).power(modulus, modulo: self)
        return equalDegreeFactors(degree: d, frobenius: frobenius, generator: &generator)
    }

    /// `equalDegreeFactors` given x^p mod g (its remainders serve every factor of g).
    private func equalDegreeFactors(degree d: Int, frobenius: ModularPolynomial,
                                    generator: inout SplitMix64) -> [ModularPolynomial] {
        guard degree > d else { return [self] }
        let one = ModularPolynomial(constant: 1, modulus: modulus)
        while true {
            let a = ModularPolynomial(residues: (0..<degree).map { _ in generator.next() % modulus },
                                      modulus: modulus)
            guard a.degree >= 1 else { continue }
            // a^((pᵈ−1)/2) = (a · a^p · … · a^(p^(d−1)))^((p−1)/2): a norm, then a power;
            // a^(p^i) = a(x^(p^i)) with x^(p^i) = x^(p^(i−1))∘x^p.
            var norm = a, xPower = frobenius
            for _ in 1..<d {
                norm = norm.times(a.composed(with: xPower, modulo: self), modulo: self)
                xPower = xPower.composed(with: frobenius, modulo: self)
            }
            let b = norm.power((modulus - 1) / 2, modulo: self)
            let g = ModularPolynomial.gcd(b - one, self)
            if g.degree > 0 && g.degree < degree {
                let h = divided(by: g).quotient.monic
                return g.equalDegreeFactors(degree: d, frobenius: frobenius.remainder(modulo: g), generator: &generator)
                    + h.equalDegreeFactors(degree: d, frobenius: frobenius.remainder(modulo: h), generator: &generator)
            }
        }
    }

    /// The monic irreducible factors of a monic square-free f (p odd), by degree.
    func irreducibleFactors(generator: inout SplitMix64) -> [ModularPolynomial] {
        distinctDegreeFactorization.flatMap { $0.product.equalDegreeFactors(degree: $0.degree, generator: &generator) }
    }
}
