/// A polynomial over the prime field Z/pZ, for the modular steps of factorization over Z.
///
/// Contract: the modulus p is a prime below 2¹⁶, so sums of up to 2³² products of residues
/// fit in a `UInt64`; `coefficients` are residues in 0..<p from the constant term up and never end in
/// a zero (the zero polynomial has none and degree −1), so equality is coefficientwise.
/// Primality is the caller's promise (`UInt64.isPrime` checks it); without it inverses fail.
struct ModularPolynomial: Equatable, Sendable {
    let modulus: UInt64
    private(set) var coefficients: [UInt64]

    /// Σ coefficients[i]·xⁱ mod p; the coefficients must already be residues.
    init(residues: consuming [UInt64], modulus: UInt64) {
        var c = residues
        while let last = c.last, last == 0 { c.removeLast() }
        self.modulus = modulus
        coefficients = c
    }

    /// The reduction of an integer polynomial modulo p.
    init(_ integers: [BigInt], modulus: UInt64) {
        let p = BigInt(Int(modulus))
        self.init(residues: integers.map { UInt64($0.floorRemainder(dividingBy: p).intValue!) },
                  modulus: modulus)
    }

    /// The constant c mod p.
    init(constant c: UInt64, modulus: UInt64) { self.init(residues: [c % modulus], modulus: modulus) }

    /// The polynomial x.
    static func x(modulus: UInt64) -> ModularPolynomial { ModularPolynomial(residues: [0, 1], modulus: modulus) }

    var degree: Int { coefficients.count - 1 }
    var isZero: Bool { coefficients.isEmpty }
    var leadingCoefficient: UInt64 { coefficients.last ?? 0 }

    static func + (f: ModularPolynomial, g: ModularPolynomial) -> ModularPolynomial {
        let p = f.modulus
        var c = [UInt64](repeating: 0, count: max(f.coefficients.count, g.coefficients.count))
        for (i, a) in f.coefficients.enumerated() { c[i] = a }
        for (i, b) in g.coefficients.enumerated() { c[i] = (c[i] + b) % p }
        return ModularPolynomial(residues: c, modulus: p)
    }

    static prefix func - (f: ModularPolynomial) -> ModularPolynomial {
        ModularPolynomial(residues: f.coefficients.map { $0 == 0 ? 0 : f.modulus - $0 }, modulus: f.modulus)
    }

    static func - (f: ModularPolynomial, g: ModularPolynomial) -> ModularPolynomial { f + (-g) }

    /// The product; residues below 2¹⁶ make each term below 2³², so a coefficient sums up
    /// to 2³² terms before the one reduction at the end.
    static func * (f: ModularPolynomial, g: ModularPolynomial) -> ModularPolynomial {
        let p = f.modulus
        guard !f.isZero, !g.isZero else { return ModularPolynomial(residues: [], modulus: p) }
        var c = [UInt64](repeating: 0, count: f.coefficients.count + g.coefficients.count - 1)
        c.withUnsafeMutableBufferPointer { c in
            g.coefficients.withUnsafeBufferPointer { g in
                for (i, a) in f.coefficients.enumerated() where a != 0 {
                    for j in 0..<g.count { c[i + j] &+= a &* g[j] }
                }
            }
            for k in 0..<c.count { c[k] %= p }
        }
        return ModularPolynomial(residues: c, modulus: p)
    }

    /// c·f.
    func scaled(by c: UInt64) -> ModularPolynomial {
        ModularPolynomial(residues: coefficients.map { $0 * (c % modulus) % modulus }, modulus: modulus)
    }

    /// f divided by its leading coefficient. Precondition: f ≠ 0.
    var monic: ModularPolynomial {
        precondition(!isZero, "the zero polynomial has no monic multiple")
        return scaled(by: leadingCoefficient.inverse(modulo: modulus))
    }

    /// f′.
    var derivative: ModularPolynomial {
        ModularPolynomial(residues: coefficients.indices.dropFirst().map { UInt64($0) % modulus * coefficients[$0] % modulus },
                          modulus: modulus)
    }

    /// The unique (q, r) with f = q·d + r and deg r < deg d. Precondition: d ≠ 0.
    func divided(by d: ModularPolynomial) -> (quotient: ModularPolynomial, remainder: ModularPolynomial) {
        let (q, r) = longDivision(by: d, formingQuotient: true)
        return (ModularPolynomial(residues: q, modulus: modulus), r)
    }

    /// f mod d (the quotient is not formed). Precondition: d ≠ 0.
    func remainder(modulo d: ModularPolynomial) -> ModularPolynomial {
        longDivision(by: d, formingQuotient: false).remainder
    }

    /// Long division by d; the quotient's coefficients are empty unless `formingQuotient`.
    /// Each step subtracts t·d with one reduction per term: r + p² − t·b stays below 2³³.
    private func longDivision(by d: ModularPolynomial, formingQuotient: Bool)
        -> (quotient: [UInt64], remainder: ModularPolynomial) {
        precondition(!d.isZero, "division by the zero polynomial")
        let p = modulus, n = d.degree
        guard degree >= n else { return ([], self) }
        var r = coefficients
        var q = [UInt64](repeating: 0, count: formingQuotient ? degree - n + 1 : 0)
        let inverseLead = d.leadingCoefficient == 1 ? 1 : d.leadingCoefficient.inverse(modulo: p)
        let pSquared = p * p
        r.withUnsafeMutableBufferPointer { r in
            d.coefficients.withUnsafeBufferPointer { b in
                for k in stride(from: r.count - 1 - n, through: 0, by: -1) {
                    let t = r[k + n] * inverseLead % p
                    guard t != 0 else { continue }
                    if formingQuotient { q[k] = t }
                    for j in 0..<n { r[k + j] = (r[k + j] + pSquared - t * b[j]) % p }
                    r[k + n] = 0
                }
            }
        }
        return (q, ModularPolynomial(residues: Array(r.prefix(n)), modulus: p))
    }

    /// The monic greatest common divisor (zero when both are zero).
    static func gcd(_ f: ModularPolynomial, _ g: ModularPolynomial) -> ModularPolynomial {
        var (a, b) = (f, g)
        while !b.isZero { (a, b) = (b, a.remainder(modulo: b)) }
        return a.isZero ? a : a.monic
    }

    /// The s with s·f ≡ 1 mod m (deg s < deg m), when gcd(f, m) = 1; else `nil`.
    /// By the extended Euclidean algorithm on (m, f), tracking f's cofactor.
    func inverse(modulo m: ModularPolynomial) -> ModularPolynomial? {
        let zero = ModularPolynomial(residues: [], modulus: modulus)
        var (r0, r1) = (m, remainder(modulo: m))
        var (t0, t1) = (zero, ModularPolynomial(constant: 1, modulus: modulus))
        while !r1.isZero {
            let (q, r) = r0.divided(by: r1)
            (r0, r1) = (r1, r)
            (t0, t1) = (t1, t0 - q * t1)
        }
        guard r0.degree == 0 else { return nil }
        return t0.scaled(by: r0.leadingCoefficient.inverse(modulo: modulus)).remainder(modulo: m)
    }

    /// fⁿ mod m, by repeated squaring.
    func power(_ n: UInt64, modulo m: ModularPolynomial) -> ModularPolynomial {
        var result = ModularPolynomial(constant: 1, modulus: modulus).remainder(modulo: m)
        var base = remainder(modulo: m), k = n
        while k > 0 {
            if k & 1 == 1 { result = result.times(base, modulo: m) }
            k >>= 1
            if k > 0 { base = base.times(base, modulo: m) }
        }
        return result
    }

    /// f(h) mod m, by Horner's rule (deg f multiplications mod m).
    func composed(with h: ModularPolynomial, modulo m: ModularPolynomial) -> ModularPolynomial {
        coefficients.reversed().reduce(ModularPolynomial(residues: [], modulus: modulus)) {
            $0.times(h, modulo: m) + ModularPolynomial(constant: $1, modulus: modulus)
        }
    }

    /// f·g mod m.
    func times(_ g: ModularPolynomial, modulo m: ModularPolynomial) -> ModularPolynomial {
        (self * g).remainder(modulo: m)
    }
}

extension UInt64 {
    /// a⁻¹ mod p for a prime p ∤ a, by the extended Euclidean algorithm.
    func inverse(modulo p: UInt64) -> UInt64 {
        var (r0, r1) = (Int64(p), Int64(self % p))
        var (t0, t1) = (Int64(0), Int64(1))
        while r1 != 0 {
            let q = r0 / r1
            (r0, r1) = (r1, r0 - q * r1)
            (t0, t1) = (t1, t0 - q * t1)
        }
        precondition(r0 == 1, "not invertible modulo \(p)")
        return UInt64(t0 < 0 ? t0 + Int64(p) : t0)
    }

    /// Whether self is prime, by trial division (meant for moduli below 2³²).
    var isPrime: Bool {
        guard self >= 2 else { return false }
        if self < 4 { return true }
        if self % 2 == 0 { return false }
        var d: UInt64 = 3
        while d * d <= self {
            if self % d == 0 { return false }
            d += 2
        }
        return true
    }
}
