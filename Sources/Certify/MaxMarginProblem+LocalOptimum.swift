import Exact
import Networks
import Symbolic

/// The outcome of `localOptimum`, with the lines `--explain` shows.
public enum LocalOptimumResult: Sendable {
    case localOptimum(String, explanation: [String])
    /// A verified arc of feasible, strictly shorter points into θ̃.
    case notLocalOptimum(DescentArc, String, explanation: [String])
    /// Not a KKT point (or infeasible), so not a local optimum: the constraints of a
    /// homogeneous problem satisfy the Mangasarian–Fromovitz qualification (the direction θ
    /// raises every active margin), under which KKT is necessary for local optimality
    /// (Lyu–Li 2019).
    case notKKT(String)
    case undecided(String, explanation: [String])
}

extension LocalOptimality where F == RealAlgebraic {
    /// The engine's decision as a `LocalOptimumResult`, `problem` naming the program.
    func result(problem: String) throws(Unable) -> LocalOptimumResult {
        switch try decide() {
        case .localOptimum(let pieces):
            return .localOptimum("second-order sufficient condition (Nocedal–Wright Thm 12.6) on each of the \(pieces.count) piece\(pieces.count == 1 ? "" : "s") of \(problem) around the point: KKT on the piece and the Hessian of the Lagrangian strictly copositive on its critical cone",
                                 explanation: Self.explanation(pieces))
        case let .notLocalOptimum(arc, piece):
            return .notLocalOptimum(arc, "an arc θ̃ + s·d + s²·z of order \(arc.order), found on \(piece), is feasible and strictly shorter for every s in (0, \(arc.upperBound)) (proved by \(arc.verification.rawValue)) and tends to the point",
                                    explanation: Self.explanation([piece]))
        case let .infeasible(i, margin):
            return .notKKT("infeasible: constraint \(i + 1) has margin \(Constant(margin)) < 1")
        case let .undecided(reason, pieces):
            return .undecided(reason, explanation: Self.explanation(pieces))
        }
    }
}

extension MaxMarginProblem where F == RealAlgebraic {
    /// Decides whether θ is a local optimum of problem (2): first a global optimum (closed
    /// forms, the dual certificate) is a local one; then the piecewise second-order engine
    /// `LocalOptimality` (every coordinate free), which proves by the second-order sufficient
    /// condition on every piece or refutes by a verified arc. When it leaves the point open but
    /// the point is not a KKT point of a homogeneous network, that refutes (KKT is necessary
    /// under the Mangasarian–Fromovitz qualification).
    /// Past a bound `Deadline`, throws `Unable` (see `LinearProgram.solve`).
    public func localOptimum(_ θ: [F]) throws(Unable) -> LocalOptimumResult {
        if let reason = multiClassReason { return .undecided(reason, explanation: []) }
        if case .optimal(_, let reason) = try globalOptimum(θ) {
            return .localOptimum("a global optimum, hence a local one: \(reason)", explanation: [])
        }
        let engine = LocalOptimality(network: network, data: data, point: θ, free: Array(θ.indices))
        let result = try engine.result(problem: "the max-margin problem")
        guard case let .undecided(reason, explanation) = result, network.homogeneityDegree != nil else { return result }
        if case .notKKT = try isKKTPoint(θ) {
            return .notKKT("not a KKT point, and KKT is necessary for a local optimum of the max-margin problem (\(reason))")
        }
        return .undecided(reason, explanation: explanation)
    }
}
