import Exact
import Networks
import Symbolic
@testable import Certify

/// Independent confirmations of "proved" certificates, by direct exact substitution — no LP,
/// no Clarke enumeration: the mutation tests accept a proved mutant only when these agree.
enum Confirmation {
    /// KKT of problem (2) (all coordinates) or of problem (4) (`coordinates` of one layer,
    /// kinks counted from `fromLayer`): feasible, λ ≥ 0 and zero off the active set, θ = Σλᵢgᵢ
    /// on the coordinates, and every gᵢ with λᵢ > 0 in the Clarke set (`isSubgradient`).
    static func kkt(_ problem: MaxMarginProblem<RealAlgebraic>, _ θ: [RealAlgebraic], λ: [RealAlgebraic],
                    g: [[RealAlgebraic]], coordinates: [Int], fromLayer: Int = 0) -> Bool {
        let m = problem.margins(θ)
        guard m.allSatisfy({ $0 >= 1 }), λ.allSatisfy({ $0.signum >= 0 }),
              zip(λ, m).allSatisfy({ $0.isZero || $1 == 1 }) else { return false }
        let sum = coordinates.indices.map { j in λ.indices.reduce(RealAlgebraic(0)) { $0 + λ[$1] * g[$1][j] } }
        guard sum == coordinates.map({ θ[$0] }) else { return false }
        return λ.indices.allSatisfy { i in
            λ[i].isZero || isSubgradient(g[i], problem, θ, example: i, coordinates: coordinates, fromLayer: fromLayer)
        }
    }

    /// g ∈ ∂°(yΦ(·; x)) restricted to `coordinates`: g = y∇Φ when no neuron of layers ≥
    /// `fromLayer` has input 0; for a depth-2 network with zero inputs only at hidden neurons
    /// that own their incoming weights, g = y∇Φ₀ + Σₖ sₖ Δₖ with sₖ ∈ [0, 1] solved coordinate
    /// by coordinate (Δₖ: the change when neuron k's slope goes from 0 to 1). Anything else is
    /// not confirmable here (false).
    static func isSubgradient(_ g: [RealAlgebraic], _ problem: MaxMarginProblem<RealAlgebraic>, _ θ: [RealAlgebraic],
                              example i: Int, coordinates: [Int], fromLayer: Int) -> Bool {
        let network = problem.network, x = problem.data[i].x, y = problem.data[i].y[0]
        let zeros = network.zeroPreActivations(network.trace(θ, x)).filter { $0.layer >= fromLayer }
        let g0 = network.gradient(θ, x, subgradientAtZero: 0).map { y * $0 }
        if zeros.isEmpty { return coordinates.map({ g0[$0] }) == g }
        let g1 = network.gradient(θ, x, subgradientAtZero: 1).map { y * $0 }
        guard network.depth == 2, zeros.allSatisfy({ $0.layer == 0 }) else { return false }
        let first = network.layers[0].weights
        let owner = (0 ..< first.rows).flatMap { r in (0 ..< first.columns).compactMap { first[r, $0].map { ($0, r) } } }
        guard Set(owner.map(\.0)).count == owner.count else { return false }
        let row = Dictionary(uniqueKeysWithValues: owner)
        var slope: [Int: RealAlgebraic] = [:]
        for (j, k) in coordinates.enumerated() {
            let d = g[j] - g0[k], delta = g1[k] - g0[k]
            if delta.isZero {
                guard d.isZero else { return false }
                continue
            }
            let s = d / delta
            guard s.signum >= 0, s <= 1, let r = row[k] else { return false }
            if let previous = slope[r], previous != s { return false }
            slope[r] = s
        }
        return true
    }

    /// A local optimum of problem (4) by sampling: u is feasible and no sampled feasible point
    /// u + t·d (t = 1/1000, d with entries in [−1, 1]) is shorter.
    static func sampledLocalOptimum(_ p: PerLayerProblem<RealAlgebraic>, _ u: [RealAlgebraic],
                                    _ rng: inout SplitMix64) -> Bool {
        guard p.margins(u).allSatisfy({ $0 >= 1 }) else { return false }
        let t = RealAlgebraic(Rational(1, 1000)), norm = Network.squaredNorm(u)
        for _ in 0 ..< 30 {
            let v = u.map { $0 + t * RealAlgebraic(Rational(Int(rng.next() % 2001) - 1000, 1000)) }
            if p.margins(v).allSatisfy({ $0 >= 1 }) && Network.squaredNorm(v) < norm { return false }
        }
        return true
    }

    /// Minimality among sampled feasible points for a positively homogeneous constraint map:
    /// a random v with all margins positive, scaled by 1/min margin, is feasible and must be
    /// no shorter (in `norm`) than the claimed optimum.
    static func sampledGlobalOptimum(dimension: Int, margins: ([RealAlgebraic]) -> [RealAlgebraic],
                                     norm: ([RealAlgebraic]) -> RealAlgebraic, optimum: [RealAlgebraic],
                                     scaleNorm: (RealAlgebraic, RealAlgebraic) -> RealAlgebraic,
                                     _ rng: inout SplitMix64) -> Bool {
        guard margins(optimum).allSatisfy({ $0 >= 1 }) else { return false }
        for _ in 0 ..< 30 {
            let v = (0 ..< dimension).map { _ in RealAlgebraic(Rational(Int(rng.next() % 21) - 10, 7)) }
            guard let smallest = margins(v).min(), smallest.signum > 0 else { continue }
            if scaleNorm(norm(v), smallest) < norm(optimum) { return false }
        }
        return true
    }

    /// KKT of problem (3): feasible, λ ≥ 0 and zero off the active set, and s = Σλᵢyᵢxᵢ a
    /// subgradient of ‖·‖₁ at β (sⱼ = sign βⱼ where βⱼ ≠ 0, |sⱼ| ≤ 1 elsewhere).
    static func l1KKT(_ p: L1PredictorProblem<RealAlgebraic>, _ β: [RealAlgebraic], λ: [RealAlgebraic]) -> Bool {
        let m = p.margins(β)
        guard m.allSatisfy({ $0 >= 1 }), λ.allSatisfy({ $0.signum >= 0 }),
              zip(λ, m).allSatisfy({ $0.isZero || $1 == 1 }) else { return false }
        let s = β.indices.map { j in λ.indices.reduce(RealAlgebraic(0)) { $0 + λ[$1] * p.labels[$1] * p.inputs[$1][j] } }
        return zip(s, β).allSatisfy { s, b in b.isZero ? s.magnitude <= 1 : s == RealAlgebraic(b.signum) }
    }
}
