/// The ring operations of Z[x] needed by factorization: products (optionally reduced modulo
/// an integer), exact division by an integer and by a polynomial, and symmetric residues.
extension IntegerPolynomial {
    /// Σ coefficients[i]·xⁱ, trailing zeros dropped.
    init(integerCoefficients c: [BigInt]) {
        var c = c
        while let last = c.last, last.isZero { c.removeLast() }
        coefficients = c
    }

    /// The rational polynomial with the same coefficients.
    var polynomial: Polynomial { Polynomial(coefficients: coefficients.map { Rational($0) }) }

    var leadingCoefficient: BigInt { coefficients.last ?? .zero }

    static func - (f: IntegerPolynomial, g: IntegerPolynomial) -> IntegerPolynomial {
        var c = f.coefficients + [BigInt](repeating: .zero, count: max(0, g.coefficients.count - f.coefficients.count))
        for (i, b) in g.coefficients.enumerated() { c[i] -= b }
        return IntegerPolynomial(integerCoefficients: c)
    }

    /// The product; with `modulus` m, every coefficient is reduced into 0..<m.
    func times(_ g: IntegerPolynomial, modulo m: BigInt? = nil) -> IntegerPolynomial {
        guard !coefficients.isEmpty, !g.coefficients.isEmpty else { return IntegerPolynomial(integerCoefficients: []) }
        var c = [BigInt](repeating: .zero, count: coefficients.count + g.coefficients.count - 1)
        for (i, a) in coefficients.enumerated() where !a.isZero {
            for (j, b) in g.coefficients.enumerated() where !b.isZero { c[i + j] += a * b }
        }
        if let m { c = c.map { $0.floorRemainder(dividingBy: m) } }
        return IntegerPolynomial(integerCoefficients: c)
    }

    /// Each coefficient reduced into the symmetric range (−m/2, m/2].
    func symmetricResidues(modulo m: BigInt) -> IntegerPolynomial {
        IntegerPolynomial(integerCoefficients: coefficients.map { $0.symmetricResidue(modulo: m) })
    }

    /// The quotient q with self = q·g when g divides self in Z[x], else `nil` (stops at the
    /// first coefficient that does not divide). Precondition: g ≠ 0.
    func exactQuotient(dividingBy g: IntegerPolynomial) -> IntegerPolynomial? {
        precondition(!g.coefficients.isEmpty, "division by the zero polynomial")
        let n = g.coefficients.count - 1
        guard coefficients.count - 1 >= n else { return coefficients.isEmpty ? self : nil }
        var r = coefficients
        var q = [BigInt](repeating: .zero, count: r.count - n)
        let lead = g.leadingCoefficient
        for k in q.indices.reversed() {
            let top = r[k + n]
            guard !top.isZero else { continue }
            guard top.isDivisible(by: lead) else { return nil }
            let t = top.exactlyDivided(by: lead)
            q[k] = t
            for (j, b) in g.coefficients.enumerated() where !b.isZero { r[k + j] -= t * b }
        }
        guard r.prefix(n).allSatisfy(\.isZero) else { return nil }
        return IntegerPolynomial(integerCoefficients: q)
    }

    /// ±self/gcd of the coefficients, with a positive leading coefficient.
    var primitivePart: IntegerPolynomial {
        guard !coefficients.isEmpty else { return self }
        var g = coefficients.reduce(BigInt.zero) { BigInt.gcd($0, $1) }
        if leadingCoefficient.signum < 0 { g = -g }
        return IntegerPolynomial(integerCoefficients: coefficients.map { $0.exactlyDivided(by: g) })
    }
}

extension BigInt {
    /// The residue of self modulo m > 0 in the symmetric range (−m/2, m/2].
    func symmetricResidue(modulo m: BigInt) -> BigInt {
        let r = floorRemainder(dividingBy: m)
        return m.floorDivided(by: 2) < r ? r - m : r
    }
}
