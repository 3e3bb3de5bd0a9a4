import Exact
import Symbolic

/// The JSON form of certificates (docs/certificates.md): exact numbers as "p/q" strings or
/// `{"root_of": [integer coefficients, constant first], "in": [lo, hi]}`, expressions as
/// prefix arrays `["add", e1, e2, …]`.
extension Certificate {
    public var json: JSONValue {
        switch self {
        case let .atPoint(conditions, assignment, holds, within):
            var fields: [String: JSONValue] = [
                "kind": .string("at-point"), "conditions": .array(conditions.map(\.json)),
                "assignment": .object(assignment.values.mapValues(\.json)), "holds": .bool(holds),
            ]
            if !within.isEmpty { fields["within"] = .array(within.map(\.json)) }
            return .object(fields)
        case let .overRange(conditions, range, cutPoints, samples):
            return .object(Self.cells(range, cutPoints, samples).merging([
                "kind": .string("over-range"), "conditions": .array(conditions.map(\.json)), "parameter": .string(range.name),
            ]) { $1 })
        case let .overIntegers(conditions, contents, range, cutPoints, integers):
            return .object(["kind": .string("over-integers"), "conditions": .array(conditions.map(\.json)),
                            "contents": .array(contents.map { $0?.json ?? .null }),
                            "parameter": .string(range.name), "lower": end(range.lower), "upper": end(range.upper),
                            "cut_points": .array(cutPoints.map { Constant($0).json }),
                            "integers": .array(integers.map { element in
                                element.map { .object(["least": .string($0.least.description),
                                                       "signs": .array($0.signs.map(JSONValue.integer))]) } ?? .null
                            })])
        case let .overRegion(conditions, region, cutPoints, samples, fibres):
            func end(_ e: ParameterRegion.Bound?) -> JSONValue {
                e.map { .object(["value": $0.value.json, "closed": .bool($0.closed)]) } ?? .null
            }
            return .object(Self.cells(region.outer, cutPoints, samples).merging([
                "kind": .string("over-region"), "conditions": .array(conditions.map(\.json)),
                "parameters": .array(region.names.map(JSONValue.string)),
                "fibre_lower": end(region.fibre?.lower), "fibre_upper": end(region.fibre?.upper),
                "fibres": .array(fibres.map { fibre in
                    guard case let .overRange(_, range, cuts, points)? = fibre else { return .object(["empty": .bool(true)]) }
                    return .object(Self.cells(range, cuts, points))
                }),
            ]) { $1 })
        case .all(let parts):
            return .object(["kind": .string("all"), "parts": .array(parts.map {
                .object(["name": .string($0.name), "certificate": $0.certificate.json])
            })])
        case .negation(let certificate):
            return .object(["kind": .string("not"), "certificate": certificate.json])
        case let .stationary(point, constraints, multipliers, printed, pieces):
            var fields: [String: JSONValue] = [
                "kind": .string("kkt"), "point": .object(point.values.mapValues(\.json)),
                "constraints": .array(constraints.map(\.json)), "multipliers": .array(multipliers.map(\.json)),
            ]
            if let printed { fields["printed"] = .array(printed.map(\.json)) }
            if pieces.contains(where: { $0 != nil }) {
                fields["pieces"] = .array(pieces.map { listed in
                    listed.map { .array($0.map { .object(["direction": .object($0.direction.values.mapValues(\.json)),
                                                          "weight": $0.weight.json]) }) } ?? .null
                })
            }
            return .object(fields)
        case let .notStationary(point, constraints, farkas, printed, offsets):
            var fields: [String: JSONValue] = [
                "kind": .string("not-kkt"), "point": .object(point.values.mapValues(\.json)),
                "constraints": .array(constraints.map(\.json)), "farkas": .object(farkas.values.mapValues(\.json)),
            ]
            if let printed { fields["printed"] = .array(printed.map(\.json)) }
            if let offsets { fields["offsets"] = .array(offsets.map(\.json)) }
            return .object(fields)
        case let .l1Stationary(point, constraints, multipliers, printed):
            var fields: [String: JSONValue] = [
                "kind": .string("kkt"), "objective": .string("l1"), "point": .object(point.values.mapValues(\.json)),
                "constraints": .array(constraints.map(\.json)), "multipliers": .array(multipliers.map(\.json)),
            ]
            if let printed { fields["printed"] = .array(printed.map(\.json)) }
            return .object(fields)
        case let .dual(point, constraints, multipliers, labels, slope, inputs, excluded):
            return .object([
                "kind": .string("dual"), "point": .object(point.values.mapValues(\.json)),
                "constraints": .array(constraints.map(\.json)), "multipliers": .array(multipliers.map(\.json)),
                "labels": .array(labels.map(\.json)), "slope": .string(slope.description),
                "neurons": .array(zip(inputs, excluded).map { x, empty in
                    .object(["inputs": .array(x.map { .array($0.map(\.json)) }),
                             "excluded": .array(empty.map { .object(["positive": .array($0.positive.map(JSONValue.bool)),
                                                                     "weights": .array($0.weights.map(\.json))]) })])
                }),
            ])
        case let .linearOptimum(point, constraints, layers, inputs, labels, separator, weights):
            return .object([
                "kind": .string("linear-optimum"), "point": .object(point.values.mapValues(\.json)),
                "constraints": .array(constraints.map(\.json)),
                "layers": .array(layers.map { .array($0.map { .array($0.map(JSONValue.string)) }) }),
                "inputs": .array(inputs.map { .array($0.map(\.json)) }), "labels": .array(labels.map(\.json)),
                "separator": .array(separator.map(\.json)), "weights": .array(weights.map(\.json)),
            ])
        case let .familyStationary(range, point, constraints, multipliers, cutPoints, samples, counterexample):
            var fields = Self.cells(range, cutPoints, samples).merging([
                "kind": .string("kkt-family"), "parameter": .string(range.name), "point": .object(point.mapValues(\.json)),
                "constraints": .array(constraints.map(\.json)), "multipliers": .array(multipliers.map(\.json)),
            ]) { $1 }
            if let counterexample { fields["counterexample"] = counterexample.json }
            return .object(fields)
        case .convex(let certificate):
            return .object(["kind": .string("convex-kkt"), "certificate": certificate.json])
        case .notCertified(let reason):
            return .object(["kind": .string("not-certified"), "reason": .string(reason)])
        }
    }
}

/// A range end as `{"value": NUMBER, "closed": bool}`, null when infinite.
private func end(_ e: ParameterRange.End?) -> JSONValue {
    e.map { .object(["value": $0.value.json, "closed": .bool($0.closed)]) } ?? .null
}

extension Certificate {
    /// The ends of a range, its cut points and the samples of its cells.
    static func cells(_ range: ParameterRange, _ cutPoints: [RealAlgebraic], _ samples: [Rational]) -> [String: JSONValue] {
        ["lower": end(range.lower), "upper": end(range.upper), "cut_points": .array(cutPoints.map { Constant($0).json }),
         "samples": .array(samples.map { .string($0.description) })]
    }
}

extension Comparison {
    var json: JSONValue { .object(["lhs": lhs.json, "relation": .string(relation.rawValue), "rhs": rhs.json]) }
}

extension Constant {
    /// "p/q", or the defining polynomial and an isolating interval of an irrational.
    var json: JSONValue { encoded.json }

    /// The JSON form and its compact text (a sort key).
    var encoded: (json: JSONValue, key: String) {
        switch self {
        case .rational(let q): return (.string(q.description), q.description)
        case .algebraic(let a):
            let interval = a.isolatingInterval
            let coefficients = a.definingPolynomial.coefficients.map(\.description)
            let ends = [interval.lower.description, interval.upper.description]
            return (.object(["root_of": .array(coefficients.map(JSONValue.string)), "in": .array(ends.map(JSONValue.string))]),
                    "root_of[\(coefficients.joined(separator: ","))]in[\(ends.joined(separator: ","))]")
        }
    }
}

extension Expr {
    /// `["num", x]`, `["var", name]`, `["add", …]`, `["mul", …]`, `["pow", base, exponent]`,
    /// `["relu", e]`, `["lrelu", slope, e]`, `["abs", e]`, `["max", a, b]`, `["min", a, b]`,
    /// `["exp", e]`, `["log", e]`. Summands and factors are in the order of their compact text,
    /// so equal expressions are written alike.
    var json: JSONValue { encoded.json }

    private var encoded: (json: JSONValue, key: String) {
        func node(_ head: [String], _ children: [(json: JSONValue, key: String)]) -> (json: JSONValue, key: String) {
            (.array(head.map(JSONValue.string) + children.map(\.json)),
             head.joined(separator: " ") + "(" + children.map(\.key).joined(separator: ",") + ")")
        }
        switch self {
        case .constant(let c):
            let value = c.encoded
            return (.array([.string("num"), value.json]), value.key)
        case .parameter(let name): return node(["var", name], [])
        case let .sum(c, terms):
            let summands = terms.map { t, a in node(["mul"], [Expr.constant(a).encoded, t.encoded]) }.sorted { $0.key < $1.key }
            return node(["add"], [Expr.constant(c).encoded] + summands)
        case let .product(a, factors):
            let powers = factors.map { b, e in node(["pow"], [b.encoded, e.encoded]) }.sorted { $0.key < $1.key }
            return node(["mul"], [Expr.constant(a).encoded] + powers)
        case let .apply(f, args):
            var head = [f.name]
            if case .leakyRelu(let slope) = f { head.append(slope.description) }
            return node(head, args.map(\.encoded))
        }
    }
}
