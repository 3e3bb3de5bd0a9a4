/// An ordered field whose elements are computed exactly and that contains the rationals.
///
/// The contract: `+ − × ÷`, comparison and `signum` are exact. Generic exact code (linear
/// programs, network evaluation) is written once against this protocol and runs on
/// `Rational` and `RealAlgebraic`.
public protocol OrderedField: Comparable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral where IntegerLiteralType == Int {
    init(_ q: Rational)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    /// Precondition: b ≠ 0.
    static func / (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    /// −1, 0 or 1.
    var signum: Int { get }
}

extension OrderedField {
    public static var zero: Self { Self(integerLiteral: 0) }
    public static var one: Self { Self(integerLiteral: 1) }
    public var isZero: Bool { signum == 0 }
    public var magnitude: Self { signum < 0 ? -self : self }
    public static func += (a: inout Self, b: Self) { a = a + b }
    public static func -= (a: inout Self, b: Self) { a = a - b }
    public static func *= (a: inout Self, b: Self) { a = a * b }
    public static func /= (a: inout Self, b: Self) { a = a / b }
}

extension Rational: OrderedField {
    public init(_ q: Rational) { self = q }
}
