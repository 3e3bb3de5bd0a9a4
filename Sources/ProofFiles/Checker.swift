import Exact
import Networks
import Symbolic
import Certify

/// Decides the claims of an elaborated proof file.
public struct Checker: Sendable {
    public let document: Document
    /// Runs the flows for flow claims; without one, flow claims are undecided.
    public let simulator: (any FlowSimulator)?

    /// The most seconds one claim may take in the prover; past it the claim is undecided
    /// ("limit: time"), and the rest of the file is still checked.
    public var timeLimit: Double

    /// Whether certificates are written, so the ones that cost extra work are built: a descent
    /// arc found by the local-optimality engine re-proved as a witness, KKT certificates (with
    /// their realized pieces), the dual certificate, the KKT point behind a convex optimum.
    public var writesCertificates = false

    public init(_ document: Document, simulator: (any FlowSimulator)? = nil,
                timeLimit: Double = ResourceLimit.defaultSeconds) {
        self.document = document
        self.simulator = simulator
        self.timeLimit = timeLimit
    }

    /// The verdict on one claim, within the time limit. Past the limit, the exact steps that
    /// cannot finish throw `Unable` (see `Deadline`); the claim is then undecided with its
    /// reason ("limit: time …").
    public func check(_ claim: ElaboratedClaim) -> Outcome {
        ResourceLimit.withDeadline(seconds: timeLimit) {
            do throws(Unable) { return try unlimitedCheck(claim) } catch { return .undecided(error.reason) }
        }
    }

    func unlimitedCheck(_ claim: ElaboratedClaim) throws(Unable) -> Outcome {
        switch claim.kind {
        case .comparisons(let c):
            return try decide(c, claim.quantifier)
        case .feasible(let p):
            return try feasibility(p, claim.quantifier)
        case let .kktPoint(p, printed):
            return isFamily(p, printed: printed) ? try familyKKT(p, printed: printed, claim.quantifier) : try kkt(p, printed: printed)
        case let .notLocalOptimum(p, witness?):
            return try notLocalOptimum(p, witness: witness, claim.quantifier)
        case .notLocalOptimum, .localOptimum, .globalOptimum, .notGlobalOptimum:
            if let a = dataParameters.first {
                return .undecided("the data depend on \(a): this claim about a family is not reduced to comparisons over "
                                  + "the parameters (fix \(a), or claim feasibility, KKT with multipliers, or not a local optimum with a witness)")
            }
            return try optimality(claim.kind)
        case .flowDirection, .flowMargin, .flowLoss:
            return flowEvidence(claim.kind)
        case let .experiment(experiment, measured):
            return experimentEvidence(experiment, measured)
        case let .perLayer(kind, layer):
            return try perLayer(kind, layer: layer, claim.quantifier)
        case .l1Predictor(let kind):
            return try l1Predictor(kind)
        }
    }

    /// The local and global optimality claims about a fixed problem.
    func optimality(_ kind: ElaboratedClaim.Kind) throws(Unable) -> Outcome {
        switch kind {
        case .notLocalOptimum(let p, nil): try foundNotLocalOptimum(p)
        case .localOptimum(let p): try localOptimum(p)
        case .globalOptimum(let p): try globalOptimum(p)
        case let .notGlobalOptimum(p, witness): try notGlobalOptimum(p, witness: witness)
        default: .undecided("not an optimality claim")
        }
    }

    /// A claim in the parameters, decided under its quantifier.
    func decide(_ claim: Claim, _ quantifier: Quantifier) throws(Unable) -> Outcome {
        switch quantifier {
        case .none:
            let certificate = { (holds: Bool) in Certificate.atPoint(conditions: claim.conditions, assignment: [:], holds: holds) }
            switch try claim.truth(at: [:]) {
            case .holds: return .proved(.exact, certificate: certificate(true))
            case let .fails(c, undefined): return .refuted(.failingCondition(c, undefined: undefined), certificate: certificate(false))
            case .undecided(let c): return .undecided("the sign of \(c.difference) is not settled")
            }
        case .forAll(let range): return Outcome(Prover.decide(claim, over: range))
        case .forSmall(let name): return Outcome(Prover.decideForSmall(claim, parameter: name))
        case .forIntegers(let range): return Outcome(Prover.decideForIntegers(claim, over: range))
        case .forAllRegion(let region):
            let report = Prover.decide(claim, over: region, certifying: writesCertificates)
            let outcome = Outcome(report)
            if outcome.certificate == nil, case .refuted(let witness, _, _) = report.verdict {
                return Outcome(.refuted, outcome.evidence, explanation: outcome.explanation,
                               certificate: .refuted(claim, at: witness, in: region))
            }
            guard outcome.certificate == nil, outcome.status == .proved else { return outcome }
            return Outcome(.proved, outcome.evidence, explanation: outcome.explanation, certificate: .notCertified(
                "a claim over a region of two parameters: no certificate kind for its cylindrical decomposition yet"))
        case let .forSmallEach(eps, range, uniformly):
            return Outcome(Prover.decideForSmall(claim, parameter: eps, each: range, uniformly: uniformly))
        }
    }

    /// yᵢΦ(θ; xᵢ) ≥ 1 for every example (Φ_{cᵢ} − Φ_j ≥ 1 for every j ≠ cᵢ for class labels).
    func feasibility(_ p: Document.Point, _ quantifier: Quantifier) throws(Unable) -> Outcome {
        guard let network = document.network, hasMargins(network) else {
            return .undecided("feasibility for the max-margin problem needs a scalar-output network or class labels")
        }
        return try decide(feasibilityClaim(p), quantifier)
    }

    /// True when every example has a margin: a scalar output, or a class label each.
    func hasMargins(_ network: Network) -> Bool {
        network.outputDimension == 1 || document.examples.allSatisfy { $0.classIndex != nil }
    }

    /// The constraints of problem (2) at p: yᵢΦ(θ; xᵢ) ≥ 1 for every example; for a class
    /// label cᵢ, Φ_{cᵢ}(θ; xᵢ) − Φ_j(θ; xᵢ) ≥ 1 for every j ≠ cᵢ (the margin, their minimum, ≥ 1).
    func feasibilityClaim(_ p: Document.Point) -> Claim {
        guard let network = document.network else { return Claim([]) }
        let comparisons = document.examples.flatMap { example in
            network.pairwiseMargins(p.theta, example.labeled).map { Comparison($0, .greaterOrEqual, .one) }
        }
        return Claim(comparisons, domain: p.domain)
    }

    /// ‖θ*‖² < ‖θ̃‖² with θ* feasible.
    func notGlobalOptimum(_ p: Document.Point, witness: Document.Point) throws(Unable) -> Outcome {
        Outcome.all([
            ("\(witness.name) is feasible", try feasibility(witness, .none)),
            ("‖\(witness.name)‖² < ‖\(p.name)‖²",
             try decide(Claim([Comparison(Self.squaredNorm(witness.theta), .less, Self.squaredNorm(p.theta))]), .none)),
        ])
    }

    /// For every ε in the range (which starts at 0) or every small ε: θ'(ε) is feasible,
    /// ‖θ'(ε)‖ < ‖θ̃‖, and ‖θ'(ε) − θ̃‖ → 0 as ε → 0⁺ (the value of ‖θ'(ε) − θ̃‖² at ε = 0, where
    /// the expression is defined and continuous, is exactly 0).
    ///
    /// For a family (the data, θ̃ and θ' depending on a; `for all a, eps` over a region whose
    /// ε-fibre is (0, u(a))): the same for every a, the limit ‖θ'(a, 0) − θ̃(a)‖² = 0 being
    /// decided over a's range.
    func notLocalOptimum(_ p: Document.Point, witness w: Document.Point, _ quantifier: Quantifier) throws(Unable) -> Outcome {
        var eps = w.parameters.first(where: { !p.parameters.contains($0) && !dataParameters.contains($0) }) ?? w.parameters[0]
        var outer: ParameterRange?, upper: Expr?
        switch quantifier {
        case .forAll(let range):
            guard let lower = range.lower, lower.value.isZero, !lower.closed else {
                return .undecided("the witness range must be (0, b): θ'(ε) has to approach \(p.name) as ε → 0⁺")
            }
        case .forAllRegion(let region):
            guard let fibre = region.fibre, let lower = fibre.lower, lower.value.constantValue?.isZero == true, !lower.closed else {
                return .undecided("the witness region must be a in A, eps in (0, u(a)): θ'(a, ε) has to approach \(p.name) as ε → 0⁺")
            }
            eps = fibre.name
            outer = region.outer
            upper = fibre.upper?.value
        default: break
        }
        let distance = Self.squaredNorm(zip(w.theta, p.theta).map { $0 - $1 })
        if let outer {
            // Substituted with its domain conditions, so that a term undefined at ε = 0 is not folded away.
            let atZero = Claim([Comparison(distance, .equal, .zero)], domain: w.domain + p.domain).substituting([eps: Constant.zero])
            var limit = try decide(atZero, .forAll(outer))
            if limit.status != .proved {
                limit = .undecided("‖\(w.name)(\(outer.name), 0) − \(p.name)‖² = 0 is not shown for every \(outer.name): \(limit.evidence)")
            }
            // Every a needs a nonempty ε-range (0, u(a)), or the claim would hold vacuously there.
            let nonempty = try upper.map { u throws(Unable) in try decide(Claim([Comparison(u, .greater, .zero)]), .forAll(outer)) }
                ?? .proved("the ε-range is unbounded")
            return Outcome.all([
                ("(0, u(\(outer.name))) is nonempty for every \(outer.name)", nonempty),
                ("\(w.name) is feasible", try feasibility(w, quantifier)),
                ("‖\(w.name)‖² < ‖\(p.name)‖²",
                 try decide(Claim([Comparison(Self.squaredNorm(w.theta), .less, Self.squaredNorm(p.theta))], domain: w.domain + p.domain), quantifier)),
                ("\(w.name) → \(p.name) as \(eps) → 0⁺ (‖\(w.name) − \(p.name)‖² = 0 at \(eps) = 0, where it is defined and continuous)", limit),
            ])
        }
        // Defined at 0, the expression is continuous there (on the range, within its domain).
        let vanishes = { (holds: Bool) in
            Certificate.atPoint(conditions: Claim([Comparison(distance, .equal, .zero)]).conditions, assignment: [eps: .zero], holds: holds)
        }
        let limit: Outcome
        switch try distance.exactValue(at: [eps: .zero]) {
        case .exact(let c) where c.isZero: limit = .proved("‖\(w.name)(0) − \(p.name)‖² = 0", certificate: vanishes(true))
        case .exact(let c): limit = .refuted("‖\(w.name)(\(eps)) − \(p.name)‖² → \(c) ≠ 0 as \(eps) → 0", certificate: vanishes(false))
        default: limit = .undecided("cannot evaluate ‖\(w.name)(\(eps)) − \(p.name)‖² at \(eps) = 0")
        }
        return Outcome.all([
            ("\(w.name)(\(eps)) is feasible", try feasibility(w, quantifier)),
            ("‖\(w.name)(\(eps))‖² < ‖\(p.name)‖²",
             try decide(Claim([Comparison(Self.squaredNorm(w.theta), .less, Self.squaredNorm(p.theta))], domain: w.domain), quantifier)),
            ("\(w.name)(\(eps)) → \(p.name)", limit),
        ])
    }

    static func squaredNorm(_ v: [Expr]) -> Expr { Expr.sum(v.map { $0 * $0 }) }
}
