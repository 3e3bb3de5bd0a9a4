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
    /// What proves or refutes it (multipliers, witnesses, split points), or why it is
    /// undecided: typed data, rendered by the reports.
    public let evidence: Evidence
    /// How it was decided, piece by piece (for `--explain`).
    public let explanation: [String]
    /// What an independent checker re-verifies a proved or refuted verdict from (nil: none
    /// written, as for undecided verdicts and flow evidence).
    public let certificate: Certificate?

    public init(_ status: Status, _ evidence: Evidence, explanation: [String] = [], certificate: Certificate? = nil) {
        self.status = status
        self.evidence = evidence
        self.explanation = explanation
        self.certificate = certificate
    }

    public static func proved(_ evidence: Evidence, explanation: [String] = [], certificate: Certificate? = nil) -> Outcome {
        Outcome(.proved, evidence, explanation: explanation, certificate: certificate)
    }

    public static func refuted(_ evidence: Evidence, explanation: [String] = [], certificate: Certificate? = nil) -> Outcome {
        Outcome(.refuted, evidence, explanation: explanation, certificate: certificate)
    }

    /// Proved or refuted with prose evidence (a prover's method).
    public static func proved(_ text: String, explanation: [String] = [], certificate: Certificate? = nil) -> Outcome {
        .proved(.text(text), explanation: explanation, certificate: certificate)
    }

    public static func refuted(_ text: String, explanation: [String] = [], certificate: Certificate? = nil) -> Outcome {
        .refuted(.text(text), explanation: explanation, certificate: certificate)
    }

    public static func undecided(_ why: String, explanation: [String] = []) -> Outcome {
        Outcome(.undecided, .text(why), explanation: explanation)
    }

    public static func observed(_ evidence: String, explanation: [String] = []) -> Outcome {
        Outcome(.observed, .text(evidence), explanation: explanation)
    }

    public static func notObserved(_ evidence: String, explanation: [String] = []) -> Outcome {
        Outcome(.notObserved, .text(evidence), explanation: explanation)
    }

    /// The prover's report as an outcome.
    init(_ report: ProverReport) {
        switch report.verdict {
        case .proved(let how): self.init(.proved, .text(how), explanation: report.explanation, certificate: report.certificate)
        case let .refuted(witness, failingSet, reason):
            self.init(.refuted, .counterexample(witness: witness, reason: reason, failingSet: failingSet),
                      explanation: report.explanation, certificate: report.certificate)
        case .undecided(let why): self.init(.undecided, .text(why), explanation: report.explanation)
        }
    }

    /// All parts must be proved; the first refuted part refutes, else the first undecided one.
    static func all(_ parts: [(String, Outcome)]) -> Outcome {
        let explanation = parts.flatMap { name, o in ["\(name): \(o.status.rawValue) — \(o.evidence)"] + o.explanation.map { "  " + $0 } }
        func evidence(_ parts: [(String, Outcome)]) -> Evidence {
            .parts(parts.map { Evidence.Part(name: $0, status: $1.status, evidence: $1.evidence) })
        }
        func certificates(_ parts: [(String, Outcome)]) -> Certificate {
            .all(parts.map { Certificate.Part($0, $1.certificate ?? .notCertified("\($0): no certificate of this kind yet")) })
        }
        if let bad = parts.first(where: { $0.1.status == .refuted }) {
            return .refuted(evidence([bad]), explanation: explanation, certificate: certificates([bad]))
        }
        if let open = parts.first(where: { $0.1.status == .undecided }) {
            return Outcome(.undecided, evidence([open]), explanation: explanation)
        }
        return .proved(evidence(parts), explanation: explanation, certificate: certificates(parts))
    }
}
