import Exact
import Foundation
import GradientFlow
import Networks

/// The combinatorics of a numerical limit direction, and that direction refined to a KKT point
/// of the max-margin problem min ½‖θ‖² s.t. yᵢΦ(θ; xᵢ) ≥ 1 with those combinatorics fixed.
///
/// For a network homogeneous of degree L, θ/‖θ‖ (from a flow) is scaled so that its smallest
/// margin is 1. Then: the **active** examples (margin ≤ 1 + `activeTolerance`), the entries
/// that vanish (|θⱼ| ≤ `zeroTolerance`·‖θ‖), and Newton's method (damped least squares) on the
/// KKT system of the fixed pattern, in the unknowns θ_F (the nonzero entries) and λ_A (an
/// example whose multiplier comes out negative is taken out of A and the system solved again):
///
///   θ_F − Σ_{i∈A} λᵢ ∇_F(yᵢΦ(θ; xᵢ)) = 0,   yᵢΦ(θ; xᵢ) = 1 (i ∈ A),
///
/// with the Jacobian by central differences. The result is a candidate: its entries are
/// recognised (`AlgebraicGuess`) and only the exactly verified point counts.
public struct LimitCandidate: Sendable {
    /// θ scaled to smallest margin 1 and refined.
    public let theta: [Double]
    /// The multipliers of the active examples (0 for the inactive ones).
    public let multipliers: [Double]
    /// The active examples, by index.
    public let active: [Int]
    /// The entries fixed at 0.
    public let zeroEntries: [Int]
    /// The largest entry of the KKT system's residual after refinement.
    public let residual: Double
    /// Newton steps taken.
    public let iterations: Int
    /// The KKT system of the pattern and its solution u = (θ_F, λ_A), for `precise(on:bits:)`.
    let system: KKTSystem
    let solution: [Double]

    public static let activeTolerance = 1e-2
    public static let zeroTolerance = 1e-4

    /// The candidate for the direction of `theta` (any positive multiple), or nil when the
    /// network is not homogeneous or some margin is not positive.
    public init?(direction theta: [Double], network: Network, data: [LabeledPoint<Double>]) {
        guard let degree = network.homogeneityDegree, network.outputDimension == 1 else { return nil }
        guard let smallest = network.margins(theta, on: data).min(), smallest > 0 else { return nil }
        let factor = pow(1 / smallest, 1 / Double(degree))
        var θ = theta.map { $0 * factor }
        let norm = θ.map { $0 * $0 }.reduce(0, +).squareRoot()
        var zero = θ.indices.filter { abs(θ[$0]) <= Self.zeroTolerance * norm }
        for j in zero { θ[j] = 0 }
        let margins = network.margins(θ, on: data)
        var active = margins.indices.filter { margins[$0] <= 1 + Self.activeTolerance }
        var free = θ.indices.filter { !zero.contains($0) }
        var (system, u, residual, iterations) = Self.refine(θ, network, data, free, active)
        // An example with a negative multiplier leaves the active set; an entry that Newton
        // drives to about 0 joins the zero entries; then the pattern is refined again.
        for _ in 0..<θ.count + data.count {
            if let negative = active.indices.first(where: { u[free.count + $0] < -1e-9 }), active.count > 1 {
                active.remove(at: negative)
            } else if let tiny = free.indices.first(where: { abs(u[$0]) <= 1e-8 * norm }) {
                zero.append(free.remove(at: tiny))
            } else {
                break
            }
            (system, u, residual, iterations) = Self.refine(system.theta(u), network, data, free, active)
        }
        let refined = system.theta(u)
        var λ = Array(repeating: 0.0, count: data.count)
        for (k, i) in active.enumerated() { λ[i] = u[free.count + k] }
        self.theta = refined
        multipliers = λ
        self.active = active
        zeroEntries = zero.sorted()
        self.residual = residual
        self.iterations = iterations
        self.system = system
        solution = u
    }
}

extension LimitCandidate {
    /// Newton's method on the KKT system of the pattern from θ: the system, the last iterate,
    /// its largest residual and the steps taken.
    static func refine(_ θ: [Double], _ network: Network, _ data: [LabeledPoint<Double>], _ free: [Int],
                       _ active: [Int]) -> (KKTSystem, [Double], Double, Int) {
        let system = KKTSystem(network: network, data: data, free: free, active: active, size: θ.count)
        var u = free.map { θ[$0] } + system.leastSquaresMultipliers(θ)
        var iterations = 0
        var residual = system.residual(u).map(abs).max() ?? 0
        while iterations < 30 && residual > 1e-15 {
            guard let next = system.newtonStep(u) else { break }
            let nextResidual = system.residual(next).map(abs).max() ?? 0
            guard nextResidual < residual else { break }
            (u, residual) = (next, nextResidual)
            iterations += 1
        }
        return (system, u, residual, iterations)
    }
}

/// The KKT system of a fixed pattern, as a function of u = (θ_F, λ_A).
struct KKTSystem: Sendable {
    let network: Network
    let data: [LabeledPoint<Double>]
    let free: [Int]
    let active: [Int]
    let size: Int

    func theta<S: NetworkScalar>(_ u: [S]) -> [S] {
        var θ = Array(repeating: S.zero, count: size)
        for (k, j) in free.enumerated() { θ[j] = u[k] }
        return θ
    }

    /// ∇_θ of yΦ(θ; x), with slope 1 at a pre-activation that is exactly 0 (in the Clarke
    /// set of ReLU and leaky ReLU; the exact check decides the KKT conditions there).
    func marginGradient<S: SignedNetworkScalar>(_ θ: [S], _ example: LabeledPoint<S>) -> [S] {
        network.gradient(θ, example.x, subgradientAtZero: .one).map { $0 * example.y[0] }
    }

    func marginGradient(_ θ: [Double], _ i: Int) -> [Double] { marginGradient(θ, data[i]) }

    /// The KKT system's left-hand sides at u = (θ_F, λ_A), on `data` (the same examples,
    /// in double precision or exactly).
    func residual<S: SignedNetworkScalar>(_ u: [S], on data: [LabeledPoint<S>]) -> [S] {
        let θ = theta(u)
        var stationarity = free.map { θ[$0] }
        for (k, i) in active.enumerated() {
            let g = marginGradient(θ, data[i])
            for (r, j) in free.enumerated() { stationarity[r] = stationarity[r] - u[free.count + k] * g[j] }
        }
        let margins = network.margins(θ, on: data)
        return stationarity + active.map { margins[$0] - S(Rational.one) }
    }

    func residual(_ u: [Double]) -> [Double] { residual(u, on: data) }

    /// λ minimising ‖θ_F − Σ λᵢ∇_F mᵢ‖ (normal equations with a tiny ridge).
    func leastSquaresMultipliers(_ θ: [Double]) -> [Double] {
        let g = active.map { i in free.map { marginGradient(θ, i)[$0] } }
        let n = active.count
        guard n > 0 else { return [] }
        var a = Array(repeating: Array(repeating: 0.0, count: n), count: n), b = Array(repeating: 0.0, count: n)
        for p in 0..<n {
            for q in 0..<n { a[p][q] = zip(g[p], g[q]).map(*).reduce(0, +) }
            a[p][p] += 1e-12
            b[p] = zip(g[p], free.map { θ[$0] }).map(*).reduce(0, +)
        }
        return LUDecomposition(a).solve(b)
    }

    /// The Jacobian of the residual at u, by central differences.
    func jacobian(_ u: [Double]) -> [[Double]] {
        let m = free.count + active.count, n = u.count
        var jacobian = Array(repeating: Array(repeating: 0.0, count: n), count: m)
        for c in 0..<n {
            let h = 1e-7 * max(1, abs(u[c]))
            var plus = u, minus = u
            plus[c] += h
            minus[c] -= h
            let (fp, fm) = (residual(plus), residual(minus))
            for r in 0..<m { jacobian[r][c] = (fp[r] - fm[r]) / (2 * h) }
        }
        return jacobian
    }

    /// The damped Gauss–Newton correction Δ with (JᵀJ + μI)Δ = −Jᵀf; nil when it is not finite.
    static func correction(_ jacobian: [[Double]], _ f: [Double]) -> [Double]? {
        let m = f.count, n = jacobian.first?.count ?? 0
        var a = Array(repeating: Array(repeating: 0.0, count: n), count: n), b = Array(repeating: 0.0, count: n)
        for p in 0..<n {
            for q in 0..<n { a[p][q] = (0..<m).reduce(0) { $0 + jacobian[$1][p] * jacobian[$1][q] } }
            a[p][p] += 1e-14 * max(1, a[p][p])
            b[p] = -(0..<m).reduce(0) { $0 + jacobian[$1][p] * f[$1] }
        }
        let delta = LUDecomposition(a).solve(b)
        return delta.allSatisfy(\.isFinite) ? delta : nil
    }

    /// One damped Gauss–Newton step, the Jacobian by central differences; nil when it is not finite.
    func newtonStep(_ u: [Double]) -> [Double]? {
        Self.correction(jacobian(u), residual(u)).map { zip(u, $0).map(+) }
    }
}
