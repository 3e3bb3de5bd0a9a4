import Exact
import Networks
import Symbolic

/// The data form of evidence in the JSON report (`evidence_data`): exact numbers as in
/// certificates ("p/q" or `{"root_of": …, "in": …}`), vectors as arrays, points by block.
/// Prose evidence has no data form (nil): its text is the report's `evidence`.
extension Evidence {
    public var json: JSONValue? {
        func numbers(_ v: [RealAlgebraic]) -> JSONValue { .array(v.map { Constant($0).json }) }
        func object(_ kind: String, _ fields: [String: JSONValue]) -> JSONValue {
            .object(fields.merging(["kind": .string(kind)]) { $1 })
        }
        switch self {
        case .text: return nil
        case .exact: return object("exact", [:])
        case let .failingCondition(c, undefined):
            return object("failing-condition", ["condition": c.json, "undefined": .bool(undefined)])
        case let .counterexample(witness, reason, failingSet):
            return object("counterexample", ["witness": .object(witness.values.mapValues(\.json)), "reason": .string(reason),
                                             "failing_set": .array(failingSet.map(\.json))])
        case let .multipliers(λ, printed, method):
            return object("multipliers", ["multipliers": numbers(λ), "printed": .bool(printed), "method": .string(method)])
        case let .infeasible(i, margin):
            return object("infeasible", ["constraint": .integer(i + 1), "margin": Constant(margin).json])
        case let .farkas(y, stationarity):
            return object("farkas", ["vector": numbers(y), "stationarity": .string(stationarity)])
        case .wrongMultipliers(let reason): return object("wrong-multipliers", ["reason": .string(reason)])
        case let .margins(values, term): return object("margins", ["margins": numbers(values), "term": .string(term)])
        case let .optimal(objective, value, reason):
            return object("optimal", ["objective": .string(objective), "value": Constant(value).json, "reason": .string(reason)])
        case let .notOptimal(objective, value, optimal, reason):
            return object("not-optimal", ["objective": .string(objective), "value": Constant(value).json,
                                          "optimal_value": Constant(optimal).json, "reason": .string(reason)])
        case let .betterPoint(point, blocks, n, reference):
            return object("better-point", ["point": Self.byBlock(blocks, point.map { Constant($0).json }),
                                           "norm_squared": Constant(n).json, "reference_norm_squared": Constant(reference).json])
        case let .descentArc(arc, blocks, reason):
            return object("descent-arc", [
                "parameter": .string(arc.parameter), "upper_bound": .string(arc.upperBound.description),
                "point": Self.byBlock(blocks, arc.point.map(\.json)), "direction": numbers(arc.direction),
                "correction": numbers(arc.correction), "order": .integer(arc.order), "reason": .string(reason),
            ])
        case .parts(let parts):
            return object("parts", ["parts": .array(parts.map { part in
                .object(["name": .string(part.name), "verdict": .string(part.status.rawValue),
                         "evidence": .string(part.evidence.description), "data": part.evidence.json ?? .null])
            })])
        }
    }

    /// Entries of θ grouped by the network's blocks ({"w1": [...], …}); one list "θ" without blocks.
    static func byBlock(_ blocks: [ParameterBlock], _ entries: [JSONValue]) -> JSONValue {
        guard !blocks.isEmpty else { return .object(["θ": .array(entries)]) }
        return .object(Dictionary(blocks.map { b in (b.name, JSONValue.array(b.range.map { entries[$0] })) }) { a, _ in a })
    }
}

extension FailingPiece {
    /// {"lower": NUMBER | null, "upper": …, "lower_closed": bool, "upper_closed": bool}.
    var json: JSONValue {
        .object(["lower": lower.map { Constant($0).json } ?? .null, "upper": upper.map { Constant($0).json } ?? .null,
                 "lower_closed": .bool(lowerClosed), "upper_closed": .bool(upperClosed)])
    }
}
