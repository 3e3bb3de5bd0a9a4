import Exact

/// The minimum-norm linear separator u* = argmin ½‖u‖² s.t. yᵢ⟨u, xᵢ⟩ ≥ 1 (the hard-margin SVM
/// without bias), solved exactly.
///
/// Method: the primal active-set method for a strictly convex QP (Nocedal–Wright, *Numerical
/// Optimization*, 2nd ed., Alg. 16.3), in exact arithmetic, with zᵢ = yᵢxᵢ:
/// 1. a feasible start u from the exact LP ⟨zᵢ, u⟩ ≥ 1 (`LinearProgram.strictSolution`; none:
///    the data are not separable through the origin);
/// 2. with working set W (linearly independent tight constraints), the equality-constrained
///    step: u_W = Σ_{i∈W} αᵢzᵢ with Gram system G_W α = 𝟙, p = u_W − u;
/// 3. p = 0: if α ≥ 0, u satisfies the KKT conditions u = Σαᵢzᵢ, α ≥ 0, αᵢ = 0 off the tight
///    set — sufficient for this convex problem, so u is the (unique) optimum; otherwise the
///    constraint with the most negative αᵢ leaves W;
/// 4. p ≠ 0: the longest step t ≤ 1 keeping every ⟨zᵢ, u⟩ ≥ 1; a blocking constraint joins W
///    (it has ⟨zᵢ, p⟩ < 0 = ⟨zⱼ, p⟩ for j ∈ W, so W stays independent).
/// Ties are broken by the lowest index (Bland). Each iteration is one linear solve of size |W|
/// ≤ dimension, not a pass over 2ⁿ subsets; past `maximumIterations` (degenerate cycling) the
/// answer is nil with the reason `iterationLimit` names.
public enum MinimumNormSeparator {
    /// The most iterations of the active-set loop for n points in dimension d: 20·(n + d) + 100.
    public static func maximumIterations(points n: Int, dimension d: Int) -> Int { 20 * (n + d) + 100 }

    /// Why `solve` answered nil, for messages.
    public static let failureReason = "the data are not linearly separable through the origin, or the exact active-set method met its iteration limit (degenerate cycling)"

    /// u*, or nil when the data are not linearly separable through the origin or the iteration
    /// limit is met.
    /// Past a bound `Deadline`, throws `Unable` (see `LinearProgram.solve`).
    public static func solve<F: OrderedField>(inputs: [[F]], labels: [F]) throws(Unable) -> [F]? {
        try solveWithMultipliers(inputs: inputs, labels: labels)?.separator
    }

    /// u* with its multipliers α (one per data point): u* = Σαᵢyᵢxᵢ, α ≥ 0, αᵢ = 0 unless
    /// yᵢ⟨u*, xᵢ⟩ = 1 — the KKT conditions that prove u* optimal (step 3); nil as for `solve`.
    public static func solveWithMultipliers<F: OrderedField>(inputs: [[F]], labels: [F]) throws(Unable) -> (separator: [F], multipliers: [F])? {
        guard let dimension = inputs.first?.count else { return nil }
        let z = zip(inputs, labels).map { x, y in x.map { $0 * y } }
        guard var u = try LinearProgram<F>.strictSolution(z, dimension: dimension) else { return nil }
        var working: [Int] = []
        for _ in 0 ..< maximumIterations(points: z.count, dimension: dimension) {
            let gram = working.map { i in working.map { j in dot(z[i], z[j]) } }
            guard let α = solveLinearSystem(gram, Array(repeating: F.one, count: working.count)) else { return nil }
            var target = Array(repeating: F.zero, count: dimension)
            for (a, i) in zip(α, working) { for k in target.indices { target[k] = target[k] + a * z[i][k] } }
            let p = zip(target, u).map { $0 - $1 }
            if p.allSatisfy(\.isZero) {
                guard let leaving = α.indices.filter({ α[$0].signum < 0 }).min(by: { α[$0] < α[$1] }) else {
                    var multipliers = Array(repeating: F.zero, count: z.count)
                    for (a, i) in zip(α, working) { multipliers[i] = a }
                    return (u, multipliers)
                }
                working.remove(at: leaving)
                continue
            }
            var step = F.one, blocking: Int?
            for i in z.indices where !working.contains(i) {
                let rate = dot(z[i], p)
                guard rate.signum < 0 else { continue }
                let t = (F.one - dot(z[i], u)) / rate
                if t < step { (step, blocking) = (t, i) }
            }
            u = zip(u, p).map { $0 + step * $1 }
            if let blocking { working.append(blocking) }
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
