import Exact

extension Expr {
    /// The derivative with respect to the parameter `name`, in canonical form; `nil` when a
    /// relu, leaky relu, abs, max or min has an argument depending on `name` (those are not
    /// differentiable at their kinks; the cell decomposition handles them instead).
    ///
    /// Rules: (Σ aᵢtᵢ)′ = Σ aᵢtᵢ′; (b^e)′ = e·b^(e−1)·b′ for e free of the parameter and
    /// b^e·(e′·log b + e·b′/b) otherwise; exp(u)′ = exp(u)·u′; log(u)′ = u′/u.
    public func derivative(withRespectTo name: String) -> Expr? {
        guard parameters.contains(name) else { return .zero }
        switch self {
        case .constant: return .zero
        case .parameter(let p): return p == name ? .one : .zero
        case .sum(_, let terms):
            var parts: [Expr] = []
            for (term, a) in Expr.inPrintedOrder(terms) {
                guard let d = term.derivative(withRespectTo: name) else { return nil }
                parts.append(Expr(a) * d)
            }
            return .sum(parts)
        case .product(let a, let factors):
            var parts: [Expr] = []
            let entries = Expr.inPrintedOrder(factors)
            for (i, (base, exponent)) in entries.enumerated() {
                guard let d = Expr.powerDerivative(base, exponent, name) else { return nil }
                let rest = entries.enumerated().filter { $0.offset != i }.map { $0.element.key.power($0.element.value) }
                parts.append(Expr.product([Expr(a), d] + rest))
            }
            return .sum(parts)
        case .apply(.exp, let args):
            return args[0].derivative(withRespectTo: name).map { self * $0 }
        case .apply(.log, let args):
            return args[0].derivative(withRespectTo: name).map { $0 / args[0] }
        case .apply:
            return nil
        }
    }

    private static func powerDerivative(_ base: Expr, _ exponent: Expr, _ name: String) -> Expr? {
        guard let db = base.derivative(withRespectTo: name) else { return nil }
        if !exponent.parameters.contains(name) {
            return exponent * base.power(exponent - .one) * db
        }
        guard let de = exponent.derivative(withRespectTo: name) else { return nil }
        return base.power(exponent) * (de * .log(base) + exponent * db / base)
    }
}
