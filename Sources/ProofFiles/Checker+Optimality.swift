import Exact
import Networks
import Symbolic
import Certify

extension Checker {
    /// Problem (2) over the real algebraic numbers, with θ's entries; nil (with the reason)
    /// when an entry is not an exact algebraic constant.
    func exactProblem(_ p: Document.Point) -> (MaxMarginProblem<RealAlgebraic>, [RealAlgebraic])? {
        guard let network = document.network, hasMargins(network) else { return nil }
        func exact(_ v: [Expr]) -> [RealAlgebraic]? {
            let values = v.compactMap { $0.constantValue?.realAlgebraic }
            return values.count == v.count ? values : nil
        }
        guard let θ = exact(p.theta) else { return nil }
        var data: [LabeledPoint<RealAlgebraic>] = []
        for example in document.examples {
            guard let x = exact(example.x), let y = exact(example.y) else { return nil }
            var point = LabeledPoint(x: x, y: y)
            point.classIndex = example.classIndex
            data.append(point)
        }
        return (MaxMarginProblem(network: network, data: data), θ)
    }

    /// The printed multipliers as exact algebraic numbers: `.some(nil)` when none are printed,
    /// nil when one is a number the exact layer does not hold as a constant (e.g. 2^(501/1000),
    /// a power it leaves unfolded), so the claim is undecided rather than checked.
    static func exactMultipliers(_ printed: [Expr]?) -> [RealAlgebraic]?? {
        guard let printed else { return .some(nil) }
        let values = printed.compactMap { $0.constantValue?.realAlgebraic }
        return values.count == printed.count ? .some(values) : nil
    }

    static let inexactMultipliers = "a printed multiplier is not held as an exact algebraic number (a power left unfolded): write it as root(r, k) or a rational"

    func kkt(_ p: Document.Point, printed: [Expr]?) throws(Unable) -> Outcome {
        guard let (problem, θ) = exactProblem(p) else {
            return .undecided("the KKT check needs margins (a scalar output or class labels) and algebraic numbers")
        }
        guard let λ = Self.exactMultipliers(printed) else { return .undecided(Self.inexactMultipliers) }
        let result = try problem.isKKTPoint(θ, printed: λ)
        let stationarity = problem.hasClassLabels ? "θ ∈ Σλᵢ∂°qᵢ, qᵢ = Φ_cᵢ − max_{j≠cᵢ} Φ_j" : "θ ∈ Σλᵢ∂°(yᵢΦ)"
        return try certified(Self.outcome(result, printed: λ != nil, stationarity: stationarity, method: "exact LP over the Clarke subdifferential"),
                         result, at: θ, free: Array(θ.indices), printed: λ)
    }

    /// The verdict of a KKT check: `stationarity` names the condition that no λ satisfies
    /// when a Farkas vector is found.
    static func outcome(_ result: KKTResult<RealAlgebraic>, printed: Bool, stationarity: String,
                        method: String) -> Outcome {
        switch result {
        case let .kkt(multipliers, _): return .proved(.multipliers(multipliers, printed: printed, method: method))
        case let .infeasible(i, margin): return .refuted(.infeasible(constraint: i, margin: margin))
        case .notKKT(let y): return .refuted(.farkas(y, stationarity: stationarity))
        case let .wrongMultipliers(reason, _): return .refuted(.wrongMultipliers(reason))
        case .undecided(let reason): return .undecided(reason)
        }
    }

    func globalOptimum(_ p: Document.Point) throws(Unable) -> Outcome {
        guard let (problem, θ) = exactProblem(p) else {
            return .undecided("the optimality check needs a scalar-output network and algebraic numbers")
        }
        let result = try problem.globalOptimum(θ)
        if case .undecided(let reason) = result, let better = try problem.betterPoint(than: θ) {
            let evidence = Evidence.betterPoint(better, blocks: document.network?.blocks ?? [],
                                                normSquared: Network.squaredNorm(better), referenceNormSquared: Network.squaredNorm(θ))
            return .refuted(evidence, explanation: ["closed forms and the dual certificate: \(reason)"],
                            certificate: betterPointCertificate(better, than: θ))
        }
        let outcome = Self.outcome(result, objective: "‖θ‖²")
        guard outcome.status == .proved, writesCertificates else { return outcome }
        var certificate = try linearOptimumCertificate(problem, at: θ)
        if certificate == nil { certificate = try dualCertificate(problem, at: θ) }
        return Outcome(.proved, outcome.evidence, explanation: outcome.explanation, certificate: certificate
            ?? .notCertified("a global optimum by the closed form of depth-2 diagonal linear networks: no certificate kind for it yet"))
    }

    /// The verdict of a global-optimum check on the objective named `objective`.
    static func outcome(_ result: GlobalOptimumResult<RealAlgebraic>, objective: String) -> Outcome {
        switch result {
        case let .optimal(value, reason):
            return .proved(.optimal(objective: objective, value: value, reason: reason))
        case let .notOptimal(value, normSquared, reason):
            return .refuted(.notOptimal(objective: objective, value: normSquared, optimalValue: value, reason: reason))
        case .infeasible(let i):
            return .refuted("infeasible: constraint \(i + 1) fails")
        case .undecided(let reason):
            return .undecided(reason)
        }
    }

    func localOptimum(_ p: Document.Point) throws(Unable) -> Outcome {
        guard let (problem, θ) = exactProblem(p) else {
            return .undecided("the optimality check needs a scalar-output network and algebraic numbers")
        }
        return try outcome(try problem.localOptimum(θ), claimingOptimum: true, of: p)
    }

    /// `p is not a local optimum` without a witness: the engine's arc, when it finds one.
    func foundNotLocalOptimum(_ p: Document.Point) throws(Unable) -> Outcome {
        guard let (problem, θ) = exactProblem(p) else {
            return .undecided("the optimality check needs a scalar-output network and algebraic numbers")
        }
        return try outcome(try problem.localOptimum(θ), claimingOptimum: false, of: p)
    }

    /// The verdict on `is a local optimum` (`claimingOptimum`) or on `is not a local optimum`;
    /// `point`: the point of problem (2) itself (its arcs are certified), nil for problem (4).
    func outcome(_ result: LocalOptimumResult, claimingOptimum: Bool, of point: Document.Point? = nil) throws(Unable) -> Outcome {
        switch result {
        case let .localOptimum(reason, explanation):
            let certificate = Certificate.notCertified(
                "a local optimum by second-order evidence (pieces, critical cones, copositivity): no certificate kind for it yet")
            return claimingOptimum ? .proved(reason, explanation: explanation, certificate: certificate)
                                   : .refuted("a local optimum: \(reason)", explanation: explanation, certificate: certificate)
        case let .notLocalOptimum(arc, reason, explanation):
            let evidence = Evidence.descentArc(arc, blocks: document.network?.blocks ?? [], reason: reason)
            let lines = explanation + ["direction d = \(Evidence.show(arc.direction)), correction z = \(Evidence.show(arc.correction))"]
            let certificate = writesCertificates ? try point.map { p throws(Unable) in try arcCertificate(arc, into: p) } : nil
            return claimingOptimum ? .refuted(evidence, explanation: lines, certificate: certificate.map(Certificate.negation))
                                   : .proved(evidence, explanation: lines, certificate: certificate)
        case .notKKT(let reason):
            // Not KKT, so not a local optimum (the qualification of `LocalOptimumResult.notKKT`):
            // the certificate is the KKT check's refutation.
            let notKKT = try point.flatMap { p throws(Unable) in try kkt(p, printed: nil).certificate } ?? .notCertified("not a KKT point of the per-layer problem")
            return claimingOptimum ? .refuted(reason, certificate: notKKT) : .proved(reason, certificate: .negation(notKKT))
        case let .undecided(reason, explanation):
            return .undecided(reason, explanation: explanation)
        }
    }
}
