import Exact

/// Claims over a region of two real parameters, {(a, b) : a ∈ A, l(a) < b < u(a)}, decided
/// exactly by a cylindrical algebraic decomposition (Collins 1975; Basu–Pollack–Roy,
/// Algorithms in Real Algebraic Geometry, ch. 5) lifted with the one-parameter prover.
///
/// Method (algebraic claims: + − × ÷, rational powers and roots, relu, leaky relu, abs, max,
/// min, and algebraic ends l, u):
/// 1. Targets 𝒯: every condition's difference (domain conditions included), b − l(a),
///    u(a) − b, the ends' definedness conditions, every kink argument and every root's base
///    (b in b^(p/q), q > 1, odd q too) inside them. For each target T and each choice σ of
///    signs of the kink arguments inside it, radical elimination
///    (`RadicalElimination.zeroPolynomial`) gives either "T_σ ≡ 0 where defined" or a nonzero
///    P_{T,σ}(a, b) with Z(T_σ) ⊆ Z(P_{T,σ}) (T_σ: T with each kink replaced by the branch of
///    its sign; the containment holds wherever T_σ is defined, whatever the kinks' signs).
/// 2. Projection (`CylindricalDecomposition`): the critical values of a, isolated exactly —
///    the real roots of every leading coefficient in b, of the first non-vanishing principal
///    subresultant coefficient of each P with ∂P/∂b and of every pair of the P's.
/// 3. Lifting: over the closed ends of A, each critical value (an exact algebraic a) and one
///    rational sample of each open cell between them, the claim with a substituted is decided
///    for every b in [l(a), u(a)] by `decide(_:over:)` (rigorous enclosures on a few boxes
///    first: `provedByEnclosures`).
///
/// Theorem (one sample per cell suffices). Let C be an open interval of a free of critical
/// values. The claim holds on the part of the region over C iff it holds on the fibre over
/// any a ∈ C. Full proof with all hypotheses: docs/cylindrical-decomposition.md; in short:
/// - Delineability (Collins 1975; Basu–Pollack–Roy Thm 5.16): over C every P has constant
///   degree in b (no leading coefficient vanishes, so no P(a, ·) is identically 0:
///   nullification happens only at critical values, whose fibres are decided directly), a
///   constant number of distinct complex roots, and each pair a gcd of constant degree. So the
///   distinct complex roots of each P(a, ·) are continuous functions on C, pairwise distinct
///   at every a, of constant multiplicities; the real roots of all the P's are continuous
///   ξ₁ < … < ξₘ, and each P vanishes on a section (graph of ξₖ) identically or nowhere.
/// - Sectors (Lemma 1): by induction on nesting, each target's kink arguments and bases have
///   one sign on a sector S, so the target is defined on all of S or nowhere, one branch σ
///   applies, and T_σ is continuous on S with zeros only in Z(P_{T,σ}) ∩ S = ∅ (or ≡ 0); S is
///   connected, so T has one sign there.
/// - Sections (Lemma 2): on a section Γ over C the inner targets have one sign by induction,
///   so g(a) = T_σ(a, ξ(a)) is real-analytic on C (ξ is: a root of constant multiplicity). If
///   g(a₀) = 0 and g ≢ 0, the product H of T_σ's conjugates over all roots of the radicals
///   whose base vanishes at p = (a₀, ξ(a₀)) (others following the real values analytically) is
///   analytic near p (a symmetric function of those roots), divides P_{T,σ} there, and equals a
///   nonzero multiple of a power of g on Γ; by Weierstrass preparation H(a, ·) has complex zeros ≠ ξ(a)
///   that tend to ξ(a₀) as a → a₀ — roots of P_{T,σ} that merge with ξ at a₀, contradicting
///   delineability. So g ≡ 0 or g has no zero on C.
/// - Each region end is a section (b − l(a) and u(a) − b are targets), so the region over C is
///   a union of sections and sectors, each meeting every fibre over C, on each of which every
///   condition has one sign.
///
/// Sound: proved only when every fibre is proved exactly; refuted only at an exact point
/// (a, b) where `Claim.truth(at:)` confirms the failure; else undecided with the reason (a
/// size limit of the projection, the deadline — a projection cut short by it is never used —,
/// an undecided fibre).
extension Prover {
    /// Decides `claim` for every point of `region` (one-parameter regions go to
    /// `decide(_:over:)` for ranges), within the bound `ResourceLimit` deadline. `certifying`:
    /// a proof carries an `overRegion` certificate (each fibre decided by enclosures is decided
    /// exactly once more for its cells; the verdict does not change), or says why it has none.
    public static func decide(_ claim: Claim, over region: ParameterRegion, certifying: Bool = false) -> ProverReport {
        guard let fibre = region.fibre else { return decide(claim, over: region.outer) }
        return ResourceLimit.limiting { () throws(Unable) in
            try decideWithoutLimit(claim.withSymbolicPowerContentDividedOut, over: region, fibre, certifying: certifying)
        }
    }

    /// At most this many critical values of the first parameter are lifted.
    static let largestCriticalValueCount = 64
    /// At most this many kink arguments inside one target (each sign choice is eliminated).
    static let largestKinkCountPerTarget = 6
    /// Up to this many kink arguments inside one target, every sign choice is eliminated
    /// without first looking for kinks of constant sign.
    static let smallKinkCount = 3

    /// `lift` decides the claim on one fibre (a substituted), by default for every b of its range.
    static func decideWithoutLimit(_ claim: Claim, over region: ParameterRegion, _ fibre: ParameterRegion.Fibre, certifying: Bool = false,
                                   lift: (Claim, ParameterRange) -> ProverReport = { decide($0, over: $1) }) throws(Unable) -> ProverReport {
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
            for base in (targets + ends).flatMap(\.radicalBases) where !targets.contains(base) { targets.append(base) }
            decomposition = try CylindricalDecomposition(eliminationPolynomials(of: targets, over: region))
        } catch {
            return ProverReport(verdict: .undecided(error.text))
        }
        let critical = try decomposition.criticalValues(inside: region.outer)
        guard critical.count <= largestCriticalValueCount else {
            return ProverReport(verdict: .undecided("limit: \(critical.count) critical values of \(a) (at most \(largestCriticalValueCount))"))
        }
        // Explanation lines are rendered only when read (algebraic numbers print slowly).
        let (polynomialCount, projectedCount) = (decomposition.polynomials.count, decomposition.projection.count)
        var lines: [@Sendable () -> String] = [{
            "\(polynomialCount) polynomials in (\(a), \(b)) projected to \(projectedCount) in \(a); "
                + "critical values of \(a): " + (critical.isEmpty ? "none" : critical.map { Constant($0).description }.joined(separator: ", "))
        }]
        let explanation: @Sendable ([@Sendable () -> String]) -> @Sendable () -> [String] = { lines in { lines.map { $0() } } }
        var undecided: String?
        let abscissae = self.abscissae(of: region.outer, cutAt: critical)
        // The fibres' certificates by abscissa (nil inside: an empty fibre), and the fibres proved
        // without one (by enclosures), decided exactly once more after the verdict.
        var fibres: [Constant: Certificate?] = [:], uncertifiedFibres: [(Constant, Claim, ParameterRange)] = []
        // Rational abscissae first: their fibres are cheap, and a refutation there ends the search.
        for x in abscissae.filter({ $0.rationalValue != nil }) + abscissae.filter({ $0.rationalValue == nil }) {
            try Deadline.check(while: "lifting the claim over \(a) = \(x)")
            let place: @Sendable () -> String = { "over \(a) = \(x)" }
            guard let range = try region.fibreRange(at: x) else {
                undecided = undecided ?? "the range of \(b) is not defined \(place())"
                continue
            }
            guard case .range(let r) = range else {
                lines.append { "\(place()): \(b) ranges over the empty set" }
                fibres[x] = .some(nil)
                continue
            }
            // Rigorous enclosures first (`provedByEnclosures`), then the exact decision.
            let fibreClaim = claim.substituting([a: x])
            let report = provedByEnclosures(fibreClaim, over: r) ?? lift(fibreClaim, r)
            let verdict = report.verdict
            lines.append { "\(place()), \(r): \(verdict)" }
            switch report.verdict {
            case .proved:
                if case .overRange? = report.certificate { fibres[x] = report.certificate } else { uncertifiedFibres.append((x, fibreClaim, r)) }
            case .undecided(let why): undecided = undecided ?? "\(place()): \(why)"
            case .refuted(let witness, _, let reason):
                let point = Assignment([a: x, b: witness[b] ?? .zero])
                guard case .fails = try claim.truth(at: point.values) else {
                    undecided = undecided ?? "\(place()): the fibre's witness \(point) is not confirmed"
                    continue
                }
                return ProverReport(verdict: .refuted(witness: point, failingSet: [], reason: reason), explanation: explanation(lines))
            }
        }
        if let undecided { return ProverReport(verdict: .undecided(undecided), explanation: explanation(lines)) }
        let certificate = certifying ? overRegionCertificate(claim, region, decomposition, critical, abscissae, fibres, uncertifiedFibres, lift) : nil
        let how = "exact: cylindrical decomposition of the (\(a), \(b)) region, \(decomposition.polynomials.count) eliminated polynomials, "
            + "\(critical.count) critical value\(critical.count == 1 ? "" : "s") of \(a); the claim holds on the fibres over "
            + "\(abscissae.count) value\(abscissae.count == 1 ? "" : "s") of \(a) (closed ends, critical values, one sample per cell)"
        return ProverReport(verdict: .proved(how), explanation: explanation(lines), certificate: certificate)
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
                try reasoning { () throws(Unable) in try Deadline.check(while: "eliminating radicals from \(target)") }
                let branches = fixedSigns.merging(kinks.enumerated().map { ($0.element, choice & (1 << $0.offset) != 0 ? 1 : -1) }) { $1 }
                switch try reasoning({ () throws(Unable) in try RadicalElimination.zeroPolynomial(of: target, parameters: parameters, branches: branches) }) {
                case nil:
                    throw Reason(text: "radical elimination does not apply to \(target)")
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

extension Expr {
    /// The bases of the roots inside the expression (b for b^(p/q), q > 1, odd q included),
    /// each once, in the order met: targets of the decomposition, so that each root is
    /// real-analytic on every section and sector where it is used.
    var radicalBases: [Expr] {
        var bases: [Expr] = []
        visit { node in
            guard case .product(_, let factors) = node else { return }
            for base in Expr.inPrintedOrder(factors.keys) where !bases.contains(base) {
                if let r = factors[base]!.rationalValue, r.denominator.intValue != 1 { bases.append(base) }
            }
        }
        return bases
    }
}
