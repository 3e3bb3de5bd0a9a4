import Exact

extension LinearProgram {
    /// Whether some d has ⟨rₖ, d⟩ > 0 for every row rₖ: by scaling d, the same as ⟨rₖ, d⟩ ≥ 1,
    /// the exact feasibility LP over d = d⁺ − d⁻ with slacks. `false` rests on a Farkas
    /// certificate that `solve` has verified; an empty system is solvable.
    public static func hasStrictSolution(_ rows: [[F]]) -> Bool {
        guard !rows.isEmpty else { return true }
        let a = rows.enumerated().map { k, r in
            r + r.map { -$0 } + rows.indices.map { $0 == k ? -F.one : F.zero }
        }
        if case .infeasible = LinearProgram(a: a, b: Array(repeating: .one, count: rows.count)).solve() {
            return false
        }
        return true
    }
}
