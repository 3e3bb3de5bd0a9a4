import Exact
import Networks
import Symbolic
import Certify

/// What proves, refutes or leaves open a claim, as typed data: exact counterexamples and
/// failing sets, multipliers λ, Farkas vectors, optimal values, better points, descent arcs.
/// Reports render it to text only at the edge (`description`), and the JSON report carries it
/// as data (`json`), so a second tool reads the witness and the multipliers without parsing prose.
public indirect enum Evidence: Sendable, CustomStringConvertible {
    /// Prose: how a prover proved it (its method), numerical flow evidence, or why a claim is
    /// undecided.
    case text(String)
    /// A constant claim: every condition holds by exact evaluation.
    case exact
    /// A constant claim fails at `condition`; `undefined`: a side is not defined there.
    case failingCondition(Comparison, undefined: Bool)
    /// The claim fails at the exact `witness` (`reason`), and exactly on `failingSet` when it
    /// was computed (one-parameter claims).
    case counterexample(witness: Assignment, reason: String, failingSet: [FailingPiece])
    /// θ = Σλᵢgᵢ with gᵢ in the Clarke subdifferentials: the multipliers (`printed`: the
    /// file's own), found by `method`.
    case multipliers([RealAlgebraic], printed: Bool, method: String)
    /// Constraint `constraint` (0-based) has `margin` < 1.
    case infeasible(constraint: Int, margin: RealAlgebraic)
    /// A Farkas vector y: yᵀg ≥ 0 for every candidate subgradient g of an active constraint
    /// and yᵀθ < 0, so no λ ≥ 0 gives `stationarity`.
    case farkas([RealAlgebraic], stationarity: String)
    /// The printed multipliers fail (negative, nonzero off the active set, or no subgradients).
    case wrongMultipliers(String)
    /// The margins of every constraint, each ≥ 1 (`term` names them, as yᵢ⟨β, xᵢ⟩).
    case margins([RealAlgebraic], term: String)
    /// `objective` takes `value`, the optimal value, by `reason`.
    case optimal(objective: String, value: RealAlgebraic, reason: String)
    /// `objective` takes `value` > `optimalValue` (by `reason`).
    case notOptimal(objective: String, value: RealAlgebraic, optimalValue: RealAlgebraic, reason: String)
    /// A feasible point, verified exactly, with ‖θ′‖² = `normSquared` < `referenceNormSquared`.
    case betterPoint([RealAlgebraic], blocks: [ParameterBlock], normSquared: RealAlgebraic,
                     referenceNormSquared: RealAlgebraic)
    /// A verified arc of feasible, strictly shorter points into the point (`reason`: how).
    case descentArc(DescentArc, blocks: [ParameterBlock], reason: String)
    /// A compound claim: the parts' evidence (all of them when proved, the deciding one else).
    case parts([Part])

    /// One named part of a compound claim, with its verdict.
    public struct Part: Sendable {
        public let name: String
        public let status: Outcome.Status
        public let evidence: Evidence
    }

    public var description: String {
        switch self {
        case .text(let text): return text
        case .exact: return "exact"
        case let .failingCondition(c, undefined): return undefined ? "not defined: \(c) fails" : "\(c) fails"
        case let .counterexample(witness, reason, failingSet):
            let set = failingSet.isEmpty ? "" : "; fails exactly on " + failingSet.map(\.description).joined(separator: " ∪ ")
            return "counterexample \(witness): \(reason)\(set)"
        case let .multipliers(λ, printed, method):
            return "KKT with λ = \(Self.show(λ))\(printed ? " (the printed multipliers)" : ""); \(method)"
        case let .infeasible(i, margin): return "infeasible: constraint \(i + 1) has margin \(Constant(margin)) < 1"
        case let .farkas(y, stationarity): return "no λ ≥ 0 gives \(stationarity): Farkas vector \(Self.show(y))"
        case .wrongMultipliers(let reason): return "printed multipliers fail: \(reason)"
        case let .margins(values, term): return "\(term) = \(Self.show(values)) ≥ 1"
        case let .optimal(objective, value, reason): return "\(objective) = \(Constant(value)), the optimal value: \(reason)"
        case let .notOptimal(objective, value, optimal, reason):
            return "\(objective) = \(Constant(value)) > \(Constant(optimal)), the optimal value: \(reason)"
        case let .betterPoint(point, blocks, n, reference):
            let entries = blocks.map { b in "\(b.name) = (" + b.range.map { Constant(point[$0]).description }.joined(separator: ", ") + ")" }
            return "a feasible point with ‖θ′‖² = \(Constant(n)) < ‖θ‖² = \(Constant(reference)), found by search and verified exactly: point better: "
                + entries.joined(separator: ", ")
        case let .descentArc(arc, blocks, reason):
            return "not a local optimum, witness found: \(arc.proofFileText(blocks: blocks)) — \(reason)"
        case .parts(let parts): return parts.map { "\($0.name): \($0.evidence)" }.joined(separator: "; ")
        }
    }

    /// A vector of exact numbers, "(a, b, …)".
    static func show(_ v: [RealAlgebraic]) -> String {
        "(" + v.map { Constant($0).description }.joined(separator: ", ") + ")"
    }
}

extension DescentArc {
    /// The arc in proof-file syntax, to paste into a file: `parameter s in (0, s0)` and
    /// `point found(s): w1 = (…), …` with the network's blocks.
    func proofFileText(blocks: [ParameterBlock]) -> String {
        let entries = blocks.map { block in
            "\(block.name) = (" + block.range.map { point[$0].description }.joined(separator: ", ") + ")"
        }
        return "parameter \(parameter) in (0, \(upperBound)); point found(\(parameter)): " + entries.joined(separator: ", ")
    }
}
