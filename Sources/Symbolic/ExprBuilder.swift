import Exact

/// Builds expressions from what a user wrote — operators and functions called by name — and
/// records the conditions under which they are defined (radicands ≥ 0, divisors ≠ 0,
/// logarithms' arguments > 0), before any simplification can hide them.
///
/// Both front ends use it: the one-line parser (`margincert eval` / `prove`) and the proof
/// files, so a name means the same function everywhere.
public struct ExprBuilder: Sendable {
    /// The definedness conditions recorded so far, each `e relation 0`.
    public private(set) var domain: [Comparison] = []

    public init() {}

    /// A mistake in a call: the message, and which argument (nil: the call itself) is wrong.
    public struct Failure: Error, Sendable {
        public let message: String
        public let argument: Int?
    }

    /// The scalar functions: `sqrt`, `root(x, k)`, `exp`, `log` (`ln`), `relu`, `abs`,
    /// `lrelu(x, α)` (`leakyrelu`), `max(a, b, …)`, `min(a, b, …)`.
    public static let functionNames: Set<String> = ["sqrt", "root", "exp", "log", "ln", "relu", "abs",
                                                    "lrelu", "leakyrelu", "max", "min"]

    /// a / b, requiring b ≠ 0. Fails when b is the constant 0.
    public mutating func divide(_ a: Expr, by b: Expr) throws(Failure) -> Expr {
        if b == .zero { throw Failure(message: "division by zero", argument: 1) }
        require(b, .notEqual)
        return a / b
    }

    /// base^exponent, requiring base ≥ 0 for even roots, base ≠ 0 for negative exponents,
    /// and base > 0 for symbolic exponents.
    public mutating func power(_ base: Expr, _ exponent: Expr) -> Expr {
        if let r = exponent.rationalValue {
            if !r.denominator.isOdd { require(base, .greaterOrEqual) }
            if r.signum < 0 { require(base, .notEqual) }
        } else {
            require(base, .greater)
        }
        return base.power(exponent)
    }

    /// The function `name` applied to `args`.
    public mutating func call(_ name: String, _ args: [Expr]) throws(Failure) -> Expr {
        func arity(_ n: Int) throws(Failure) {
            if args.count != n {
                throw Failure(message: "\(name) takes \(n) argument\(n == 1 ? "" : "s"), got \(args.count)", argument: nil)
            }
        }
        switch name {
        case "sqrt":
            try arity(1)
            require(args[0], .greaterOrEqual)
            return args[0].squareRoot
        case "root":
            try arity(2)
            guard let k = args[1].rationalValue, k.isInteger, k.signum > 0, let n = k.numerator.intValue, n <= 1 << 16 else {
                throw Failure(message: "root index must be a positive integer", argument: 1)
            }
            if n % 2 == 0 { require(args[0], .greaterOrEqual) }
            return args[0].root(n)
        case "exp":
            try arity(1)
            return .exp(args[0])
        case "log", "ln":
            try arity(1)
            require(args[0], .greater)
            return .log(args[0])
        case "relu":
            try arity(1)
            return .relu(args[0])
        case "abs":
            try arity(1)
            return .abs(args[0])
        case "lrelu", "leakyrelu":
            try arity(2)
            guard let slope = args[1].rationalValue else {
                throw Failure(message: "leaky relu slope must be a rational constant", argument: 1)
            }
            return .leakyRelu(args[0], slope: slope)
        case "max", "min":
            guard args.count >= 2 else { throw Failure(message: "\(name) takes at least 2 arguments", argument: nil) }
            return args.dropFirst().reduce(args[0]) { name == "max" ? .max($0, $1) : .min($0, $1) }
        default:
            throw Failure(message: "unknown function '\(name)'", argument: nil)
        }
    }

    /// Adds conditions recorded elsewhere (for instance when a named point was defined).
    public mutating func include(_ conditions: [Comparison]) {
        for c in conditions where !domain.contains(c) { domain.append(c) }
    }

    /// Records the definedness condition `e relation 0` unless it is a true constant fact.
    public mutating func require(_ e: Expr, _ relation: Relation) {
        if let c = e.constantValue, relation.holds(forSign: c.signum) { return }
        let condition = Comparison(e, relation, .zero)
        if !domain.contains(condition) { domain.append(condition) }
    }
}
