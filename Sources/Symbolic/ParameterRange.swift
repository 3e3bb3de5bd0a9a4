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
