import Exact
import Networks

/// Verification of an arc θ(s) = θ̃ + s·d + s²·z by leading terms and rigorous tail bounds, a
/// fast exact alternative to the prover's cell decomposition for arcs whose coefficients are
/// algebraic numbers of high degree.
///
/// Along the arc, on a fixed activation pattern, every pre-activation, margin and the norm are
/// polynomials q(s) = Σₖ cₖsᵏ. If the first non-zero coefficient c_j has the required sign and
/// |c_j| > Σ_{k>j} |cₖ| s₀^{k−j}, then q has that sign on all of (0, s₀]. The low coefficients
/// are exact: c₀ from θ̃, c₁ = ∇q·d and c₂ = ∇q·z + ½dᵀ∇²q d from the second-order jets; the
/// tail's coefficients are enclosed by interval arithmetic (`IntervalPolynomial`), which only
/// over-estimates the tail. The pattern is read off the arc: each neuron whose input is not 0
/// at θ̃ keeps its sign (shown by the bound), and each zero-input neuron takes the side of its
/// first non-zero coefficient (shown by the bound, layer by layer). On that pattern the
/// frozen evaluation equals the true network (every kinked neuron is on the linear piece its
/// input's sign selects, or at 0 where both pieces agree), so the bounds prove: every margin
/// ≥ 1 (> 1 off s = 0) and ‖θ(s)‖ < ‖θ̃‖ for every s in (0, s₀]. When a coefficient needed is 0
/// to second order, nothing is claimed (nil).
extension LocalOptimality where F == RealAlgebraic {
    /// The largest s₀ = start/2ᵏ (k ≤ 60) on which the bounds prove the arc; nil when none.
    func boundedEnd(direction d: [F], correction z: [F], start: Rational) -> Rational? {
        let enclose = { (x: F) in x.enclosure(bits: IntervalPolynomial.bits) }
        let θ̃ = free.map { point[$0] }
        let dot = ExactLinearAlgebra<F>.dot
        // ‖θ(s)‖² − ‖θ̃‖² = 2θ̃·d s + (‖d‖² + 2θ̃·z) s² + 2d·z s³ + ‖z‖² s⁴.
        let two = F(Rational(2))
        let norm = [F.zero, two * dot(θ̃, d), dot(d, d) + two * dot(θ̃, z), two * dot(d, z), dot(z, z)]
        guard let j = norm.firstIndex(where: { !$0.isZero }), norm[j].signum < 0 else { return nil }
        var checks: [(exact: F, order: Int, tail: IntervalPolynomial)] = [
            (-norm[j], j, IntervalPolynomial(coefficients: norm.map { enclose(-$0) })),
        ]
        let freeIndex = Dictionary(uniqueKeysWithValues: free.enumerated().map { ($1, $0) })
        let θ = point.indices.map { k in
            IntervalPolynomial(coefficients: [enclose(point[k])] + (freeIndex[k].map { [enclose(d[$0]), enclose(z[$0])] } ?? []))
        }
        for i in data.indices {
            guard let example = exampleChecks(i, θ, d, z) else { return nil }
            checks += example
        }
        var end = start
        for _ in 0 ... 60 {
            if checks.allSatisfy({ Self.dominates($0.exact, order: $0.order, tail: $0.tail, end) }) { return end }
            end = end / 2
        }
        return nil
    }

    /// Whether |c_j| exceeds the tail bound on (0, s₀] (c_j > 0 given).
    static func dominates(_ leading: F, order j: Int, tail: IntervalPolynomial, _ s0: Rational) -> Bool {
        leading.enclosure(bits: IntervalPolynomial.bits).lower > tail.tailBound(after: j, upTo: s0)
    }

    /// The checks of example i: its margin minus 1 and every kinked neuron's input, each as
    /// (exact leading coefficient made positive, its order, the enclosed polynomial with the
    /// same sign change); nil when a leading coefficient vanishes to second order or has the
    /// wrong sign.
    func exampleChecks(_ i: Int, _ θ: [IntervalPolynomial], _ d: [F], _ z: [F])
        -> [(exact: F, order: Int, tail: IntervalPolynomial)]? {
        let exactTrace = network.trace(point, data[i].x)
        let x = data[i].x.map { IntervalPolynomial(coefficients: [$0.enclosure(bits: IntervalPolynomial.bits)]) }
        let kinks = kinks(example: i)
        var sides = kinks.map { _ in true }
        var constant = kinks.map { _ in false }
        func frozen() -> [[Bool]] {
            var frozen = network.activeNeurons(exactTrace)
            for (kink, side) in zip(kinks, sides) { frozen[kink.neuron.layer][kink.neuron.index] = side }
            return frozen
        }
        // Sides layer by layer: a kink's input depends on the sides below it only. An input
        // whose enclosed coefficients are all exactly 0 is 0 along the whole arc (both sides
        // agree there) and needs no side.
        for layer in Set(kinks.map(\.neuron.layer)).sorted() {
            let expansions = constraints(example: i, kinks: kinks, sides: sides)
            let enclosed = network.trace(θ, x, frozen: frozen())
            for (k, kink) in kinks.enumerated() where kink.neuron.layer == layer {
                let raw = sides[k] ? expansions[k + 1].expansion : -expansions[k + 1].expansion
                if let (c, _) = leading(raw, d, z) {
                    sides[k] = c.signum > 0
                } else if enclosed.preActivations[layer][kink.neuron.index].coefficients.allSatisfy({ $0 == Interval(.zero) }) {
                    constant[k] = true
                } else {
                    return nil
                }
            }
        }
        let trace = network.trace(θ, x, frozen: frozen())
        var result: [(exact: F, order: Int, tail: IntervalPolynomial)] = []
        let expansions = constraints(example: i, kinks: kinks, sides: sides)
        let y = data[i].y[0]
        let margin = trace.output[0] * IntervalPolynomial(coefficients: [y.enclosure(bits: IntervalPolynomial.bits)])
        let value = expansions[0].expansion.value
        if value.signum > 0 {
            result.append((value, 0, margin))
        } else {
            let lead = leading(expansions[0].expansion, d, z)
            guard let (c, j) = lead, c.signum > 0 else { return nil }
            result.append((c, j, margin))
        }
        for (l, layer) in network.layers.enumerated() where layer.activation.hasKink {
            for (n, exact) in exactTrace.preActivations[l].enumerated() {
                let q = trace.preActivations[l][n]
                if let k = kinks.firstIndex(where: { $0.neuron == Neuron(layer: l, index: n) }) {
                    if constant[k] { continue }
                    guard let (c, j) = leading(expansions[k + 1].expansion, d, z), c.signum > 0 else { return nil }
                    result.append((c, j, sides[k] ? q : -q))
                } else if exact.signum != 0 {
                    result.append((exact.magnitude, 0, exact.signum > 0 ? q : -q))
                }
                // A zero input below every free coordinate is constant along the arc.
            }
        }
        return result
    }

    /// The first non-zero coefficient of q(θ̃ + s·d + s²·z) of order 1 or 2 (exact, from the
    /// jet; q(θ̃) = 0 is assumed) and its order; nil when both vanish.
    func leading(_ q: SecondOrderJet<F>, _ d: [F], _ z: [F]) -> (F, Int)? {
        let g = q.gradient(over: free)
        let first = ExactLinearAlgebra<F>.dot(g, d)
        if !first.isZero { return (first, 1) }
        let second = ExactLinearAlgebra<F>.dot(g, z) + Self.half * quadratic(q.hessian(over: free), d)
        return second.isZero ? nil : (second, 2)
    }
}
