import Symbolic

/// The verdict on one claim of a proof file, with its evidence and how long it took.
public struct Outcome: Sendable {
    public enum Status: String, Sendable, Codable {
        case proved, refuted, undecided
        /// Numerical evidence (flow claims): the simulation shows it. Never a proof.
        case observed
        /// Numerical evidence: the simulation does not show it (within its budget).
        case notObserved = "not-observed"
    }

    public let status: Status
    /// What proves or refutes it (multipliers, witnesses, split points), or why it is undecided.
    public let evidence: String
    /// How it was decided, piece by piece (for `--explain`).
    public let explanation: [String]
    /// What an independent checker re-verifies a proved or refuted verdict from (nil: none
    /// written, as for undecided verdicts and flow evidence).
    public let certificate: Certificate?

    public init(_ status: Status, _ evidence: String, explanation: [String] = [], certificate: Certificate? = nil) {
        self.status = status
        self.evidence = evidence
        self.explanation = explanation
        self.certificate = certificate
    }

    public static func proved(_ evidence: String, explanation: [String] = [], certificate: Certificate? = nil) -> Outcome {
        Outcome(.proved, evidence, explanation: explanation, certificate: certificate)
    }

    public static func refuted(_ evidence: String, explanation: [String] = [], certificate: Certificate? = nil) -> Outcome {
        Outcome(.refuted, evidence, explanation: explanation, certificate: certificate)
    }

    public static func undecided(_ evidence: String, explanation: [String] = []) -> Outcome {
        Outcome(.undecided, evidence, explanation: explanation)
    }

    public static func observed(_ evidence: String, explanation: [String] = []) -> Outcome {
        Outcome(.observed, evidence, explanation: explanation)
    }

    public static func notObserved(_ evidence: String, explanation: [String] = []) -> Outcome {
        Outcome(.notObserved, evidence, explanation: explanation)
    }

    /// The prover's report as an outcome.
    init(_ report: ProverReport) {
        switch report.verdict {
        case .proved(let how): self.init(.proved, how, explanation: report.explanation, certificate: report.certificate)
        case let .refuted(witness, failingSet, reason):
            let set = failingSet.isEmpty ? "" : "; fails exactly on " + failingSet.map(\.description).joined(separator: " ∪ ")
            self.init(.refuted, "counterexample \(witness): \(reason)\(set)", explanation: report.explanation,
                      certificate: report.certificate)
        case .undecided(let why): self.init(.undecided, why, explanation: report.explanation)
        }
    }

    /// All parts must be proved; the first refuted part refutes, else the first undecided one.
    static func all(_ parts: [(String, Outcome)]) -> Outcome {
        let explanation = parts.flatMap { name, o in ["\(name): \(o.status.rawValue) — \(o.evidence)"] + o.explanation.map { "  " + $0 } }
        func certificates(_ parts: [(String, Outcome)]) -> Certificate {
            .all(parts.map { Certificate.Part($0, $1.certificate ?? .notCertified("\($0): no certificate of this kind yet")) })
        }
        if let (name, bad) = parts.first(where: { $0.1.status == .refuted }) {
            return .refuted("\(name): \(bad.evidence)", explanation: explanation, certificate: certificates([(name, bad)]))
        }
        if let (name, open) = parts.first(where: { $0.1.status == .undecided }) {
            return .undecided("\(name): \(open.evidence)", explanation: explanation)
        }
        return .proved(parts.map { "\($0.0): \($0.1.evidence)" }.joined(separator: "; "), explanation: explanation,
                       certificate: certificates(parts))
    }
}
