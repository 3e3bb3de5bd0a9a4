import Exact

/// Smart constructors: every way of building an `Expr` goes through these, and each returns
/// the canonical form described on `Expr`.
extension Expr {
    /// Exponent sizes beyond which constant powers are left unevaluated (2^(10^9) is not
    /// computed eagerly).
    static let largestFoldedExponent = 4096
    /// Roots are folded to exact algebraic numbers only while the degree (the base's degree
    /// times the root index) stays at most this; larger ones stay symbolic and are enclosed.
    static let largestFoldedDegree = 64

    public static func parameter(named name: String) -> Expr { .parameter(name) }

    // MARK: Sums

    /// The constant part and the (coefficient, term) parts of an expression as a summand.
    private var summands: (Constant, [(Expr, Constant)]) {
        switch self {
        case .constant(let c): return (c, [])
        case .sum(let c, let terms): return (c, terms.map { ($0.key, $0.value) })
        case .product(let a, let factors) where !a.isOne:
            return (.zero, [(Expr.product(.one, factors).unwrappedProduct, a)])
        default: return (.zero, [(self, .one)])
        }
    }

    /// A product with coefficient 1 and a single first power is just its base.
    var unwrappedProduct: Expr {
        if case .product(let a, let factors) = self, a.isOne, factors.count == 1,
           let (base, exponent) = factors.first, exponent == .one { return base }
        return self
    }

    public static func + (a: Expr, b: Expr) -> Expr { sum([a, b]) }
    public static func - (a: Expr, b: Expr) -> Expr { sum([a, -b]) }
    public static prefix func - (a: Expr) -> Expr { Expr(-1) * a }

    /// Σ summands, in canonical form.
    public static func sum(_ summands: [Expr]) -> Expr {
        var constant = Constant.zero
        var terms: [Expr: Constant] = [:]
        for s in summands {
            let (c, parts) = s.summands
            constant = constant + c
            for (term, a) in parts { terms[term] = (terms[term] ?? .zero) + a }
        }
        terms = terms.filter { !$0.value.isZero }
        if terms.isEmpty { return .constant(constant) }
        if constant.isZero && terms.count == 1, let (term, a) = terms.first {
            return scaled(term, by: a)
        }
        return .sum(constant, terms)
    }

    /// a · e for a constant a.
    private static func scaled(_ e: Expr, by a: Constant) -> Expr {
        if a.isZero { return .zero }
        if a.isOne { return e }
        switch e {
        case .constant(let c): return .constant(a * c)
        case .sum(let c, let terms): return .sum(a * c, terms.mapValues { a * $0 })
        case .product(let b, let factors): return .product(a * b, factors)
        default: return .product(a, [e: .one])
        }
    }

    // MARK: Products

    public static func * (a: Expr, b: Expr) -> Expr { product([a, b]) }

    /// a / b (a · b^(−1)).
    public static func / (a: Expr, b: Expr) -> Expr { product([a, b.power(Expr(-1))]) }

    /// Π factors, in canonical form.
    public static func product(_ items: [Expr]) -> Expr {
        var coefficient = Constant.one
        var factors: [Expr: Expr] = [:]
        var exponentials: [Expr] = []
        func include(_ base: Expr, _ exponent: Expr) {
            if case .apply(.exp, let args) = base, exponent == .one {
                exponentials.append(args[0])
            } else {
                factors[base] = factors[base].map { $0 + exponent } ?? exponent
            }
        }
        for item in items {
            switch item {
            case .constant(let c): coefficient = coefficient * c
            case .product(let a, let fs):
                coefficient = coefficient * a
                for (base, exponent) in fs { include(base, exponent) }
            default: include(item, .one)
            }
        }
        if coefficient.isZero { return .zero }
        if !exponentials.isEmpty {
            let argument = sum(exponentials)
            if argument != .zero { factors[.apply(.exp, [argument])] = .one }
        }
        factors = factors.filter { $0.value != .zero }
        // A merged power of a constant base may now fold (2^(1/2) · 2^(1/2) = 2).
        for (base, exponent) in inPrintedOrder(factors) {
            if case .constant = base, case .constant = exponent, case .constant(let c) = base.power(exponent) {
                coefficient = coefficient * c
                factors[base] = nil
            }
        }
        if factors.isEmpty { return .constant(coefficient) }
        if let expanded = expanded(coefficient, factors) { return expanded }
        if factors.count == 1, let (base, exponent) = factors.first, exponent == .one {
            return scaled(base, by: coefficient)
        }
        return .product(coefficient, factors)
    }

    /// Products whose expansion has at most this many terms are multiplied out.
    static let largestExpansion = 64

    /// a · Π factors multiplied out when some factor is a sum to a positive integer power and
    /// the expansion is small, so that polynomials (in any parameters) have one canonical form:
    /// (1 + x)² − 1 − 2x − x² is 0. `nil` when nothing is to be expanded.
    ///
    /// A sum with a constant outside the radical field (√(1 + 2^(1/3)/2), a root of a general
    /// polynomial) is not expanded: the expansion would fold α, α², 1 + 6α² + α⁴, … into
    /// unrelated algebraic numbers (each a new generator for radical elimination), where the
    /// power of the sum needs α alone.
    static func expanded(_ a: Constant, _ factors: [Expr: Expr]) -> Expr? {
        var size = 1, chosen: (Expr, Int)?
        for (base, exponent) in inPrintedOrder(factors) {
            guard case .sum(let c, let terms) = base, let r = exponent.rationalValue, r.isInteger, r.signum > 0,
                  let n = r.numerator.intValue, n <= 8, c.isRadical, terms.values.allSatisfy(\.isRadical) else { continue }
            for _ in 0..<n {
                size *= terms.count + (c.isZero ? 0 : 1)
                if size > largestExpansion { return nil }
            }
            chosen = chosen ?? (base, n)
        }
        guard let (sum, n) = chosen, case .sum(let c, let terms) = sum else { return nil }
        if factors.count == 1 && n == 1 { return nil }  // a·(sum) is scaled, not expanded
        var rest = factors
        rest[sum] = n == 1 ? nil : Expr(n - 1)
        let others = product([Expr(a)] + inPrintedOrder(rest).map { Expr.product(.one, [$0.key: $0.value]).unwrappedProduct })
        return Expr.sum([Expr(c) * others] + inPrintedOrder(terms).map { Expr($0.value) * $0.key * others })
    }

    // MARK: Functions

    public static func relu(_ x: Expr) -> Expr { leakyRelu(x, slope: .zero) }

    /// x for x ≥ 0, α·x for x < 0 (α = 0: relu; α = 1: x).
    public static func leakyRelu(_ x: Expr, slope: Rational) -> Expr {
        if slope == .one { return x }
        if let c = x.constantValue { return c.signum >= 0 ? x : Expr(slope) * x }
        return .apply(slope.isZero ? .relu : .leakyRelu(slope: slope), [x])
    }

    public static func abs(_ x: Expr) -> Expr {
        if let c = x.constantValue { return .constant(c.signum < 0 ? -c : c) }
        if x.isEvidentlyNonnegative { return x }
        return .apply(.abs, [x])
    }

    public static func max(_ a: Expr, _ b: Expr) -> Expr { extremum(.max, a, b) }
    public static func min(_ a: Expr, _ b: Expr) -> Expr { extremum(.min, a, b) }

    private static func extremum(_ f: Function, _ a: Expr, _ b: Expr) -> Expr {
        if a == b { return a }
        for (x, y) in [(a, b), (b, a)] {
            if case .apply(f, let args) = y, args.contains(x) { return y }
        }
        if let d = (a - b).constantValue {
            return (d.signum >= 0) == (f == .max) ? a : b
        }
        return .apply(f, [a, b].sorted { $0.description < $1.description })
    }

    public static func exp(_ x: Expr) -> Expr { Expr.apply(.exp, [x]).normalizedExponential }

    /// log(1) = 0, log(exp x) = x, and for a positive constant c = Π pᵢ^eᵢ (`primePowers`:
    /// a rational, or a root of one) log c = Σ eᵢ·log pᵢ, so that logarithms of constants are
    /// Z-linear (Q-linear) combinations of logarithms of primes and identities such as
    /// log 2 + log 3 = log 6 or log 8 = 3 log 2 hold in the canonical form.
    public static func log(_ x: Expr) -> Expr {
        if x == .one { return .zero }
        if case .apply(.exp, let args) = x { return args[0] }
        if case .constant(let c) = x, let powers = c.primePowers, powers.count > 1 || powers.first?.exponent != .one {
            return Expr.sum(powers.map { Expr($0.exponent) * .apply(.log, [Expr(Rational($0.base))]) })
        }
        return .apply(.log, [x])
    }

    /// The argument whose sign selects the branch of a piecewise-linear application
    /// (a − b for max and min), or nil for other nodes.
    public var kinkArgument: Expr? {
        guard case .apply(let f, let args) = self, f.isPiecewiseLinear else { return nil }
        return f == .max || f == .min ? args[0] - args[1] : args[0]
    }

    /// The branch of a piecewise-linear application when its kink argument has sign `s`.
    public func branch(forSign s: Int) -> Expr {
        guard case .apply(let f, let args) = self else { preconditionFailure("not a piecewise node") }
        switch f {
        case .relu: return s > 0 ? args[0] : .zero
        case .leakyRelu(let slope): return s >= 0 ? args[0] : Expr(slope) * args[0]
        case .abs: return s >= 0 ? args[0] : -args[0]
        case .max: return s >= 0 ? args[0] : args[1]
        case .min: return s >= 0 ? args[1] : args[0]
        case .exp, .log: preconditionFailure("not a piecewise node")
        }
    }
}
