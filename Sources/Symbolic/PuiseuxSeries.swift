import Exact

/// A truncated Puiseux series at 0⁺ in t = x^(1/N): Σ cₑ tᵉ + O(t^order), with exact
/// coefficients, valid as x → 0⁺.
///
/// Used for "for all sufficiently small ε > 0": the sign of the lowest nonzero term is the
/// sign of the function near 0. Arithmetic tracks the order to which terms are known, so a
/// term is reported only when it is certain.
public struct PuiseuxSeries: Sendable, CustomStringConvertible {
    /// The ramification N (t = x^(1/N)).
    public private(set) var ramification: Int
    /// Exponent of t → nonzero coefficient, all below `order`.
    public private(set) var terms: [Int: Constant]
    /// Terms from t^order on are unknown; `Int.max` for an exact (finite) series.
    public private(set) var order: Int

    public static let exact = Int.max

    init(constant c: Constant) {
        ramification = 1
        terms = c.isZero ? [:] : [0: c]
        order = Self.exact
    }

    /// x itself.
    static var variable: PuiseuxSeries {
        var s = PuiseuxSeries(constant: .one)
        s.terms = [1: .one]
        return s
    }

    /// The lowest term, when one is known: (exponent of x as a rational, coefficient).
    public var leadingTerm: (exponent: Rational, coefficient: Constant)? {
        guard let e = terms.keys.min() else { return nil }
        return (Rational(e, ramification), terms[e]!)
    }

    public var isExactlyZero: Bool { terms.isEmpty && order == Self.exact }

    /// `c·x^(e) + … + O(x^(order/N))`.
    public var description: String {
        var parts = terms.sorted { $0.key < $1.key }.map { e, c in
            e == 0 ? c.description : "\(Expr(c) * Expr.parameter("x").power(Rational(e, ramification)))"
        }
        if order != Self.exact { parts.append("O(x^\(Rational(order, ramification)))") }
        return parts.isEmpty ? "0" : parts.joined(separator: " + ")
    }

    /// The valuation: the lowest exponent with a nonzero term, or `order` if none is known.
    private var valuation: Int { terms.keys.min() ?? order }

    /// The same series with ramification N·k.
    private func refined(by k: Int) -> PuiseuxSeries {
        guard k > 1 else { return self }
        var s = self
        s.ramification *= k
        s.terms = Dictionary(uniqueKeysWithValues: terms.map { ($0.key * k, $0.value) })
        s.order = order == Self.exact ? order : order * k
        return s
    }

    private static func common(_ a: PuiseuxSeries, _ b: PuiseuxSeries) -> (PuiseuxSeries, PuiseuxSeries) {
        let n = a.ramification / gcd(a.ramification, b.ramification) * b.ramification
        return (a.refined(by: n / a.ramification), b.refined(by: n / b.ramification))
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    private func truncated(to order: Int) -> PuiseuxSeries {
        var s = self
        s.order = Swift.min(self.order, order)
        s.terms = terms.filter { $0.key < s.order && !$0.value.isZero }
        return s
    }

    static func + (a: PuiseuxSeries, b: PuiseuxSeries) -> PuiseuxSeries {
        var (a, b) = common(a, b)
        for (e, c) in b.terms { a.terms[e] = (a.terms[e] ?? .zero) + c }
        return a.truncated(to: b.order)
    }

    func scaled(by c: Constant) -> PuiseuxSeries {
        var s = self
        s.terms = terms.mapValues { $0 * c }
        return c.isZero ? PuiseuxSeries(constant: .zero) : s.truncated(to: order)
    }

    static func * (a: PuiseuxSeries, b: PuiseuxSeries) -> PuiseuxSeries {
        let (a, b) = common(a, b)
        var s = a
        s.terms = [:]
        let order = Swift.min(sum(a.valuation, b.order), sum(b.valuation, a.order))
        for (e, c) in a.terms {
            for (f, d) in b.terms where e + f < order {
                s.terms[e + f] = (s.terms[e + f] ?? .zero) + c * d
            }
        }
        return s.truncated(to: order)
    }

    /// a + b with Int.max as infinity.
    private static func sum(_ a: Int, _ b: Int) -> Int { a == exact || b == exact ? exact : a + b }

    /// Splits self = c·t^v·(1 + u) with u of positive valuation; nil if no term is known.
    private var factored: (c: Constant, v: Int, u: PuiseuxSeries)? {
        guard let v = terms.keys.min(), let c = terms[v] else { return nil }
        var u = self
        u.terms = Dictionary(uniqueKeysWithValues: terms.filter { $0.key != v }.map { ($0.key - v, $0.value / c) })
        u.order = order == Self.exact ? order : order - v
        return (c, v, u)
    }

    /// Σₖ aₖ uᵏ for u of positive valuation, to the order u's precision and `terms` allow.
    /// Past the bound `Deadline`, throws `Unable` (between terms).
    private static func composed(_ u: PuiseuxSeries, coefficients a: (Int) -> Constant, terms count: Int) throws(Unable) -> PuiseuxSeries {
        var total = PuiseuxSeries(constant: a(0)), power = PuiseuxSeries(constant: .one)
        let v = u.valuation
        for k in 1...count {
            try Deadline.check(while: "composing series (term \(k) of \(count))")
            power = power * u
            total = total + power.scaled(by: a(k))
        }
        // The first omitted term is O(t^((count+1)·v)).
        return v == exact ? total : total.truncated(to: (count + 1) * v)
    }

    /// self^r for rational r: c^r · x^(v·r/N) · (1 + u)^r (binomial series); nil when c^r is
    /// undefined (even root of a negative leading coefficient) or no term is known. Past the
    /// bound `Deadline`, throws `Unable`.
    func power(_ r: Rational, terms count: Int) throws(Unable) -> PuiseuxSeries? {
        if isExactlyZero { return r.signum > 0 ? self : nil }
        guard let (c, v, u) = factored, let q = r.denominator.intValue, let cr = c.power(r) else { return nil }
        if r.isInteger, let n = r.numerator.intValue, n >= 0, n <= 64, order == Self.exact || n <= 8 {
            var result = PuiseuxSeries(constant: .one)
            for _ in 0..<n {
                try Deadline.check(while: "raising a series to the power \(n)")
                result = result * self
            }
            return result
        }
        let binomial = try Self.composed(u, coefficients: { k in
            var b = Rational.one
            for j in 0..<k { b = b * (r - Rational(j)) / Rational(j + 1) }
            return Constant(b)
        }, terms: count)
        // x^(v·r/N) = t'^(v·r·q) with t' = x^(1/(N·q)) = t^(1/q).
        let shifted = r * Rational(v * q)
        guard let exponent = shifted.numerator.intValue else { return nil }
        var result = binomial.refined(by: q).scaled(by: cr)
        result.terms = Dictionary(uniqueKeysWithValues: result.terms.map { ($0.key + exponent, $0.value) })
        result.order = result.order == Self.exact ? result.order : result.order + exponent
        return result
    }

    /// exp(self) when the constant term is 0 (else exp of it is transcendental: nil).
    func exponential(terms count: Int) throws(Unable) -> PuiseuxSeries? {
        guard terms[0] == nil, valuation > 0 else { return valuation > 0 || isExactlyZero ? PuiseuxSeries(constant: .one) : nil }
        var factorial = Rational.one
        return try Self.composed(self, coefficients: { k in
            if k > 0 { factorial = factorial * Rational(k) }
            return Constant(factorial.reciprocal)
        }, terms: count)
    }

    /// log(self) when self = 1 + u with u of positive valuation (else nil).
    func logarithm(terms count: Int) throws(Unable) -> PuiseuxSeries? {
        guard let (c, v, u) = factored, v == 0, c.isOne else { return nil }
        return try Self.composed(u, coefficients: { k in
            k == 0 ? .zero : Constant(Rational(k % 2 == 1 ? 1 : -1, k))
        }, terms: count)
    }
}
