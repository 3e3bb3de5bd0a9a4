import Exact
import Networks

/// Problem (3) of Vardi, Shamir, Srebro (2022) (Remark 4.1), margin maximization in predictor space for
/// depth-2 diagonal linear networks:
///
///     minimize ‖β‖₁  subject to  yᵢ⟨β, xᵢ⟩ ≥ 1 for every i.
///
/// Minimising ‖θ‖² under problem (2)'s constraints for a depth-L diagonal linear network
/// minimises the quasi-norm ‖β‖_{2/L} of its predictor (Gunasekar et al. 2018b, as cited in
/// Vardi, Shamir, Srebro (2022) §2); for L = 2 that is ‖β‖₁, this problem. It is an LP (β = β⁺ − β⁻), so every
/// check here is exact and both ways: with affine constraints, KKT ⇔ local ⇔ global optimum.
public struct L1PredictorProblem<F: OrderedField & SignedNetworkScalar>: Sendable {
    public let inputs: [[F]]
    public let labels: [F]

    /// Precondition: one label per input, all inputs of one dimension.
    public init(inputs: [[F]], labels: [F]) {
        precondition(inputs.count == labels.count && Set(inputs.map(\.count)).count <= 1, "data shape")
        self.inputs = inputs
        self.labels = labels
    }

    public var dimension: Int { inputs.first?.count ?? 0 }

    /// zᵢ = yᵢxᵢ, so the constraints read ⟨β, zᵢ⟩ ≥ 1.
    var z: [[F]] { zip(inputs, labels).map { x, y in x.map { $0 * y } } }

    /// yᵢ⟨β, xᵢ⟩ for every i.
    public func margins(_ β: [F]) -> [F] {
        precondition(β.count == dimension, "β has \(β.count) entries, the inputs \(dimension)")
        return z.map { MinimumNormSeparator.dot($0, β) }
    }

    /// ‖β‖₁.
    public static func l1Norm(_ β: [F]) -> F { β.reduce(F.zero) { $0 + $1.magnitude } }

    /// Decides exactly whether β is a KKT point: Σᵢ λᵢzᵢ ∈ ∂‖β‖₁ with λ ≥ 0 and λᵢ = 0 when
    /// ⟨β, zᵢ⟩ > 1, i.e. (Σλᵢzᵢ)ⱼ = sign βⱼ where βⱼ ≠ 0 and |(Σλᵢzᵢ)ⱼ| ≤ 1 where βⱼ = 0 — an
    /// exact LP in λ. `subgradients` holds the one vector s = Σλᵢzᵢ ∈ ∂‖β‖₁; a `farkas` vector
    /// certifies that this LP (its rows: the coordinates with βⱼ ≠ 0, then two per zero
    /// coordinate, then the printed multipliers) has no solution. With `printed` multipliers
    /// they are imposed.
    /// Past a bound `Deadline`, throws `Unable` (see `LinearProgram.solve`).
    public func isKKTPoint(_ β: [F], printed: [F]? = nil) throws(Unable) -> KKTResult<F> {
        let m = margins(β)
        if let i = m.indices.first(where: { m[$0] < 1 }) { return .infeasible(constraint: i, margin: m[i]) }
        let active = m.indices.filter { m[$0] == 1 }
        if let printed, let wrong = KKTResult.wrongPrinted(printed, margins: m) { return wrong }
        let z = self.z
        let zeros = β.indices.filter { β[$0].isZero }
        let width = active.count + 2 * zeros.count
        func row(_ coefficients: [F], slack: Int? = nil) -> [F] {
            coefficients + (0 ..< 2 * zeros.count).map { $0 == slack ? F.one : F.zero }
        }
        let column = { (j: Int) in active.map { z[$0][j] } }
        var rows: [[F]] = [], rhs: [F] = []
        for j in β.indices where !β[j].isZero {
            rows.append(row(column(j)))
            rhs.append(F(Rational(β[j].signum)))
        }
        for (k, j) in zeros.enumerated() {
            rows.append(row(column(j), slack: 2 * k))
            rows.append(row(column(j).map { -$0 }, slack: 2 * k + 1))
            rhs += [F.one, F.one]
        }
        for (k, i) in active.enumerated() where printed != nil {
            rows.append((0 ..< width).map { $0 == k ? F.one : F.zero })
            rhs.append(printed![i])
        }
        switch try LinearProgram(a: rows, b: rhs).solve() {
        case let .optimal(x, _):
            var λ = Array(repeating: F.zero, count: m.count)
            for (k, i) in active.enumerated() { λ[i] = x[k] }
            let s = β.indices.map { j in active.reduce(F.zero) { $0 + λ[$1] * z[$1][j] } }
            return .kkt(multipliers: λ, subgradients: [s])
        case let .infeasible(y):
            return printed == nil ? .notKKT(farkas: y)
                : .wrongMultipliers(reason: "no subgradient of ‖β‖₁ equals Σ λᵢyᵢxᵢ with the printed λ (Farkas vector \(y.map(\.description)))")
        case .unbounded:
            preconditionFailure("a feasibility LP is never unbounded")
        }
    }

    /// The optimal value min ‖β‖₁ and an optimal β, with the dual y certifying it
    /// (Σᵢyᵢ = ‖β‖₁, LinearProgram's verified strong duality); nil when the data are not
    /// separable through the origin.
    /// Past a bound `Deadline`, throws `Unable` (see `LinearProgram.solve`).
    public func optimum() throws(Unable) -> (value: F, predictor: [F], dual: [F])? {
        let d = dimension, n = inputs.count
        let rows: [[F]] = z.enumerated().map { i, zi in zi + zi.map { -$0 } + (0 ..< n).map { $0 == i ? -F.one : F.zero } }
        let cost = Array(repeating: F.one, count: 2 * d) + Array(repeating: F.zero, count: n)
        guard case let .optimal(x, y) = try LinearProgram(a: rows, b: Array(repeating: F.one, count: n), c: cost).solve() else {
            return nil
        }
        return (x.prefix(2 * d).reduce(F.zero, +), (0 ..< d).map { x[$0] - x[d + $0] }, y)
    }

    /// Decides exactly whether β is a global optimum: feasible with ‖β‖₁ equal to the LP's
    /// optimal value (primal value = dual value, checked exactly). In `.notOptimal` the
    /// `normSquared` field carries ‖β‖₁.
    /// Past a bound `Deadline`, throws `Unable` (see `LinearProgram.solve`).
    public func globalOptimum(_ β: [F]) throws(Unable) -> GlobalOptimumResult<F> {
        let m = margins(β)
        if let i = m.indices.first(where: { m[$0] < 1 }) { return .infeasible(constraint: i) }
        guard let (value, _, dual) = try optimum() else {
            preconditionFailure("a feasible β makes the LP feasible and its objective is bounded below by 0")
        }
        let norm = Self.l1Norm(β)
        let reason = "exact LP: min ‖β‖₁ = \(value) = Σ yᵢ for the dual y = (\(dual.map(\.description).joined(separator: ", ")))"
        return norm == value ? .optimal(value: value, reason: reason) : .notOptimal(value: value, normSquared: norm, reason: reason)
    }
}
