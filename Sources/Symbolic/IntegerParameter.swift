import Exact

/// An integer parameter n with bounds that may involve the integer parameters declared
/// before it: `m >= 3`, `m > 5/2`, `q > k/2`, `k' > k`, `2 <= k and k <= 10`.
///
/// **The set it ranges over.** Given values of the earlier parameters, the integers n with
/// n ≥ ℓ (n > ℓ when the lower bound is strict) and n ≤ u (n < u), where ℓ and u are the
/// bounds' exact values there — rational, algebraic, or depending on earlier parameters.
/// The bounds are kept as written: the least integer of the set is ⌈ℓ⌉ for n ≥ ℓ and
/// ⌊ℓ⌋ + 1 for n > ℓ (`leastValue(at:)`), never ℓ + 1, which skips integers when ℓ is not
/// an integer (n > 5/2 starts at 3, not at 7/2).
public struct IntegerParameter: Hashable, Sendable, CustomStringConvertible {
    /// One bound on n: n ≥ value (n > value when strict) for a lower bound, n ≤ value
    /// (n < value when strict) for an upper bound.
    public struct Bound: Hashable, Sendable {
        public let value: Expr
        public let isStrict: Bool

        public init(_ value: Expr, strict: Bool) {
            self.value = value
            isStrict = strict
        }
    }

    public let name: String
    public let lower: Bound
    /// nil: unbounded above.
    public let upper: Bound?

    public init(_ name: String, lower: Bound, upper: Bound? = nil) {
        self.name = name
        self.lower = lower
        self.upper = upper
    }

    public var description: String {
        "\(name) \(lower.isStrict ? ">" : ">=") \(lower.value)"
            + (upper.map { " and \(name) \($0.isStrict ? "<" : "<=") \($0.value)" } ?? "")
    }

    /// The least integer of the set at the earlier parameters' values: ⌈ℓ⌉ for n ≥ ℓ,
    /// ⌊ℓ⌋ + 1 for n > ℓ. nil when ℓ has no exact value there (a parameter without a value, a
    /// transcendental bound).
    public func leastValue(at point: [String: Constant]) throws(Unable) -> BigInt? {
        guard case .exact(let l) = try lower.value.exactValue(at: point) else { return nil }
        return lower.isStrict ? l.floor + BigInt.one : l.ceiling
    }

    /// The greatest integer of the set at the earlier parameters' values: ⌊u⌋ for n ≤ u,
    /// ⌈u⌉ − 1 for n < u; nil when unbounded above or u has no exact value there.
    public func greatestValue(at point: [String: Constant]) throws(Unable) -> BigInt? {
        guard let upper, case .exact(let u) = try upper.value.exactValue(at: point) else { return nil }
        return upper.isStrict ? u.ceiling - BigInt.one : u.floor
    }

    /// A real lower bound r with every integer of the set ≥ r, for arguments over the reals
    /// n ∈ [r, ∞) ⊇ the set: ℓ + 1 when the bound is strict and ℓ is integer-valued (an
    /// integer, or a polynomial with integer coefficients in the integer parameters
    /// `integers`), since then n > ℓ means n ≥ ℓ + 1; ℓ otherwise (n > ℓ and n ≥ ℓ both give
    /// n ≥ ℓ, a superset that may contain non-integers but misses no integer).
    func realLowerBound(integers: [String]) -> Expr {
        guard lower.isStrict else { return lower.value }
        return Self.isIntegerValued(lower.value, integers: integers) ? lower.value + .one : lower.value
    }

    /// Whether e is an integer whenever the parameters `integers` are: it is a polynomial in
    /// them with integer coefficients (a sufficient condition; k(k + 1)/2 is not recognised).
    static func isIntegerValued(_ e: Expr, integers: [String]) -> Bool {
        var elimination = RadicalElimination(parameters: integers, branches: [:])
        guard let (p, q) = elimination.fraction(e), elimination.relations.isEmpty,
              q.terms.count == 1, let c = q.terms[[]] else { return false }
        return p.terms.values.allSatisfy { ($0 / c).isInteger }
    }
}
