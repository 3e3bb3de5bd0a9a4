import Foundation
import Symbolic

/// The results of checking proof files: what `margincert check` prints as text, JSON,
/// Markdown or LaTeX.
public struct Report: Codable, Sendable {
    public struct Summary: Codable, Sendable {
        public var files = 0, claims = 0, proved = 0, refuted = 0
        public var expected_refuted = 0, undecided = 0, expected_undecided = 0, failed = 0, malformed_files = 0
        /// Flow claims (numerical evidence, never counted as proved).
        public var observed = 0, not_observed = 0
    }

    public struct FileResult: Codable, Sendable {
        public let path: String
        public let title: String?
        /// The rendered diagnostic when the file is malformed (then `claims` is empty).
        public let error: String?
        public let claims: [ClaimResult]

        public init(path: String, title: String?, error: String?, claims: [ClaimResult]) {
            self.path = path
            self.title = title
            self.error = error
            self.claims = claims
        }
    }

    public struct ClaimResult: Codable, Sendable {
        public let line: Int
        public let label: String?
        public let kind: String
        public let text: String
        public let verdict: String
        public let expected: String
        public let ok: Bool
        public let evidence: String
        public let explanation: [String]?
        public let seconds: Double
    }

    public var summary = Summary()
    public var files: [FileResult] = []

    public init() {}

    /// Whether every claim of every file has its expected verdict and no file is malformed.
    public var allOK: Bool { summary.failed == 0 && summary.malformed_files == 0 }

    public mutating func add(_ file: FileResult) {
        files.append(file)
        summary.files += 1
        if file.error != nil { summary.malformed_files += 1 }
        for claim in file.claims {
            summary.claims += 1
            switch claim.verdict {
            case "proved": summary.proved += 1
            case "refuted": summary.refuted += 1
            case Outcome.Status.observed.rawValue: summary.observed += 1
            case Outcome.Status.notObserved.rawValue: summary.not_observed += 1
            default: summary.undecided += 1
            }
            if claim.verdict == "refuted" && claim.expected == "refuted" { summary.expected_refuted += 1 }
            if claim.verdict == "undecided" && claim.expected == "undecided" { summary.expected_undecided += 1 }
            if !claim.ok { summary.failed += 1 }
        }
    }

    /// Checks one file's text; `explain` keeps the piece-by-piece explanations; `simulator`
    /// runs the flows of flow claims (evidence: expected `observed`, or `not-observed` under
    /// `expect refuted`).
    public static func check(path: String, source: String, explain: Bool,
                             simulator: (any FlowSimulator)? = FlowRunner(),
                             timeLimit: Double = ResourceLimit.defaultSeconds) -> FileResult {
        let document: Document
        do {
            document = try Elaborator.elaborate(try ProofFileParser.parse(source))
        } catch {
            return FileResult(path: path, title: nil, error: error.rendered(path: path, source: source), claims: [])
        }
        let checker = Checker(document, simulator: simulator, timeLimit: timeLimit)
        let claims = document.claims.map { claim in
            let clock = ContinuousClock()
            var outcome = Outcome.undecided("not checked")
            let elapsed = clock.measure { outcome = checker.check(claim) }
            let expected = (claim.syntax.expectUndecided ? Outcome.Status.undecided
                            : claim.isEvidence ? claim.syntax.expectRefuted ? .notObserved : .observed
                            : claim.syntax.expectRefuted ? .refuted : .proved).rawValue
            return ClaimResult(line: claim.syntax.location.line, label: claim.syntax.label, kind: claim.kindName,
                               text: claim.syntax.text, verdict: outcome.status.rawValue, expected: expected,
                               ok: outcome.status.rawValue == expected, evidence: outcome.evidence,
                               explanation: explain ? outcome.explanation : nil,
                               seconds: Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
        }
        return FileResult(path: path, title: document.title, error: nil, claims: claims)
    }
}
