import Exact
import Networks
import Symbolic

/// A feasible arc of shorter points into θ̃: θ(s) = θ̃ + s·d + s²·z, shown by the `Prover` to
/// satisfy yᵢΦ(θ(s); xᵢ) ≥ 1 for every i and ‖θ(s)‖² < ‖θ̃‖² for every s in (0, s₀). It tends
/// to θ̃ as s → 0⁺, so θ̃ is not a local optimum.
public struct DescentArc: Sendable {
    /// The parameter's name in `point`.
    public let parameter: String
    /// θ(s), entry by entry.
    public let point: [Expr]
    /// s₀.
    public let upperBound: Rational
    /// d and z over all of θ (zero off the free coordinates).
    public let direction: [RealAlgebraic]
    public let correction: [RealAlgebraic]
    /// 1 when d already decreases the norm (θ̃·d < 0), 2 when the decrease is of order s².
    public let order: Int

    /// The range (0, s₀).
    public var range: ParameterRange {
        ParameterRange(parameter, lower: .init(.zero, closed: false), upper: .init(Constant(upperBound), closed: false))
    }

    /// θ(s) at a value of s.
    public func point(at s: Rational) -> [RealAlgebraic] {
        let value = RealAlgebraic(s)
        return point.indices.map { k in point0[k] + value * direction[k] + value * value * correction[k] }
    }

    /// θ̃ = θ(0).
    let point0: [RealAlgebraic]
    /// What proved the arc on (0, s₀).
    public let verification: Verification

    public enum Verification: String, Sendable {
        /// `Prover.decide` on the true network (ReLUs included) over (0, s₀).
        case prover = "the prover, on the true network"
        /// Exact leading coefficients and rigorous interval tail bounds of every margin,
        /// kinked-neuron input and the norm along the arc (`LocalOptimality.boundedEnd`).
        case leadingTerms = "exact leading terms with rigorous tail bounds of every margin, neuron input and the norm"
    }
}

extension LocalOptimality where F == RealAlgebraic {
    /// A first-order descent arc θ̃ + s·d: d with ∇gⱼ·d > 0 for every active constraint gⱼ
    /// of the piece and θ̃·d < 0 (an exact strict LP, its solution rounded to a rational
    /// point of the same open cone), verified by the prover; nil when there is no such d or
    /// the prover does not prove the arc.
    func firstOrderArc(_ constraints: [PieceConstraint<F>]) throws(Unable) -> DescentArc? {
        let θ̃ = free.map { point[$0] }
        for withRegions in [true, false] {
            var rows = constraints.filter { c in
                if case .region = c.role { return withRegions }
                return true
            }.map { $0.expansion.gradient(over: free) }
            rows.append(θ̃.map { -$0 })
            guard let rational = try Self.strictPoint(rows, dimension: free.count) else { continue }
            if let arc = verified(direction: rational, correction: rational.map { _ in .zero }, order: 1) { return arc }
        }
        return nil
    }

    /// Builds the arc θ̃ + s·d + s²·z for a direction d over the free coordinates with
    /// ∇gⱼ·d ≥ 0 on every active constraint and θ̃·d ≤ 0, then has the prover verify it; nil
    /// when no z is found or the prover does not prove the arc on any (0, s₀) tried.
    ///
    /// z solves, strictly, the second-order conditions along d: for every constraint flat along
    /// d (∇gⱼ·d = 0), ∇gⱼ·z + ½dᵀ∇²gⱼd > 0, and, when θ̃·d = 0, θ̃·z + ½‖d‖² < 0 — an exact LP
    /// (homogenised with t > 0), its solution rounded to a rational point of the same open
    /// set. Region constraints are dropped from the LP when it has no solution with them: the
    /// prover checks the true network, so the arc may cross kinks.
    func arc(along direction: [F], constraints: [PieceConstraint<F>]) throws(Unable) -> DescentArc? {
        let θ̃ = free.map { point[$0] }
        // A direction is only defined up to a positive factor: scale its first entry to ±1.
        guard let lead = direction.first(where: { !$0.isZero }) else { return nil }
        let d = direction.map { $0 / lead.magnitude }
        let slope = ExactLinearAlgebra<F>.dot(θ̃, d)
        guard slope.signum <= 0 else { return nil }
        for withRegions in [true, false] {
            let kept = constraints.filter { c in
                if case .region = c.role { return withRegions && !c.expansion.isZero }
                return true
            }
            guard kept.allSatisfy({ ExactLinearAlgebra<F>.dot($0.expansion.gradient(over: free), d).signum >= 0 }) else { continue }
            var rows: [[F]] = []
            for c in kept {
                let g = c.expansion.gradient(over: free)
                guard ExactLinearAlgebra<F>.dot(g, d).isZero else { continue }
                rows.append(g + [Self.half * quadratic(c.expansion.hessian(over: free), d)])
            }
            if slope.isZero { rows.append(θ̃.map { -$0 } + [-Self.half * ExactLinearAlgebra<F>.dot(d, d)]) }
            rows.append(Array(repeating: .zero, count: free.count) + [.one])
            guard let rounded = try Self.strictPoint(rows, dimension: free.count + 1) else { continue }
            let t = rounded[free.count]
            let z = rounded.prefix(free.count).map { $0 / t }
            if let arc = verified(direction: d, correction: z, order: slope.isZero ? 2 : 1) { return arc }
        }
        return nil
    }

    /// A point x, rational where possible, with ⟨r, x⟩ > 0 for every row r; nil when there is
    /// none. First the strict LP over rational approximations of the rows (exact rational
    /// simplex, fast), kept when every true inequality is shown to hold; otherwise the exact
    /// LP over F, its solution rounded to a rational point of the same open cone when one of
    /// 2, 4, …, 64 binary digits is. Every inequality of the answer is decided exactly.
    static func strictPoint(_ rows: [[F]], dimension: Int) throws(Unable) -> [F]? {
        for bits in [64, 256] {
            let approximate = rows.map { $0.map { $0.rationalValue ?? $0.enclosure(bits: bits).midpoint } }
            if let x = try LinearProgram<Rational>.strictSolution(approximate, dimension: dimension),
               let q = shortest(near: x.map { F($0) }, satisfying: rows) {
                return q
            }
        }
        guard let x = try LinearProgram<F>.strictSolution(rows, dimension: dimension) else { return nil }
        return shortest(near: x, satisfying: rows) ?? x
    }

    /// x rounded to 2, 4, …, 64 binary digits (and x itself when rational), the first that
    /// keeps ⟨r, ·⟩ > 0 for every row r; nil when none does.
    static func shortest(near x: [F], satisfying rows: [[F]]) -> [F]? {
        var candidates = [2, 4, 8, 16, 32, 64].map { bits in
            let scale = Rational(BigInt(2).power(bits))
            return x.map { ($0.enclosure(bits: bits + 8).lower * scale).floor }.map { Rational($0) / scale }
        }
        if let exact = x.map(\.rationalValue) as? [Rational] { candidates.append(exact) }
        return candidates.first { q in rows.allSatisfy { isPositive($0, q) } }.map { $0.map { F($0) } }
    }

    /// Whether ⟨r, x⟩ > 0, from a rigorous enclosure when it settles the sign, else exactly.
    static func isPositive(_ row: [F], _ x: [Rational]) -> Bool {
        let terms = zip(row, x).filter { !$1.isZero }
        let enclosure = terms.reduce(Interval(.zero)) { $0 + $1.0.enclosure(bits: 128) * Interval($1.1) }
        if let sign = enclosure.signum, sign != 0 { return sign > 0 }
        return terms.reduce(F.zero) { $0 + $1.0 * F($1.1) }.signum > 0
    }

    static var half: F { F(Rational(1, 2)) }

    func quadratic(_ h: [[F]], _ d: [F]) -> F {
        ExactLinearAlgebra<F>.dot(d, ExactLinearAlgebra<F>.times(h, d))
    }

    /// A first guess at s₀, so that the prover is asked once on a range where the arc likely
    /// holds: the largest 2⁻ᵏ (k ≤ 20) such that, in floating point, every margin is ≥ 1 and
    /// the norm below ‖θ̃‖ at 64 samples of (0, 2⁻ᵏ]. Only a guess: the prover decides.
    func estimatedEnd(direction d: [F], correction z: [F]) -> Rational {
        let double = { (x: F) in Double(x.enclosure(bits: 64).lower) }
        let θ̃ = point.map(double), dd = d.map(double), zz = z.map(double)
        let examples = data.map { LabeledPoint(x: $0.x.map(double), y: $0.y.map(double)) }
        let norm = Network.squaredNorm(θ̃)
        func holds(at s: Double) -> Bool {
            let θ = θ̃.indices.map { θ̃[$0] + s * dd[$0] + s * s * zz[$0] }
            return network.margins(θ, on: examples).allSatisfy { $0 >= 1 } && Network.squaredNorm(θ) < norm
        }
        for k in 0 ... 20 {
            let end = 1 / Double(1 << k)
            if (1 ... 64).allSatisfy({ holds(at: end * Double($0) / 64) }) { return Rational(1, 1 << k) }
        }
        return Rational(1, 1 << 20)
    }

    /// A short dyadic rational in (0, x] (x > 0): x rounded down to three binary digits
    /// after its leading one; nil when x is below 2⁻⁶⁴.
    static func simpleRational(below x: RealAlgebraic) -> Rational? {
        let lower = x.enclosure(bits: 96).lower
        for k in 0 ... 64 {
            let scale = Rational(BigInt(2).power(k + 3))
            let digits = (lower * scale).floor
            if digits >= BigInt(8) { return min(Rational(digits) / scale, .one) }
        }
        return nil
    }

    /// Has the prover decide feasibility and descent of the arc on (0, 1); when it fails only
    /// on a set starting at s₁ > 0, again on (0, s₀) for a rational s₀ ≤ s₁.
    func verified(direction d: [F], correction z: [F], order: Int) -> DescentArc? {
        var direction = Array(repeating: F.zero, count: point.count), correction = direction
        for (k, index) in free.enumerated() {
            direction[index] = d[k]
            correction[index] = z[k]
        }
        let name = "s"
        let s = Expr.parameter(named: name)
        let entries = point.indices.map { k -> Expr in
            var e = Expr(Constant(point[k]))
            if !direction[k].isZero { e = e + Expr(Constant(direction[k])) * s }
            if !correction[k].isZero { e = e + Expr(Constant(correction[k])) * s * s }
            return e
        }
        func arc(_ end: Rational, _ verification: DescentArc.Verification = .prover) -> DescentArc {
            DescentArc(parameter: name, point: entries, upperBound: end, direction: direction,
                       correction: correction, order: order, point0: point, verification: verification)
        }
        if let bounded = boundedEnd(direction: d, correction: z, start: .one) { return arc(bounded, .leadingTerms) }
        // The prover's claim, on the true network (built only now: expanding it is costly).
        let norm = { (v: [Expr]) in Expr.sum(v.map { $0 * $0 }) }
        var comparisons = data.map { example in
            Comparison(Expr(Constant(example.y[0])) * network(entries, example.x.map { Expr(Constant($0)) })[0],
                       .greaterOrEqual, .one)
        }
        comparisons.append(Comparison(norm(entries), .less, norm(point.map { Expr(Constant($0)) })))
        let claim = Claim(comparisons)
        var end = estimatedEnd(direction: direction, correction: correction)
        for _ in 0 ..< 4 {
            switch Prover.decide(claim, over: arc(end).range).verdict {
            case .proved: return arc(end)
            case let .refuted(_, failing, _):
                if let start = failing.compactMap(\.lower).min(), start.signum > 0,
                   let shorter = Self.simpleRational(below: start), shorter < end {
                    end = shorter
                } else {
                    end = end / 16
                }
            case .undecided: return nil
            }
        }
        return nil
    }
}
