import Exact

/// The fallback for claims with exp or log: validated interval subdivision.
///
/// The range (finite) is covered by boxes; on each box every condition's rigorous enclosure
/// (`Expr.enclosure(at:bits:)`) either shows that it holds on the whole box, or the box is
/// bisected. A condition whose enclosure shows it false on a whole box gives a candidate
/// witness, confirmed by `Claim.truth` at a rational point inside the range before refuting.
/// A box touching a rational end where a condition is tight is settled by the condition's
/// Taylor expansion there (`EndExpansion`); a closed end is checked exactly first.
/// A box touching an open rational end where a condition's exp(g) has g → ±∞ is settled by
/// `ExponentialEndBound` (exp bounded by truncated Taylor polynomials, an exact algebraic
/// decision in two parameters). Past `subdivisionLimit` boxes the answer is undecided. First
/// the claim is evaluated exactly at grid points (a refutation there is exact). Equalities
/// cannot be proved this way (only after `Claim.withConstantTranscendentalArguments` made them
/// algebraic). Other strict inequalities that are tight at an end stay undecided.
extension Prover {
    public static let subdivisionLimit = 1500

    static func decideBySubdivision(_ claim: Claim, over range: ParameterRange) throws(Unable) -> ProverReport {
        guard let lower = range.lower, let upper = range.upper else {
            return ProverReport(verdict: .undecided("interval subdivision needs a bounded range"))
        }
        let x = range.name
        let inner = Interval(lower: lower.value.enclosure(bits: 64).lower, upper: upper.value.enclosure(bits: 64).upper)
        // Exact truth at grid points first: enclosures never prove a non-trivial equality, nor
        // refute a strict inequality at a point where both sides are equal (there the canonical
        // form cancels them exactly, as exp(−1) + exp(−1) − 2·exp(−1)).
        let isEquality = claim.conditions.contains(where: { $0.relation == .equal && $0.difference.constantValue == nil })
        let gridSize = isEquality ? 64 : 16
        for k in 1..<gridSize {
            try Deadline.check(while: "evaluating the claim at grid point \(k) of \(gridSize)")
            let q = inner.lower + inner.width * Rational(k, gridSize)
            guard range.contains(RealAlgebraic(q)) else { continue }
            let truth = try claim.truth(at: [x: Constant(q)])
            if case .fails = truth {
                return ProverReport(verdict: .refuted(witness: [x: Constant(q)], failingSet: [], reason: truth.text))
            }
        }
        if isEquality {
            return ProverReport(verdict: .undecided("an equality with exp, log or unresolved radicals cannot be proved by enclosures, "
                + "and no counterexample was found at 63 grid points"))
        }
        let derivatives = claim.conditions.map { $0.difference.derivative(withRespectTo: x) }
        // Rational ends: a closed end is checked exactly; boxes touching an end may use Taylor
        // expansions there (`EndExpansion`), which settle conditions that are tight at the end.
        var expansions: [[EndExpansion]] = Array(repeating: [], count: claim.conditions.count)
        var bounds: [[ExponentialEndBound]] = Array(repeating: [], count: claim.conditions.count)
        for (end, isLower) in [(lower, true), (upper, false)] {
            guard let a = end.value.rationalValue else { continue }
            if end.closed {
                let truth = try claim.truth(at: [x: Constant(a)])
                if case .fails = truth {
                    return ProverReport(verdict: .refuted(witness: [x: Constant(a)], failingSet: [], reason: truth.text))
                }
                guard truth == .holds else { continue }
            }
            for (i, condition) in claim.conditions.enumerated() {
                if let e = try EndExpansion(of: condition.difference, x, at: a, isLower: isLower) {
                    expansions[i].append(e)
                } else if !end.closed, let b = try ExponentialEndBound(of: condition, x, at: a, isLower: isLower, width: inner.width) {
                    bounds[i].append(b)
                }
            }
        }
        // Breadth first (a queue), so wide boxes are examined before one kink is refined forever.
        var boxes = [inner]
        var next = 0
        var examined = 0
        while next < boxes.count {
            let box = boxes[next]
            next += 1
            examined += 1
            try Deadline.check(while: "subdividing the range (box \(examined))")
            if examined > subdivisionLimit {
                return ProverReport(verdict: .undecided("interval subdivision did not settle the claim in \(subdivisionLimit) boxes"))
            }
            let bits = 64 + 2 * examined.bitWidthEstimate
            var settled = true
            for (i, (condition, derivative)) in zip(claim.conditions, derivatives).enumerated() {
                let e = enclosure(of: condition.difference, derivative: derivative, x, over: box, bits: bits)
                if let e, condition.relation.holdsThroughout(e) { continue }
                if let s = expansions[i].lazy.compactMap({ $0.sign(on: box, x, bits: bits) }).first,
                   condition.relation.holds(forSign: s) { continue }
                if bounds[i].contains(where: { $0.settles(box) }) { continue }
                settled = false
                if let e, condition.relation.negation.holdsThroughout(e),
                   let point = rationalInside(box, range), case .fails = try claim.truth(at: [x: Constant(point)]) {
                    let verdict = Verdict.refuted(witness: [x: Constant(point)], failingSet: [],
                                                  reason: try claim.truth(at: [x: Constant(point)]).text)
                    return ProverReport(verdict: verdict, explanation: { ["enclosure over \(box): \(condition) is false throughout"] })
                }
                break
            }
            if settled { continue }
            let m = box.midpoint
            boxes.append(Interval(lower: box.lower, upper: m))
            boxes.append(Interval(lower: m, upper: box.upper))
        }
        let nearEnds = bounds.joined().map(\.text)
        return ProverReport(verdict: .proved("interval subdivision: rigorous enclosures hold on \(examined) boxes covering the range"
                                             + (nearEnds.isEmpty ? "" : ", Taylor bounds of exp near an end where its argument has a pole")),
                            explanation: { nearEnds })
    }

    /// The natural interval extension, intersected with the mean-value form
    /// f(m) + f′(X)·(X − m) when the derivative is known; both contain f(X) where f is defined.
    static func enclosure(of f: Expr, derivative: Expr?, _ x: String, over box: Interval, bits: Int) -> Interval? {
        let natural = f.enclosure(at: [x: box], bits: bits)
        guard let derivative, let slope = derivative.enclosure(at: [x: box], bits: bits),
              let center = f.enclosure(at: [x: Interval(box.midpoint)], bits: bits) else { return natural }
        let meanValue = center + slope * (box - Interval(box.midpoint))
        guard let natural else { return meanValue }
        let lower = Rational.max(natural.lower, meanValue.lower), upper = Rational.min(natural.upper, meanValue.upper)
        return lower <= upper ? Interval(lower: lower, upper: upper) : nil
    }

    /// A rational in both the box and the range (the box midpoint, else a point of the range).
    private static func rationalInside(_ box: Interval, _ range: ParameterRange) -> Rational? {
        for q in [box.midpoint, box.lower, box.upper] where range.contains(RealAlgebraic(q)) { return q }
        return nil
    }
}

extension Relation {
    /// Whether the relation holds for every value in the interval.
    func holdsThroughout(_ i: Interval) -> Bool {
        switch self {
        case .equal: i.lower.isZero && i.upper.isZero
        case .notEqual: i.signum.map { $0 != 0 } ?? false
        case .less: i.upper.signum < 0
        case .lessOrEqual: i.upper.signum <= 0
        case .greater: i.lower.signum > 0
        case .greaterOrEqual: i.lower.signum >= 0
        }
    }
}

private extension Int {
    /// ⌊log₂ self⌋ + 1 for self > 0.
    var bitWidthEstimate: Int { Int.bitWidth - leadingZeroBitCount }
}
