import Exact

/// Claims whose constants or range ends are algebraic numbers of high degree (a 9th root, a
/// sum of radicals of several indices): radical elimination gives each such constant, and each
/// of its powers in an expanded product, a generator with its own defining polynomial, so the
/// cut points' polynomial can have a degree in the thousands. Before that, the claim is
/// evaluated exactly at a few rational points of the range — its closed rational ends and
/// seven evenly spaced inner points — and refuted at the first where it fails (an exact
/// counterexample, sound like any other). Claims with only small-degree constants never take
/// this path, so their verdicts and explanations are unchanged.
extension Prover {
    /// Constants and range ends of degree above `largestExactPointDegree` trigger the search.
    static func hasHighDegreeConstants(_ claim: Claim, over range: ParameterRange) -> Bool {
        var high = false
        for condition in claim.conditions {
            condition.difference.visit { node in
                let constants: [Constant]
                switch node {
                case .constant(let c): constants = [c]
                case .sum(let c, let terms): constants = [c] + terms.values
                case .product(let a, _): constants = [a]
                case .parameter, .apply: constants = []
                }
                for case .algebraic(let a) in constants where a.degreeBound > largestExactPointDegree { high = true }
            }
        }
        let ends = [range.lower, range.upper].compactMap { $0?.value.realAlgebraic }
        return high || ends.contains { $0.degreeBound > largestExactPointDegree }
    }

    /// A refutation at a rational point of the range, when the claim has high-degree constants
    /// and fails exactly at one of the points tried; else `nil`.
    static func counterexampleAtRationalPoints(_ claim: Claim, over range: ParameterRange) throws(Unable) -> ProverReport? {
        guard let lower = range.lower, let upper = range.upper, hasHighDegreeConstants(claim, over: range) else { return nil }
        let inner = Interval(lower: lower.value.enclosure(bits: 64).lower, upper: upper.value.enclosure(bits: 64).upper)
        let ends = [lower, upper].filter(\.closed).compactMap(\.value.rationalValue)
        let points = ends + (1..<8).map { inner.lower + inner.width * Rational($0, 8) }
        for q in points where range.contains(RealAlgebraic(q)) {
            try Deadline.check(while: "evaluating the claim at \(q)")
            let truth = try claim.truth(at: [range.name: Constant(q)])
            if case .fails = truth {
                let witness = Constant(q)
                return ProverReport(verdict: .refuted(witness: [range.name: witness], failingSet: [], reason: truth.text),
                                    explanation: { ["the claim has algebraic constants of degree above \(largestExactPointDegree): "
                                        + "tried exactly at rational points first; it fails at \(range.name) = \(witness)"] })
            }
        }
        return nil
    }
}
