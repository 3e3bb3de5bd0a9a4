import Exact

extension LinearProgram {
    /// Whether some d has ⟨rₖ, d⟩ > 0 for every row rₖ: by scaling d, the same as ⟨rₖ, d⟩ ≥ 1,
    /// the exact feasibility LP over d = d⁺ − d⁻ with slacks. `false` rests on a Farkas
    /// certificate that `solve` has verified; an empty system is solvable. Past a bound
    /// `Deadline`, throws `Unable`.
    public static func hasStrictSolution(_ rows: [[F]]) throws(Unable) -> Bool {
        try strictSolution(rows, dimension: rows.first?.count ?? 0) != nil
    }

    /// A d with ⟨rₖ, d⟩ ≥ 1 (so > 0) for every row rₖ of `dimension` entries, or nil when
    /// there is none (a verified Farkas certificate) — the solution `hasStrictSolution` finds.
    /// With more rows than dimensions it solves the smaller LP of Gordan's alternative instead:
    /// μ ≥ 0, Σμₖ = 1, Σμₖrₖ = 0 (dimension + 1 rows) is feasible iff no such d exists, and its
    /// verified Farkas vector y has ⟨rₖ, y_{1…n}⟩ ≥ −y_{n+1} > 0, scaled to ≥ 1.
    /// Past a bound `Deadline`, throws `Unable` (see `LinearProgram.solve`).
    public static func strictSolution(_ rows: [[F]], dimension: Int) throws(Unable) -> [F]? {
        guard !rows.isEmpty else { return Array(repeating: .zero, count: dimension) }
        guard rows.count > dimension + 1 else {
            guard case .optimal(let x, _) = try strictSystem(rows).solve() else { return nil }
            return (0 ..< dimension).map { x[$0] - x[dimension + $0] }
        }
        let a = (0 ..< dimension).map { j in rows.map { $0[j] } } + [rows.map { _ in F.one }]
        let b = Array(repeating: F.zero, count: dimension) + [F.one]
        guard case .infeasible(let y) = try LinearProgram(a: a, b: b).solve(), y[dimension].signum < 0 else { return nil }
        let d = Array(y.prefix(dimension))
        let least = rows.map { dot($0, d) }.min()!
        return d.map { $0 / least }
    }

    /// ⟨rₖ, d⁺ − d⁻⟩ − sₖ = 1 with d⁺, d⁻, s ≥ 0.
    private static func strictSystem(_ rows: [[F]]) -> LinearProgram {
        let a = rows.enumerated().map { k, r in
            r + r.map { -$0 } + rows.indices.map { $0 == k ? -F.one : F.zero }
        }
        return LinearProgram(a: a, b: Array(repeating: .one, count: rows.count))
    }
}
