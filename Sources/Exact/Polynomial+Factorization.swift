/// Factorization of square-free polynomials over Q into irreducibles, by Zassenhaus's
/// algorithm (von zur Gathen and Gerhard, "Modern Computer Algebra", §15–16):
///
/// 1. f is made a primitive integer polynomial. A few odd primes p with p ∤ lc(f) and f mod p
///    square-free are tried; the distinct-degree factorization mod p gives the degrees of the
///    modular irreducible factors, hence the degrees a factor over Z can have (the subset sums),
///    intersected over the primes. If no degree strictly between 0 and deg f remains, f is
///    irreducible. Otherwise the prime with the fewest modular factors is used.
/// 2. The modular factors (Cantor–Zassenhaus) are lifted by Hensel's lemma to p^k > 2B, with B
///    the Mignotte bound 2ⁿ·‖f‖₂ on the coefficients of lc(f)/lc(g)·g for any factor g of f.
/// 3. Products of subsets of the lifted factors, by increasing size, are tried as factors by
///    exact division in Z[x]; a subset whose product divides is removed and the search goes on.
///
/// Quadratics and even quartics take closed forms instead (`closedFormIrreducibleFactors`).
/// Every factor returned has been checked by exact division, so the product of the factors is
/// always exactly the primitive part of f; the irreducibility claims rest on the bound.
/// Recombination is exponential in the number of modular factors, so it is capped: past
/// `maximumCandidates` trial products the answer is `nil` ("not factored"), never a guess;
/// so it is once a bound `Deadline` has passed (checked per prime, per lifting step and per
/// trial product).
extension Polynomial {
    /// The irreducible factors of p over Q, as primitive integer polynomials with positive
    /// leading coefficients whose product is `p.primitive`; `nil` when p is not square-free
    /// (detected as no good prime among those tried), when more than `maximumCandidates`
    /// subset products would be needed, or once a bound `Deadline` has passed.
    /// Precondition: deg p ≥ 1.
    public func irreducibleFactors(maximumCandidates: Int = 2048) -> [Polynomial]? {
        precondition(degree >= 1, "factoring a constant")
        guard degree > 1 else { return [primitive] }
        if let factors = closedFormIrreducibleFactors {
            return Set(factors).count == factors.count ? factors : nil  // a repeated factor: not square-free
        }
        let f = IntegerPolynomial(primitive)
        guard let modular = Self.modularFactorization(of: f) else { return nil }
        if modular.factors.isEmpty { return [primitive] }
        guard let (lifted, modulus) = Self.henselLifted(f, modular.factors, above: 2 * Self.mignotteBound(f))
        else { return nil }
        return Self.recombined(f, lifted, modulus: modulus, possibleDegrees: modular.possibleDegrees,
                               maximumCandidates: maximumCandidates)?.map(\.polynomial)
    }

    /// The largest safe primes p = 2q + 1 (q prime) below 2¹⁶: odd, so Cantor–Zassenhaus
    /// applies, small enough for `ModularPolynomial`'s arithmetic, and with few roots of unity
    /// mod p (only ±1 when q ∤ n), so binomials xⁿ − c split into few factors.
    static let factorizationPrimes: [UInt64] =
        Array(stride(from: UInt64(1 << 16) - 1, to: 1 << 15, by: -2).lazy.filter { $0.isPrime && ($0 / 2).isPrime }.prefix(12))

    /// How many good primes are compared before the one with the fewest factors is used:
    /// fewer for small degrees, where a distinct-degree factorization costs about as much
    /// as the whole rest.
    static func primesCompared(degree: Int) -> Int { degree <= 8 ? 1 : 3 }

    /// More modular factors than this are not recombined: an irreducible polynomial would need
    /// 2^(r−1) trial products.
    static let mostModularFactors = 16

    /// The modular irreducible factors (monic) for the best of a few good primes, and which
    /// degrees a factor of f over Z can have (index d is true when d is a subset sum of the
    /// modular degrees for every prime tried). No factors when that proves f irreducible;
    /// `nil` when no prime tried is good, when more than `mostModularFactors` would have
    /// to be recombined, or once a bound `Deadline` has passed.
    static func modularFactorization(of f: IntegerPolynomial)
        -> (factors: [ModularPolynomial], possibleDegrees: [Bool])? {
        let n = f.degree
        var possible = [Bool](repeating: true, count: n + 1)
        var best: (pattern: [(product: ModularPolynomial, degree: Int)], count: Int)?
        var compared = 0
        for p in factorizationPrimes where compared < primesCompared(degree: n) {
            if Deadline.hasPassed { return nil }
            let fp = ModularPolynomial(f.coefficients, modulus: p)
            guard fp.degree == n, fp.isSquareFree else { continue }
            compared += 1
            let pattern = fp.monic.distinctDegreeFactorization
            var sums = [Bool](repeating: false, count: n + 1)
            sums[0] = true
            var count = 0
            for (product, d) in pattern {
                for _ in 0..<(product.degree / d) {
                    count += 1
                    for s in stride(from: n - d, through: 0, by: -1) where sums[s] { sums[s + d] = true }
                }
            }
            for d in 0...n { possible[d] = possible[d] && sums[d] }
            if best == nil || count < best!.count { best = (pattern, count) }
            if count == 1 || !possible[1..<n].contains(true) { break }
        }
        guard let best, !Deadline.hasPassed else { return nil }
        if best.count == 1 || !possible[1..<n].contains(true) { return ([], possible) }
        guard best.count <= mostModularFactors else { return nil }
        var generator = SplitMix64(seed: 0x5A55E_4A05)
        let factors = best.pattern.flatMap { $0.product.equalDegreeFactors(degree: $0.degree, generator: &generator) }
        return (factors, possible)
    }

    /// 2ⁿ·(⌊‖f‖₂⌋ + 1) ≥ C(d, ⌊d/2⌋)·M(f): every coefficient of lc(f)/lc(g)·g, for a factor
    /// g of f of degree d ≤ n, is at most this (Mignotte; M(lc(f)/lc(g)·g) ≤ M(f) ≤ ‖f‖₂).
    static func mignotteBound(_ f: IntegerPolynomial) -> BigInt {
        let squares = f.coefficients.reduce(BigInt.zero) { $0 + $1 * $1 }
        return (squares.root(2).root + 1).shifted(by: f.degree)
    }

    /// Lifts f ≡ lc(f)·Π gᵢ (mod p), gᵢ monic and pairwise coprime, to f ≡ lc(f)·Π Gᵢ
    /// (mod m) with Gᵢ ≡ gᵢ (mod p) monic and m = p^k > `bound`: linear Hensel lifting with
    /// the partial-fraction cofactors sᵢ ≡ (Π_{j≠i} gⱼ)⁻¹ (mod gᵢ), for which
    /// Σ sᵢ Π_{j≠i} gⱼ = 1. With e = (f − lc·Π Gᵢ)/m mod p (degree < n), the corrections
    /// δᵢ = e·lc⁻¹·sᵢ mod gᵢ satisfy lc·Σ δᵢ Π_{j≠i} gⱼ ≡ e, so Gᵢ + m·δᵢ is right mod m·p.
    /// `nil` once a bound `Deadline` has passed.
    static func henselLifted(_ f: IntegerPolynomial, _ g: [ModularPolynomial], above bound: BigInt)
        -> (factors: [IntegerPolynomial], modulus: BigInt)? {
        let p = g[0].modulus, bigP = BigInt(Int(p))
        let lc = f.leadingCoefficient
        let lcInverse = ModularPolynomial([lc], modulus: p).leadingCoefficient.inverse(modulo: p)
        let cofactors = g.indices.map { i in
            g.indices.filter { $0 != i }
                .reduce(ModularPolynomial(constant: 1, modulus: p)) { ($0 * g[$1]).remainder(modulo: g[i]) }
                .inverse(modulo: g[i])!.scaled(by: lcInverse)
        }
        var lifted = g.map { IntegerPolynomial(integerCoefficients: $0.coefficients.map { BigInt(Int($0)) }) }
        var m = bigP
        let constant = IntegerPolynomial(integerCoefficients: [lc])
        while m <= bound {
            if Deadline.hasPassed { return nil }
            let next = m * bigP
            let error = (f - lifted.reduce(constant) { $0.times($1, modulo: next) }).coefficients
                .map { $0.floorRemainder(dividingBy: next).exactlyDivided(by: m) }
            let e = ModularPolynomial(error, modulus: p)
            if !e.isZero {
                for i in lifted.indices {
                    let delta = (e * cofactors[i]).remainder(modulo: g[i])
                    var c = lifted[i].coefficients
                    for (j, d) in delta.coefficients.enumerated() { c[j] += m * BigInt(Int(d)) }
                    lifted[i] = IntegerPolynomial(integerCoefficients: c)
                }
            }
            m = next
        }
        return (lifted, m)
    }

    /// Zassenhaus recombination: the factors of f over Z from its monic factors mod m (lifted
    /// past twice the Mignotte bound), trying subsets by increasing size; `nil` past
    /// `maximumCandidates` trial products or once a bound `Deadline` has passed. A subset is
    /// tried only if its degree is possible.
    static func recombined(_ f: IntegerPolynomial, _ lifted: [IntegerPolynomial], modulus m: BigInt,
                           possibleDegrees: [Bool], maximumCandidates: Int) -> [IntegerPolynomial]? {
        var rest = f, active = lifted, found: [IntegerPolynomial] = []
        var size = 1, candidates = 0
        search: while 2 * size <= active.count {
            for subset in Combinations(of: size, from: active.count) {
                let degree = subset.reduce(0) { $0 + active[$1].degree }
                guard possibleDegrees[degree] else { continue }
                candidates += 1
                if candidates > maximumCandidates || Deadline.hasPassed { return nil }
                // Cheap filter: a true factor's constant term divides lc·rest(0).
                let lc = rest.leadingCoefficient, target = lc * rest.coefficients[0]
                let constant = subset.reduce(lc) { ($0 * active[$1].coefficients[0]).floorRemainder(dividingBy: m) }
                    .symmetricResidue(modulo: m)
                if !target.isZero && (constant.isZero || !target.isDivisible(by: constant)) { continue }
                let candidate = subset.reduce(IntegerPolynomial(integerCoefficients: [lc])) { $0.times(active[$1], modulo: m) }
                    .symmetricResidues(modulo: m).primitivePart
                if let quotient = rest.exactQuotient(dividingBy: candidate) {
                    found.append(candidate)
                    rest = quotient
                    let chosen = Set(subset)
                    active = active.indices.filter { !chosen.contains($0) }.map { active[$0] }
                    continue search
                }
            }
            size += 1
        }
        return found + [rest]
    }
}

/// The k-element subsets of {0, …, n−1} as increasing index arrays, in lexicographic order.
struct Combinations: Sequence, IteratorProtocol {
    private var current: [Int]?
    private let n: Int

    init(of k: Int, from n: Int) {
        self.n = n
        current = k <= n ? Array(0..<k) : nil
    }

    mutating func next() -> [Int]? {
        guard let result = current else { return nil }
        var c = result, i = c.count - 1
        while i >= 0 && c[i] == n - c.count + i { i -= 1 }
        if i < 0 {
            current = nil
        } else {
            c[i] += 1
            for j in (i + 1)..<c.count { c[j] = c[j - 1] + 1 }
            current = c
        }
        return result
    }
}
