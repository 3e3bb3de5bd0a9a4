import Exact

/// Substitution of expressions for parameters, rebuilding through the smart constructors so
/// that the result is canonical (substituting constants for every parameter folds an
/// algebraic expression to its exact value).
extension Expr {
    /// The expression with each parameter named in `values` replaced by its value.
    public func substituting(_ values: [String: Expr]) -> Expr {
        if values.isEmpty { return self }
        return rebuilt { node in
            if case .parameter(let name) = node { return values[name] }
            return nil
        }
    }

    /// The expression with each parameter named in `values` replaced by the constant.
    public func substituting(_ values: [String: Constant]) -> Expr {
        substituting(values.mapValues { Expr.constant($0) })
    }

    /// Rebuilds bottom-up; `replacement` may replace a node (seen with rebuilt children).
    func rebuilt(_ replacement: (Expr) -> Expr?) -> Expr {
        let node: Expr
        switch self {
        case .constant, .parameter:
            node = self
        case .sum(let c, let terms):
            node = Expr.sum([Expr(c)] + Expr.inPrintedOrder(terms).map { Expr(($0.value)) * $0.key.rebuilt(replacement) })
        case .product(let a, let factors):
            node = Expr.product([Expr(a)] + Expr.inPrintedOrder(factors).map { $0.key.rebuilt(replacement).power($0.value.rebuilt(replacement)) })
        case .apply(let f, let args):
            node = Expr.applying(f, args.map { $0.rebuilt(replacement) })
        }
        return replacement(node) ?? node
    }

    /// The canonical application of `f` to `args`.
    static func applying(_ f: Function, _ args: [Expr]) -> Expr {
        switch f {
        case .relu: relu(args[0])
        case .leakyRelu(let slope): leakyRelu(args[0], slope: slope)
        case .abs: abs(args[0])
        case .max: max(args[0], args[1])
        case .min: min(args[0], args[1])
        case .exp: exp(args[0])
        case .log: log(args[0])
        }
    }
}

extension Expr {
    /// The expression with every piecewise-linear node (relu, leaky relu, abs, max, min)
    /// replaced by its branch for the sign that `sign` gives its kink argument (as rebuilt,
    /// inner nodes already replaced); nil when `sign` returns nil for one. Where every kink
    /// argument has the sign given, the two expressions are equal.
    public func resolvingKinks(_ sign: (Expr) -> Int?) -> Expr? {
        var failed = false
        let resolved = rebuilt { node in
            guard !failed, let k = node.kinkArgument else { return nil }
            guard let s = sign(k) else { failed = true; return nil }
            return node.branch(forSign: s)
        }
        return failed ? nil : resolved
    }
}
