import Exact

extension Double: SignedNetworkScalar {
    public func relu() -> Double { Swift.max(0, self) }

    public func leakyRelu(slope: Rational) -> Double { self > 0 ? self : Double(slope) * self }

    public var signum: Int { self > 0 ? 1 : (self < 0 ? -1 : 0) }
}
