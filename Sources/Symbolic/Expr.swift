import Exact

/// A real-valued expression in named parameters (ε, m, k′, …), kept in a canonical form.
///
/// Nodes are immutable values (an indirect enum); subtrees are shared. Build expressions only
/// through the smart constructors (`+ − × ÷`, `power`, `Expr.relu`, …, in
/// `Expr+Construction.swift`), which keep this canonical form, so that equal expressions
/// built in different orders compare equal (`==`, hashing):
///
/// - `.constant`: every parameter-free algebraic subexpression is folded to its exact value
///   (`√2 · √2` is `2`, `(√2 + √3)²` is `5 + 2√6` as one algebraic number).
/// - `.sum(c, terms)`: c + Σ aᵢ·tᵢ with nonzero constant coefficients aᵢ; the terms tᵢ are
///   neither constants, sums, nor products with a coefficient ≠ 1. At least two summands.
/// - `.product(a, factors)`: a · Π bᵢ^eᵢ with a ≠ 0 and exponents eᵢ ≠ 0 that are rational
///   constants or symbolic expressions (in integer parameters, say). Powers of a common base
///   combine by adding exponents, so (1/B)^e · (1/B)^(−e) = 1; exp(u)·exp(v) = exp(u + v).
///   Positive constants under symbolic exponents are powers of primes ((1/9)^e is 3^(−2e)),
///   and powers of powers combine where the base's sign allows (`Expr+Power.swift`).
///   Never a single factor b¹ with a = 1 (that is just b), and never a·(sum)¹ (the sum is
///   scaled instead).
/// - `.apply(f, args)`: relu, leaky relu, abs, max, min, exp, log of non-constant arguments
///   (constant arguments fold when the value is algebraic).
///
/// Simplifications hold wherever the original expression is defined (x^(1/2) · x^(1/2) = x
/// for x ≥ 0); the parser records definedness conditions separately (`Claim.domain`).
/// Products of sums are not expanded here; `Expr+Polynomial.swift` does that when needed.
public indirect enum Expr: Hashable, Sendable {
    case constant(Constant)
    case parameter(String)
    case sum(Constant, [Expr: Constant])
    case product(Constant, [Expr: Expr])
    case apply(Function, [Expr])

    /// The functions an expression can apply.
    public enum Function: Hashable, Sendable {
        /// max(x, 0).
        case relu
        /// x for x ≥ 0 and α·x for x < 0.
        case leakyRelu(slope: Rational)
        case abs
        /// Binary max and min (n-ary ones nest).
        case max, min
        case exp
        /// The natural logarithm.
        case log

        public var name: String {
            switch self {
            case .relu: "relu"
            case .leakyRelu: "lrelu"
            case .abs: "abs"
            case .max: "max"
            case .min: "min"
            case .exp: "exp"
            case .log: "log"
            }
        }

        /// Piecewise-linear functions: continuous, with one kink where `kinkArgument` changes sign.
        public var isPiecewiseLinear: Bool {
            switch self {
            case .exp, .log: false
            default: true
            }
        }
    }

    public init(_ q: Rational) { self = .constant(.rational(q)) }
    public init(_ n: Int) { self = .constant(Constant(n)) }
    public init(_ c: Constant) { self = .constant(c) }

    public static let zero = Expr(0)
    public static let one = Expr(1)
    /// Euler's number e = exp(1).
    public static let euler = Expr.apply(.exp, [.one])

    /// The constant value, if the expression is a constant.
    public var constantValue: Constant? {
        if case .constant(let c) = self { return c }
        return nil
    }

    public var rationalValue: Rational? { constantValue?.rationalValue }

    /// The names of the parameters that occur.
    public var parameters: Set<String> {
        var names: Set<String> = []
        visit { if case .parameter(let name) = $0 { names.insert(name) } }
        return names
    }

    /// Whether exp or log occurs.
    public var isTranscendental: Bool {
        var found = false
        visit { if case .apply(let f, _) = $0, !f.isPiecewiseLinear { found = true } }
        return found
    }

    /// The direct subexpressions (summands' terms, factors' bases and exponents, arguments).
    public var children: [Expr] {
        switch self {
        case .constant, .parameter: []
        case .sum(_, let terms): Self.inPrintedOrder(terms.keys)
        case .product(_, let factors): Self.inPrintedOrder(factors.keys).flatMap { [$0, factors[$0]!] }
        case .apply(_, let args): args
        }
    }

    /// `items` in a fixed order, that of their printed forms (each printed once, not once per
    /// comparison): sums and products keep their terms in dictionaries, whose order varies from
    /// run to run, and what the prover reports must not.
    static func inPrintedOrder(_ items: some Collection<Expr>) -> [Expr] {
        items.count < 2 ? Array(items) : items.map { ($0.description, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// A sum's terms or a product's factors in printed order (`inPrintedOrder`): every loop
    /// that builds an expression, folds constants or does arithmetic from a dictionary of this
    /// enum iterates in this order, so that neither the work done nor any printed result
    /// depends on the process's hash seed.
    static func inPrintedOrder<Value>(_ entries: [Expr: Value]) -> [(key: Expr, value: Value)] {
        entries.count < 2 ? entries.map { ($0.key, $0.value) }
            : entries.map { ($0.key.description, $0) }.sorted { $0.0 < $1.0 }.map { ($0.1.key, $0.1.value) }
    }

    /// Calls `body` on every subexpression, children before parents.
    public func visit(_ body: (Expr) -> Void) {
        for child in children { child.visit(body) }
        body(self)
    }
}
