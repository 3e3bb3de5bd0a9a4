import Exact

/// The smart constructor for powers, keeping the canonical form described on `Expr`.
///
/// Powers of powers and of products combine only where that is valid at every point where the
/// written power is defined, which is decided by the form of each factor b^e:
/// - a symbolic exponent (one with a parameter) is defined only for b > 0;
/// - a rational exponent with an even denominator needs b ≥ 0, one with an even numerator
///   gives b^e = |b|^e ≥ 0;
/// - positive constants, |x|, relu(x) and exp(x) are nonnegative bases.
/// A product of such nonnegative factors splits under any power and each factor's exponents
/// multiply: ((1/B²)^(−2/3))^(−1/2) = |B|^(−2/3), (3^(4/k))^(−1/2) = 3^(−2/k). Products with
/// factors of unknown sign split under odd roots, or with one such factor and positive others
/// (`productSplits`). Positive constants under symbolic exponents become powers of primes
/// (`Constant.primePowers`): (1/9)^e = 3^(−2e), (√2/3)^e = 2^(e/2)·3^(−e). A sum whose summands
/// share a positive factor with symbolic exponents (`symbolicPowerContent`) has it taken out
/// before a power is taken: (2·3^(4/k) + 2·3^(4/k)/k)^(1/2) = 3^(2/k)·(2 + 2/k)^(1/2).
extension Expr {
    /// self^exponent, the real power: for a rational exponent p/q the real q-th root of
    /// self^p (odd roots of negatives are negative, even roots of negatives are undefined and
    /// stay unevaluated).
    public func power(_ exponent: Expr) -> Expr {
        if exponent == .zero { return .one }
        if exponent == .one { return self }
        let r = exponent.rationalValue
        switch self {
        case .constant(let c):
            if c.isOne { return .one }
            if let r, Expr.foldsPower(of: c, to: r), let value = c.power(r) { return .constant(value) }
            if c.isZero, let r, r.signum > 0 { return .zero }
            // c^e = Π pᵢ^(kᵢ·e) for symbolic e, so that (1/9)^e and 3^(−2e) agree.
            if r == nil, let powers = c.primePowers, powers.count > 1 || powers.first?.exponent != .one {
                return Expr.product(powers.map { Expr.product(.one, [Expr(Rational($0.base)): Expr($0.exponent) * exponent]) })
            }
        case .apply(.exp, let args):
            return .apply(.exp, [args[0] * exponent]).normalizedExponential
        case .product(let a, let factors):
            if let r, r.isInteger {
                let n = Expr(r)
                return Expr.product([Expr(a).power(n)] + Expr.inPrintedOrder(factors).map { Expr.product(.one, [$0.key: $0.value * n]).unwrappedProduct })
            }
            if a.signum > 0 && Expr.productSplits(factors, under: r) {
                // (Π bᵢ^eᵢ)^f = Π bᵢ^(eᵢ·f), with |bᵢ| for even powers of bases of unknown sign.
                return Expr.product([Expr(a).power(exponent)] + Expr.inPrintedOrder(factors).map { base, e in
                    (Expr.isEvenPower(e) ? Expr.abs(base) : base).power(e * exponent)
                })
            }
            if a.signum > 0 && !a.isOne {
                return Expr(a).power(exponent) * Expr.product(.one, factors).unwrappedProduct.power(exponent)
            }
        case .sum:
            if let e = Expr.expanded(.one, [self: exponent]) { return e }
            if let (content, rest) = dividedBySymbolicPowerContent {
                return content.power(exponent) * rest.power(exponent)
            }
        default: break
        }
        return .product(.one, [self: exponent])
    }

    /// Whether the power c^r of a constant is folded to its exact value (when defined): the
    /// numerator of r at most `largestFoldedExponent` (64 for an irrational c) and the degree
    /// of the root at most `largestFoldedDegree`; larger powers stay symbolic and are enclosed.
    static func foldsPower(of c: Constant, to r: Rational) -> Bool {
        guard r.numerator.magnitude <= BigInt(c.rationalValue == nil ? 64 : Expr.largestFoldedExponent),
              let q = r.denominator.intValue else { return false }
        return q <= Expr.largestFoldedDegree / (c.rationalValue == nil ? c.realAlgebraic.degreeBound : 1)
    }

    /// Whether (Π bᵢ^eᵢ)^r = Π (bᵢ^eᵢ)^r wherever the left side is defined (coefficient > 0):
    /// always for a rational r with odd denominator (odd roots and integer powers are
    /// multiplicative); else when every factor is nonnegative, or, for rational r, when all
    /// but one are positive (the product then has the sign of that one). Two factors of
    /// unknown sign stay together: √((x − 2)/(x − 3)) is defined at x = 1, √(x − 2) is not.
    private static func productSplits(_ factors: [Expr: Expr], under r: Rational?) -> Bool {
        if let r, r.denominator.isOdd { return true }
        let unknown = factors.filter { !isNonnegativePower($0.key, $0.value) }
        if unknown.isEmpty { return true }
        return r != nil && unknown.count == 1 && factors.allSatisfy { base, e in
            unknown[base] != nil || e.rationalValue == nil || base.isEvidentlyPositive
        }
    }

    /// Positive by its form: a positive constant or exp(x).
    private var isEvidentlyPositive: Bool {
        switch self {
        case .constant(let c): c.signum > 0
        case .apply(.exp, _): true
        default: false
        }
    }

    /// Whether b^e ≥ 0 wherever it is defined, by its form (see the type's comment).
    static func isNonnegativePower(_ base: Expr, _ e: Expr) -> Bool {
        guard let q = e.rationalValue else { return true }
        return !q.denominator.isOdd || !q.numerator.isOdd || base.isEvidentlyNonnegative
    }

    /// A rational exponent with even numerator and odd denominator: b^e = |b|^e.
    private static func isEvenPower(_ e: Expr) -> Bool {
        guard let q = e.rationalValue else { return false }
        return !q.numerator.isOdd && q.denominator.isOdd
    }

    /// Nonnegative wherever defined, by its form: a nonnegative constant, |x|, relu(x), exp(x).
    var isEvidentlyNonnegative: Bool {
        switch self {
        case .constant(let c): c.signum >= 0
        case .apply(.abs, _), .apply(.relu, _), .apply(.exp, _): true
        default: false
        }
    }

    /// exp(0) = 1, exp(log x) = x, exp(r·log x) = x^r and exp(u + Σ rᵢ·log xᵢ) = exp(u)·Π xᵢ^rᵢ for rational rᵢ
    /// (xᵢ > 0 wherever log xᵢ is defined), so exp(log 2 + log 3) = 6.
    var normalizedExponential: Expr {
        guard case .apply(.exp, let args) = self else { return self }
        if args[0] == .zero { return .one }
        if case .apply(.log, let inner) = args[0] { return inner[0] }
        if case .product(let a, let factors) = args[0], factors.count == 1, let (term, e) = factors.first, e == .one,
           case .apply(.log, let inner) = term, let r = a.rationalValue {
            return inner[0].power(Expr(r))
        }
        guard case .sum(let c, let terms) = args[0] else { return self }
        let logarithms = Expr.inPrintedOrder(terms).filter {
            if case .apply(.log, _) = $0.key, $0.value.rationalValue != nil { true } else { false }
        }
        guard !logarithms.isEmpty else { return self }
        var rest = terms
        var factors: [Expr] = []
        for (term, r) in logarithms {
            guard case .apply(.log, let inner) = term else { continue }
            rest[term] = nil
            factors.append(inner[0].power(Expr(r)))
        }
        let remaining = Expr.sum([Expr(c)] + Expr.inPrintedOrder(rest).map { Expr($0.value) * $0.key })
        return Expr.product([Expr.exp(remaining)] + factors)
    }

    public func power(_ n: Int) -> Expr { power(Expr(n)) }
    public func power(_ r: Rational) -> Expr { power(Expr(r)) }

    /// The real k-th root (odd k: defined for negatives too).
    public func root(_ k: Int) -> Expr { power(Expr(Rational(1, k))) }
    public var squareRoot: Expr { root(2) }
}
