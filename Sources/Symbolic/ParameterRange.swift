import Exact

/// A real interval of values for a named parameter, with exact (rational or algebraic) ends
/// that may be open or closed, or infinite.
public struct ParameterRange: Hashable, Sendable, CustomStringConvertible {
    /// One end of the range.
    public struct End: Hashable, Sendable {
        public let value: Constant
        public let closed: Bool

        public init(_ value: Constant, closed: Bool) {
            self.value = value
            self.closed = closed
        }
    }

    public let name: String
    /// nil: unbounded below.
    public let lower: End?
    /// nil: unbounded above.
    public let upper: End?

    /// Precondition: the range is not empty.
    public init(_ name: String, lower: End?, upper: End?) {
        if let lower, let upper {
            let d = (upper.value - lower.value).signum
            precondition(d > 0 || (d == 0 && lower.closed && upper.closed), "empty parameter range")
        }
        self.name = name
        self.lower = lower
        self.upper = upper
    }

    /// Whether x lies in the range.
    public func contains(_ x: RealAlgebraic) -> Bool {
        if let lower {
            let d = (x - lower.value.realAlgebraic).signum
            if d < 0 || (d == 0 && !lower.closed) { return false }
        }
        if let upper {
            let d = (upper.value.realAlgebraic - x).signum
            if d < 0 || (d == 0 && !upper.closed) { return false }
        }
        return true
    }

    public var description: String {
        let l = lower.map { ($0.closed ? "[" : "(") + $0.value.description } ?? "(-inf"
        let u = upper.map { $0.value.description + ($0.closed ? "]" : ")") } ?? "inf)"
        return "\(name) in \(l), \(u)"
    }

    /// Reads `eps in (0, 1/9)`, `x in [1/4, (sqrt(5) - 1)/2]`, `m in [3, inf)`; the ends are
    /// constant expressions with algebraic values. `defaultName` is used for a bare `(a, b)`.
    public static func parse(_ text: String, defaultName: String = "eps") throws(ParseError) -> ParameterRange {
        let interval = try IntervalText(text, defaultName: defaultName)
        let lower = try end(interval.lower, column: interval.lowerColumn, closed: interval.lowerClosed, infinity: "-inf")
        let upper = try end(interval.upper, column: interval.upperColumn, closed: interval.upperClosed, infinity: "inf")
        if let lower, let upper {
            let d = (upper.value - lower.value).signum
            if d < 0 || (d == 0 && !(lower.closed && upper.closed)) {
                throw ParseError(column: interval.column, message: "empty range")
            }
        }
        return ParameterRange(interval.name, lower: lower, upper: upper)
    }

    /// The parts of `name in (lower, upper)` (brackets for closed ends), ends unparsed, with
    /// their 1-based columns.
    struct IntervalText {
        var name: String
        var lower: String, upper: String
        var lowerClosed: Bool, upperClosed: Bool
        var column: Int, lowerColumn: Int, upperColumn: Int

        init(_ text: String, defaultName: String) throws(ParseError) {
            let chars = Array(text)
            var i = 0
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            name = defaultName
            if let open = chars.firstIndex(where: { $0 == "(" || $0 == "[" }) {
                let head = String(chars[..<open]).split(separator: " ")
                if head.count == 2, head[1] == "in" { name = String(head[0]) } else if !head.isEmpty {
                    throw ParseError(column: i + 1, message: "expected '<name> in (a, b)'")
                }
                i = open
            } else {
                throw ParseError(column: chars.count + 1, message: "expected '(' or '['")
            }
            var depth = 0, comma: Int?
            var close: Int?
            for j in (i + 1)..<chars.count {
                switch chars[j] {
                case "(", "[": depth += 1
                case ")", "]":
                    if depth == 0 { close = j } else { depth -= 1 }
                case "," where depth == 0: if comma == nil { comma = j }
                default: break
                }
                if close != nil { break }
            }
            guard let comma else { throw ParseError(column: chars.count + 1, message: "expected ',' between the ends") }
            guard let close else { throw ParseError(column: chars.count + 1, message: "expected ')' or ']'") }
            if chars[(close + 1)...].contains(where: { !$0.isWhitespace }) {
                throw ParseError(column: close + 2, message: "unexpected text after the range")
            }
            lower = String(chars[(i + 1)..<comma])
            upper = String(chars[(comma + 1)..<close])
            lowerClosed = chars[i] == "["
            upperClosed = chars[close] == "]"
            column = i + 1
            lowerColumn = i + 2
            upperColumn = comma + 2
        }

        /// Whether an end's text denotes −∞ (lower) or +∞ (upper).
        static func isInfinite(_ text: String, infinity: String) -> Bool {
            [infinity, infinity.replacingInf("oo"), infinity.replacingInf("infinity")].contains(text.trimmingSpaces)
        }
    }

    private static func end(_ text: String, column: Int, closed: Bool, infinity: String) throws(ParseError) -> End? {
        if IntervalText.isInfinite(text, infinity: infinity) {
            if closed { throw ParseError(column: column, message: "an infinite end must be open") }
            return nil
        }
        let e: Expr
        do {
            e = try Parser.expression(text).0
        } catch {
            throw ParseError(column: column - 1 + error.column, message: error.message)
        }
        guard case .exact(let value) = e.exactValue() else {
            throw ParseError(column: column, message: "a range end must be an algebraic constant")
        }
        return End(value, closed: closed)
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    fileprivate func replacingInf(_ word: String) -> String { hasPrefix("-") ? "-" + word : word }
}

extension Relation {
    /// The relation with its sides swapped (a < b iff b > a).
    public var mirrored: Relation {
        switch self {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        case .equal, .notEqual: self
        }
    }
}
