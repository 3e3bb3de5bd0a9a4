import Exact

/// Exact linear algebra over an ordered field: reduced row echelon form, null spaces and
/// particular solutions, by Gauss–Jordan elimination (no rounding, so every rank and every
/// solution is exact). Matrices are arrays of rows; the sizes are the small ones of the
/// local optimality test (parameters of one network).
enum ExactLinearAlgebra<F: OrderedField> {
    /// The reduced row echelon form of `rows` (each of `columns` entries) and its pivot columns.
    static func rowReduced(_ rows: [[F]], columns: Int) -> (rows: [[F]], pivots: [Int]) {
        var m = rows
        var pivots: [Int] = []
        var r = 0
        for c in 0 ..< columns where r < m.count {
            guard let p = (r ..< m.count).first(where: { !m[$0][c].isZero }) else { continue }
            m.swapAt(r, p)
            let inverse = F.one / m[r][c]
            m[r] = m[r].map { $0 * inverse }
            for i in m.indices where i != r && !m[i][c].isZero {
                let factor = m[i][c]
                m[i] = zip(m[i], m[r]).map { $0 - factor * $1 }
            }
            pivots.append(c)
            r += 1
        }
        return (Array(m.prefix(r)), pivots)
    }

    /// A basis of {u : M u = 0} (M has `columns` columns).
    static func nullSpace(_ rows: [[F]], columns: Int) -> [[F]] {
        let (reduced, pivots) = rowReduced(rows, columns: columns)
        let free = (0 ..< columns).filter { !pivots.contains($0) }
        return free.map { f in
            var u = Array(repeating: F.zero, count: columns)
            u[f] = .one
            for (row, p) in zip(reduced, pivots) { u[p] = -row[f] }
            return u
        }
    }

    /// One solution of M u = b, or nil when there is none.
    static func solve(_ rows: [[F]], _ b: [F], columns: Int) -> [F]? {
        let augmented = zip(rows, b).map { $0 + [$1] }
        let (reduced, pivots) = rowReduced(augmented, columns: columns + 1)
        if pivots.last == columns { return nil }
        var u = Array(repeating: F.zero, count: columns)
        for (row, p) in zip(reduced, pivots) { u[p] = row[columns] }
        return u
    }

    /// ⟨u, v⟩. Over the real algebraic numbers, terms whose one factor is rational are
    /// grouped by their other, irrational factor (Σ qₖa = (Σ qₖ)·a), so that the many equal
    /// irrational entries of a symmetric construction cost one multiplication instead of an
    /// algebraic addition each (an addition of algebraic numbers is a resultant).
    static func dot(_ u: [F], _ v: [F]) -> F {
        if let a = u as? [RealAlgebraic], let b = v as? [RealAlgebraic] { return RealAlgebraic.groupedDot(a, b) as! F }
        return zip(u, v).reduce(F.zero) { $0 + $1.0 * $1.1 }
    }

    /// M u.
    static func times(_ rows: [[F]], _ u: [F]) -> [F] { rows.map { dot($0, u) } }

    /// Σⱼ cⱼ basis[j] (basis vectors as the columns of the map).
    static func combination(_ basis: [[F]], _ c: [F], length: Int) -> [F] {
        var u = Array(repeating: F.zero, count: length)
        for (b, x) in zip(basis, c) where !x.isZero { for k in u.indices { u[k] = u[k] + x * b[k] } }
        return u
    }

    /// Bᵀ H B for the basis vectors B (as columns): H in the coordinates of the basis.
    static func congruence(_ h: [[F]], _ basis: [[F]]) -> [[F]] {
        let hb = basis.map { times(h, $0) }
        return basis.map { b in hb.map { dot(b, $0) } }
    }

    /// Whether uᵀHu > 0 for every u ≠ 0 (H symmetric): nil when so; otherwise a u ≠ 0 with
    /// uᵀHu < 0 when one exists (H not positive semidefinite), else one with uᵀHu = 0, and
    /// that value.
    ///
    /// Symmetric elimination on positive pivots: the current matrix M is H in the coordinates
    /// of vectors vⱼ that are H-orthogonal to the pivots eliminated (Mᵢⱼ = vᵢᵀHvⱼ, the Schur
    /// complement), so H is positive definite iff every pivot is positive (Sylvester). A
    /// negative diagonal entry gives uᵀHu < 0 at u = vⱼ; a zero block with Mⱼₖ ≠ 0 gives
    /// u = vⱼ − sign(Mⱼₖ)vₖ with uᵀHu = −2|Mⱼₖ|; a zero matrix left gives uᵀHu = 0.
    static func nonPositiveDirection(_ h: [[F]]) -> (direction: [F], value: F)? {
        let n = h.count
        var m = h
        var vectors = (0 ..< n).map { j in (0 ..< n).map { $0 == j ? F.one : F.zero } }
        var remaining = Array(0 ..< n)
        while !remaining.isEmpty {
            if let j = remaining.first(where: { m[$0][$0].signum < 0 }) { return (vectors[j], m[j][j]) }
            guard let k = remaining.first(where: { m[$0][$0].signum > 0 }) else {
                for j in remaining {
                    for l in remaining where l != j && !m[j][l].isZero {
                        let sign: F = m[j][l].signum > 0 ? -F.one : .one
                        let u = zip(vectors[j], vectors[l]).map { $0 + sign * $1 }
                        return (u, -(m[j][l].magnitude + m[j][l].magnitude))
                    }
                }
                return (vectors[remaining[0]], .zero)
            }
            remaining.removeAll { $0 == k }
            let pivot = m[k][k]
            for j in remaining where !m[j][k].isZero {
                let factor = m[j][k] / pivot
                vectors[j] = zip(vectors[j], vectors[k]).map { $0 - factor * $1 }
            }
            for i in remaining {
                for j in remaining where !m[i][k].isZero && !m[k][j].isZero {
                    m[i][j] = m[i][j] - m[i][k] * m[k][j] / pivot
                }
            }
        }
        return nil
    }
}

extension RealAlgebraic {
    /// Σₖ uₖvₖ with the terms rational × irrational grouped by the irrational factor.
    static func groupedDot(_ u: [RealAlgebraic], _ v: [RealAlgebraic]) -> RealAlgebraic {
        var rational = Rational.zero
        var groups: [RealAlgebraic: Rational] = [:]
        var rest = RealAlgebraic(Rational.zero)
        for (a, b) in zip(u, v) {
            switch (a.rationalValue, b.rationalValue) {
            case let (p?, q?): rational = rational + p * q
            case let (p?, nil): if !p.isZero { groups[b, default: .zero] = groups[b, default: .zero] + p }
            case let (nil, q?): if !q.isZero { groups[a, default: .zero] = groups[a, default: .zero] + q }
            case (nil, nil): rest = rest + a * b
            }
        }
        return groups.reduce(rest + RealAlgebraic(rational)) { sum, group in
            group.value.isZero ? sum : sum + RealAlgebraic(group.value) * group.key
        }
    }
}
