import Exact

/// Decides claims in one real parameter: for all values in a range, for all sufficiently
/// small positive values, or for all integers in a range.
///
/// Method (algebraic claims: + − × ÷, rational powers and roots, relu, leaky relu, abs, max,
/// min): a `CellDecomposition` of the range at the exact real roots where kink arguments,
/// the claim's sides or its domain conditions can change sign, found by radical elimination
/// and exact root isolation (Sturm sequences); then the claim is evaluated exactly at every
/// cut point and at one rational sample of every cell. Claims with exp or log, and algebraic
/// claims whose elimination exceeds its size limits, fall back to validated interval
/// subdivision with Taylor expansions at tight ends (`Prover+Subdivision.swift`,
/// `EndExpansion`). Powers whose exponents depend on the parameter (3^(4/k), 2^(1 − 2/m)) are
/// first divided out of each condition where its summands share them
/// (`Claim.withSymbolicPowerContentDividedOut`). Sound: "proved" only from exact signs or
/// rigorous enclosures; limits give "undecided", never a guess.
public enum Prover {
    /// The truth at one element of a decomposition: a cut point or a cell.
    struct Element {
        enum Place {
            case point(RealAlgebraic)
            case cell(CellDecomposition.Cell)
        }
        let place: Place
        let truth: Truth

        var text: String {
            switch place {
            case .point(let x): "at \(Constant(x))"
            case .cell(let c):
                "on (\(c.lower.map { Constant($0).description } ?? "-inf"), \(c.upper.map { Constant($0).description } ?? "inf")), sample \(c.sample)"
            }
        }
    }

    /// Decides `claim` for every value of `range.name` in `range`, within the bound
    /// `ResourceLimit` deadline (or `ResourceLimit.defaultSeconds`).
    public static func decide(_ claim: Claim, over range: ParameterRange) -> ProverReport {
        let decided = claim.withSymbolicPowerContentDividedOut
        return ResourceLimit.limiting { () throws(Unable) in
            try decideWithoutLimit(decided, over: range).certified(decided, otherwise: "validated interval subdivision", in: ParameterRegion(range))
        }
    }

    private static func decideWithoutLimit(_ claim: Claim, over range: ParameterRange) throws(Unable) -> ProverReport {
        if let other = claim.parameters.subtracting([range.name]).sorted().first {
            return ProverReport(verdict: .undecided("the claim has another parameter, \(other)"))
        }
        if claim.conditions.contains(where: { $0.difference.isTranscendental }) {
            // exp(u), log(u) with u constant on the range: exact, and algebraic once they cancel.
            let reduced = try claim.withConstantTranscendentalArguments(over: range)
            if reduced != claim, !reduced.conditions.contains(where: { $0.difference.isTranscendental }) {
                // The decomposition certifies the reduced claim, not this one: no certificate
                // is passed on (a refutation is certified at its witness by `certified`).
                let report = try decideWithoutLimit(reduced, over: range)
                let lines = ["exp/log arguments constant on \(range) replaced exactly: \(reduced)"] + report.explanation
                return ProverReport(verdict: report.verdict, explanation: { lines })
            }
            return try decideBySubdivision(reduced, over: range)
        }
        if let refutation = try counterexampleAtRationalPoints(claim, over: range) { return refutation }
        let decomposition: CellDecomposition
        switch try Self.decomposition(of: claim, over: range) {
        case .failure(let reason):
            // Not algebraic enough for elimination: validated subdivision may still decide.
            let fallback = try decideBySubdivision(claim, over: range)
            if case .undecided(let why) = fallback.verdict {
                return ProverReport(verdict: .undecided("\(reason.text); \(why)"))
            }
            return fallback
        case .success(let d): decomposition = d
        }
        let elements = try evaluate(claim, on: decomposition)
        let verdict = verdict(from: elements, decomposition: decomposition)
        return ProverReport(verdict: verdict,
                            explanation: { decomposition.explanation + elements.map { "\($0.text): \($0.truth.text)" } },
                            certificate: verdict.isProved ? .proved(claim, on: decomposition, elements) : nil)
    }

    struct Reason: Error { let text: String }

    /// `body`'s value, or its `Unable` as the `Reason` (the limit's reason) for code whose
    /// failures are reasons.
    static func reasoning<T>(_ body: () throws(Unable) -> T) throws(Reason) -> T {
        do { return try body() } catch { throw Reason(text: error.reason) }
    }

    /// The decomposition for every kink argument and every condition of the claim.
    static func decomposition(of claim: Claim, over range: ParameterRange) throws(Unable) -> Result<CellDecomposition, Reason> {
        var d = CellDecomposition(range: range)
        var kinks: [Expr] = []
        for condition in claim.conditions {
            condition.difference.visit { node in
                if let k = node.kinkArgument, !kinks.contains(k) { kinks.append(k) }
            }
        }
        for kink in kinks {
            if let reason = try d.refine(for: kink, isKink: true) { return .failure(Reason(text: reason)) }
        }
        for condition in claim.conditions {
            if let reason = try d.refine(for: condition.difference, isKink: false) { return .failure(Reason(text: reason)) }
        }
        return .success(d)
    }

    /// Exact arithmetic at a cut point is used only up to this degree of its defining polynomial
    /// (or at a radical point of any degree: its arithmetic stays in the radical field).
    static let largestExactPointDegree = 6

    /// The claim's truth at the closed ends, every cut point and every cell, in order.
    ///
    /// On a cell each condition's sign is decided at the sample. At a cut point: enclosures
    /// first; a condition undecided by them whose signs on the two adjacent cells are opposite
    /// is 0 there (intermediate value theorem: earlier conditions hold, so it is defined and
    /// continuous at the point); otherwise exact arithmetic when the point's degree is small.
    static func evaluate(_ claim: Claim, on d: CellDecomposition) throws(Unable) -> [Element] {
        let x = d.range.name
        let cells = d.cells
        let cellSigns = try cells.map { cell throws(Unable) in
            try claim.conditions.map { condition throws(Unable) in try condition.difference.sign(at: [x: Constant(cell.sample)]) }
        }
        func at(_ point: RealAlgebraic, between left: [SignDecision]?, and right: [SignDecision]?) throws(Unable) -> Element {
            let values = [x: Constant(point)]
            let truth = try claim.truth { i, condition throws(Unable) in
                let decision = try condition.difference.sign(at: values, exactArithmetic: false, maximumBits: 256)
                guard case .undecided = decision else { return decision }
                if case .sign(let a, _)? = left?[i], case .sign(let b, _)? = right?[i], a * b < 0 {
                    return .sign(0, .signChange)
                }
                try Deadline.check(while: "deciding the claim at \(Constant(point))")
                let small = point.rationalValue != nil || point.isRadical || point.degreeBound <= largestExactPointDegree
                return try condition.difference.sign(at: values, exactArithmetic: small)
            }
            return Element(place: .point(point), truth: truth)
        }
        var elements: [Element] = []
        if let lower = d.range.lower, lower.closed {
            elements.append(try at(lower.value.realAlgebraic, between: nil, and: cellSigns.first))
        }
        for (i, cell) in cells.enumerated() {
            elements.append(Element(place: .cell(cell), truth: try claim.truth { j, _ in cellSigns[i][j] }))
            if i < cells.count - 1, let cut = cell.upper {
                elements.append(try at(cut, between: cellSigns[i], and: cellSigns[i + 1]))
            }
        }
        if let upper = d.range.upper, upper.closed,
           !(d.range.lower?.closed == true && d.range.lower?.value == upper.value) {
            elements.append(try at(upper.value.realAlgebraic, between: cellSigns.last, and: nil))
        }
        return elements
    }

    /// proved when every element holds; refuted with the failing set when one fails.
    static func verdict(from elements: [Element], decomposition d: CellDecomposition) -> Verdict {
        let failing = failingSet(elements)
        if let witness = witness(elements) {
            return .refuted(witness: [d.range.name: witness.0], failingSet: failing, reason: witness.1)
        }
        if let undecided = elements.first(where: { if case .undecided = $0.truth { true } else { false } }) {
            return .undecided("\(undecided.truth.text) \(undecided.text)")
        }
        return .proved("exact: \(d.points.count) cut point\(d.points.count == 1 ? "" : "s") from radical elimination "
            + "and Sturm root isolation; the claim holds at each and on each of \(d.cells.count) cell\(d.cells.count == 1 ? "" : "s")")
    }

    /// A failing value, rational when a failing cell exists, and the reason there.
    static func witness(_ elements: [Element]) -> (Constant, String)? {
        let failing = elements.filter { if case .fails = $0.truth { true } else { false } }
        let chosen = failing.first { if case .cell = $0.place { true } else { false } } ?? failing.first
        guard let chosen else { return nil }
        switch chosen.place {
        case .cell(let c): return (Constant(c.sample), chosen.truth.text)
        case .point(let x): return (Constant(x), chosen.truth.text)
        }
    }

    /// Maximal runs of failing elements as intervals with exact ends.
    static func failingSet(_ elements: [Element]) -> [FailingPiece] {
        var pieces: [FailingPiece] = []
        var run: [Element] = []
        func close() {
            guard let first = run.first, let last = run.last else { return }
            let (lower, lowerClosed): (RealAlgebraic?, Bool) = switch first.place {
            case .point(let x): (x, true)
            case .cell(let c): (c.lower, false)
            }
            let (upper, upperClosed): (RealAlgebraic?, Bool) = switch last.place {
            case .point(let x): (x, true)
            case .cell(let c): (c.upper, false)
            }
            pieces.append(FailingPiece(lower: lower, upper: upper, lowerClosed: lowerClosed, upperClosed: upperClosed))
            run = []
        }
        for element in elements {
            if case .fails = element.truth { run.append(element) } else { close() }
        }
        close()
        return pieces
    }
}

extension Truth {
    var text: String {
        switch self {
        case .holds: "holds"
        case .fails(let c, let undefined): undefined ? "undefined (\(c) fails)" : "fails (\(c) is false)"
        case .undecided(let c): "cannot decide \(c)"
        }
    }
}
