import Exact
import Networks
import Symbolic
import Certify

/// Claims about problem (4) (one layer) and problem (3) (the ℓ1 predictor) of Vardi, Shamir, Srebro (2022).
extension Checker {
    /// A point claim about problem (4) for `layer` (0-based), w.r.t. the point itself. The
    /// witness claims are problem (2)'s, plus: the witness moves layer l only.
    func perLayer(_ kind: ElaboratedClaim.Kind, layer: Int, _ quantifier: Quantifier) throws(Unable) -> Outcome {
        switch kind {
        case .feasible(let p):
            return try feasibility(p, quantifier)
        case .notLocalOptimum(let p, nil):
            return try withPerLayerProblem(p, layer: layer) { problem, u throws(Unable) in
                try self.outcome(try problem.localOptimum(u), claimingOptimum: false)
            }
        case let .notLocalOptimum(p, witness?):
            return Outcome.all([
                ("\(p.name) is not a local optimum of the max-margin problem, witness \(witness.name)", try notLocalOptimum(p, witness: witness, quantifier)),
                ("\(witness.name) keeps every layer but \(layer + 1)", try keepsOtherLayers(witness, of: p, layer: layer, quantifier)),
            ])
        case let .notGlobalOptimum(p, witness):
            return Outcome.all([
                ("\(p.name) is not a global optimum of the max-margin problem, witness \(witness.name)", try notGlobalOptimum(p, witness: witness)),
                ("\(witness.name) keeps every layer but \(layer + 1)", try keepsOtherLayers(witness, of: p, layer: layer, .none)),
            ])
        case let .kktPoint(p, printed):
            return try withPerLayerProblem(p, layer: layer) { problem, u throws(Unable) in
                guard let λ = Self.exactMultipliers(printed) else { return .undecided(Self.inexactMultipliers) }
                let result = try problem.isKKTPoint(u, printed: λ)
                let outcome = Self.outcome(result, printed: λ != nil, stationarity: "u ∈ Σλᵢ∂°hᵢ(u) for layer \(layer + 1)",
                                           method: "exact LP over the Clarke subdifferential of the per-layer problem for layer \(layer + 1)")
                return try self.certified(outcome, result, at: problem.reference, free: problem.coordinates, printed: λ)
            }
        case .localOptimum(let p):
            return try withPerLayerProblem(p, layer: layer) { problem, u throws(Unable) in try self.outcome(try problem.localOptimum(u), claimingOptimum: true) }
        case .globalOptimum(let p):
            return try withPerLayerProblem(p, layer: layer) { problem, u throws(Unable) in
                let outcome = Self.outcome(try problem.globalOptimum(u), objective: "‖u^(\(layer + 1))‖²")
                guard outcome.status == .proved, self.writesCertificates else { return outcome }
                // Proved only when the layers ≥ l are linear: the constraints are linear in u, the
                // problem convex, and its KKT point (certified as such) the global minimum.
                let kkt = try self.certified(outcome, try problem.isKKTPoint(u), at: problem.reference, free: problem.coordinates, printed: nil)
                guard let certificate = kkt.certificate, case .stationary = certificate else { return outcome }
                return Outcome(.proved, outcome.evidence, explanation: outcome.explanation, certificate: .convex(certificate))
            }
        default:
            return .undecided("not a claim about the per-layer problem")
        }
    }

    /// Problem (4) for `layer` w.r.t. p, with p's layer, passed to `body`.
    func withPerLayerProblem(_ p: Document.Point, layer: Int,
                             _ body: (PerLayerProblem<RealAlgebraic>, [RealAlgebraic]) throws(Unable) -> Outcome) throws(Unable) -> Outcome {
        guard let (problem, θ) = exactProblem(p) else {
            return .undecided("the per-layer problem needs a scalar-output network and algebraic numbers")
        }
        guard let perLayer = PerLayerProblem(problem, layer: layer, reference: θ) else {
            return .undecided("the per-layer problem is stated for networks in 𝒩: no skip connection, no bias, no weight shared between layers")
        }
        return try body(perLayer, perLayer.referenceLayer)
    }

    /// θ′ equals θ̃ outside layer l (for every parameter value, under `quantifier`).
    func keepsOtherLayers(_ witness: Document.Point, of p: Document.Point, layer: Int,
                          _ quantifier: Quantifier) throws(Unable) -> Outcome {
        guard let network = document.network else { return .undecided("no network") }
        let inLayer = Set(network.layers[layer].weights.entries.compactMap { $0 })
        let others = p.theta.indices.filter { !inLayer.contains($0) }
        return try decide(Claim(others.map { Comparison(witness.theta[$0], .equal, p.theta[$0]) }, domain: witness.domain), quantifier)
    }

    /// A point claim about problem (3); its points are predictors β.
    func l1Predictor(_ kind: ElaboratedClaim.Kind) throws(Unable) -> Outcome {
        guard let problem = exactPredictorProblem() else {
            return .undecided("the l1 predictor problem needs scalar labels and algebraic numbers")
        }
        func exact(_ p: Document.Point) -> [RealAlgebraic] { p.theta.map { $0.constantValue!.realAlgebraic } }
        func feasible(_ b: Document.Point) -> Outcome {
            let m = problem.margins(exact(b))
            let conditions = document.examples.map { example in
                Comparison(example.y[0] * Expr.sum(zip(b.theta, example.x).map { $0 * $1 }), .greaterOrEqual, .one)
            }
            if let i = m.indices.first(where: { m[$0] < 1 }) {
                return .refuted(.infeasible(constraint: i, margin: m[i]),
                                certificate: .atPoint(conditions: conditions, assignment: [:], holds: false))
            }
            return .proved(.margins(m, term: "yᵢ⟨β, xᵢ⟩"), certificate: .atPoint(conditions: conditions, assignment: [:], holds: true))
        }
        func l1Norm(_ b: Document.Point) -> Expr { Expr.sum(b.theta.map(Expr.abs)) }
        switch kind {
        case .feasible(let b):
            return feasible(b)
        case let .kktPoint(b, printed):
            guard let λ = Self.exactMultipliers(printed) else { return .undecided(Self.inexactMultipliers) }
            let result = try problem.isKKTPoint(exact(b), printed: λ)
            let outcome = Self.outcome(result, printed: λ != nil, stationarity: "Σλᵢyᵢxᵢ ∈ ∂‖β‖₁",
                                       method: "exact LP; the l1 predictor problem is convex, so β is optimal")
            guard writesCertificates, case .kkt(let μ, _) = result else { return outcome }
            return Outcome(outcome.status, outcome.evidence, explanation: outcome.explanation,
                           certificate: l1KKTCertificate(b, exact(b), multipliers: μ, printed: λ))
        case .localOptimum(let b), .globalOptimum(let b):
            let outcome = Self.outcome(try problem.globalOptimum(exact(b)), objective: "‖β‖₁")
            // Convex (affine constraints): its KKT points are its global minima.
            guard outcome.status == .proved, writesCertificates, case .kkt(let μ, _) = try problem.isKKTPoint(exact(b)) else { return outcome }
            return Outcome(.proved, outcome.evidence, explanation: outcome.explanation,
                           certificate: .convex(l1KKTCertificate(b, exact(b), multipliers: μ, printed: nil)))
        case let .notGlobalOptimum(b, w):
            let (n, m) = (L1PredictorProblem.l1Norm(exact(w)), L1PredictorProblem.l1Norm(exact(b)))
            let shorter = { (holds: Bool) in
                Certificate.atPoint(conditions: [Comparison(l1Norm(w), .less, l1Norm(b))], assignment: [:], holds: holds)
            }
            return Outcome.all([
                ("\(w.name) is feasible", feasible(w)),
                ("‖\(w.name)‖₁ < ‖\(b.name)‖₁", n < m ? .proved("\(Constant(n)) < \(Constant(m))", certificate: shorter(true))
                                                     : .refuted("\(Constant(n)) ≥ \(Constant(m))", certificate: shorter(false))),
            ])
        default:
            return .undecided("not a claim about the l1 predictor problem")
        }
    }

    /// The KKT certificate of problem (3) at β (named `b`): the constraints yᵢ⟨β, xᵢ⟩ in
    /// variables b[1], b[2], …, and the multipliers.
    func l1KKTCertificate(_ b: Document.Point, _ β: [RealAlgebraic], multipliers λ: [RealAlgebraic],
                          printed: [RealAlgebraic]?) -> Certificate {
        let names = β.indices.map { "\(b.name)[\($0 + 1)]" }
        let constraints = document.examples.map { example in
            example.y[0] * Expr.sum(zip(names, example.x).map { Expr.parameter($0) * $1 })
        }
        return .l1Stationary(point: Assignment(Dictionary(uniqueKeysWithValues: zip(names, β.map(Constant.init)))),
                             constraints: constraints, multipliers: λ.map(Constant.init), printed: printed?.map(Constant.init))
    }

    /// Problem (3) on the document's data, over the real algebraic numbers.
    func exactPredictorProblem() -> L1PredictorProblem<RealAlgebraic>? {
        var inputs: [[RealAlgebraic]] = [], labels: [RealAlgebraic] = []
        for example in document.examples {
            let x = example.x.compactMap { $0.constantValue?.realAlgebraic }
            guard x.count == example.x.count, example.y.count == 1, let y = example.y[0].constantValue?.realAlgebraic else {
                return nil
            }
            inputs.append(x)
            labels.append(y)
        }
        return L1PredictorProblem(inputs: inputs, labels: labels)
    }
}
