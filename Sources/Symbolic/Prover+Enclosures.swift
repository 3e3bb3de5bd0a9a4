import Exact

/// A cheap proof of a one-parameter claim by rigorous enclosures alone, tried first on each
/// fibre of a two-parameter decomposition: over an irrational abscissa (a critical value of
/// degree 4, 6, …) the exact decision must eliminate the algebraic abscissa as a generator of
/// high degree (Sylvester determinants of size up to 14 in several variables), and over a
/// rational one it still isolates roots of every eliminated polynomial.
///
/// Sound: the bounded range's closure (its ends enclosed outward) is covered by at most `limit`
/// boxes, breadth first, and on each box every condition's enclosure (`enclosure(of:derivative:
/// _:over:bits:)`: the natural interval extension, intersected with the mean-value form, each
/// containing the condition's values wherever it is defined; nil where it may be undefined)
/// satisfies its relation throughout. Each point of the range lies in some box, so each
/// condition holds there. Equalities and conditions tight somewhere are never settled this
/// way: then nil, and the exact decision runs as before.
extension Prover {
    /// Boxes tried before the exact decision.
    static let quickBoxLimit = 64

    static func provedByEnclosures(_ claim: Claim, over range: ParameterRange, limit: Int = quickBoxLimit) -> ProverReport? {
        guard let lower = range.lower, let upper = range.upper, !claim.conditions.contains(where: { $0.relation == .equal }) else { return nil }
        let x = range.name
        // The mean-value form's derivatives only once the natural extension leaves a box open.
        var derivatives: [Expr?] = Array(repeating: nil, count: claim.conditions.count)
        var differentiated = false
        var boxes = [Interval(lower: lower.value.enclosure(bits: 64).lower, upper: upper.value.enclosure(bits: 64).upper)]
        var next = 0
        while next < boxes.count {
            guard boxes.count <= limit, !Deadline.hasPassed else { return nil }  // nil: the exact decision decides
            let box = boxes[next]
            next += 1
            func settled() -> Bool {
                zip(claim.conditions, derivatives).allSatisfy { condition, derivative in
                    enclosure(of: condition.difference, derivative: derivative, x, over: box, bits: 96)
                        .map { condition.relation.holdsThroughout($0) } ?? false
                }
            }
            if settled() { continue }
            if !differentiated {
                differentiated = true
                derivatives = claim.conditions.map { $0.difference.derivative(withRespectTo: x) }
                if settled() { continue }
            }
            let m = box.midpoint
            boxes += [Interval(lower: box.lower, upper: m), Interval(lower: m, upper: box.upper)]
        }
        return ProverReport(verdict: .proved("rigorous enclosures hold on \(next) box\(next == 1 ? "" : "es") covering the range"))
    }
}
