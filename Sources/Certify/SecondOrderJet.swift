import Exact
import Networks

/// The second-order Taylor polynomial of a function of θ at a point θ̃: its value, gradient and
/// Hessian there, with sparse storage (the margins of a network are sums of products of few
/// parameters, so most second derivatives vanish).
///
/// Arithmetic is that of truncated Taylor polynomials (the product rule to second order:
/// ∇(ab) = a∇b + b∇a, ∇²(ab) = a∇²b + b∇²a + ∇a∇bᵀ + ∇b∇aᵀ), exact in F. A network
/// evaluated in jets on a *frozen* trace (every kinked neuron on a fixed linear piece, see
/// `Network.trace(_:_:frozen:)`) gives the exact second-order expansion of that piece's
/// polynomial; a jet has no sign, so `relu` and `leakyRelu` are not defined on it.
struct SecondOrderJet<F: OrderedField & SignedNetworkScalar>: NetworkScalar {
    var value: F
    /// ∂/∂θₖ, keyed by k (absent entries are 0).
    var gradient: [Int: F]
    /// ∂²/∂θⱼ∂θₖ for j ≤ k, keyed by `Pair(j, k)` (absent entries are 0).
    var hessian: [Pair: F]

    struct Pair: Hashable, Sendable {
        let low: Int, high: Int
        init(_ a: Int, _ b: Int) { (low, high) = a <= b ? (a, b) : (b, a) }
    }

    init(value: F, gradient: [Int: F] = [:], hessian: [Pair: F] = [:]) {
        self.value = value
        self.gradient = gradient
        self.hessian = hessian
    }

    /// The coordinate θₖ at θ̃ₖ.
    static func variable(_ k: Int, at value: F) -> Self { Self(value: value, gradient: [k: .one]) }

    init(_ q: Rational) { self.init(value: F(q)) }
    static var zero: Self { Self(value: .zero) }

    static func + (a: Self, b: Self) -> Self {
        Self(value: a.value + b.value,
             gradient: a.gradient.merging(b.gradient, uniquingKeysWith: +).filter { !$0.value.isZero },
             hessian: a.hessian.merging(b.hessian, uniquingKeysWith: +).filter { !$0.value.isZero })
    }

    static prefix func - (a: Self) -> Self {
        Self(value: -a.value, gradient: a.gradient.mapValues { -$0 }, hessian: a.hessian.mapValues { -$0 })
    }

    static func - (a: Self, b: Self) -> Self { a + (-b) }

    static func * (a: Self, b: Self) -> Self {
        if a.gradient.isEmpty { return b.scaled(by: a.value) }
        if b.gradient.isEmpty { return a.scaled(by: b.value) }
        var gradient = a.scaled(by: b.value).gradient.merging(b.scaled(by: a.value).gradient, uniquingKeysWith: +)
        var hessian = a.scaled(by: b.value).hessian.merging(b.scaled(by: a.value).hessian, uniquingKeysWith: +)
        for (j, x) in a.gradient {
            for (k, y) in b.gradient {
                // The (j, k) and (k, j) entries of ∇a∇bᵀ + ∇b∇aᵀ, stored once for j ≠ k.
                let key = Pair(j, k)
                hessian[key] = (hessian[key] ?? .zero) + (j == k ? x * y + x * y : x * y)
            }
        }
        gradient = gradient.filter { !$0.value.isZero }
        hessian = hessian.filter { !$0.value.isZero }
        return Self(value: a.value * b.value, gradient: gradient, hessian: hessian)
    }

    func scaled(by c: F) -> Self {
        if c.isZero { return .zero }
        return Self(value: value * c, gradient: gradient.mapValues { $0 * c }, hessian: hessian.mapValues { $0 * c })
    }

    func relu() -> Self { preconditionFailure("jets are evaluated on frozen pieces only") }
    func leakyRelu(slope: Rational) -> Self { preconditionFailure("jets are evaluated on frozen pieces only") }

    /// The gradient over the coordinates `free` (in their order).
    func gradient(over free: [Int]) -> [F] { free.map { gradient[$0] ?? .zero } }

    /// The Hessian over the coordinates `free` (in their order), as a dense symmetric matrix.
    func hessian(over free: [Int]) -> [[F]] {
        free.map { j in free.map { k in hessian[Pair(j, k)] ?? .zero } }
    }

    /// True when value, gradient and Hessian all vanish.
    var isZero: Bool { value.isZero && gradient.isEmpty && hessian.isEmpty }
}
