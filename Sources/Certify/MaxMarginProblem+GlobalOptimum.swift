import Exact
import Networks
import Symbolic

/// The outcome of `globalOptimum`.
public enum GlobalOptimumResult<F: OrderedField & SignedNetworkScalar>: Sendable {
    /// θ is feasible and ‖θ‖² equals the optimal value, which is `value`.
    case optimal(value: F, reason: String)
    /// θ is feasible but ‖θ‖² exceeds the optimal value `value`.
    case notOptimal(value: F, normSquared: F, reason: String)
    case infeasible(constraint: Int)
    case undecided(reason: String)
}

extension MaxMarginProblem where F == RealAlgebraic {
    /// Decides exactly whether θ is a global optimum of problem (2) where the optimal value has
    /// a closed form, and proves it (or leaves it undecided) with a certificate elsewhere:
    /// - fully-connected linear networks of depth m: min ‖θ‖² = m·‖u*‖^(2/m), u* the
    ///   minimum-norm separator (Vardi, Shamir, Srebro (2022), App. C.2: ‖θ‖² = Σ‖W_l‖_F² ≥ m(Π‖W_l‖_F)^(2/m) ≥
    ///   m‖β‖^(2/m) ≥ m‖u*‖^(2/m) for the predictor β = W_m⋯W_1, with equality for a balanced
    ///   rank-one factorisation of u*);
    /// - depth-2 diagonal linear networks: min ‖θ‖² = 2·min ‖β‖₁ over separators β
    ///   (‖w₁‖² + ‖w₂‖² ≥ 2Σ|w₁ᵢw₂ᵢ|, with equality when balanced), an exact LP;
    /// - other depth-2 linear networks in 𝒩_no-share: Theorem 4.2(1) (App. C.5.1) — a KKT
    ///   point whose neurons are balanced (‖w̃_j‖ = |ṽ_j|) with non-zero incoming weights gives
    ///   a KKT point of the convex problem (8), hence a global optimum;
    /// - depth-2 ReLU and leaky-ReLU networks in 𝒩_no-share, and the linear ones Theorem 4.2(1)
    ///   leaves open: the weak-duality certificate `dualCertificate`, which proves optimality
    ///   or leaves it undecided, never refutes it.
    /// Past a bound `Deadline`, throws `Unable` (see `LinearProgram.solve`).
    public func globalOptimum(_ θ: [F]) throws(Unable) -> GlobalOptimumResult<F> {
        let m = margins(θ)
        if let i = m.indices.first(where: { m[$0] < 1 }) { return .infeasible(constraint: i) }
        let normSquared = θ.reduce(F.zero) { $0 + $1 * $1 }
        if let reason = multiClassReason { return .undecided(reason: reason) }
        let linear = network.homogeneityDegree != nil && network.layers.allSatisfy { $0.activation == .linear }
        guard linear, isFullyConnected || (isDiagonal && network.depth == 2) else {
            return try certified(θ, normSquared: normSquared, replayingTheorem42: linear)
        }
        let value: F
        let reason: String
        if isFullyConnected {
            guard let u = try MinimumNormSeparator.solve(inputs: data.map(\.x), labels: data.map { $0.y[0] }) else {
                return .undecided(reason: "no minimum-norm separator: \(MinimumNormSeparator.failureReason)")
            }
            let depth = network.depth
            value = F(Rational(depth)) * u.reduce(F.zero) { $0 + $1 * $1 }.root(depth)
            reason = "fully-connected linear, depth \(depth): min ‖θ‖² = \(depth)·‖u*‖^(2/\(depth)) with u* = (\(u.map(\.description).joined(separator: ", ")))"
        } else {
            let predictor = L1PredictorProblem(inputs: data.map(\.x), labels: data.map { $0.y[0] })
            guard let l1 = try predictor.optimum()?.value else { return .undecided(reason: "the ℓ1 separator LP is infeasible") }
            value = 2 * l1
            reason = "depth-2 diagonal linear: min ‖θ‖² = 2·min ‖β‖₁ = 2·\(l1)"
        }
        if normSquared == value { return .optimal(value: value, reason: reason) }
        precondition(normSquared > value, "a feasible point below the optimum: the closed form is wrong")
        return .notOptimal(value: value, normSquared: normSquared, reason: reason)
    }

    /// Without a closed form: the replay of Theorem 4.2(1) (when asked, for linear networks),
    /// then the dual certificate; `.optimal` or `.undecided` with both reasons.
    func certified(_ θ: [F], normSquared: F, replayingTheorem42: Bool) throws(Unable) -> GlobalOptimumResult<F> {
        var reasons: [String] = []
        if replayingTheorem42 {
            let replay = try theorem42(θ, normSquared: normSquared)
            guard case .undecided(let reason) = replay else { return replay }
            reasons.append("Theorem 4.2(1): \(reason)")
        }
        let dual = try dualCertificate(θ)
        let explanation = dual.explanation { Constant($0).description }
        if case .certified = dual { return .optimal(value: normSquared, reason: explanation) }
        return .undecided(reason: (reasons + ["dual certificate: \(explanation)"]).joined(separator: "; "))
    }

    /// The replay of Theorem 4.2(1) for depth-2 linear networks without shared weights.
    func theorem42(_ θ: [F], normSquared: F) throws(Unable) -> GlobalOptimumResult<F> {
        let indices = network.layers.flatMap { $0.weights.entries.compactMap { $0 } }
        guard network.depth == 2, Set(indices).count == indices.count else {
            return .undecided(reason: "it covers depth-2 linear 𝒩_no-share networks")
        }
        for (j, (incoming, outgoing)) in neuronWeights(θ).enumerated() {
            guard !incoming.isZero else {
                return .undecided(reason: "hidden neuron \(j + 1) has zero incoming weights; Theorem 4.2(1) needs them non-zero")
            }
            guard incoming == outgoing else {
                return .undecided(reason: "hidden neuron \(j + 1) is not balanced; Theorem 4.2(1) applies to limits of gradient flow, which are balanced")
            }
        }
        guard case .kkt(let λ, _) = try isKKTPoint(θ) else {
            return .undecided(reason: "not shown to be a KKT point, which Theorem 4.2(1) needs")
        }
        return .optimal(value: normSquared, reason: "Theorem 4.2(1) (Vardi, Shamir, Srebro (2022), App. C.5.1): depth-2 linear 𝒩_no-share, KKT with λ = (\(λ.map(\.description).joined(separator: ", "))), balanced, non-zero weight vectors")
    }

    /// Every layer fully connected, no weight shared.
    var isFullyConnected: Bool {
        let all = network.layers.flatMap { $0.weights.entries }
        return all.allSatisfy { $0 != nil } && Set(all.compactMap { $0 }).count == all.count
    }

    /// Every hidden layer diagonal (the last a row), no weight shared.
    var isDiagonal: Bool {
        let all = network.layers.flatMap { $0.weights.entries.compactMap { $0 } }
        guard Set(all).count == all.count else { return false }
        return network.layers.dropLast().allSatisfy { layer in
            let w = layer.weights
            return w.rows == w.columns && (0 ..< w.rows).allSatisfy { i in
                (0 ..< w.columns).allSatisfy { j in (w[i, j] != nil) == (i == j) }
            }
        } && network.layers.last!.weights.entries.allSatisfy { $0 != nil }
    }
}
