import Exact
import Networks
import Symbolic

/// Claims about families: data, points and multipliers that depend on declared parameters
/// (`data x1 = (1, a), y1 = 1`, `point kkt(a): …`, `with lambda = (1/(2 a), 1/(2 a))`),
/// reduced to comparisons over the parameters and decided by the prover (one parameter, a
/// two-parameter region, small ε) where the reduction is exact; undecided with the reason
/// where it is not.
extension Checker {
    /// The parameters the data depend on, sorted.
    var dataParameters: [String] {
        Set(document.examples.flatMap { ($0.x + $0.y).flatMap(\.parameters) }).sorted()
    }

    /// Whether a KKT claim is about a family (its point, the data or the printed multipliers
    /// depend on a parameter).
    func isFamily(_ p: Document.Point, printed: [Expr]?) -> Bool {
        !p.parameters.isEmpty || !dataParameters.isEmpty || (printed ?? []).contains { !$0.parameters.isEmpty }
    }

    /// θ(a) is a KKT point of problem (2) with the printed multipliers λ(a), for every value of
    /// the parameters under `quantifier`: yᵢΦ(θ; xᵢ) ≥ 1, λᵢ ≥ 0, λᵢ(yᵢΦ(θ; xᵢ) − 1) = 0 and
    /// θ = Σᵢ λᵢyᵢgᵢ with gᵢ the gradient of Φ(·; xᵢ) at θ — decided as one claim over the
    /// parameters.
    ///
    /// The gradient is exact where it is unique. Each kink argument of Φ(t; xᵢ) (t symbolic)
    /// is proved positive, negative or identically 0 at θ(a) on the whole family (else
    /// undecided: the activation pattern changes). Near θ, Φ(·; xᵢ) is then one of the
    /// polynomial pieces given by the branches of the kinks that are 0 at θ, so its Clarke
    /// subdifferential lies in the convex hull of those pieces' gradients at θ (Clarke 1983,
    /// Thm 2.5.1); when all of them coincide, the Clarke set is that single vector, and
    /// stationarity is an equality of expressions. Otherwise undecided (the Clarke choice
    /// matters; the exact LP path handles fixed points).
    func familyKKT(_ p: Document.Point, printed: [Expr]?, _ quantifier: Quantifier) throws(Unable) -> Outcome {
        guard let network = document.network, network.outputDimension == 1 else {
            return .undecided("the KKT check needs a scalar-output network")
        }
        guard let λ = printed else {
            return .undecided("a family's KKT claim needs the multipliers: 'with lambda = (…)', expressions in the parameters")
        }
        let t = (0..<network.parameterCount).map { Expr.parameter(named: "θ#\($0)") }
        let atθ = Dictionary(uniqueKeysWithValues: zip(t.indices.map { "θ#\($0)" }, p.theta))
        var comparisons: [Comparison] = []
        var gradients: [[Expr]] = []
        guard λ.count == document.examples.count else {
            return .undecided("expected one multiplier per data point (\(document.examples.count))")
        }
        for (i, example) in document.examples.enumerated() {
            let margin = example.y[0] * network(p.theta, example.x)[0]
            switch try gradient(of: network(t, example.x)[0], t.count, at: atθ, quantifier) {
            case .failure(let reason): return .undecided("at \(example.name): \(reason.text)")
            case .success(let g): gradients.append(g.map { example.y[0] * $0 })
            }
            comparisons.append(Comparison(margin, .greaterOrEqual, .one))
            comparisons.append(Comparison(λ[i], .greaterOrEqual, .zero))
            comparisons.append(Comparison(λ[i] * (margin - .one), .equal, .zero))
        }
        for k in p.theta.indices {
            let combination = Expr.sum(zip(λ, gradients).map { $0 * $1[k] })
            comparisons.append(Comparison(p.theta[k], .equal, combination))
        }
        let verdict = try decide(Claim(comparisons, domain: p.domain), quantifier)
        // The comparisons hold MarginCert's gradients of the pieces, which a checker would have
        // to trust: the certificate holds the problem instead, and the cells or the counterexample.
        let certificate = familyCertificate(p, λ, verdict, quantifier)
        guard verdict.status != .refuted else {
            return .refuted("the printed multipliers fail: \(verdict.evidence)", explanation: verdict.explanation, certificate: certificate)
        }
        guard verdict.status == .proved else { return verdict }
        return .proved("KKT with λ = (\(λ.map(\.description).joined(separator: ", "))) for the whole family: feasibility, "
                       + "λ ≥ 0, complementary slackness and stationarity (unique gradients) \(verdict.evidence)",
                       explanation: verdict.explanation, certificate: certificate)
    }

    /// The certificate of a family's KKT verdict (`familyStationary`): the constraints
    /// yᵢΦ(θ; xᵢ) in variables for the entries of θ (the data as expressions in the parameter),
    /// θ and λ as expressions in it, and the cells of the decision of `familyKKT`'s comparisons
    /// (a proof) or the parameter value where they fail (a refutation).
    func familyCertificate(_ p: Document.Point, _ λ: [Expr], _ verdict: Outcome, _ quantifier: Quantifier) -> Certificate {
        guard let network = document.network, case .forAll(let range) = quantifier else {
            return .notCertified("KKT over a data family: certificates are written for one parameter over a range")
        }
        let names = p.theta.indices.map(variableName)
        let constraints = document.examples.map { $0.y[0] * network(names.map(Expr.parameter), $0.x)[0] }
        let point = Dictionary(uniqueKeysWithValues: zip(names, p.theta))
        func certificate(_ cuts: [RealAlgebraic], _ samples: [Rational], _ counterexample: Constant?) -> Certificate {
            .familyStationary(range: range, point: point, constraints: constraints, multipliers: λ, cutPoints: cuts,
                              samples: samples, counterexample: counterexample)
        }
        switch verdict.certificate {
        case let .overRange(_, _, cuts, samples)?: return certificate(cuts, samples, nil)
        case let .atPoint(_, assignment, false, _)? where assignment.values[range.name] != nil:
            return certificate([], [], assignment.values[range.name])
        default: return .notCertified("KKT over a data family decided without cells (\(verdict.status.rawValue))")
        }
    }

    struct FamilyReason: Error { let text: String }

    /// The gradient of f(t) at t = θ(a), the same for every piece of f that meets θ (see
    /// `familyKKT`). Past a bound `Deadline`, throws `Unable`.
    func gradient(of f: Expr, _ count: Int, at θ: [String: Expr], _ quantifier: Quantifier) throws(Unable) -> Result<[Expr], FamilyReason> {
        var signs: [Expr: Int] = [:], undecided: Expr?, unable: Unable?
        /// The sign of k on the family; nil when undecided or once a decision threw `unable`
        /// (`resolvingKinks` takes a non-throwing function: rethrown after each pass).
        func sign(_ k: Expr) -> Int? {
            if let s = signs[k] { return s }
            guard unable == nil else { return nil }
            let value = k.substituting(θ)
            for (relation, s) in [(Relation.greater, 1), (.less, -1), (.equal, 0)] {
                do {
                    guard try decide(Claim([Comparison(value, relation, .zero)]), quantifier).status == .proved else { continue }
                } catch {
                    unable = error
                    return nil
                }
                signs[k] = s
                return s
            }
            undecided = undecided ?? value
            return nil
        }
        // First pass: the kinks at 0 on the family; then every branch choice among them.
        var zeros: [Expr] = []
        let firstPass = f.resolvingKinks({ k in sign(k).map { s in if s == 0, !zeros.contains(k) { zeros.append(k) }; return s == 0 ? 1 : s } })
        if let unable { throw unable }
        guard firstPass != nil else {
            return .failure(FamilyReason(text: "the sign of \(undecided?.description ?? "a kink argument") is not one on the whole family"))
        }
        guard zeros.count <= 4 else { return .failure(FamilyReason(text: "\(zeros.count) neurons at their kink (at most 4)")) }
        var result: [Expr]?
        for choice in 0..<(1 << zeros.count) {
            let piece = f.resolvingKinks { k in
                guard let s = sign(k) else { return nil }
                guard s == 0 else { return s }
                // A kink at 0 that the first pass did not meet: the pieces are not all known.
                return zeros.firstIndex(of: k).map { choice & (1 << $0) != 0 ? 1 : -1 }
            }
            if let unable { throw unable }
            guard let piece else { return .failure(FamilyReason(text: "the kinks of a piece are not settled")) }
            var g: [Expr] = []
            for k in 0..<count {
                guard let d = piece.derivative(withRespectTo: "θ#\(k)") else {
                    return .failure(FamilyReason(text: "Φ is not differentiable on a piece"))
                }
                g.append(d.substituting(θ))
            }
            if let r = result, r != g {
                return .failure(FamilyReason(text: "the gradient differs between the pieces at a neuron at its kink (a Clarke choice)"))
            }
            result = g
        }
        return .success(result ?? [])
    }
}
