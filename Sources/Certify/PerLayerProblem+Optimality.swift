import Exact
import Networks

extension PerLayerProblem {
    /// Decides exactly whether u is a KKT point of problem (4): u ∈ Σᵢ λᵢ ∂°hᵢ(u) with λ ≥ 0
    /// and λᵢ = 0 when hᵢ(u) > 1 — the restriction of problem (2)'s KKT conditions to layer l.
    ///
    /// Solved as the KKT LP of the linearization (see the type's documentation): first over
    /// the pieces realizable by moving layer l alone (a solution proves KKT), then over all
    /// pieces (infeasibility refutes it, with a Farkas vector over u's coordinates).
    /// `multipliers` are per example and `subgradients` the gᵢ ∈ ∂°hᵢ(u), over layer l's
    /// coordinates. With `printed` multipliers (one per example) they are imposed; at an
    /// active example with a kink the split of λᵢ among the pieces is not enumerated, so
    /// the answer there is undecided.
    /// Past a bound `Deadline`, throws `Unable` (see `LinearProgram.solve`).
    public func isKKTPoint(_ u: [F], printed: [F]? = nil) throws(Unable) -> KKTResult<F> {
        let m = margins(u)
        if let i = m.indices.first(where: { m[$0] < 1 }) { return .infeasible(constraint: i, margin: m[i]) }
        var pieces: [[(gradient: [F], isRealizable: Bool)]] = []
        for i in m.indices {
            guard let p = try self.pieces(u, example: i) else {
                return .undecided(reason: "more than \(ClarkeSubdifferential<F>.maximumPatterns) activation patterns of the zero neuron inputs at x\(i + 1) are realizable")
            }
            pieces.append(p)
        }
        if let printed {
            if let wrong = KKTResult.wrongPrinted(printed, margins: m) { return wrong }
            if let i = printed.indices.first(where: { !printed[$0].isZero && pieces[$0].count > 1 }) {
                return .undecided(reason: "x\(i + 1) meets a kink of layers ≥ \(layer + 1); give no multipliers and the LP finds them")
            }
        }
        let inner = try solve(u, pieces, printed: printed) { $0.isRealizable }
        // With printed λ, a piece left out (not realizable) would silently set its λᵢ to 0.
        if case .kkt(let λ, _) = inner, printed == nil || λ == printed! { return inner }
        if pieces.allSatisfy({ $0.allSatisfy(\.isRealizable) }) { return inner }
        let outer = try solve(u, pieces, printed: printed) { _ in true }
        if case .notKKT = outer { return outer }
        if case .wrongMultipliers = outer { return outer }
        return .undecided(reason: "u = Σ λᵢ gᵢ holds only with pieces not shown to lie in the Clarke subdifferential of the per-layer problem")
    }

    /// The KKT LP of the linearization over the chosen pieces, read back per example.
    private func solve(_ u: [F], _ pieces: [[(gradient: [F], isRealizable: Bool)]], printed: [F]?,
                       choosing keep: ((gradient: [F], isRealizable: Bool)) -> Bool) throws(Unable) -> KKTResult<F> {
        let chosen = pieces.enumerated().flatMap { i, p in p.filter(keep).map { (example: i, gradient: $0.gradient) } }
        let (linear, examples) = linearization(chosen)
        let copyMultipliers = printed.map { λ in examples.map { λ[$0] } }
        switch try linear.isKKTPoint(u, printed: copyMultipliers) {
        case let .kkt(ν, _):
            let λ = pieces.indices.map { i in zip(examples, ν).filter { $0.0 == i }.reduce(F.zero) { $0 + $1.1 } }
            let g: [[F]] = pieces.indices.map { i in
                var g = Array(repeating: F.zero, count: u.count)
                guard !λ[i].isZero else { return g }
                for (k, piece) in chosen.enumerated() where piece.example == i {
                    for j in g.indices { g[j] = g[j] + ν[k] / λ[i] * piece.gradient[j] }
                }
                return g
            }
            return .kkt(multipliers: λ, subgradients: g)
        case let .infeasible(c, margin):
            return .infeasible(constraint: examples[c], margin: margin)
        case let .notKKT(y):
            return .notKKT(farkas: y)
        case let .wrongMultipliers(reason, y):
            // The linearization's vector (y over u, z over its pieces) by example: zᵢ of example
            // i's piece, its only one where λᵢ ≠ 0; 0 where λᵢ = 0 (the Farkas conditions do
            // not read it there).
            let z = pieces.indices.map { i in
                printed.flatMap { $0[i].isZero ? nil : examples.firstIndex(of: i) }.flatMap { k in y.map { $0[u.count + k] } } ?? .zero
            }
            return .wrongMultipliers(reason: reason, farkas: y.map { Array($0.prefix(u.count)) + z })
        case let .undecided(reason):
            return .undecided(reason: reason)
        }
    }

    /// Decides whether u is a local optimum of problem (4): the piecewise second-order engine
    /// `LocalOptimality` with layer l's coordinates free and the other layers fixed at θ₀
    /// (proved by the second-order sufficient condition on every piece, refuted by a verified
    /// arc that moves layer l only). When it leaves u open, a failed KKT test (over all
    /// pieces) still refutes — KKT is necessary, as the direction u raises every active hᵢ
    /// (⟨g, u⟩ = hᵢ(u) for g ∈ ∂°hᵢ(u), Euler).
    /// Past a bound `Deadline`, throws `Unable` (see `LinearProgram.solve`).
    public func localOptimum(_ u: [F]) throws(Unable) -> LocalOptimumResult where F == RealAlgebraic {
        let engine = LocalOptimality(network: problem.network, data: problem.data, point: point(u), free: coordinates)
        let result = try engine.result(problem: "the per-layer problem for layer \(layer + 1)")
        guard case let .undecided(reason, explanation) = result else { return result }
        if case .notKKT = try isKKTPoint(u) {
            return .notKKT("not a KKT point of the per-layer problem, and KKT is necessary for its local optima (\(reason))")
        }
        return .undecided(reason, explanation: explanation)
    }

    /// Decides whether u is a global optimum of problem (4) when the layers ≥ l are linear
    /// (linear networks, Theorem 5.2 of Vardi, Shamir, Srebro (2022), App. C.9; and the last layer of any network
    /// in 𝒩): every hᵢ is then linear, hᵢ(u) = ⟨aᵢ, u⟩, so problem (4) is the minimum-norm
    /// separator of the aᵢ, whose optimum u* is unique (strictly convex objective); u is
    /// optimal iff it is feasible and ‖u‖² = ‖u*‖². Otherwise the global optimum is not
    /// decided (for ReLU layers it may differ from a local one, Theorem 5.4).
    /// Past a bound `Deadline`, throws `Unable` (see `LinearProgram.solve`).
    public func globalOptimum(_ u: [F]) throws(Unable) -> GlobalOptimumResult<F> {
        let m = margins(u)
        if let i = m.indices.first(where: { m[$0] < 1 }) { return .infeasible(constraint: i) }
        guard problem.network.layers[layer...].allSatisfy({ $0.activation == .linear }) else {
            return .undecided(reason: "the global optimum of the per-layer problem is decided when the layers ≥ \(layer + 1) are linear (Theorem 5.2)")
        }
        let a = try problem.data.indices.map { i throws(Unable) in try pieces(u, example: i)![0].gradient }
        guard let optimum = try MinimumNormSeparator.solve(inputs: a, labels: a.map { _ in F.one }) else {
            return .undecided(reason: "no exact separator of the linearization: \(MinimumNormSeparator.failureReason)")
        }
        let value = Network.squaredNorm(optimum), normSquared = Network.squaredNorm(u)
        let reason = "Theorem 5.2 (Vardi, Shamir, Srebro (2022), App. C.9): with linear layers ≥ \(layer + 1), the per-layer problem (their problem (4)) is min ½‖u‖² s.t. ⟨aᵢ, u⟩ ≥ 1, whose unique optimum u* is solved exactly"
        return normSquared == value ? .optimal(value: value, reason: reason)
                                    : .notOptimal(value: value, normSquared: normSquared, reason: reason)
    }
}
