import Exact
import Networks

extension LocalOptimality {
    /// One piece: the side of each kink, and what the tests found on its program (Pᴾ).
    public struct Piece: Sendable, CustomStringConvertible {
        public let sides: [(kink: Kink, active: Bool)]
        public let finding: Finding

        public var description: String {
            sides.isEmpty ? "the one piece (no kink)"
                : "the piece " + sides.map { "\($0.kink): \($0.active ? "active" : "inactive")" }.joined(separator: ", ")
        }
    }

    /// The result of the first- and second-order tests on one piece (vectors over the free
    /// coordinates).
    public enum Finding: Sendable {
        /// The second-order sufficient condition holds: multipliers λ (one per constraint of
        /// the piece kept, margins first), the dimension of the critical cone's span, and the
        /// Hessian of the Lagrangian strictly copositive on it.
        case secondOrder(multipliers: [F], criticalDimension: Int)
        /// No KKT multipliers on the piece: a Farkas vector d with ∇gⱼ·d ≥ 0 for every active
        /// constraint and θ̃·d < 0, a first-order descent direction of the linearization.
        case descent(direction: [F])
        /// KKT holds with `multipliers`, but the critical cone has a direction d ≠ 0 with
        /// dᵀ∇²L d = `curvature` ≤ 0 (negative curvature, or a flat direction when 0).
        case curvature(multipliers: [F], direction: [F], curvature: F)
        /// The critical cone has more inequality rows than `ConeCopositivity` enumerates.
        case tooManyRows(Int)
    }

    /// The first-order test (exact KKT LP on the piece, its region constraints included) and
    /// the second-order test (critical cone, Hessian of the Lagrangian, exact copositivity).
    /// Constraints whose expansion vanishes to second order are dropped (a relaxation).
    func test(_ constraints: [PieceConstraint<F>]) throws(Unable) -> Finding {
        let kept = constraints.filter { !$0.expansion.isZero }
        let gradients = kept.map { $0.expansion.gradient(over: free) }
        let objective = free.map { point[$0] }
        guard !kept.isEmpty else {
            // No active constraint: θ̃ is a local minimizer of ½‖θ_V‖² iff θ̃_V = 0.
            return objective.allSatisfy(\.isZero) ? .secondOrder(multipliers: [], criticalDimension: free.count)
                                                   : .descent(direction: objective.map { -$0 })
        }
        let rows = free.indices.map { r in gradients.map { $0[r] } }
        let λ: [F]
        switch try LinearProgram(a: rows, b: objective).solve() {
        case .optimal(let x, _): λ = x
        case .infeasible(let y): return .descent(direction: y)
        case .unbounded: preconditionFailure("a feasibility LP has a zero objective")
        }
        var hessian = free.indices.map { r in free.indices.map { $0 == r ? F.one : F.zero } }
        for (multiplier, constraint) in zip(λ, kept) where !multiplier.isZero {
            let h = constraint.expansion.hessian(over: free)
            for r in hessian.indices { for c in hessian.indices { hessian[r][c] = hessian[r][c] - multiplier * h[r][c] } }
        }
        let positive = λ.indices.filter { !λ[$0].isZero }
        let cone = ConeCopositivity(hessian: hessian,
                                    inequalities: λ.indices.filter { λ[$0].isZero }.map { gradients[$0] },
                                    equalities: positive.map { gradients[$0] })
        switch cone.decide() {
        case .strictlyCopositive:
            let rank = ExactLinearAlgebra<F>.rowReduced(positive.map { gradients[$0] }, columns: free.count).pivots.count
            return .secondOrder(multipliers: λ, criticalDimension: free.count - rank)
        case let .nonPositive(d, value): return .curvature(multipliers: λ, direction: d, curvature: value)
        case .tooManyRows(let k): return .tooManyRows(k)
        }
    }

    /// Every piece to test, as the constraint lists of its program: the sign vectors of all
    /// kinks of all active examples that `KinkArrangement` enumerates (flat kinks, whose input
    /// cannot move, take no side). By its completeness every θ near θ̃ lies in the closed region
    /// of one of them, so testing these suffices; nil past `KinkArrangement.maximumSignVectors`.
    func pieces() throws(Unable) -> [(sides: [(kink: Kink, active: Bool)], constraints: [PieceConstraint<F>])]? {
        let examples = activeExamples
        let all = examples.flatMap { kinks(example: $0) }
        let first = Dictionary(all.indices.map { (all[$0].example, $0) }, uniquingKeysWith: min)
        let moving = Set(free)
        let arrangement = KinkArrangement<F>(
            count: all.count, dimension: free.count,
            isLinear: { k in
                !network.layers[..<all[k].neuron.layer].contains { $0.weights.entries.contains { $0.map(moving.contains) ?? false } }
            },
            gradient: { k, sides in
                let start = first[all[k].example]!
                let region = constraints(example: all[k].example, kinks: Array(all[start ... k]),
                                         sides: sides[start ..< k].map(\.isActive) + [true])
                return region.last!.expansion.gradient(over: free)
            })
        guard case .complete(let vectors) = try arrangement.enumerate() else { return nil }
        return vectors.map { vector in
            var sides: [(kink: Kink, active: Bool)] = []
            var result: [PieceConstraint<F>] = []
            for i in examples {
                let chosen = all.indices.filter { all[$0].example == i && vector.sides[$0] != .flat }
                let active = chosen.map { vector.sides[$0].isActive }
                sides += zip(chosen, active).map { (kink: all[$0], active: $1) }
                result += constraints(example: i, kinks: chosen.map { all[$0] }, sides: active)
            }
            return (sides, result)
        }
    }
}
