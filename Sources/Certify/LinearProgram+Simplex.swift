import Exact

extension LinearProgram {
    /// Solves the program exactly (two-phase simplex, Bland's rule); the returned certificate
    /// always passes `verify` (checked here by a precondition; exact comparisons run to
    /// completion, see `Deadline`). Past a bound `Deadline`, throws `Unable` (between pivots).
    public func solve() throws(Unable) -> Solution {
        var t = Tableau(program: self)
        let solution = try t.solve()
        precondition(verify(solution), "simplex produced an invalid certificate")
        return solution
    }
}

/// The simplex tableau: rows [A | I | b] with rows of b < 0 negated, so that the artificial
/// variables (columns n ..< n+m) form a feasible starting basis.
private struct Tableau<F: OrderedField> {
    let program: LinearProgram<F>
    var rows: [[F]]          // m rows of n + m + 1 entries; the last is the right-hand side
    var basis: [Int]
    var rowSigns: [F]        // ±1: the sign each original row was multiplied by
    var active: [Bool]       // false for rows found redundant in phase 1
    let n: Int, m: Int

    init(program: LinearProgram<F>) {
        self.program = program
        let n = program.columnCount, m = program.rowCount
        self.n = n
        self.m = m
        rowSigns = program.b.map { $0.signum < 0 ? -F.one : F.one }
        rows = (0..<m).map { i in
            let s = program.b[i].signum < 0 ? -F.one : F.one
            var row = program.a[i].map { $0 * s }
            row += (0..<m).map { $0 == i ? F.one : F.zero }
            row.append(program.b[i] * s)
            return row
        }
        basis = (0..<m).map { n + $0 }
        active = Array(repeating: true, count: m)
    }

    /// The solution; throws `Unable` once a bound `Deadline` has passed.
    mutating func solve() throws(Unable) -> LinearProgram<F>.Solution {
        // Phase 1: minimise the sum of the artificial variables.
        let phase1Cost = (0..<(n + m)).map { $0 >= n ? F.one : F.zero }
        _ = try optimise(cost: phase1Cost, columns: n + m)
        let infeasibility = (0..<m).filter { active[$0] && basis[$0] >= n }
            .reduce(F.zero) { $0 + rows[$1][n + m] }
        if infeasibility.signum > 0 {
            // Phase-1 duals y (yᵀ[A|I] ≤ 1ᵀ on artificials, bᵀy > 0); −y is a Farkas certificate.
            let y = duals(cost: phase1Cost)
            return .infeasible(farkas: (0..<m).map { -y[$0] * rowSigns[$0] })
        }
        driveOutArtificials()
        // Phase 2 on the original columns.
        let cost = program.c + Array(repeating: F.zero, count: m)
        let unboundedColumn = try optimise(cost: cost, columns: n)
        if let enteringColumn = unboundedColumn {
            let x = primal()
            var ray = Array(repeating: F.zero, count: n)
            ray[enteringColumn] = .one
            for i in 0..<m where active[i] { ray[basis[i]] = -rows[i][enteringColumn] }
            return .unbounded(x: x, ray: ray)
        }
        let y = duals(cost: cost)
        return .optimal(x: primal(), dual: (0..<m).map { y[$0] * rowSigns[$0] })
    }

    /// Runs simplex iterations for `cost` with entering columns below `columns`; returns an
    /// entering column along which the objective is unbounded, or nil at an optimum. Past a
    /// bound `Deadline`, throws `Unable` (between pivots).
    mutating func optimise(cost: [F], columns: Int) throws(Unable) -> Int? {
        while true {
            try Deadline.check(while: "pivoting the simplex method (\(m) rows, \(n) columns)")
            let y = duals(cost: cost)
            // Bland: the lowest-index column with a negative reduced cost enters.
            guard let entering = (0..<columns).first(where: { j in
                !basis.contains(j) && (cost[j] - column(j, dottedWith: y)).signum < 0
            }) else { return nil }
            // Ratio test; ties broken by the lowest basic variable index (Bland).
            var leaving: Int?
            var best: F?
            for i in 0..<m where active[i] && rows[i][entering].signum > 0 {
                let ratio = rows[i][n + m] / rows[i][entering]
                if best == nil || ratio < best! || (ratio == best! && basis[i] < basis[leaving!]) {
                    best = ratio
                    leaving = i
                }
            }
            guard let pivotRow = leaving else { return entering }
            pivot(row: pivotRow, column: entering)
        }
    }

    /// y = c_Bᵀ B⁻¹, read off the artificial columns (which start as the identity).
    func duals(cost: [F]) -> [F] {
        (0..<m).map { k in
            (0..<m).reduce(F.zero) { sum, i in
                active[i] ? sum + cost[basis[i]] * rows[i][n + k] : sum
            }
        }
    }

    /// The original column j (in the sign-adjusted rows) dotted with y.
    func column(_ j: Int, dottedWith y: [F]) -> F {
        if j >= n { return y[j - n] }
        return (0..<m).reduce(F.zero) { $0 + program.a[$1][j] * rowSigns[$1] * y[$1] }
    }

    mutating func pivot(row r: Int, column j: Int) {
        let p = rows[r][j]
        rows[r] = rows[r].map { $0 / p }
        for i in 0..<m where i != r && active[i] && !rows[i][j].isZero {
            let f = rows[i][j]
            rows[i] = zip(rows[i], rows[r]).map { $0 - f * $1 }
        }
        basis[r] = j
    }

    /// After phase 1, pivots artificial variables at level zero out of the basis, or marks
    /// their rows redundant (all original columns zero in that row).
    mutating func driveOutArtificials() {
        for i in 0..<m where active[i] && basis[i] >= n {
            if let j = (0..<n).first(where: { !rows[i][$0].isZero }) {
                pivot(row: i, column: j)
            } else {
                active[i] = false
            }
        }
    }

    func primal() -> [F] {
        var x = Array(repeating: F.zero, count: n)
        for i in 0..<m where active[i] && basis[i] < n { x[basis[i]] = rows[i][n + m] }
        return x
    }
}
