/// The positive factor shared by the summands of an expression through its powers with
/// symbolic exponents (exponents with a parameter, such as 3^(4/k) or (k + 1)^(1/k)).
///
/// A power b^e with a symbolic exponent is defined only where b > 0, so b^s > 0 there for any
/// s; the *symbolic part* of a term is Π b^s over its factors b^e with symbolic exponents,
/// where s is e without its constant term (3^(4/k − 2) has symbolic part 3^(4/k)). When every
/// summand has the same symbolic part M, the expression is M times a quotient whose powers
/// have constant exponents: M > 0 wherever the expression is defined, so M can be taken out
/// of powers, and a sign is that of the quotient.
extension Expr {
    /// The content M (see the type's comment) and the quotient self/M, when M is not 1: for a
    /// product its own symbolic part, for a sum the symbolic part all of its summands share
    /// (the constant term must then be 0). nil for other expressions.
    var dividedBySymbolicPowerContent: (content: Expr, quotient: Expr)? {
        let terms: [(Expr, Constant)]
        switch self {
        case .product: terms = [(self, .one)]
        case .sum(let c, let summands) where c.isZero: terms = Expr.inPrintedOrder(summands).map { ($0.key, $0.value) }
        default: return nil
        }
        let part = terms[0].0.symbolicPart
        guard !part.isEmpty, terms.allSatisfy({ $0.0.symbolicPart == part }) else { return nil }
        let content = Expr.product(Expr.inPrintedOrder(part).map { Expr.product(.one, [$0.key: $0.value]) })
        let inverse = Expr.product(Expr.inPrintedOrder(part).map { Expr.product(.one, [$0.key: -$0.value]) })
        return (content, Expr.sum(terms.map { Expr($0.1) * $0.0 * inverse }))
    }

    /// The symbolic part of a term, as base ↦ the exponent's symbolic part (empty: 1).
    private var symbolicPart: [Expr: Expr] {
        guard case .product(_, let factors) = self else { return [:] }
        var part: [Expr: Expr] = [:]
        for (base, e) in factors where !e.parameters.isEmpty {
            if case .sum(let c, _) = e { part[base] = e - Expr(c) } else { part[base] = e }
        }
        return part
    }
}
