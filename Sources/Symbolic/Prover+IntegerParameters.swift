import Exact

extension Prover {
    /// Decides `claim` for every tuple of integers in the set the parameters range over
    /// (`IntegerParameter`: each bound kept as written, strict or not, possibly depending on
    /// earlier parameters).
    ///
    /// A claim in the first parameter alone, whose bounds are exact constants: its set is the
    /// integers of [⌈ℓ⌉ or ⌊ℓ⌋ + 1, ⌊u⌋ or ⌈u⌉ − 1], decided exactly by the cell decomposition
    /// over that closed interval with integer ends (`decideForIntegers(_:over:)`, which checks
    /// every cell and cut point that contains an integer); an empty set is a vacuous proof,
    /// said as such. Later parameters that the claim does not mention only restrict which
    /// values of the first one occur (a proof over all of them covers it), and complete a
    /// witness with the least integers of their sets.
    ///
    /// Otherwise, the orthant argument over a real superset: each parameter is written as its
    /// real lower bound r plus a new variable tᵢ ≥ 0 (`IntegerParameter.realLowerBound`: every
    /// integer of the set is ≥ r, so the tuples tᵢ ≥ 0 cover every integer tuple of the set).
    /// A condition whose difference becomes a rational function P/Q of the tᵢ holds everywhere
    /// when the coefficient signs of P and Q settle its sign on the whole orthant tᵢ ≥ 0 (a
    /// polynomial with nonnegative coefficients and a positive constant term is positive
    /// there); kinks take the branch their arguments' signs settle the same way. Upper bounds
    /// only shrink the set, so they are not needed to prove. When this does not prove the
    /// claim, the least values of each parameter's set (six each, within its upper bound) are
    /// searched for an exact witness.
    public static func decideForIntegers(_ claim: Claim, parameters: [IntegerParameter]) -> ProverReport {
        ResourceLimit.limiting { () throws(Unable) in try decideForIntegersWithoutLimit(claim.withSymbolicPowerContentDividedOut, parameters: parameters) }
    }

    private static func decideForIntegersWithoutLimit(_ claim: Claim, parameters: [IntegerParameter]) throws(Unable) -> ProverReport {
        if let first = parameters.first, claim.parameters.isSubset(of: [first.name]),
           let report = try decideForIntegers(claim, first) {
            guard case .refuted(let witness, _, let reason) = report.verdict, parameters.count > 1 else { return report }
            // The later parameters do not occur: any tuple of their sets completes the witness.
            guard let completed = try leastCompletion(of: witness.values, parameters[1...]) else {
                return ProverReport(verdict: .undecided("the claim fails at \(witness), where the later parameters' sets are empty"),
                                    explanation: { report.explanation })
            }
            return ProverReport(verdict: .refuted(witness: Assignment(completed), failingSet: [], reason: reason),
                                explanation: { report.explanation })
        }
        if let other = claim.parameters.subtracting(parameters.map(\.name)).sorted().first {
            return ProverReport(verdict: .undecided("the claim has a parameter that is not an integer parameter, \(other)"))
        }
        let shifts = parameters.indices.map { "t\($0)_" }
        var values: [String: Expr] = [:]
        for (i, (p, t)) in zip(parameters, shifts).enumerated() {
            values[p.name] = p.realLowerBound(integers: parameters[..<i].map(\.name)).substituting(values) + .parameter(t)
        }
        if let reason = orthantProofFailure(claim, values: values, shifts: shifts) {
            if let witness = try smallIntegerWitness(claim, parameters) {
                return ProverReport(verdict: .refuted(witness: Assignment(witness), failingSet: [],
                                                      reason: try claim.truth(at: witness).text))
            }
            return ProverReport(verdict: .undecided(reason))
        }
        return ProverReport(verdict: .proved("exact: with each parameter written as a real lower bound of its integers plus t ≥ 0, "
            + "the coefficient signs of every numerator and denominator settle every condition"))
    }

    /// The claim for every integer of one parameter's set, when its bounds are exact constants:
    /// the integers of [least, greatest], decided by the cell decomposition of that closed
    /// interval with integer ends. nil when a bound is not an exact constant.
    private static func decideForIntegers(_ claim: Claim, _ p: IntegerParameter) throws(Unable) -> ProverReport? {
        guard let least = try p.leastValue(at: [:]) else { return nil }
        let greatest = try p.greatestValue(at: [:])
        if p.upper != nil && greatest == nil { return nil }
        if let greatest, greatest < least {
            return ProverReport(verdict: .proved("vacuously: no integer satisfies \(p)"))
        }
        let range = ParameterRange(p.name, lower: .init(Constant(Rational(least)), closed: true),
                                   upper: greatest.map { .init(Constant(Rational($0)), closed: true) })
        return decideForIntegers(claim, over: range)
    }

    /// `point` extended by the least integer of each later parameter's set, or nil when one of
    /// those sets is empty (or not computable) there.
    private static func leastCompletion(of point: [String: Constant], _ later: ArraySlice<IntegerParameter>) throws(Unable) -> [String: Constant]? {
        var point = point
        for p in later {
            guard let least = try p.leastValue(at: point) else { return nil }
            if p.upper != nil {
                guard let greatest = try p.greatestValue(at: point), !(greatest < least) else { return nil }
            }
            point[p.name] = Constant(Rational(least))
        }
        return point
    }

    /// Why the orthant argument does not prove the claim, or nil when it does.
    private static func orthantProofFailure(_ claim: Claim, values: [String: Expr], shifts: [String]) -> String? {
        var branches: [Expr: Int] = [:]
        for condition in claim.conditions {
            var failure: String?
            condition.difference.substituting(values).visit { node in
                guard failure == nil, let kink = node.kinkArgument, branches[kink] == nil else { return }
                guard let signs = orthantSigns(kink, shifts, branches), !(signs.contains(1) && signs.contains(-1)) else {
                    failure = "the sign of \(kink) is not settled by coefficient signs"
                    return
                }
                branches[kink] = signs.contains(1) ? 1 : signs.contains(-1) ? -1 : 0
            }
            if let failure { return failure }
            let difference = condition.difference.substituting(values)
            guard let signs = orthantSigns(difference, shifts, branches),
                  signs.allSatisfy({ condition.relation.holds(forSign: $0) }) else {
                return "coefficient signs do not settle \(condition)"
            }
        }
        return nil
    }

    /// The signs e can take on the orthant tᵢ ≥ 0 when it is a rational function there whose
    /// numerator and denominator have coefficients of one sign each; nil otherwise.
    private static func orthantSigns(_ e: Expr, _ shifts: [String], _ branches: [Expr: Int]) -> Set<Int>? {
        var elimination = RadicalElimination(parameters: shifts, branches: branches)
        guard let (p, q) = elimination.fraction(e), elimination.relations.isEmpty,
              let sp = polynomialSigns(p), let sq = polynomialSigns(q) else { return nil }
        return Set(sp.flatMap { a in sq.filter { $0 != 0 }.map { a * $0 } })
    }

    /// {0} for 0; {s} when every coefficient has sign s or 0 and the constant term is nonzero;
    /// {0, s} when the constant term is 0; nil for mixed signs.
    private static func polynomialSigns(_ p: MultivariatePolynomial) -> Set<Int>? {
        if p.isZero { return [0] }
        let signs = Set(p.terms.values.map(\.signum))
        guard signs.count == 1, let s = signs.first else { return nil }
        return p.terms[[]] == nil ? [0, s] : [s]
    }

    /// The first failing point of the grid where each parameter runs over the six least
    /// integers of its set (within its upper bound), given the earlier parameters' values.
    static func smallIntegerWitness(_ claim: Claim, _ parameters: [IntegerParameter]) throws(Unable) -> [String: Constant]? {
        func search(_ i: Int, _ point: [String: Constant]) throws(Unable) -> [String: Constant]? {
            try Deadline.check(while: "searching small integers for a counterexample")
            if i == parameters.count {
                if case .fails = try claim.truth(at: point) { return point }
                return nil
            }
            let p = parameters[i]
            guard let least = try p.leastValue(at: point) else { return nil }
            let greatest = try p.greatestValue(at: point)
            if p.upper != nil, greatest == nil { return nil }
            for k in 0...5 {
                let n = least + BigInt(k)
                if let greatest, greatest < n { break }
                var next = point
                next[p.name] = Constant(Rational(n))
                if let found = try search(i + 1, next) { return found }
            }
            return nil
        }
        return try search(0, [:])
    }
}
