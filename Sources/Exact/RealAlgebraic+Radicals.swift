/// Real algebraic numbers in the field of real radicals of rationals.
///
/// A real k-th root of a rational whose numerator and denominator factor by trial division is
/// stored as a `RadicalFraction` (`.radical` storage), and sums, products, quotients, integer
/// powers and roots of single terms among such numbers and rationals stay there: the field of
/// the claim (Q(2^(1/2), 7^(1/6), …)) is never left, no defining polynomial is composed, and
/// signs come from rigorous enclosures, exact because zero is recognised exactly
/// (`RadicalMonomial`: distinct monomials are linearly independent over Q). Only when such a
/// number meets an algebraic number of another kind (a root of a general polynomial), or when
/// its defining polynomial is asked for, is it converted (`polynomialForm`) by the general
/// composed-polynomial arithmetic — the way every number was computed before.
extension RealAlgebraic {
    /// The number a radical fraction denotes: `.rational` when it is rational (the storage
    /// invariant), else `.radical`.
    init(radical r: RadicalFraction) {
        if let q = r.rationalValue { self.init(q) } else { self.init(storage: .radical(r)) }
    }

    /// The radical fraction of a rational or a radical number; `nil` for a root of a
    /// general polynomial.
    var radicalForm: RadicalFraction? {
        switch storage {
        case .rational(let q): RadicalFraction(q)
        case .radical(let r): r
        case .irrational: nil
        }
    }

    /// Whether the number is held as a radical fraction.
    public var isRadical: Bool {
        if case .radical = storage { return true }
        return false
    }

    /// The same number as a root of a defining polynomial with an isolating interval:
    /// each monomial n^(1/L) is the real root of L-th roots of n (`polynomialRoot`), combined
    /// by the composed-polynomial arithmetic. Rationals and polynomial roots are returned as
    /// they are.
    public var polynomialForm: RealAlgebraic {
        guard case .radical(let r) = storage else { return self }
        func value(_ s: RadicalSum) -> RealAlgebraic {
            s.terms.reduce(RealAlgebraic(Rational.zero)) { total, term in
                let (n, k) = term.monomial.radicand
                let m = term.monomial.isOne ? RealAlgebraic(Rational.one) : RealAlgebraic.polynomialRoot(k, of: Rational(n))
                return total + m.scaled(by: term.coefficient)
            }
        }
        let n = value(r.numerator)
        return r.denominator == .one ? n : n * value(r.denominator).reciprocal
    }

    /// An upper bound on the degree over Q: the defining polynomial's degree, or for a radical
    /// number `RadicalFraction.degreeBound` (computed without a defining polynomial).
    public var degreeBound: Int {
        switch storage {
        case .rational: 1
        case .radical(let r): r.degreeBound
        case .irrational(let p, _): p.degree
        }
    }

    /// The number in the parser's syntax (`1/2 + (3/2)*sqrt(2)`, `root(28, 3)`) when it is
    /// held as a sum or quotient of radicals; `nil` otherwise.
    public var radicalText: String? {
        if case .radical(let r) = storage { return r.text }
        return nil
    }
}
