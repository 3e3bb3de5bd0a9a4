import Exact

extension Prover {
    /// Decides `claim` for all sufficiently small positive values of `parameter`: whether
    /// there is δ > 0 such that it holds for every value in (0, δ). Within the bound
    /// `ResourceLimit` deadline, like the other entry points.
    ///
    /// Algebraic claims: the cell decomposition of (0, 1) has a first cell (0, c) on which the
    /// truth is constant; its sample decides, and the verdict names δ = c. Claims with exp or
    /// log: the sign of the leading term of each side's series at 0 (`Series`).
    public static func decideForSmall(_ claim: Claim, parameter: String) -> ProverReport {
        let decided = claim.withSymbolicPowerContentDividedOut
        return ResourceLimit.limiting { () throws(Unable) in try decideForSmallWithoutLimit(decided, parameter: parameter).certified(decided, otherwise: "the leading terms of series at 0") }
    }

    private static func decideForSmallWithoutLimit(_ claim: Claim, parameter: String) throws(Unable) -> ProverReport {
        if let other = claim.parameters.subtracting([parameter]).sorted().first {
            return ProverReport(verdict: .undecided("the claim has another parameter, \(other)"))
        }
        if claim.conditions.contains(where: { $0.difference.isTranscendental }) {
            return try decideForSmallBySeries(claim, parameter: parameter)
        }
        let range = ParameterRange(parameter, lower: .init(.zero, closed: false), upper: .init(.one, closed: false))
        let d: CellDecomposition
        switch try decomposition(of: claim, over: range) {
        case .failure(let reason):
            let fallback = try decideForSmallBySeries(claim, parameter: parameter)
            if case .undecided(let why) = fallback.verdict {
                return ProverReport(verdict: .undecided("\(reason.text); \(why)"))
            }
            return fallback
        case .success(let decomposition): d = decomposition
        }
        let first = d.cells[0]
        let delta = first.upper.map { Constant($0).description } ?? "1"
        let truth = try claim.truth(at: [parameter: Constant(first.sample)])
        let explanation: @Sendable () -> [String] = { ["first cell (0, \(delta)), sample \(first.sample): \(truth.text)"] }
        switch truth {
        case .holds:
            // Holding on the whole first cell (0, c) proves it for all small values.
            let cell = ParameterRange(parameter, lower: range.lower, upper: .init(first.upper.map(Constant.init) ?? .one, closed: false))
            return ProverReport(verdict: .proved("exact: holds for all \(parameter) in (0, \(delta)), a cell of the decomposition"),
                                explanation: explanation,
                                certificate: .overRange(conditions: claim.conditions, range: cell, cutPoints: [], samples: [first.sample]))
        case .fails:
            let piece = FailingPiece(lower: .init(Rational.zero), upper: first.upper, lowerClosed: false, upperClosed: false)
            return ProverReport(verdict: .refuted(witness: [parameter: Constant(first.sample)], failingSet: [piece], reason: truth.text),
                                explanation: explanation)
        case .undecided:
            return ProverReport(verdict: .undecided(truth.text), explanation: explanation)
        }
    }

    /// Decides `claim` for every integer value of `range.name` in `range`.
    ///
    /// The claim is decided over the real range by the cell decomposition; it holds for all
    /// integers when no failing or undecided cell or point contains an integer, and is refuted
    /// at the least failing integer otherwise. When there is no decomposition (a symbolic
    /// exponent that `Claim.withSymbolicPowerContentDividedOut` cannot remove), the six least
    /// integers of the range are searched for an exact witness.
    public static func decideForIntegers(_ claim: Claim, over range: ParameterRange) -> ProverReport {
        let decided = claim.withSymbolicPowerContentDividedOut
        return ResourceLimit.limiting { () throws(Unable) in
            try decideForIntegersWithoutLimit(decided, over: range, original: claim).certified(decided, otherwise: "the cells that contain integers")
        }
    }

    /// `claim` is `original` with its symbolic-power content divided out; the certificate of a
    /// proof states `original`'s conditions with their contents.
    private static func decideForIntegersWithoutLimit(_ claim: Claim, over range: ParameterRange, original: Claim) throws(Unable) -> ProverReport {
        if let other = claim.parameters.subtracting([range.name]).sorted().first {
            return ProverReport(verdict: .undecided("only one integer parameter is supported; the claim also has \(other)"))
        }
        if claim.conditions.contains(where: { $0.difference.isTranscendental }) {
            return ProverReport(verdict: .undecided("integer claims with exp or log are not supported"))
        }
        let d: CellDecomposition
        switch try decomposition(of: claim, over: range) {
        case .failure(let reason):
            func bound(_ end: ParameterRange.End) -> IntegerParameter.Bound { .init(Expr(end.value), strict: !end.closed) }
            if let lower = range.lower,
               let witness = try smallIntegerWitness(claim, [IntegerParameter(range.name, lower: bound(lower), upper: range.upper.map(bound))]) {
                return ProverReport(verdict: .refuted(witness: Assignment(witness), failingSet: [],
                                                      reason: try claim.truth(at: witness).text))
            }
            return ProverReport(verdict: .undecided(reason.text))
        case .success(let decomposition): d = decomposition
        }
        let elements = try evaluate(claim, on: d)
        let explanation: @Sendable () -> [String] = { d.explanation + elements.map { "\($0.text): \($0.truth.text)" } }
        for element in elements where !element.truth.isHolds {
            guard let n = leastInteger(in: element.place) else { continue }
            let truth = try claim.truth(at: [range.name: Constant(Rational(n))])
            switch truth {
            case .fails:
                return ProverReport(verdict: .refuted(witness: [range.name: Constant(Rational(n))], failingSet: [], reason: truth.text),
                                    explanation: explanation)
            default:
                return ProverReport(verdict: .undecided("\(element.truth.text) \(element.text), which contains the integer \(n)"),
                                    explanation: explanation)
            }
        }
        return ProverReport(verdict: .proved("exact: the claim holds on every cell and cut point of the range that contains an integer"),
                            explanation: explanation, certificate: try .provedForIntegers(original, on: d, elements))
    }

    /// The least integer in a cell or at a point, if any.
    static func leastInteger(in place: Element.Place) -> BigInt? {
        switch place {
        case .point(let x):
            guard let q = x.rationalValue, q.isInteger else { return nil }
            return q.numerator
        case .cell(let c):
            let n = c.lower.map { $0.enclosure(bits: 8).lower.floor } ?? c.sample.floor - BigInt(1)
            var candidate = n
            // The first integer above the lower end (the enclosure may sit slightly below it).
            while let l = c.lower, !(l < RealAlgebraic(Rational(candidate))) { candidate += BigInt.one }
            if let u = c.upper, !(RealAlgebraic(Rational(candidate)) < u) { return nil }
            return candidate
        }
    }
}
