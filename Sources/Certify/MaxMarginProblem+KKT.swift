import Exact
import Networks

/// The outcome of `isKKTPoint`.
public enum KKTResult<F: OrderedField & SignedNetworkScalar>: Sendable {
    /// θ is feasible and θ = Σᵢ λᵢ gᵢ with λ ≥ 0, λᵢ = 0 off the active set, and each gᵢ a
    /// convex combination of realizable pattern gradients, so gᵢ ∈ ∂°(yᵢΦ(·; xᵢ))(θ).
    case kkt(multipliers: [F], subgradients: [[F]])
    /// Constraint i is violated: yᵢΦ(θ; xᵢ) < 1.
    case infeasible(constraint: Int, margin: F)
    /// No multipliers exist even over the outer polytope of each Clarke set: a Farkas vector y
    /// with yᵀg ≥ 0 for every candidate subgradient g of an active constraint and yᵀθ < 0.
    case notKKT(farkas: [F])
    /// The printed multipliers fail: they are negative, nonzero off the active set, or admit
    /// no subgradients with θ = Σ λᵢ gᵢ. `farkas`, when that LP is infeasible: (y, z) over θ's
    /// coordinates then the data points, with yᵀg + zᵢ ≥ 0 for every candidate subgradient g
    /// of every active constraint i and yᵀθ + Σzᵢλᵢ < 0.
    case wrongMultipliers(reason: String, farkas: [F]? = nil)
    case undecided(reason: String)

    /// The printed multipliers' own conditions: one per constraint, nonnegative, and zero
    /// where the margin is not 1; `.wrongMultipliers` for the first that fails, else nil.
    static func wrongPrinted(_ printed: [F], margins m: [F]) -> KKTResult? {
        guard printed.count == m.count else {
            return .wrongMultipliers(reason: "\(printed.count) multipliers for \(m.count) data points")
        }
        if let i = printed.indices.first(where: { printed[$0].signum < 0 }) {
            return .wrongMultipliers(reason: "λ\(i + 1) = \(printed[i]) is negative")
        }
        if let i = printed.indices.first(where: { !printed[$0].isZero && m[$0] != 1 }) {
            return .wrongMultipliers(reason: "λ\(i + 1) = \(printed[i]) ≠ 0 but constraint \(i + 1) is not active (margin \(m[i]))")
        }
        return nil
    }
}

extension MaxMarginProblem {
    /// Decides exactly whether θ is a KKT point of problem (2) (Vardi, Shamir, Srebro (2022), App. B):
    /// θ ∈ Σᵢ λᵢ ∂°(yᵢΦ(·; xᵢ))(θ) with λ ≥ 0 and λᵢ = 0 when yᵢΦ(θ; xᵢ) > 1.
    ///
    /// One exact LP in the weights νᵢₚ ≥ 0 of each active constraint i on each activation
    /// pattern p of its zero-input neurons (λᵢ = Σₚ νᵢₚ; this is DESIGN.md's substitution
    /// μ = λ·s generalised to several zero inputs): Σᵢₚ νᵢₚ yᵢ ∇Φₚ(θ; xᵢ) = θ. For a class
    /// label the pieces are also indexed by the classes j attaining max_{j≠c} Φ_j, with gradient
    /// ∇(Φ_c − Φ_j)ₚ (the Clarke set of a minimum, `MarginSubdifferential`). Solved first over
    /// the realizable patterns (a solution proves KKT), then over every pattern not excluded
    /// (infeasibility refutes it); `ClarkeSubdifferential` says which are which, coupled
    /// neurons of shared weights included. With `printed` multipliers (one per data point),
    /// Σₚ νᵢₚ = λᵢ is imposed too.
    /// Past a bound `Deadline`, throws `Unable` (see `LinearProgram.solve`).
    public func isKKTPoint(_ θ: [F], printed: [F]? = nil) throws(Unable) -> KKTResult<F> {
        let m = margins(θ)
        if let i = m.indices.first(where: { m[$0] < 1 }) { return .infeasible(constraint: i, margin: m[i]) }
        let active = m.indices.filter { m[$0] == 1 }
        if let printed, let wrong = KKTResult.wrongPrinted(printed, margins: m) { return wrong }
        var clarke: [Int: MarginSubdifferential<F>] = [:]
        for i in active {
            guard let set = try MarginSubdifferential(network: network, at: θ, example: data[i]) else {
                return .undecided(reason: "more than \(ClarkeSubdifferential<F>.maximumPatterns) activation patterns of the zero neuron inputs at x\(i + 1) are realizable")
            }
            clarke[i] = set
        }
        let inner = try solve(θ, active: active, printed: printed) { clarke[$0]!.inner }
        if case .optimal(let ν, _) = inner.solution {
            return .kkt(multipliers: inner.multipliers(ν), subgradients: inner.subgradients(ν))
        }
        let outer = try solve(θ, active: active, printed: printed) { clarke[$0]!.outer }
        if case .infeasible(let y) = outer.solution {
            guard printed == nil else {
                return .wrongMultipliers(reason: "no subgradients give θ = Σ λᵢ gᵢ with the printed λ (Farkas vector \(y.map(\.description)))",
                                         farkas: y)
            }
            return .notKKT(farkas: Array(y.prefix(θ.count)))
        }
        let open = active.filter { !clarke[$0]!.isExact }.map { "x\($0 + 1)" }.joined(separator: ", ")
        return .undecided(reason: "θ = Σ λᵢ gᵢ holds only with subgradients not shown to lie in the Clarke subdifferential (at \(open), a pattern of deeper zero inputs is realizable at higher order or not at all: its first-order system is infeasible)")
    }

    /// The LP Σᵢₚ νᵢₚ gᵢₚ = θ (and Σₚ νᵢₚ = λᵢ when printed), ν ≥ 0, gᵢₚ the margin gradients
    /// of constraint i's pieces (yᵢ∇Φₚ for a scalar label).
    private func solve(_ θ: [F], active: [Int], printed: [F]?,
                       pieces: (Int) -> [MarginSubdifferential<F>.Piece]) throws(Unable) -> KKTSystem<F> {
        var columns: [(constraint: Int, vector: [F])] = []
        for i in active {
            for p in pieces(i) { columns.append((i, p.gradient)) }
        }
        var rows: [[F]] = θ.indices.map { k in columns.map { $0.vector[k] } }
        var rhs = θ
        if let printed {
            for i in data.indices {
                rows.append(columns.map { $0.constraint == i ? F.one : F.zero })
                rhs.append(printed[i])
            }
        }
        return KKTSystem(columns: columns, dataCount: data.count,
                         solution: try LinearProgram(a: rows, b: rhs).solve())
    }
}

/// The columns and solution of the KKT LP, read back as multipliers and subgradients.
private struct KKTSystem<F: OrderedField & SignedNetworkScalar> {
    let columns: [(constraint: Int, vector: [F])]
    let dataCount: Int
    let solution: LinearProgram<F>.Solution

    func multipliers(_ ν: [F]) -> [F] {
        (0 ..< dataCount).map { i in zip(columns, ν).filter { $0.0.constraint == i }.reduce(F.zero) { $0 + $1.1 } }
    }

    /// gᵢ = Σₚ (νᵢₚ/λᵢ) yᵢ∇Φₚ for λᵢ > 0 (the zero vector otherwise).
    func subgradients(_ ν: [F]) -> [[F]] {
        let λ = multipliers(ν)
        let length = columns.first?.vector.count ?? 0
        return (0 ..< dataCount).map { i in
            guard !λ[i].isZero else { return Array(repeating: F.zero, count: length) }
            var g = Array(repeating: F.zero, count: length)
            for (column, weight) in zip(columns, ν) where column.constraint == i {
                for k in 0 ..< length { g[k] = g[k] + weight / λ[i] * column.vector[k] }
            }
            return g
        }
    }
}
