import Exact

/// A region of one or two real parameters: the first in a `ParameterRange` with constant
/// ends, the second (if any) between two functions of the first,
/// {(a, b) : a ∈ range, l(a) < b < u(a)} (each end open or closed, or infinite).
public struct ParameterRegion: Hashable, Sendable, CustomStringConvertible {
    /// One end of the second parameter's interval: an expression in the first parameter.
    public struct Bound: Hashable, Sendable {
        public let value: Expr
        public let closed: Bool

        public init(_ value: Expr, closed: Bool) {
            self.value = value
            self.closed = closed
        }
    }

    /// The second parameter and its ends (nil: infinite).
    public struct Fibre: Hashable, Sendable {
        public let name: String
        public let lower: Bound?
        public let upper: Bound?

        public init(_ name: String, lower: Bound?, upper: Bound?) {
            self.name = name
            self.lower = lower
            self.upper = upper
        }
    }

    public let outer: ParameterRange
    /// nil: a region of one parameter.
    public let fibre: Fibre?

    public init(_ outer: ParameterRange, fibre: Fibre? = nil) {
        self.outer = outer
        self.fibre = fibre
    }

    public var names: [String] { [outer.name] + (fibre.map { [$0.name] } ?? []) }

    public var description: String {
        guard let fibre else { return outer.description }
        let l = fibre.lower.map { ($0.closed ? "[" : "(") + $0.value.description } ?? "(-inf"
        let u = fibre.upper.map { $0.value.description + ($0.closed ? "]" : ")") } ?? "inf)"
        return "\(outer), \(fibre.name) in \(l), \(u)"
    }

    /// The second parameter's interval where the first is `a`: `.empty` when its ends meet
    /// or cross, nil when an end is undefined or not exactly computable there.
    public func fibreRange(at a: Constant) -> FibreRange? {
        guard let fibre else { return nil }
        func end(_ bound: Bound?) -> ParameterRange.End?? {
            guard let bound else { return .some(nil) }
            guard case .exact(let value) = bound.value.exactValue(at: [outer.name: a]) else { return nil }
            return .some(ParameterRange.End(value, closed: bound.closed))
        }
        guard let lower = end(fibre.lower), let upper = end(fibre.upper) else { return nil }
        if let lower, let upper {
            let d = (upper.value - lower.value).signum
            if d < 0 || (d == 0 && !(lower.closed && upper.closed)) { return .empty }
        }
        return .range(ParameterRange(fibre.name, lower: lower, upper: upper))
    }

    public enum FibreRange: Sendable {
        case empty
        case range(ParameterRange)
    }

    /// Reads one or two comma-separated parameter ranges: `eps in (0, 1/9)`,
    /// `a in (0, 1/2), eps in (0, a/4)`, `a >= 2, b >= 1`, `a in [1, 2], b in (a^2, 3*a]`.
    /// The first range's ends are algebraic constants; the second's may mention the first
    /// parameter. `defaultName` is used for a bare `(a, b)`.
    public static func parse(_ text: String, defaultName: String = "eps") throws(ParseError) -> ParameterRegion {
        let pieces = topLevelPieces(text)
        guard pieces.count <= 2 else {
            throw ParseError(column: pieces[2].column, message: "at most two parameters can range together")
        }
        let outer: ParameterRange
        do {
            outer = try range(pieces[0].text, defaultName: defaultName)
        } catch {
            throw ParseError(column: pieces[0].column - 1 + error.column, message: error.message)
        }
        guard pieces.count == 2 else { return ParameterRegion(outer) }
        do {
            let fibre = try self.fibre(pieces[1].text, outer: outer.name)
            return ParameterRegion(outer, fibre: fibre)
        } catch {
            throw ParseError(column: pieces[1].column - 1 + error.column, message: error.message)
        }
    }

    /// The text split at commas outside brackets, with 1-based columns.
    private static func topLevelPieces(_ text: String) -> [(text: String, column: Int)] {
        var pieces: [(String, Int)] = []
        var current = "", start = 1, depth = 0
        for (i, c) in text.enumerated() {
            switch c {
            case "(", "[": depth += 1
            case ")", "]": depth -= 1
            case "," where depth == 0:
                pieces.append((current, start))
                current = ""
                start = i + 2
                continue
            default: break
            }
            current.append(c)
        }
        pieces.append((current, start))
        return pieces
    }

    /// `name op end` (op one of < <= > >=) or `name in (lower, upper)` for the first parameter.
    private static func range(_ text: String, defaultName: String) throws(ParseError) -> ParameterRange {
        guard let (name, relation, end, column) = try oneSided(text) else {
            return try ParameterRange.parse(text, defaultName: defaultName)
        }
        let e: Expr
        do { e = try Parser.expression(end).0 } catch {
            throw ParseError(column: column - 1 + error.column, message: error.message)
        }
        guard case .exact(let value) = e.exactValue() else {
            throw ParseError(column: column, message: "a range end must be an algebraic constant")
        }
        let bound = ParameterRange.End(value, closed: relation == .greaterOrEqual || relation == .lessOrEqual)
        let below = relation == .greater || relation == .greaterOrEqual
        return ParameterRange(name, lower: below ? bound : nil, upper: below ? nil : bound)
    }

    /// The second parameter's range, whose ends may mention `outer`.
    private static func fibre(_ text: String, outer: String) throws(ParseError) -> Fibre {
        func bound(_ text: String, column start: Int, closed: Bool) throws(ParseError) -> Bound {
            let column = start + text.prefix(while: \.isWhitespace).count
            let e: Expr
            do { e = try Parser.expression(text, parameters: [outer]).0 } catch {
                throw ParseError(column: start - 1 + error.column, message: error.message)
            }
            if let other = e.parameters.subtracting([outer]).sorted().first {
                throw ParseError(column: column, message: "a range end may mention only \(outer), not \(other)")
            }
            if e.isTranscendental { throw ParseError(column: column, message: "a range end must be algebraic in \(outer)") }
            return Bound(e, closed: closed)
        }
        if let (name, relation, end, column) = try oneSided(text) {
            let b = try bound(end, column: column, closed: relation == .greaterOrEqual || relation == .lessOrEqual)
            let below = relation == .greater || relation == .greaterOrEqual
            return Fibre(name, lower: below ? b : nil, upper: below ? nil : b)
        }
        let interval = try ParameterRange.IntervalText(text, defaultName: "")
        if interval.name.isEmpty || interval.name == outer {
            throw ParseError(column: interval.column, message: "expected '<name> in (a, b)' with a second parameter's name")
        }
        let infinite = (ParameterRange.IntervalText.isInfinite(interval.lower, infinity: "-inf"),
                        ParameterRange.IntervalText.isInfinite(interval.upper, infinity: "inf"))
        if (infinite.0 && interval.lowerClosed) || (infinite.1 && interval.upperClosed) {
            throw ParseError(column: interval.column, message: "an infinite end must be open")
        }
        let lower = infinite.0 ? nil : try bound(interval.lower, column: interval.lowerColumn, closed: interval.lowerClosed)
        let upper = infinite.1 ? nil : try bound(interval.upper, column: interval.upperColumn, closed: interval.upperClosed)
        return Fibre(interval.name, lower: lower, upper: upper)
    }

    /// (name, relation, end text, end column) of `name >= end`, or nil when the text has no
    /// such relation at the top.
    private static func oneSided(_ text: String) throws(ParseError) -> (String, Relation, String, Int)? {
        let chars = Array(text)
        guard let i = chars.firstIndex(where: { $0 == "<" || $0 == ">" }) else { return nil }
        let name = String(chars[..<i]).trimmingSpaces
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "'" }) else {
            throw ParseError(column: 1, message: "expected '<name> >= <end>' or '<name> in (a, b)'")
        }
        let orEqual = i + 1 < chars.count && chars[i + 1] == "="
        let relation: Relation = chars[i] == ">" ? (orEqual ? .greaterOrEqual : .greater) : (orEqual ? .lessOrEqual : .less)
        let start = i + (orEqual ? 2 : 1)
        return (name, relation, String(chars[start...]), start + 1)
    }
}
