import Exact

/// Claims over a region of two real parameters, {(a, b) : a ∈ A, l(a) < b < u(a)}, decided
/// exactly by a cylindrical algebraic decomposition (Collins 1975; Basu–Pollack–Roy,
/// Algorithms in Real Algebraic Geometry, ch. 5) lifted with the one-parameter prover.
///
/// Method (algebraic claims: + − × ÷, rational powers and roots, relu, leaky relu, abs, max,
/// min, and algebraic ends l, u):
/// 1. Targets: every kink argument, every condition's difference (domain conditions
///    included), b − l(a), u(a) − b, and the bases that the ends' definedness needs. For each
///    target and each choice of signs of the kink arguments inside it, radical elimination
///    (`RadicalElimination.zeroPolynomial`) gives a nonzero polynomial P(a, b) vanishing at
///    the target's zeros where that branch applies (or the target is identically 0 there).
/// 2. Projection (`CylindricalDecomposition`): the critical values of a, isolated exactly.
/// 3. Lifting: over the closed ends of A, each critical value (an exact algebraic a) and one
///    rational sample of each open cell between them, the claim with a substituted is decided
///    for every b in [l(a), u(a)] by `decide(_:over:)`.
///
/// Why one sample per cell suffices. Over an open cell C the zero sets of the Pᵢ are the
/// sections of a delineable family, so the cylinder over C is a finite union of sections and
/// sectors, each connected and meeting every fibre over C. On a sector no Pᵢ vanishes: each
/// radicand, denominator and kink argument keeps one strict sign, so each target is real
/// analytic there and, where not identically 0, has no zero (the elimination polynomial of
/// its branch vanishes at its zeros, by density of its nonzeros and continuity). On a
/// section each target is continuous and, where it is analytic near the section, a unit
/// times a power of b − ξ(a) (constant multiplicity of the root, Weierstrass preparation),
/// hence of one sign along it; l(a) and u(a), continuous where defined, lie on sections. So
/// the claim's truth is constant on each sector and section, and the fibre over a sample
/// meets all of them: "holds on the whole fibre over the sample" is equivalent to "holds over
/// the whole cell". Sound: proved only when every fibre is proved exactly; refuted only at an
/// exact point (a, b) where `Claim.truth(at:)` confirms the failure; else undecided with the
/// reason (a size limit of the projection, the deadline, an undecided fibre).
extension Prover {
    /// Decides `claim` for every point of `region` (one-parameter regions go to
    /// `decide(_:over:)` for ranges), within the bound `ResourceLimit` deadline.
    public static func decide(_ claim: Claim, over region: ParameterRegion) -> ProverReport {
        guard let fibre = region.fibre else { return decide(claim, over: region.outer) }
        return ResourceLimit.limiting { decideWithoutLimit(claim.withSymbolicPowerContentDividedOut, over: region, fibre) }
    }

    /// At most this many critical values of the first parameter are lifted.
    static let largestCriticalValueCount = 64
    /// At most this many kink arguments inside one target (each sign choice is eliminated).
    static let largestKinkCountPerTarget = 6
    /// Up to this many kink arguments inside one target, every sign choice is eliminated
    /// without first looking for kinks of constant sign.
    static let smallKinkCount = 3

    private static func decideWithoutLimit(_ claim: Claim, over region: ParameterRegion,
                                           _ fibre: ParameterRegion.Fibre) -> ProverReport {
        let a = region.outer.name, b = fibre.name
        if let other = claim.parameters.subtracting([a, b]).sorted().first {
            return ProverReport(verdict: .undecided("the claim has another parameter, \(other)"))
        }
        let ends = [fibre.lower, fibre.upper].compactMap { $0?.value }
        if claim.conditions.contains(where: { $0.difference.isTranscendental }) {
            return ProverReport(verdict: .undecided("two parameters are decided for algebraic claims only (exp or log occurs)"))
        }
        let decomposition: CylindricalDecomposition
        do {
            var targets = claim.conditions.map(\.difference)
            if let l = fibre.lower?.value { targets.append(.parameter(b) - l) }
            if let u = fibre.upper?.value { targets.append(u - .parameter(b)) }
            targets += ends.flatMap { $0.definednessConditions.map(\.lhs) }
            decomposition = try CylindricalDecomposition(eliminationPolynomials(of: targets, over: region))
        } catch {
            return ProverReport(verdict: .undecided(error.text))
        }
        let critical = decomposition.criticalValues(inside: region.outer)
        if ResourceLimit.isExceeded { return ProverReport(verdict: .undecided(ResourceLimit.reason)) }
        guard critical.count <= largestCriticalValueCount else {
            return ProverReport(verdict: .undecided("limit: \(critical.count) critical values of \(a) (at most \(largestCriticalValueCount))"))
        }
        var lines = ["\(decomposition.polynomials.count) polynomials in (\(a), \(b)) projected to \(decomposition.projection.count) in \(a); "
                     + "critical values of \(a): " + (critical.isEmpty ? "none" : critical.map { Constant($0).description }.joined(separator: ", "))]
        var undecided: String?
        let abscissae = self.abscissae(of: region.outer, cutAt: critical)
        // Rational abscissae first: their fibres are cheap, and a refutation there ends the search.
        for x in abscissae.filter({ $0.rationalValue != nil }) + abscissae.filter({ $0.rationalValue == nil }) {
            if ResourceLimit.isExceeded { return ProverReport(verdict: .undecided(ResourceLimit.reason)) }
            let place = "over \(a) = \(x)"
            guard let range = region.fibreRange(at: x) else {
                undecided = undecided ?? "the range of \(b) is not defined \(place)"
                continue
            }
            guard case .range(let r) = range else {
                lines.append("\(place): \(b) ranges over the empty set")
                continue
            }
            let report = decide(claim.substituting([a: x]), over: r)
            lines.append("\(place), \(r): \(report.verdict)")
            switch report.verdict {
            case .proved: continue
            case .undecided(let why): undecided = undecided ?? "\(place): \(why)"
            case .refuted(let witness, _, let reason):
                let point = Assignment([a: x, b: witness[b] ?? .zero])
                guard case .fails = claim.truth(at: point.values) else {
                    undecided = undecided ?? "\(place): the fibre's witness \(point) is not confirmed"
                    continue
                }
                return ProverReport(verdict: .refuted(witness: point, failingSet: [], reason: reason), explanation: { [lines] in lines })
            }
        }
        if let undecided { return ProverReport(verdict: .undecided(undecided), explanation: { [lines] in lines }) }
        let how = "exact: cylindrical decomposition of the (\(a), \(b)) region, \(decomposition.polynomials.count) eliminated polynomials, "
            + "\(critical.count) critical value\(critical.count == 1 ? "" : "s") of \(a); the claim holds on the fibres over "
            + "\(abscissae.count) value\(abscissae.count == 1 ? "" : "s") of \(a) (closed ends, critical values, one sample per cell)"
        return ProverReport(verdict: .proved(how),
                            explanation: { [lines] in lines })
    }

    /// The values of the first parameter whose fibres are decided, in order: the closed ends,
    /// the critical values and a rational sample of each open cell between them.
    static func abscissae(of range: ParameterRange, cutAt critical: [RealAlgebraic]) -> [Constant] {
        if let l = range.lower, let u = range.upper, l.value == u.value { return [l.value] }
        let ends = [range.lower.map(\.value.realAlgebraic)] + critical.map { Optional($0) } + [range.upper.map(\.value.realAlgebraic)]
        var result: [Constant] = []
        if let l = range.lower, l.closed { result.append(l.value) }
        for i in 0..<(ends.count - 1) {
            result.append(Constant(CellDecomposition.rational(between: ends[i], ends[i + 1])))
            if i < critical.count { result.append(Constant(critical[i])) }
        }
        if let u = range.upper, u.closed { result.append(u.value) }
        return result
    }

    /// For each target and each sign choice of the kink arguments inside it, the polynomial
    /// whose zeros contain the target's zeros on that branch (none where it is identically 0).
    /// In a target with many kinks, a kink argument proved positive (or negative) on the whole
    /// region, by this same decision, has only that branch there.
    static func eliminationPolynomials(of targets: [Expr], over region: ParameterRegion) throws(Reason) -> [MultivariatePolynomial] {
        let parameters = region.names
        var polynomials: [MultivariatePolynomial] = []
        var all = targets
        for t in targets {
            t.visit { node in if let k = node.kinkArgument, !all.contains(k) { all.append(k) } }
        }
        var fixedSigns: [Expr: Int] = [:], examined: Set<Expr> = []
        for target in all where !target.isEvidentlyNonzero {
            var kinks: [Expr] = []
            target.visit { node in if let k = node.kinkArgument, !kinks.contains(k) { kinks.append(k) } }
            // Many kinks: those of one sign on the whole region (each a decision of its own) drop out.
            if kinks.count > smallKinkCount {
                for k in kinks where examined.insert(k).inserted {
                    for (relation, sign) in [(Relation.greater, 1), (.less, -1)]
                    where fixedSigns[k] == nil && decide(Claim([Comparison(k, relation, .zero)]), over: region).verdict.isProved {
                        fixedSigns[k] = sign
                    }
                }
            }
            kinks.removeAll { fixedSigns[$0] != nil }
            guard kinks.count <= largestKinkCountPerTarget else {
                throw Reason(text: "limit: \(kinks.count) kinks inside \(target) (at most \(largestKinkCountPerTarget))")
            }
            for choice in 0..<(1 << kinks.count) {
                if ResourceLimit.isExceeded { throw Reason(text: ResourceLimit.reason) }
                let branches = fixedSigns.merging(kinks.enumerated().map { ($0.element, choice & (1 << $0.offset) != 0 ? 1 : -1) }) { $1 }
                switch RadicalElimination.zeroPolynomial(of: target, parameters: parameters, branches: branches) {
                case nil:
                    throw Reason(text: ResourceLimit.isExceeded ? ResourceLimit.reason : "radical elimination does not apply to \(target)")
                case .identicallyZero?: continue
                case .rootsOf(let p)?: polynomials.append(p)
                }
            }
        }
        return polynomials
    }
}

extension Claim {
    /// The claim with the named parameters replaced by constants (domain conditions too).
    public func substituting(_ values: [String: Constant]) -> Claim {
        func replaced(_ c: Comparison) -> Comparison {
            Comparison(c.lhs.substituting(values), c.relation, c.rhs.substituting(values))
        }
        return Claim(comparisons.map(replaced), domain: domain.map(replaced))
    }
}
