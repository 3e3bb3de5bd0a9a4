import Exact

/// Strict copositivity of a quadratic form on a polyhedral cone, decided exactly:
///
///     q(u) = uᵀHu > 0  for every u ≠ 0 with  A u ≥ 0,  B u = 0 ?
///
/// Method (all steps exact linear algebra over F):
/// 1. Restrict to the subspace B u = 0 (a basis N of its null space): H ← NᵀHN, A ← AN.
/// 2. Split off the lineality space L = {A u = 0} ⊂ C. q must be positive definite on L
///    (otherwise a u ∈ L with q(u) ≤ 0 answers); then, writing u = l + w with w in the row
///    space W of A, min over l of q(l + w) is the Schur complement form S(w) =
///    wᵀ(H_WW − H_WL H_LL⁻¹ H_LW)w, attained at l = −H_LL⁻¹H_LW w, so q is strictly copositive
///    on C iff S is strictly copositive on the pointed cone C_W = {w ∈ W : A w ≥ 0}.
/// 3. On the pointed cone (A of full column rank), c = Aᵀ𝟙 has cᵀw > 0 on C_W ∖ {0}, so
///    strict copositivity is min S > 0 on the compact slice P = C_W ∩ {cᵀw = 1} (or P = ∅).
///    If S is positive definite it holds. Otherwise the minimum is attained, and — taking a
///    minimizer in a face G of P of least dimension — it is the *unique* stationary point of
///    S restricted to the affine hull of G (were the restricted Hessian singular, S would be
///    constant along a line through the minimizer, which leaves G through a lower face).
///    The affine hull of a face is {A_T w = 0, cᵀw = 1} for the rows T tight on it, so
///    enumerating the row subsets T, solving the linear stationarity system on each hull and
///    keeping the unique solutions that lie in P finds the minimum exactly.
/// The enumeration is over 2^k row subsets (k rows of A); above `maximumRows` the answer is
/// `tooManyRows`.
struct ConeCopositivity<F: OrderedField> {
    typealias Algebra = ExactLinearAlgebra<F>

    let hessian: [[F]]
    let inequalities: [[F]]
    let equalities: [[F]]

    enum Result {
        case strictlyCopositive
        /// A u ≠ 0 in the cone with uᵀHu = `value` ≤ 0.
        case nonPositive(direction: [F], value: F)
        case tooManyRows(Int)
    }

    static var maximumRows: Int { 14 }

    func decide() -> Result {
        let n = hessian.count
        let basis = Algebra.nullSpace(equalities, columns: n)
        guard !basis.isEmpty else { return .strictlyCopositive }
        let h = Algebra.congruence(hessian, basis)
        let a = inequalities.map { row in basis.map { Algebra.dot(row, $0) } }
        switch Self.decide(h, a) {
        case .nonPositive(let u, let value):
            return .nonPositive(direction: Algebra.combination(basis, u, length: n), value: value)
        case let other: return other
        }
    }

    /// Step 2 on the coordinates of B's null space.
    private static func decide(_ h: [[F]], _ a: [[F]]) -> Result {
        let r = h.count
        let lineality = Algebra.nullSpace(a, columns: r)
        guard !lineality.isEmpty else { return pointed(h, a) }
        let onLineality = Algebra.congruence(h, lineality)
        if let (l, value) = Algebra.nonPositiveDirection(onLineality) {
            if value.isZero, let negative = negativeBeyondSymmetries(h, a, lineality, onLineality) { return negative }
            return .nonPositive(direction: Algebra.combination(lineality, l, length: r), value: value)
        }
        let rowSpace = Algebra.rowReduced(a, columns: r).rows
        guard !rowSpace.isEmpty else { return .strictlyCopositive }
        // H_LW as columns: for each w-basis vector, the vector (lᵢᵀ H wⱼ)ᵢ.
        let hw = rowSpace.map { Algebra.times(h, $0) }
        let cross = hw.map { v in lineality.map { Algebra.dot($0, v) } }
        // l*(wⱼ) = −H_LL⁻¹ H_L wⱼ for each basis vector wⱼ, then S = the form at (l*, w).
        let minimizers = cross.map { column in
            Algebra.solve(onLineality, column.map { -$0 }, columns: lineality.count)!
        }
        let lifted = zip(rowSpace, minimizers).map { w, l in
            zip(w, Algebra.combination(lineality, l, length: r)).map { $0 + $1 }
        }
        let schur = Algebra.congruence(h, lifted)
        let reduced = a.map { row in lifted.map { Algebra.dot(row, $0) } }
        switch pointed(schur, reduced) {
        case .nonPositive(let w, let value):
            return .nonPositive(direction: Algebra.combination(lifted, w, length: r), value: value)
        case let other: return other
        }
    }

    /// A direction of negative curvature hidden behind flat ones: when q vanishes on the
    /// kernel K of H on the lineality space and K lies in the kernel of H itself (a symmetry:
    /// q(u + k) = q(u) for every k ∈ K, K ⊂ C), the cone splits as K ⊕ (C ∩ K^⊥), and a
    /// negative value of q on C ∩ K^⊥ — searched recursively, in fewer dimensions — is one on
    /// C. Nil when K is not such a symmetry or no negative value is found.
    private static func negativeBeyondSymmetries(_ h: [[F]], _ a: [[F]], _ lineality: [[F]], _ onLineality: [[F]]) -> Result? {
        let r = h.count
        let kernel = Algebra.nullSpace(onLineality, columns: lineality.count).map { Algebra.combination(lineality, $0, length: r) }
        guard !kernel.isEmpty, kernel.allSatisfy({ Algebra.times(h, $0).allSatisfy(\.isZero) }) else { return nil }
        let complement = Algebra.nullSpace(kernel, columns: r)
        guard !complement.isEmpty else { return nil }
        let reduced = a.map { row in complement.map { Algebra.dot(row, $0) } }
        guard case let .nonPositive(u, value) = decide(Algebra.congruence(h, complement), reduced), value.signum < 0 else { return nil }
        return .nonPositive(direction: Algebra.combination(complement, u, length: r), value: value)
    }

    /// Step 3: A has full column rank.
    private static func pointed(_ h: [[F]], _ a: [[F]]) -> Result {
        let w = h.count
        guard w > 0 else { return .strictlyCopositive }
        if Algebra.nonPositiveDirection(h) == nil { return .strictlyCopositive }
        guard a.count <= maximumRows else { return .tooManyRows(a.count) }
        let c = (0 ..< w).map { j in a.reduce(F.zero) { $0 + $1[j] } }
        var best: (u: [F], value: F)?
        for mask in 0 ..< 1 << a.count {
            let tight = a.indices.filter { mask & 1 << $0 != 0 }.map { a[$0] }
            guard let u = stationaryPoint(h, tight, c) else { continue }
            guard Algebra.times(a, u).allSatisfy({ $0.signum >= 0 }) else { continue }
            let value = Algebra.dot(u, Algebra.times(h, u))
            if best.map({ value < $0.value }) ?? true { best = (u, value) }
        }
        guard let best, best.value.signum <= 0 else { return .strictlyCopositive }
        return .nonPositive(direction: best.u, value: best.value)
    }

    /// The unique stationary point of uᵀHu on {A_T u = 0, cᵀu = 1}, or nil when that set is
    /// empty or the stationary point is not unique.
    private static func stationaryPoint(_ h: [[F]], _ tight: [[F]], _ c: [F]) -> [F]? {
        let w = h.count
        let system = tight + [c]
        guard let particular = Algebra.solve(system, Array(repeating: .zero, count: tight.count) + [.one], columns: w)
        else { return nil }
        let directions = Algebra.nullSpace(system, columns: w)
        guard !directions.isEmpty else { return particular }
        let m = Algebra.congruence(h, directions)
        guard Algebra.nullSpace(m, columns: directions.count).isEmpty else { return nil }
        let gradient = directions.map { Algebra.dot($0, Algebra.times(h, particular)) }
        guard let t = Algebra.solve(m, gradient.map { -$0 }, columns: directions.count) else { return nil }
        return zip(particular, Algebra.combination(directions, t, length: w)).map { $0 + $1 }
    }
}
