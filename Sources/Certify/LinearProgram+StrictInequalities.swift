import Exact

extension LinearProgram {
    /// Whether some d has ⟨rₖ, d⟩ > 0 for every row rₖ: by scaling d, the same as ⟨rₖ, d⟩ ≥ 1,
    /// the exact feasibility LP over d = d⁺ − d⁻ with slacks. `false` rests on a Farkas
    /// certificate that `solve` has verified; an empty system is solvable.
    public static func hasStrictSolution(_ rows: [[F]]) -> Bool {
        guard !rows.isEmpty else { return true }
        if case .infeasible = strictSystem(rows).solve() { return false }
        return true
    }

    /// A d with ⟨rₖ, d⟩ ≥ 1 (so > 0) for every row rₖ of `dimension` entries, or nil when
    /// there is none (a verified Farkas certificate) — the solution `hasStrictSolution` finds.
    public static func strictSolution(_ rows: [[F]], dimension: Int) -> [F]? {
        guard !rows.isEmpty else { return Array(repeating: .zero, count: dimension) }
        guard case .optimal(let x, _) = strictSystem(rows).solve() else { return nil }
        return (0 ..< dimension).map { x[$0] - x[dimension + $0] }
    }

    /// ⟨rₖ, d⁺ − d⁻⟩ − sₖ = 1 with d⁺, d⁻, s ≥ 0.
    private static func strictSystem(_ rows: [[F]]) -> LinearProgram {
        let a = rows.enumerated().map { k, r in
            r + r.map { -$0 } + rows.indices.map { $0 == k ? -F.one : F.zero }
        }
        return LinearProgram(a: a, b: Array(repeating: .one, count: rows.count))
    }
}
