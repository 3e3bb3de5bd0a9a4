import Exact

/// A relation between two real numbers.
public enum Relation: String, Hashable, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// Whether `lhs − rhs` having sign `s` (−1, 0, 1) satisfies the relation.
    public func holds(forSign s: Int) -> Bool {
        switch self {
        case .equal: s == 0
        case .notEqual: s != 0
        case .less: s < 0
        case .lessOrEqual: s <= 0
        case .greater: s > 0
        case .greaterOrEqual: s >= 0
        }
    }

    /// The relation that fails exactly where this one holds.
    public var negation: Relation {
        switch self {
        case .equal: .notEqual
        case .notEqual: .equal
        case .less: .greaterOrEqual
        case .lessOrEqual: .greater
        case .greater: .lessOrEqual
        case .greaterOrEqual: .less
        }
    }
}

/// `lhs relation rhs`, decided through the sign of `difference` = lhs − rhs.
public struct Comparison: Hashable, Sendable, CustomStringConvertible {
    public let lhs: Expr
    public let relation: Relation
    public let rhs: Expr

    public init(_ lhs: Expr, _ relation: Relation, _ rhs: Expr) {
        self.lhs = lhs
        self.relation = relation
        self.rhs = rhs
    }

    public var difference: Expr { lhs - rhs }

    public var description: String { "\(lhs) \(relation.rawValue) \(rhs)" }
}

/// A conjunction of comparisons, with the conditions under which its expressions are defined.
///
/// `domain` lists what the written expressions need (radicands ≥ 0, divisors ≠ 0, logarithms'
/// arguments > 0), recorded by the parser before any simplification, so that `sqrt(x)^2 = x`
/// is not "true" where sqrt(x) is undefined. A claim holds at a point when every domain
/// condition and every comparison holds there.
public struct Claim: Hashable, Sendable, CustomStringConvertible {
    public var comparisons: [Comparison]
    public var domain: [Comparison]

    /// The claim with the given domain conditions plus those read off the comparisons'
    /// canonical forms (`Expr.definednessConditions`), so that claims built in code are safe too.
    public init(_ comparisons: [Comparison], domain: [Comparison] = []) {
        self.comparisons = comparisons
        var conditions = domain
        for c in comparisons {
            for d in c.lhs.definednessConditions + c.rhs.definednessConditions where !conditions.contains(d) {
                conditions.append(d)
            }
        }
        self.domain = conditions
    }

    /// Domain conditions first, then the comparisons.
    public var conditions: [Comparison] { domain + comparisons }

    public var parameters: Set<String> {
        conditions.reduce(into: []) { $0.formUnion($1.lhs.parameters.union($1.rhs.parameters)) }
    }

    public var description: String { comparisons.map(\.description).joined(separator: " and ") }
}

extension Expr {
    /// Conditions under which the canonical expression is defined: bases of even roots ≥ 0,
    /// bases of negative powers ≠ 0, bases of symbolic powers > 0, logarithms' arguments > 0.
    /// (Conditions that simplification removed, as in sqrt(x)² = x, are only known to the
    /// parser, which records them from the text.)
    public var definednessConditions: [Comparison] {
        var conditions: [Comparison] = []
        func require(_ e: Expr, _ relation: Relation) {
            if let c = e.constantValue, relation.holds(forSign: c.signum) { return }
            let condition = Comparison(e, relation, .zero)
            if !conditions.contains(condition) { conditions.append(condition) }
        }
        visit { node in
            switch node {
            case .product(_, let factors):
                for base in Expr.inPrintedOrder(factors.keys) {
                    let exponent = factors[base]!
                    guard let r = exponent.rationalValue else { require(base, .greater); continue }
                    if !r.denominator.isOdd { require(base, .greaterOrEqual) }
                    if r.signum < 0 { require(base, .notEqual) }
                }
            case .apply(.log, let args): require(args[0], .greater)
            default: break
            }
        }
        return conditions
    }
}
