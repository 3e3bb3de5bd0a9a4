/// A quotient of two sums of real radicals (`RadicalSum`), n/d with d ≠ 0: the field of
/// fractions of the radical ring, so field operations — the pivots of an exact LP among them —
/// stay in it without building a defining polynomial.
///
/// Contract: d is never a single term (a single term c·m is inverted into the numerator,
/// 1/m being a rational times a monomial), so a fraction whose denominator is 1 is the unique
/// `RadicalSum`. Otherwise the representation is not unique, but equality and rationality are
/// exact: n/d = n′/d′ iff n·d′ − n′·d = 0, and n/d is rational iff n = q·d for a rational q
/// (same monomials, proportional coefficients).
struct RadicalFraction: Hashable, Sendable {
    let numerator: RadicalSum
    let denominator: RadicalSum

    /// n/d, normalized. Precondition: d ≠ 0.
    init(_ n: RadicalSum, over d: RadicalSum) {
        precondition(!d.isZero, "division by zero")
        if let term = d.monomialTerm {
            let (r, m) = term.monomial.reciprocal
            numerator = n * RadicalSum(r / term.coefficient, m)
            denominator = .one
        } else {
            // The denominator's first coefficient is made 1 (a canonical scale).
            let scale = d.terms[0].coefficient.reciprocal
            numerator = n.scaled(by: scale)
            denominator = d.scaled(by: scale)
        }
    }

    init(_ n: RadicalSum) { self.init(n, over: .one) }

    init(_ q: Rational) { self.init(RadicalSum(q)) }

    /// The value when it is rational, else `nil`.
    var rationalValue: Rational? {
        if numerator.isZero { return .zero }
        if let q = numerator.rationalValue, denominator == .one { return q }
        guard numerator.terms.count == denominator.terms.count else { return nil }
        let q = numerator.terms[0].coefficient / denominator.terms[0].coefficient
        for (s, t) in zip(numerator.terms, denominator.terms) where s.monomial != t.monomial || s.coefficient != q * t.coefficient {
            return nil
        }
        return q
    }

    static func + (a: RadicalFraction, b: RadicalFraction) -> RadicalFraction {
        if a.denominator == b.denominator { return RadicalFraction(a.numerator + b.numerator, over: a.denominator) }
        return RadicalFraction(a.numerator * b.denominator + b.numerator * a.denominator, over: a.denominator * b.denominator)
    }

    static prefix func - (a: RadicalFraction) -> RadicalFraction { RadicalFraction(-a.numerator, over: a.denominator) }

    static func - (a: RadicalFraction, b: RadicalFraction) -> RadicalFraction { a + (-b) }

    static func * (a: RadicalFraction, b: RadicalFraction) -> RadicalFraction {
        RadicalFraction(a.numerator * b.numerator, over: a.denominator * b.denominator)
    }

    /// 1/self. Precondition: self ≠ 0.
    var reciprocal: RadicalFraction { RadicalFraction(denominator, over: numerator) }

    func scaled(by c: Rational) -> RadicalFraction { RadicalFraction(numerator.scaled(by: c), over: denominator) }

    func power(_ n: Int) -> RadicalFraction {
        n < 0 ? reciprocal.power(-n) : RadicalFraction(numerator.power(n), over: denominator.power(n))
    }

    /// self^(1/k) when self is a single term c·m (c > 0 or k odd) with c factorable; else `nil`.
    func root(_ k: Int) -> RadicalFraction? {
        guard denominator == .one, let r = numerator.root(k) else { return nil }
        return RadicalFraction(r)
    }

    var isZero: Bool { numerator.isZero }

    /// The exact sign (see `RadicalSum.signum`).
    var signum: Int { numerator.signum * denominator.signum }

    /// An upper bound on the degree over Q (see `RadicalSum.degreeBound`).
    var degreeBound: Int {
        RadicalSum(combining: numerator.terms + denominator.terms.map { .init(monomial: $0.monomial, coefficient: 1) }).degreeBound
    }

    /// A rigorous enclosure of width at most 2^(−bits): the quotient of the two sums'
    /// enclosures, at rising precision.
    func enclosure(bits: Int) -> Interval {
        let target = Rational.one.timesPowerOfTwo(-bits)
        var precision = bits + 8
        while true {
            let n = numerator.enclosure(bits: precision)
            if denominator == .one, n.width <= target { return n }
            if denominator != .one, let quotient = n / denominator.enclosure(bits: precision),
               quotient.width <= target {
                return quotient
            }
            precision *= 2
        }
    }

    /// `n` or `(n)/(d)` in the parser's syntax.
    var text: String {
        denominator == .one ? numerator.text : "(\(numerator.text))/(\(denominator.text))"
    }
}
