import Exact

/// The minimum-norm linear separator u* = argmin ‖u‖² s.t. yᵢ⟨u, xᵢ⟩ ≥ 1 (the hard-margin SVM
/// without bias), solved exactly.
///
/// Method: the optimum is u* = Σ_{i∈S} αᵢyᵢxᵢ for a set S of constraints with linearly
/// independent yᵢxᵢ, where the Gram system of S holds with equality and α ≥ 0 (Carathéodory
/// applied to the KKT conditions). Every such S is tried, smallest first; the first whose
/// point is feasible with α ≥ 0 satisfies the KKT conditions of this convex problem, which
/// are sufficient, so it is the optimum. Exponential in the number of points: for the papers'
/// datasets (n ≤ 12).
public enum MinimumNormSeparator {
    public static let maximumPoints = 12

    /// u*, or nil when the data are not linearly separable through the origin or too many.
    public static func solve<F: OrderedField>(inputs: [[F]], labels: [F]) -> [F]? {
        let n = inputs.count
        guard n > 0, n <= maximumPoints else { return nil }
        let z = zip(inputs, labels).map { x, y in x.map { $0 * y } }
        let subsets = (1 ..< (1 << n)).sorted { $0.nonzeroBitCount < $1.nonzeroBitCount }
        for mask in subsets {
            let s = (0 ..< n).filter { mask & (1 << $0) != 0 }
            let gram = s.map { i in s.map { j in dot(z[i], z[j]) } }
            guard let α = solveLinearSystem(gram, Array(repeating: F.one, count: s.count)),
                  α.allSatisfy({ $0.signum >= 0 }) else { continue }
            var u = Array(repeating: F.zero, count: z[0].count)
            for (a, i) in zip(α, s) { for k in u.indices { u[k] = u[k] + a * z[i][k] } }
            if z.allSatisfy({ dot($0, u) >= 1 }) { return u }
        }
        return nil
    }

    static func dot<F: OrderedField>(_ a: [F], _ b: [F]) -> F { zip(a, b).reduce(F.zero) { $0 + $1.0 * $1.1 } }

    /// The solution of the square system A x = b, or nil when A is singular (exact Gaussian
    /// elimination).
    static func solveLinearSystem<F: OrderedField>(_ a: [[F]], _ b: [F]) -> [F]? {
        var m = zip(a, b).map { $0 + [$1] }
        let n = b.count
        for column in 0 ..< n {
            guard let pivot = (column ..< n).first(where: { !m[$0][column].isZero }) else { return nil }
            m.swapAt(column, pivot)
            let p = m[column][column]
            m[column] = m[column].map { $0 / p }
            for r in 0 ..< n where r != column && !m[r][column].isZero {
                let f = m[r][column]
                m[r] = zip(m[r], m[column]).map { $0 - f * $1 }
            }
        }
        return m.map { $0[n] }
    }
}
