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

    public init(_ document: Document, simulator: (any FlowSimulator)? = nil,
                timeLimit: Double = ResourceLimit.defaultSeconds) {
        self.document = document
        self.simulator = simulator
        self.timeLimit = timeLimit
    }

    /// The verdict on one claim, within the time limit. Past the limit, exact steps stop early
    /// and may return placeholders (see `Deadline`), so any verdict reached once the limit has
    /// passed is discarded: the claim is undecided with `ResourceLimit.reason`.
    public func check(_ claim: ElaboratedClaim) -> Outcome {
        ResourceLimit.withDeadline(seconds: timeLimit) {
            let outcome = unlimitedCheck(claim)
            return ResourceLimit.isExceeded ? .undecided(ResourceLimit.reason) : outcome
        }
    }

    func unlimitedCheck(_ claim: ElaboratedClaim) -> Outcome {
        switch claim.kind {
        case .comparisons(let c):
            return decide(c, claim.quantifier)
        case .feasible(let p):
            return feasibility(p, claim.quantifier)
        case let .kktPoint(p, printed):
            return kkt(p, printed: printed)
        case let .notLocalOptimum(p, witness?):
            return notLocalOptimum(p, witness: witness, claim.quantifier)
        case .notLocalOptimum(let p, nil):
            return foundNotLocalOptimum(p)
        case .localOptimum(let p):
            return localOptimum(p)
        case .globalOptimum(let p):
            return globalOptimum(p)
        case let .notGlobalOptimum(p, witness):
            return notGlobalOptimum(p, witness: witness)
        case .flowDirection, .flowMargin, .flowLoss:
            return flowEvidence(claim.kind)
        case let .experiment(experiment, measured):
            return experimentEvidence(experiment, measured)
        case let .perLayer(kind, layer):
            return perLayer(kind, layer: layer, claim.quantifier)
        case .l1Predictor(let kind):
            return l1Predictor(kind)
        }
    }

    /// A claim in the parameters, decided under its quantifier.
    func decide(_ claim: Claim, _ quantifier: Quantifier) -> Outcome {
        switch quantifier {
        case .none:
            let certificate = { (holds: Bool) in Certificate.atPoint(conditions: claim.conditions, assignment: [:], holds: holds) }
            switch claim.truth(at: [:]) {
            case .holds: return .proved("exact", certificate: certificate(true))
            case let .fails(c, undefined):
                return .refuted(undefined ? "not defined: \(c) fails" : "\(c) fails", certificate: certificate(false))
            case .undecided(let c): return .undecided("the sign of \(c.difference) is not settled")
            }
        case .forAll(let range): return Outcome(Prover.decide(claim, over: range))
        case .forSmall(let name): return Outcome(Prover.decideForSmall(claim, parameter: name))
        case .forIntegers(let range): return Outcome(Prover.decideForIntegers(claim, over: range))
        case .forAllRegion(let region): return Outcome(Prover.decide(claim, over: region))
        }
    }

    /// yᵢΦ(θ; xᵢ) ≥ 1 for every example.
    func feasibility(_ p: Document.Point, _ quantifier: Quantifier) -> Outcome {
        guard let network = document.network, network.outputDimension == 1 else {
            return .undecided("feasibility for problem (2) needs a scalar-output network")
        }
        return decide(feasibilityClaim(p), quantifier)
    }

    /// The constraints of problem (2) at p: yᵢΦ(θ; xᵢ) ≥ 1 for every example.
    func feasibilityClaim(_ p: Document.Point) -> Claim {
        guard let network = document.network else { return Claim([]) }
        let comparisons = document.examples.map { Comparison($0.y[0] * network(p.theta, $0.x)[0], .greaterOrEqual, .one) }
        return Claim(comparisons, domain: p.domain)
    }

    /// ‖θ*‖² < ‖θ̃‖² with θ* feasible.
    func notGlobalOptimum(_ p: Document.Point, witness: Document.Point) -> Outcome {
        Outcome.all([
            ("\(witness.name) is feasible", feasibility(witness, .none)),
            ("‖\(witness.name)‖² < ‖\(p.name)‖²",
             decide(Claim([Comparison(Self.squaredNorm(witness.theta), .less, Self.squaredNorm(p.theta))]), .none)),
        ])
    }

    /// For every ε in the range (which starts at 0) or every small ε: θ'(ε) is feasible,
    /// ‖θ'(ε)‖ < ‖θ̃‖, and ‖θ'(ε) − θ̃‖ → 0 as ε → 0⁺ (the value of ‖θ'(ε) − θ̃‖² at ε = 0, where
    /// the expression is defined and continuous, is exactly 0).
    func notLocalOptimum(_ p: Document.Point, witness w: Document.Point, _ quantifier: Quantifier) -> Outcome {
        let eps = w.parameters[0]
        if case .forAll(let range) = quantifier {
            guard let lower = range.lower, lower.value.isZero, !lower.closed else {
                return .undecided("the witness range must be (0, b): θ'(ε) has to approach \(p.name) as ε → 0⁺")
            }
        }
        let distance = Self.squaredNorm(zip(w.theta, p.theta).map { $0 - $1 })
        // Defined at 0, the expression is continuous there (on the range, within its domain).
        let vanishes = { (holds: Bool) in
            Certificate.atPoint(conditions: Claim([Comparison(distance, .equal, .zero)]).conditions, assignment: [eps: .zero], holds: holds)
        }
        let limit: Outcome
        switch distance.exactValue(at: [eps: .zero]) {
        case .exact(let c) where c.isZero: limit = .proved("‖\(w.name)(0) − \(p.name)‖² = 0", certificate: vanishes(true))
        case .exact(let c): limit = .refuted("‖\(w.name)(\(eps)) − \(p.name)‖² → \(c) ≠ 0 as \(eps) → 0", certificate: vanishes(false))
        default: limit = .undecided("cannot evaluate ‖\(w.name)(\(eps)) − \(p.name)‖² at \(eps) = 0")
        }
        return Outcome.all([
            ("\(w.name)(\(eps)) is feasible", feasibility(w, quantifier)),
            ("‖\(w.name)(\(eps))‖² < ‖\(p.name)‖²",
             decide(Claim([Comparison(Self.squaredNorm(w.theta), .less, Self.squaredNorm(p.theta))], domain: w.domain), quantifier)),
            ("\(w.name)(\(eps)) → \(p.name)", limit),
        ])
    }

    static func squaredNorm(_ v: [Expr]) -> Expr { Expr.sum(v.map { $0 * $0 }) }
}
