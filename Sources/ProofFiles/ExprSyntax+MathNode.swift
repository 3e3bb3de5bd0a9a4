/// How the expressions of proof files are typeset: the conventions of the papers' appendices.
extension ExprSyntax {
    /// The expression as mathematics: `17/4 eps^2` as 17/4·ε² with a fraction, `sqrt(2 eps)` as
    /// a radical, `norm(p)^2` as ‖p‖², `relu(x)` as σ(x), `dot(a, b)` as ⟨a, b⟩, `x1` as x₁, `1e-6`
    /// as 10⁻⁶; parentheses only where precedence needs them.
    public var math: MathNode { math(in: .top) }

    /// Where an expression stands, for parentheses: a sum inside a product, a product or a
    /// negation in a power's base, or a sum on the right of a subtraction needs them.
    enum Context: Int, Comparable {
        case top = 0, sumRight, product, powerBase
        static func < (a: Context, b: Context) -> Bool { a.rawValue < b.rawValue }
    }

    func math(in context: Context) -> MathNode {
        switch self {
        case .number(let s, _): return Self.numeral(s)
        case .name(let s, _): return Self.identifier(s)
        case .call(let f, let arguments, _): return Self.call(f, arguments.map(\.math))
        case .negate(let e, _):
            return Self.parenthesized(.row([.operator("−"), e.math(in: .product)]), if: context >= .sumRight)
        case .binary(let op, let l, let r, _):
            switch op {
            case .add, .subtract:
                let node = MathNode.row([l.math(in: .top), .operator(op == .add ? "+" : "−"), r.math(in: .sumRight)])
                return Self.parenthesized(node, if: context >= .sumRight)
            case .multiply:
                let node = MathNode.row([l.math(in: .product), r.startsWithNumeral ? .operator("·") : .operator("\u{2062}"), r.math(in: .product)])
                return Self.parenthesized(node, if: context >= .powerBase)
            case .divide:
                return Self.parenthesized(.fraction(l.math(in: .top), r.math(in: .top)), if: context >= .powerBase)
            case .power:
                return Self.parenthesized(.superscript(l.math(in: .powerBase), r.math(in: .top)), if: context >= .powerBase)
            }
        case .tuple(let items, _):
            return .fenced("(", Self.list(items.map(\.math)), ")")
        case .member(let e, let block, _):
            return .row([e.math(in: .powerBase), .operator("."), Self.identifier(block)])
        case .index(let e, let k, _):
            return .subscript(e.math(in: .powerBase), k.math(in: .top))
        }
    }

    /// Whether the expression is typeset starting with digits (then `·` separates a product).
    var startsWithNumeral: Bool {
        switch self {
        case .number: true
        case .binary(let op, let l, _, _): op != .divide && l.startsWithNumeral
        default: false
        }
    }

    static func parenthesized(_ node: MathNode, if needed: Bool) -> MathNode { needed ? .fenced("(", node, ")") : node }

    static func list(_ items: [MathNode]) -> MathNode {
        .row(items.enumerated().flatMap { i, item in i == 0 ? [item] : [.operator(","), item] })
    }

    /// `1e-6` as 10⁻⁶ (and `2.5e3` as 2.5·10³); other numerals as written.
    static func numeral(_ s: String) -> MathNode {
        guard let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return .number(s) }
        let mantissa = String(s[..<e]), exponent = String(s[s.index(after: e)...])
        let digits = exponent.hasPrefix("+") ? String(exponent.dropFirst()) : exponent
        let power = MathNode.superscript(.number("10"), digits.hasPrefix("-") ? .row([.operator("−"), .number(String(digits.dropFirst()))]) : .number(digits))
        return mantissa == "1" ? power : .row([.number(mantissa), .operator("·"), power])
    }

    /// Greek letters by name (`eps` as ε), a trailing number as a subscript (`x1` as x₁), `_`
    /// as a subscript (`w_j` as w_j), primes kept.
    static func identifier(_ name: String) -> MathNode {
        var base = name, primes = ""
        while base.hasSuffix("'") { base.removeLast(); primes += "′" }
        let node: MathNode
        if let underscore = base.firstIndex(of: "_"), underscore != base.startIndex {
            node = .subscript(letter(String(base[..<underscore])), letter(String(base[base.index(after: underscore)...])))
        } else if let digits = base.firstIndex(where: \.isNumber), digits != base.startIndex, base[digits...].allSatisfy(\.isNumber) {
            node = .subscript(letter(String(base[..<digits])), .number(String(base[digits...])))
        } else {
            node = letter(base)
        }
        return primes.isEmpty ? node : .row([node, .operator(primes)])
    }

    static func letter(_ name: String) -> MathNode {
        if let greek = greek[name] { return .identifier(greek) }
        return name.allSatisfy(\.isNumber) ? .number(name) : .identifier(name)
    }

    static let greek: [String: String] = [
        "eps": "ε", "epsilon": "ε", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "eta": "η",
        "theta": "θ", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ",
        "sigma": "σ", "tau": "τ", "phi": "φ", "Phi": "Φ", "psi": "ψ", "omega": "ω", "Delta": "Δ", "Gamma": "Γ",
    ]

    /// The functions of proof files in the papers' notation.
    static func call(_ f: String, _ arguments: [MathNode]) -> MathNode {
        switch (f, arguments.count) {
        case ("sqrt", 1): return .squareRoot(arguments[0])
        case ("root", 2): return .root(arguments[0], arguments[1])
        case ("norm", 1): return .fenced("‖", arguments[0], "‖")
        case ("abs", 1): return .fenced("|", arguments[0], "|")
        case ("frobenius", 1): return .subscript(.fenced("‖", arguments[0], "‖"), .identifier("F"))
        case ("spectral", 1): return .subscript(.fenced("‖", arguments[0], "‖"), .identifier("σ"))
        case ("dot", 2): return .fenced("⟨", list(arguments), "⟩")
        case ("relu", 1): return .row([.identifier("σ"), .fenced("(", arguments[0], ")")])
        case ("Phi", 2): return .row([.identifier("Φ"), .fenced("(", .row([arguments[0], .operator(";"), arguments[1]]), ")")])
        default: return .row([identifier(f), .fenced("(", list(arguments), ")")])
        }
    }
}
