import Exact

/// Printing in the parser's syntax: `2*relu(1/2 - eps) + sqrt(2*eps)`. Summands and factors are
/// printed in a fixed order (by their text), so equal expressions print identically. Irrational
/// algebraic constants print as `RealAlgebraic.description`, which the parser does not read.
extension Expr: CustomStringConvertible {
    public var description: String { text(precedence: 0) }

    /// Precedences: 0 sum, 1 product, 2 power operand.
    private func text(precedence: Int) -> String {
        switch self {
        case .constant(let c):
            let s = c.description
            let isSum = s.contains(" + ") || s.contains(" - ")
            let isAtom = c.rationalValue?.isInteger == true || (s.first?.isLetter == true && s.last == ")" && !isSum)
            let needsParentheses = precedence > 0 && (s.hasPrefix("-") || isSum || s.hasPrefix("≈")) || precedence > 1 && !isAtom
            return needsParentheses ? "(\(s))" : s
        case .parameter(let name):
            return name
        case .sum(let c, let terms):
            var parts = terms.map { Expr.scaledText($0.key, $0.value) }.sorted()
            // The constant goes last ("x - 1"), or first when the terms start negative ("1/2 - eps").
            if !c.isZero {
                if parts[0].hasPrefix("-") { parts.insert(c.description, at: 0) } else { parts.append(c.description) }
            }
            var s = parts[0]
            for p in parts.dropFirst() { s += p.hasPrefix("-") ? " - " + p.dropFirst() : " + " + p }
            return precedence > 0 ? "(\(s))" : s
        case .product(let a, let factors):
            let s = Expr.productText(a, factors)
            return precedence > 1 || (precedence > 0 && s.hasPrefix("-")) ? "(\(s))" : s
        case .apply(let f, let args):
            var arguments = args.map(\.description)
            if case .leakyRelu(let slope) = f { arguments.append(slope.description) }
            if f == .exp && args[0] == .one { return "e" }
            return "\(f.name)(\(arguments.joined(separator: ", ")))"
        }
    }

    private static func scaledText(_ term: Expr, _ a: Constant) -> String {
        if a.isOne { return term.text(precedence: 0) }
        if a == Constant(-1) { return "-" + term.text(precedence: 1) }
        return Expr.product([Expr(a), term]).text(precedence: 0)
    }

    private static func productText(_ a: Constant, _ factors: [Expr: Expr]) -> String {
        var numerator: [String] = [], denominator: [String] = []
        for (base, exponent) in factors {
            if let r = exponent.rationalValue, r.signum < 0 {
                denominator.append(powerText(base, Expr(-r)))
            } else {
                numerator.append(powerText(base, exponent))
            }
        }
        numerator.sort()
        denominator.sort()
        var coefficient = a
        var sign = ""
        if a.signum < 0 { sign = "-"; coefficient = -a }
        if let q = coefficient.rationalValue {
            if q.numerator != BigInt.one || numerator.isEmpty { numerator.insert(q.numerator.description, at: 0) }
            if q.denominator != BigInt.one { denominator.insert(q.denominator.description, at: 0) }
        } else {
            numerator.insert(Expr(coefficient).text(precedence: 1), at: 0)
        }
        var s = sign + numerator.joined(separator: "*")
        if !denominator.isEmpty {
            s += "/" + (denominator.count == 1 ? denominator[0] : "(" + denominator.joined(separator: "*") + ")")
        }
        return s
    }

    private static func powerText(_ base: Expr, _ exponent: Expr) -> String {
        if exponent == .one { return base.text(precedence: 1) }
        if exponent == Expr(Rational(1, 2)) { return "sqrt(\(base))" }
        return base.text(precedence: 2) + "^" + exponent.text(precedence: 2)
    }
}
