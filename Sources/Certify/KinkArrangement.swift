import Exact

/// The sign vectors that points near θ̃ give a list of kink surfaces {zₖ = 0} through θ̃,
/// enumerated incrementally over the realizable cells of their arrangement.
///
/// Setting. Kinks k = 0, 1, … (kinked neurons with input zₖ(θ̃) = 0), ordered so that the
/// function zₖ near θ̃ depends only on the sides of the kinks before it (layer order: a
/// neuron's input depends on the pieces of the neurons below it). Only the coordinates V of θ
/// move. A kink is *linear* when zₖ is a linear function of θ_V (no moving coordinate below
/// its layer: then zₖ(θ) = ∇zₖ·(θ − θ̃) exactly); a linear kink with ∇zₖ = 0 is *flat* —
/// zₖ ≡ 0 near θ̃, so σ(zₖ) ≡ 0 whatever its slope, and it needs no side.
///
/// A sign vector s (a side ±1 for every kink that is not flat) is *enumerated* when the strict
/// system sₖ∇zₖ·d > 0 over its linear kinks has a solution d, and *first-order realizable* when
/// the strict system over all its kinks (∇zₖ on the pieces s chooses below k) has one. Then:
/// - a first-order realizable s has an open region {sₖzₖ > 0 for every kink} whose closure
///   contains θ̃: along θ̃ + t·d′ (d′ near d, t > 0 small) every zₖ = t∇zₖ·d′ + O(t²) has sign sₖ;
/// - **completeness**: every θ near θ̃ has an enumerated s with sₖzₖ(θ) ≥ 0 for every kink that
///   is not flat (zₖ the true input, on θ's own pieces). Proof: points θⱼ → θ off the finitely
///   many hyperplanes of the non-flat linear kinks have a constant linear sign vector along a
///   subsequence, with strict solution d = θⱼ − θ̃ (zₖ is linear), so it is not pruned, and it
///   has sₖzₖ(θ) ≥ 0 in the limit; every non-linear kink is given both sides (below: θ's own).
///   A non-linear system that is infeasible at first order may still be realized at higher
///   order, so such an s is enumerated but not first-order realizable.
/// A partial sign vector is extended only while its linear strict system stays feasible (an
/// exact LP, `LinearProgram.strictSolution`, skipped when the parent's solution already has
/// the new sign), so the work grows with the realizable cells — O(nᵈ⁻¹) for n linear kinks in
/// dimension d — not with 2ⁿ; non-linear kinks double the count. Past `maximumSignVectors`
/// sign vectors the enumeration stops and says so (callers answer undecided).
struct KinkArrangement<F: OrderedField> {
    enum Side: Hashable, Sendable {
        case positive, negative
        /// A flat kink: zₖ ≡ 0 near θ̃, either slope.
        case flat

        /// The piece a frozen trace evaluates the neuron on (σ(z) = z when true).
        var isActive: Bool { self == .positive }
    }

    struct SignVector {
        let sides: [Side]
        /// A d with sₖ∇zₖ·d > 0 for every kink that is not flat, when one exists.
        let realizingDirection: [F]?
        var isFirstOrderRealizable: Bool { realizingDirection != nil }
    }

    enum Enumeration {
        case complete([SignVector])
        /// More than `maximumSignVectors` sign vectors.
        case tooMany
    }

    static var maximumSignVectors: Int { 4096 }

    let count: Int
    /// The number of moving coordinates.
    let dimension: Int
    let isLinear: (Int) -> Bool
    /// ∇zₖ(θ̃) over the moving coordinates, on the pieces the given sides (of the kinks before
    /// k) choose.
    let gradient: (Int, [Side]) -> [F]

    func enumerate() throws(Unable) -> Enumeration {
        var found: [SignVector] = []
        var exceeded = false
        let origin = [F](repeating: .zero, count: dimension)
        /// `all`/`linear`: the strict rows so far; `witness` solves `all` (nil: none exists),
        /// `linearWitness` solves `linear`.
        func extend(_ sides: [Side], all: [[F]], linear: [[F]], witness: [F]?, linearWitness: [F]) throws(Unable) {
            guard !exceeded else { return }
            let k = sides.count
            guard k < count else {
                found.append(SignVector(sides: sides, realizingDirection: witness))
                exceeded = found.count > Self.maximumSignVectors
                return
            }
            let g = gradient(k, sides)
            let linearKink = isLinear(k)
            if linearKink && g.allSatisfy(\.isZero) {
                try extend(sides + [.flat], all: all, linear: linear, witness: witness, linearWitness: linearWitness)
                return
            }
            for side in [Side.positive, .negative] {
                let row = side == .positive ? g : g.map { -$0 }
                // Pruned only on a certificate that no point realizes these sides: a row that is
                // a negative multiple of an earlier linear one, or a verified Farkas vector.
                if linearKink && linear.contains(where: { Self.isNegativeMultiple(row, of: $0) }) { continue }
                let rows = all + [row]
                let solution = try witness.flatMap { w throws(Unable) in Self.dot(row, w).signum > 0 ? w : try Self.strictSolution(rows, dimension) }
                var linearRows = linear, linearSolution = solution ?? linearWitness
                if linearKink {
                    linearRows.append(row)
                    if solution == nil && Self.dot(row, linearWitness).signum <= 0 {
                        // With only linear rows so far, the LP just solved was this one.
                        if witness != nil && all.count == linear.count { continue }
                        guard let d = try Self.strictSolution(linearRows, dimension) else { continue }
                        linearSolution = d
                    }
                }
                try extend(sides + [side], all: rows, linear: linearRows, witness: solution, linearWitness: linearSolution)
            }
        }
        try extend([], all: [], linear: [], witness: origin, linearWitness: origin)
        return exceeded ? .tooMany : .complete(found)
    }

    private static func strictSolution(_ rows: [[F]], _ dimension: Int) throws(Unable) -> [F]? {
        try LinearProgram<F>.strictSolution(rows, dimension: dimension)
    }

    /// Whether u = −c·v for some c > 0 (then ⟨u, d⟩ > 0 and ⟨v, d⟩ > 0 exclude each other).
    private static func isNegativeMultiple(_ u: [F], of v: [F]) -> Bool {
        guard let k = v.indices.first(where: { !v[$0].isZero }) else { return false }
        let c = u[k] / v[k]
        return c.signum < 0 && zip(u, v).allSatisfy { $0 == c * $1 }
    }

    private static func dot(_ u: [F], _ v: [F]) -> F { zip(u, v).reduce(F.zero) { $0 + $1.0 * $1.1 } }
}
