import Exact
import Networks
import Symbolic
import Certify

/// Certificates of the answers about problems (2) and (4) (docs/certificates.md): the
/// constraints yᵢΦ(θ; xᵢ) ≥ 1 as expressions in named variables for the free entries of θ,
/// with the point, the multipliers or the Farkas vector, the better point, the descent arc.
extension Checker {
    /// The constraint functions cᵢ = yᵢΦ(θ; xᵢ) (Φ_c − max_{j≠c} Φ_j for a class label c) in variables for the entries `free` of θ (the
    /// other entries fixed at θ's values), and the point: each variable's value in θ.
    func symbolicConstraints(_ θ: [RealAlgebraic], free: [Int]) -> (point: Assignment, constraints: [Expr]) {
        guard let network = document.network else { return ([:], []) }
        var entries = θ.map { Expr.constant(Constant($0)) }
        var point: [String: Constant] = [:]
        for k in free {
            let name = variableName(k)
            entries[k] = .parameter(name)
            point[name] = Constant(θ[k])
        }
        return (Assignment(point), document.examples.map { example in
            let output = network(entries, example.x)
            guard let c = example.classIndex else { return example.y[0] * output[0] }
            // The multi-class margin Φ_c − max_{j≠c} Φ_j = min_{j≠c} (Φ_c − Φ_j).
            let differences = output.indices.filter { $0 != c }.map { output[c] - output[$0] }
            return differences.dropFirst().reduce(differences[0]) { Expr.min($0, $1) }
        })
    }

    /// The name of θ's entry k in certificates: its block and 1-based place, as `w1[2]`.
    func variableName(_ k: Int) -> String {
        guard let block = document.network?.blocks.first(where: { $0.range.contains(k) }) else { return "θ[\(k + 1)]" }
        return "\(block.name)[\(k - block.range.lowerBound + 1)]"
    }

    /// `outcome` of a KKT check of min ½‖v‖² s.t. cᵢ(v) ≥ 1 (v: the entries `free` of θ) with
    /// its certificate: the multipliers, the infeasible constraint, or the Farkas vector.
    /// Printed multipliers that fail for a reason other than a Farkas vector are not certified.
    func certified(_ outcome: Outcome, _ result: KKTResult<RealAlgebraic>, at θ: [RealAlgebraic], free: [Int],
                   printed: [RealAlgebraic]?) throws(Unable) -> Outcome {
        guard writesCertificates else { return outcome }
        let (point, constraints) = symbolicConstraints(θ, free: free)
        let certificate: Certificate
        switch result {
        case let .kkt(λ, g):
            guard let pieces = try realizedPieces(λ, g, at: θ, free: free) else {
                return Outcome(outcome.status, outcome.evidence, explanation: outcome.explanation, certificate: .notCertified(
                    "the split of a subgradient among the realized pieces of its constraint was not found"))
            }
            certificate = .stationary(point: point, constraints: constraints, multipliers: λ.map(Constant.init),
                                      printed: printed?.map(Constant.init), pieces: pieces)
        case .infeasible(let i, _):
            certificate = .atPoint(conditions: [Comparison(constraints[i], .greaterOrEqual, .one)], assignment: point, holds: false)
        case .notKKT(let y):
            certificate = .notStationary(point: point, constraints: constraints, farkas: farkasVector(y, free: free))
        case .wrongMultipliers(_, let y):
            // Printed λ that are negative or off the active set need no vector; the LP's
            // vector is (y over the coordinates, z over the data points).
            guard let printed, printed.count == constraints.count,
                  y == nil || y!.count == free.count + constraints.count else { return outcome }
            certificate = .notStationary(point: point, constraints: constraints, farkas: farkasVector(y ?? [], free: free),
                                         printed: printed.map(Constant.init), offsets: y.map { $0.dropFirst(free.count).map(Constant.init) })
        case .undecided:
            return outcome
        }
        return Outcome(outcome.status, outcome.evidence, explanation: outcome.explanation, certificate: certificate)
    }

    /// The Farkas vector by variable name (the first entries of y, one per coordinate of `free`).
    private func farkasVector(_ y: [RealAlgebraic], free: [Int]) -> Assignment {
        Assignment(Dictionary(uniqueKeysWithValues: zip(free.map(variableName), y.map(Constant.init))))
    }

    /// A better feasible point refutes optimality: the negation of "θ′ is feasible and
    /// ‖θ′‖² < ‖θ‖²", whose conditions hold at the constants.
    func betterPointCertificate(_ better: [RealAlgebraic], than θ: [RealAlgebraic]) -> Certificate {
        let (_, constraints) = symbolicConstraints(better, free: [])
        let norms = Comparison(Self.squaredNorm(better.map { .constant(Constant($0)) }), .less,
                               Self.squaredNorm(θ.map { .constant(Constant($0)) }))
        return .negation(.atPoint(conditions: constraints.map { Comparison($0, .greaterOrEqual, .one) } + [norms],
                                  assignment: [:], holds: true))
    }

    /// The certificate of a descent arc into p found by the local-optimality engine: the
    /// arc re-proved over (0, s₀) as a witness (feasible, shorter, tending to p).
    func arcCertificate(_ arc: DescentArc, into p: Document.Point) throws(Unable) -> Certificate {
        let witness = Document.Point(name: "the arc", parameters: [arc.parameter], theta: arc.point, domain: [])
        let outcome = try notLocalOptimum(p, witness: witness, .forAll(arc.range))
        guard outcome.status == .proved, let certificate = outcome.certificate else {
            return .notCertified("the descent arc, re-proved as a witness over (0, \(arc.upperBound)): \(outcome.status.rawValue)")
        }
        return certificate
    }
}
