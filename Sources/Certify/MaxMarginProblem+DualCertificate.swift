import Exact
import Networks

/// A weak-duality certificate that θ is a global optimum of problem (2) (see
/// `MaxMarginProblem.dualCertificate`).
public struct DualCertificate<F: OrderedField & SignedNetworkScalar>: Sendable, CustomStringConvertible {
    /// λ ≥ 0, one per data point, from the KKT conditions at θ.
    public let multipliers: [F]
    /// Σᵢλᵢ = ½‖θ‖²: the lower bound on ½‖θ′‖² over feasible θ′, attained by θ.
    public let value: F
    /// The hidden neuron (0-based) with the largest bound on its dual constraint, and that
    /// bound's cell; nil when no hidden neuron reaches the output.
    public let tightest: (neuron: Int, cell: DualConstraint<F>.Cell)?

    public var description: String { description(showing: \.description) }

    /// The evidence, with numbers written by `show`.
    public func description(showing show: (F) -> String) -> String {
        let λ = multipliers.map(show).joined(separator: ", ")
        let bound = tightest.map { n, cell in
            "; every hidden neuron's dual constraint holds: sup over unit u of |Σᵢλᵢyᵢσ(u·xᵢ)|² ≤ max over realizable activation sets ‖g_A‖² = \(show(cell.squaredNorm)) ≤ 1 (attained at neuron \(n + 1), A = \(cell.setDescription))"
        } ?? ""
        return "dual certificate (weak duality, the convex dual of Pilanci–Ergen): λ = (\(λ)), Σλᵢ = ½‖θ‖² = \(show(value))\(bound)"
    }
}

public enum DualCertificateResult<F: OrderedField & SignedNetworkScalar>: Sendable {
    case certified(DualCertificate<F>)
    /// With the KKT multipliers λ, hidden neuron `neuron` (0-based) has a realizable cell with
    /// ‖g_A‖² > 1: the bound is loose there, λ is not a dual optimum, or θ is not a global
    /// optimum — undecided.
    case exceeded(multipliers: [F], neuron: Int, cell: DualConstraint<F>.Cell)
    case undecided(reason: String)

    /// The certificate's evidence, or the reason there is none, with numbers written by `show`.
    public func explanation(showing show: (F) -> String) -> String {
        switch self {
        case .certified(let certificate): certificate.description(showing: show)
        case let .exceeded(λ, neuron, cell):
            "with λ = (\(λ.map(show).joined(separator: ", "))), hidden neuron \(neuron + 1) has a realizable activation set A = \(cell.setDescription) with ‖g_A‖² = \(show(cell.squaredNorm)) > 1 (the bound is loose there, λ is not a dual optimum, or θ is not a global optimum)"
        case .undecided(let reason): reason
        }
    }
}

extension MaxMarginProblem {
    /// Tries to certify that θ is a global optimum of problem (2) for a depth-2 network in
    /// 𝒩_no-share, Φ(θ; x) = Σⱼ vⱼ σ(⟨wⱼ, x⟩) with σ linear, ReLU or leaky ReLU and wⱼ free on
    /// the coordinates Sⱼ of its row's pattern, by weak duality. For λ ≥ 0 and feasible θ′,
    ///
    ///     Σᵢλᵢ ≤ ΣᵢλᵢyᵢΦ(θ′; xᵢ) = Σⱼ v′ⱼ‖w′ⱼ‖ hⱼ(w′ⱼ/‖w′ⱼ‖) ≤ Σⱼ |v′ⱼ|‖w′ⱼ‖ Mⱼ,
    ///
    /// with hⱼ(u) = Σᵢλᵢyᵢσ(⟨u, xᵢ⟩) (σ is positively homogeneous) and Mⱼ = sup |hⱼ(u)| over
    /// unit u supported on Sⱼ. If every Mⱼ ≤ 1, then Σⱼ|v′ⱼ|‖w′ⱼ‖ ≤ Σⱼ ½(v′ⱼ² + ‖w′ⱼ‖²) ≤ ½‖θ′‖²
    /// (AM–GM; no weight is shared), so ½‖θ′‖² ≥ Σλᵢ for every feasible θ′, and a feasible θ
    /// with ½‖θ‖² = Σλᵢ is a global optimum. `DualConstraint` bounds each Mⱼ exactly.
    ///
    /// λ is taken from the KKT conditions (`isKKTPoint`): at a KKT point of this 2-homogeneous
    /// problem Σλᵢ = ½‖θ‖² (Euler's identity ⟨θ, g⟩ = 2Φ on the Clarke subdifferential, and
    /// complementary slackness). When a bound exceeds 1 the answer is `exceeded` — the bound
    /// may be loose, another multiplier vector may work, or θ may not be a global optimum —
    /// never a refutation.
    /// Past a bound `Deadline`, throws `Unable` (see `LinearProgram.solve`).
    public func dualCertificate(_ θ: [F]) throws(Unable) -> DualCertificateResult<F> {
        guard let neurons = noShareNeurons else {
            return .undecided(reason: "it covers depth-2 networks without shared weights, skip connection or bias, with a linear output")
        }
        let λ: [F]
        switch try isKKTPoint(θ) {
        case .kkt(let multipliers, _): λ = multipliers
        case .infeasible(let i, _): return .undecided(reason: "θ is infeasible (constraint \(i + 1))")
        case .notKKT, .wrongMultipliers, .undecided:
            return .undecided(reason: "θ is not shown to be a KKT point, which supplies the multipliers λ")
        }
        precondition(λ.allSatisfy { $0.signum >= 0 }, "KKT multipliers are nonnegative")
        let value = λ.reduce(F.zero, +)
        let half = θ.reduce(F.zero) { $0 + $1 * $1 } * F(Rational(1, 2))
        guard value == half else {
            return .undecided(reason: "Σλᵢ = \(value) differs from ½‖θ‖² = \(half)")
        }
        let weights = zip(λ, data).map { $0 * $1.y[0] }
        var checks: [[Int]: DualConstraint<F>.Check] = [:]
        var tightest: (neuron: Int, cell: DualConstraint<F>.Cell)?
        for (j, support) in neurons {
            let check: DualConstraint<F>.Check
            if let known = checks[support] {
                check = known
            } else {
                check = try DualConstraint(inputs: data.map { p in support.map { p.x[$0] } }, weights: weights,
                                           activation: network.layers[0].activation).check()
            }
            checks[support] = check
            switch check {
            case .satisfied(let cell):
                if tightest.map({ cell.squaredNorm > $0.cell.squaredNorm }) ?? true { tightest = (j, cell) }
            case .violated(let cell):
                return .exceeded(multipliers: λ, neuron: j, cell: cell)
            case .tooManyCells:
                return .undecided(reason: "hidden neuron \(j + 1) has more than \(DualConstraint<F>.maximumCells) realizable activation sets, the most enumerated")
            }
        }
        return .certified(DualCertificate(multipliers: λ, value: value, tightest: tightest))
    }

    /// For a depth-2 network in 𝒩_no-share with a linear output (and no skip or bias): the
    /// hidden neurons that reach the output, each with the input coordinates of its free
    /// incoming weights; nil for other networks.
    public var noShareNeurons: [(neuron: Int, support: [Int])]? {
        let indices = network.layers.flatMap { $0.weights.entries.compactMap { $0 } }
        guard network.depth == 2, network.homogeneityDegree == 2, !hasClassLabels,
              network.layers[1].activation == .linear, Set(indices).count == indices.count else { return nil }
        let first = network.layers[0].weights, second = network.layers[1].weights
        return (0 ..< first.rows).compactMap { j in
            let support = (0 ..< first.columns).filter { first[j, $0] != nil }
            return second[0, j] == nil || support.isEmpty ? nil : (j, support)
        }
    }
}
