import Foundation
import Networks

/// How far a point is from a KKT point of the max-margin problem
/// min ½‖θ‖² s.t. y_i Φ(θ; x_i) ≥ 1 (Vardi, Shamir, Srebro (2022) Problem (2)), in the approximate-KKT sense of
/// Lyu & Li (2019): θ is first rescaled to θ̂ = θ / q_min^{1/L} so that its smallest margin
/// is 1; then λ ≥ 0 minimises ‖θ̂ − Σ λ_i ∇q_i(θ̂)‖ (non-negative least squares).
public struct KKTResidual: Sendable, Codable, Equatable {
    /// ‖θ̂ − Σ λ_i ∇q_i(θ̂)‖ / ‖θ̂‖.
    public var stationarity: Double
    /// Σ λ_i (q_i(θ̂) − 1): the multiplier mass on constraints that are not tight.
    public var complementarity: Double
    public var multipliers: [Double]
}

extension Network {
    /// The KKT residual of θ for a homogeneous scalar-output network on classification data;
    /// nil when Φ is not homogeneous or some margin is ≤ 0 (θ is not feasible after scaling).
    /// ReLU derivatives at an input exactly 0 use σ'(0) = 0 (one element of the Clarke set).
    public func kktResidual(_ θ: [Double], on data: [LabeledPoint<Double>]) -> KKTResidual? {
        guard let degree = homogeneityDegree, outputDimension == 1 else { return nil }
        guard let qMin = margins(θ, on: data).min(), qMin > 0 else { return nil }
        let scale = pow(qMin, -1 / Double(degree))
        let θ̂ = θ.map { $0 * scale }
        let q = margins(θ̂, on: data)
        let gradients = data.map { point in gradient(θ̂, point.x).map { $0 * point.y[0] } }
        let λ = nonNegativeLeastSquares(columns: gradients, target: θ̂)
        var residual = θ̂
        for (λi, g) in zip(λ, gradients) { for k in residual.indices { residual[k] -= λi * g[k] } }
        let stationarity = (Network.squaredNorm(residual) / Network.squaredNorm(θ̂)).squareRoot()
        let complementarity: Double = zip(λ, q).reduce(0) { $0 + $1.0 * ($1.1 - 1) }
        return KKTResidual(stationarity: stationarity, complementarity: complementarity, multipliers: λ)
    }
}

/// argmin_{λ ≥ 0} ‖Σ λ_j c_j − b‖ by the active-set method of Lawson & Hanson (1974).
func nonNegativeLeastSquares(columns c: [[Double]], target b: [Double]) -> [Double] {
    let n = c.count
    func dot(_ u: [Double], _ v: [Double]) -> Double { zip(u, v).reduce(0) { $0 + $1.0 * $1.1 } }
    func residual(_ λ: [Double]) -> [Double] {
        var r = b
        for j in 0 ..< n where λ[j] != 0 { for k in r.indices { r[k] -= λ[j] * c[j][k] } }
        return r
    }
    /// The unconstrained least-squares solution on the passive set (zero elsewhere).
    func leastSquares(on passive: [Int]) -> [Double] {
        let gram = passive.map { i in passive.map { dot(c[i], c[$0]) } }
        let s = LUDecomposition(gram).solve(passive.map { dot(c[$0], b) })
        var full = [Double](repeating: 0, count: n)
        for (i, j) in passive.enumerated() { full[j] = s[i] }
        return full
    }
    let tolerance = 1e-12 * max(1, dot(b, b).squareRoot()) * max(1, c.map { dot($0, $0).squareRoot() }.max() ?? 1)
    var λ = [Double](repeating: 0, count: n)
    var passive: [Int] = []
    for _ in 0 ..< 3 * n + 3 {
        let r = residual(λ)
        let w = (0 ..< n).map { dot(c[$0], r) }
        guard let j = (0 ..< n).filter({ !passive.contains($0) }).max(by: { w[$0] < w[$1] }), w[j] > tolerance else { break }
        passive.append(j)
        while true {
            let s = leastSquares(on: passive)
            guard s.allSatisfy(\.isFinite) else { return λ }
            let blocking = passive.filter { s[$0] <= 0 }
            if blocking.isEmpty { λ = s; break }
            let α = blocking.map { λ[$0] / (λ[$0] - s[$0]) }.min()!
            λ = zip(λ, s).map { $0 + α * ($1 - $0) }
            passive.removeAll { λ[$0] <= tolerance }
            for j in 0 ..< n where !passive.contains(j) { λ[j] = 0 }
            if passive.isEmpty { break }
        }
    }
    return λ
}
