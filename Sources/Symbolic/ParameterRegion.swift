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
    public func fibreRange(at a: Constant) throws(Unable) -> FibreRange? {
        guard let fibre else { return nil }
        func end(_ bound: Bound?) throws(Unable) -> ParameterRange.End?? {
            guard let bound else { return .some(nil) }
            guard case .exact(let value) = try bound.value.exactValue(at: [outer.name: a]) else { return nil }
            return .some(ParameterRange.End(value, closed: bound.closed))
        }
        guard let lower = try end(fibre.lower), let upper = try end(fibre.upper) else { return nil }
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
}
