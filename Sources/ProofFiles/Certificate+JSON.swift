import Exact
import Symbolic

/// The JSON form of certificates (docs/certificates.md): exact numbers as "p/q" strings or
/// `{"root_of": [integer coefficients, constant first], "in": [lo, hi]}`, expressions as
/// prefix arrays `["add", e1, e2, …]`.
extension Certificate {
    public var json: JSONValue {
        switch self {
        case let .atPoint(conditions, assignment, holds):
            return .object(["kind": .string("at-point"), "conditions": .array(conditions.map(\.json)),
                            "assignment": .object(assignment.values.mapValues(\.json)), "holds": .bool(holds)])
        case let .overRange(conditions, range, cutPoints, samples):
            func end(_ e: ParameterRange.End?) -> JSONValue {
                e.map { .object(["value": $0.value.json, "closed": .bool($0.closed)]) } ?? .null
            }
            return .object(["kind": .string("over-range"), "conditions": .array(conditions.map(\.json)),
                            "parameter": .string(range.name), "lower": end(range.lower), "upper": end(range.upper),
                            "cut_points": .array(cutPoints.map { Constant($0).json }),
                            "samples": .array(samples.map { .string($0.description) })])
        case .all(let parts):
            return .object(["kind": .string("all"), "parts": .array(parts.map {
                .object(["name": .string($0.name), "certificate": $0.certificate.json])
            })])
        case .notCertified(let reason):
            return .object(["kind": .string("not-certified"), "reason": .string(reason)])
        }
    }
}

extension Comparison {
    var json: JSONValue { .object(["lhs": lhs.json, "relation": .string(relation.rawValue), "rhs": rhs.json]) }
}

extension Constant {
    /// "p/q", or the defining polynomial and an isolating interval of an irrational.
    var json: JSONValue {
        switch self {
        case .rational(let q): return .string(q.description)
        case .algebraic(let a):
            let interval = a.isolatingInterval
            return .object(["root_of": .array(a.definingPolynomial.coefficients.map { .string($0.description) }),
                            "in": .array([.string(interval.lower.description), .string(interval.upper.description)])])
        }
    }
}

extension Expr {
    /// `["num", x]`, `["var", name]`, `["add", …]`, `["mul", …]`, `["pow", base, exponent]`,
    /// `["relu", e]`, `["lrelu", slope, e]`, `["abs", e]`, `["max", a, b]`, `["min", a, b]`,
    /// `["exp", e]`, `["log", e]`.
    var json: JSONValue {
        switch self {
        case .constant(let c): return .array([.string("num"), c.json])
        case .parameter(let name): return .array([.string("var"), .string(name)])
        case let .sum(c, terms):
            let summands = children.map { t in
                JSONValue.array([.string("mul"), Expr.constant(terms[t]!).json, t.json])
            }
            return .array([.string("add"), Expr.constant(c).json] + summands)
        case let .product(a, factors):
            let powers = children.enumerated().filter { $0.offset.isMultiple(of: 2) }.map { _, b in
                JSONValue.array([.string("pow"), b.json, factors[b]!.json])
            }
            return .array([.string("mul"), Expr.constant(a).json] + powers)
        case let .apply(f, args):
            var head: [JSONValue] = [.string(f.name)]
            if case .leakyRelu(let slope) = f { head.append(.string(slope.description)) }
            return .array(head + args.map(\.json))
        }
    }
}
