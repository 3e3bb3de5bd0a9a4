/// A Q-linear combination Σ cᵢ·mᵢ of distinct positive real radical monomials
/// (`RadicalMonomial`): the ring of sums of real radicals of rationals, in which a point built
/// from square, cube, fourth, sixth… roots of rationals lives.
///
/// Contract: the terms are sorted by monomial (a canonical order, independent of hashing) with
/// nonzero coefficients, so the representation of a number is unique (the monomials are
/// linearly independent over Q, see `RadicalMonomial`): the sum is 0 iff it has no terms and
/// rational iff its only monomial is 1. A nonzero sum's sign is therefore found by rigorous
/// enclosures at doubling precision, which must end; no defining polynomial is ever built.
struct RadicalSum: Hashable, Sendable {
    struct Term: Hashable, Sendable {
        let monomial: RadicalMonomial
        let coefficient: Rational
    }

    let terms: [Term]

    /// Sorts and merges terms with equal monomials, dropping zero coefficients.
    init(combining unsorted: [Term]) {
        var merged: [Term] = []
        for term in unsorted.sorted(by: { $0.monomial < $1.monomial }) {
            if let last = merged.last, last.monomial == term.monomial {
                merged[merged.count - 1] = Term(monomial: term.monomial, coefficient: last.coefficient + term.coefficient)
            } else {
                merged.append(term)
            }
        }
        terms = merged.filter { !$0.coefficient.isZero }
    }

    init(_ q: Rational) { self.init(combining: [Term(monomial: .one, coefficient: q)]) }

    /// c·m for a rational c and a monomial m.
    init(_ c: Rational, _ m: RadicalMonomial) { self.init(combining: [Term(monomial: m, coefficient: c)]) }

    static let zero = RadicalSum(.zero)
    static let one = RadicalSum(.one)

    var isZero: Bool { terms.isEmpty }

    /// The value when it is rational (no monomial but 1), else `nil`.
    var rationalValue: Rational? {
        if terms.isEmpty { return .zero }
        if terms.count == 1 && terms[0].monomial.isOne { return terms[0].coefficient }
        return nil
    }

    /// The single term c·m, when there is exactly one.
    var monomialTerm: Term? { terms.count == 1 ? terms[0] : nil }

    static func + (a: RadicalSum, b: RadicalSum) -> RadicalSum { RadicalSum(combining: a.terms + b.terms) }

    static prefix func - (a: RadicalSum) -> RadicalSum { a.scaled(by: -1) }

    static func - (a: RadicalSum, b: RadicalSum) -> RadicalSum { a + (-b) }

    func scaled(by c: Rational) -> RadicalSum {
        RadicalSum(combining: c.isZero ? [] : terms.map { Term(monomial: $0.monomial, coefficient: c * $0.coefficient) })
    }

    /// Always exact, even past a bound `Deadline` (equality rests on it, and the work is bounded
    /// by the number of monomials of the field).
    static func * (a: RadicalSum, b: RadicalSum) -> RadicalSum {
        var products: [Term] = []
        products.reserveCapacity(a.terms.count * b.terms.count)
        for s in a.terms {
            for t in b.terms {
                let (r, m) = s.monomial * t.monomial
                products.append(Term(monomial: m, coefficient: r * s.coefficient * t.coefficient))
            }
        }
        return RadicalSum(combining: products)
    }

    func power(_ n: Int) -> RadicalSum {
        var result = RadicalSum.one, base = self, k = n
        while k > 0 {
            if k & 1 == 1 { result = result * base }
            k >>= 1
            if k > 0 { base = base * base }
        }
        return result
    }

    /// An upper bound on the degree over Q of every number in the field the terms generate:
    /// the order of the group their monomials generate modulo rationals, bounded by the product
    /// of the monomials' orders (their indices) and by the product of the per-prime least
    /// common denominators of the exponents, whichever is smaller.
    var degreeBound: Int {
        func product(_ factors: [Int]) -> Int {
            factors.reduce(1) { p, d in
                let (result, overflow) = p.multipliedReportingOverflow(by: d)
                return overflow ? Int.max : result
            }
        }
        var denominators: [BigInt: BigInt] = [:]
        for term in terms {
            for (p, e) in zip(term.monomial.primes, term.monomial.exponents) {
                denominators[p] = BigInt.lcm(denominators[p] ?? .one, e.denominator)
            }
        }
        let perPrime = product(denominators.values.map { $0.intValue ?? Int.max })
        return Swift.min(perPrime, product(terms.map(\.monomial.index)))
    }

    /// A rigorous enclosure: Σ cᵢ·[mᵢ] with each monomial enclosed at `bits` plus guard bits
    /// for the coefficients' sizes.
    func enclosure(bits: Int) -> Interval {
        let guardBits = terms.reduce(8) { Swift.max($0, $1.coefficient.numerator.bitWidth - $1.coefficient.denominator.bitWidth + 8) }
        return terms.reduce(Interval(.zero)) { total, term in
            total + Interval(term.coefficient) * term.monomial.enclosure(bits: bits + guardBits)
        }
    }

    /// The exact sign. Nonzero sums are enclosed at 64, 128, 256… bits until the enclosure
    /// excludes 0, which must happen (the value is not 0); so it runs to completion whatever
    /// `Deadline` is bound.
    var signum: Int {
        if let q = rationalValue { return q.signum }
        var bits = 64
        while true {
            let enclosure = enclosure(bits: bits)
            if let s = enclosure.signum, s != 0 { return s }
            bits *= 2
        }
    }

    /// `c0 + c1*root(n1, k1) - …` in the parser's syntax: the rational term first, then the
    /// radicals in canonical order, coefficients ±1 left out.
    var text: String {
        guard !terms.isEmpty else { return "0" }
        var text = ""
        for term in terms {
            let c = term.coefficient
            let magnitude = c.magnitude
            let body: String
            if term.monomial.isOne {
                body = magnitude.description
            } else if magnitude == .one {
                body = term.monomial.text
            } else {
                body = (magnitude.isInteger ? magnitude.description : "(\(magnitude))") + "*" + term.monomial.text
            }
            if text.isEmpty {
                text = c.signum < 0 ? "-" + body : body
            } else {
                text += c.signum < 0 ? " - " + body : " + " + body
            }
        }
        return text
    }
}

extension RadicalSum {
    /// q^(1/k) for a rational q (q ≥ 0 or k odd) as a single term, when the numerator and the
    /// denominator factor completely (`BigInt.primeFactorization`); else `nil`.
    static func root(_ k: Int, of q: Rational) -> RadicalSum? {
        if q.isZero { return .zero }
        guard let n = q.numerator.magnitude.primeFactorization, let d = q.denominator.primeFactorization else { return nil }
        let powers = (n.map { ($0.prime, Rational($0.exponent)) } + d.map { ($0.prime, Rational(-$0.exponent)) })
            .sorted { $0.0 < $1.0 }
            .map { (prime: $0.0, exponent: $0.1 / Rational(k)) }
        let (c, m) = RadicalMonomial.splitting(powers)
        return RadicalSum(q.signum < 0 ? -c : c, m)
    }

    /// self^(1/k) for a single term c·m (c > 0 or k odd), when c factors; else `nil`.
    func root(_ k: Int) -> RadicalSum? {
        guard let term = monomialTerm, let c = RadicalSum.root(k, of: term.coefficient)?.monomialTerm else { return nil }
        let (r, m) = c.monomial * term.monomial.root(k)
        return RadicalSum(r * c.coefficient, m)
    }
}
