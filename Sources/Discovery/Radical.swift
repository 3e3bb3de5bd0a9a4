import Exact

/// A real radical r^(1/k): k ≥ 2, r > 0 rational and not a perfect k-th power.
public struct Radical: Hashable, Sendable, CustomStringConvertible {
    public let radicand: Rational
    public let index: Int

    public init(_ radicand: Rational, index: Int) {
        precondition(radicand.signum > 0 && index >= 2, "a radical needs r > 0 and k ≥ 2")
        self.radicand = radicand
        self.index = index
    }

    /// In proof-file syntax: `sqrt(r)` or `root(r, k)`.
    public var description: String { index == 2 ? "sqrt(\(radicand))" : "root(\(radicand), \(index))" }

    /// r^(1/k) rounded down to a multiple of 2^−bits: ⌊(p·q^(k−1)·2^(k·bits))^(1/k)⌋ / (q·2^bits)
    /// for r = p/q, exact integer roots (error < 2^−bits).
    public func value(bits: Int) -> Rational {
        let (p, q) = (radicand.numerator, radicand.denominator)
        let root = (p * q.power(index - 1)).shifted(by: index * bits).root(index).root
        return Rational(root, q.shifted(by: bits))
    }

    /// The radical of r^(j/k) (0 < j < k) in lowest terms, or nil when it is rational.
    func power(_ j: Int) -> Radical? {
        var (r, k) = (radicand.power(j), index)
        for d in stride(from: k, through: 2, by: -1) where k % d == 0 {
            let (p, q) = (r.numerator.root(d), r.denominator.root(d))
            if p.exact && q.exact {
                r = Rational(p.root, q.root)
                k /= d
                break
            }
        }
        return k >= 2 ? Radical(r, index: k) : nil
    }
}
