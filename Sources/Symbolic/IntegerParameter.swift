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
    public func leastValue(at point: [String: Constant]) -> BigInt? {
        guard case .exact(let l) = lower.value.exactValue(at: point) else { return nil }
        return lower.isStrict ? l.floor + BigInt.one : l.ceiling
    }

    /// The greatest integer of the set at the earlier parameters' values: ⌊u⌋ for n ≤ u,
    /// ⌈u⌉ − 1 for n < u; nil when unbounded above or u has no exact value there.
    public func greatestValue(at point: [String: Constant]) -> BigInt? {
        guard let upper, case .exact(let u) = upper.value.exactValue(at: point) else { return nil }
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

    /// Reads `m >= 3`, `m > 5/2`, `k' > k`, `2 <= k and k <= 10`: the parameter is the first
    /// name in the text that is not in `known` (earlier parameters, which the bounds may
    /// use). A lower bound is required; strictness is kept, not turned into a shift by 1.
    public static func parse(_ text: String, known: [String] = []) throws(ParseError) -> IntegerParameter {
        let names = identifiers(in: text)
        guard let name = names.first(where: { !known.contains($0) }) else {
            throw ParseError(column: 1, message: "expected bounds on a new integer parameter, such as 'm >= 3'")
        }
        let claim = try Parser.claim(text, parameters: Set(known + [name]))
        var lower: Bound?, upper: Bound?
        for c in claim.comparisons {
            let (bound, relation): (Expr, Relation)
            if c.lhs == .parameter(name), !c.rhs.parameters.contains(name) {
                (bound, relation) = (c.rhs, c.relation)
            } else if c.rhs == .parameter(name), !c.lhs.parameters.contains(name) {
                (bound, relation) = (c.lhs, c.relation.mirrored)
            } else {
                throw ParseError(column: 1, message: "each bound must compare \(name) with an expression in earlier parameters")
            }
            switch relation {
            case .greaterOrEqual, .greater: lower = Bound(bound, strict: relation == .greater)
            case .lessOrEqual, .less: upper = Bound(bound, strict: relation == .less)
            case .equal: (lower, upper) = (Bound(bound, strict: false), Bound(bound, strict: false))
            case .notEqual: throw ParseError(column: 1, message: "'!=' is not a bound")
            }
        }
        guard let lower else { throw ParseError(column: 1, message: "\(name) needs a lower bound, such as '\(name) >= 1'") }
        return IntegerParameter(name, lower: lower, upper: upper)
    }

    private static func identifiers(in text: String) -> [String] {
        var result: [String] = [], current = ""
        for ch in text + " " {
            if ch.isLetter || ch == "_" || (!current.isEmpty && (ch.isNumber || ch == "'")) {
                current.append(ch)
            } else if !current.isEmpty {
                if current != "and" { result.append(current) }
                current = ""
            }
        }
        return result
    }
}
