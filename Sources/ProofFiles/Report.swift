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
        public let verdict: Outcome.Status
        public let expected: Outcome.Status
        public let ok: Bool
        /// The evidence as text (rendered from `Outcome.evidence`).
        public let evidence: String
        public let explanation: [String]?
        public let seconds: Double
        /// The certificate of a proved or refuted verdict (`check --certificates`), as written.
        public var certificate: JSONValue? = nil
        /// The evidence as data (`Evidence.json`): the counterexample, the multipliers, the
        /// Farkas vector, the better point or the arc, as exact numbers; nil for prose.
        public var evidence_data: JSONValue? = nil
    }

    public var summary = Summary()
    public var files: [FileResult] = []
    /// The summary per paper (see `paper(of:)`).
    public var papers: [String: Summary] = [:]

    public init() {}

    /// Whether every claim of every file has its expected verdict and no file is malformed.
    public var allOK: Bool { summary.failed == 0 && summary.malformed_files == 0 }

    public mutating func add(_ file: FileResult) {
        files.append(file)
        summary.add(file)
        papers[Self.paper(of: file), default: Summary()].add(file)
    }

    /// The paper a file belongs to: the authors at the start of its title ("Vardi, Shamir,
    /// Srebro" in "Vardi, Shamir, Srebro (2022), Theorem 3.2 …"), or its path when untitled.
    static func paper(of file: FileResult) -> String {
        guard let title = file.title, let open = title.range(of: " (") else { return file.title ?? file.path }
        return String(title[..<open.lowerBound])
    }
}

extension Report.Summary {
    /// Counts one file and its claims.
    mutating func add(_ file: Report.FileResult) {
        files += 1
        if file.error != nil { malformed_files += 1 }
        for claim in file.claims {
            claims += 1
            switch (claim.verdict, claim.expected) {
            case (.proved, _): proved += 1
            case (.refuted, .refuted): refuted += 1; expected_refuted += 1
            case (.refuted, _): refuted += 1
            case (.undecided, .undecided): undecided += 1; expected_undecided += 1
            case (.undecided, _): undecided += 1
            case (.observed, _): observed += 1
            case (.notObserved, _): not_observed += 1
            }
            if !claim.ok { failed += 1 }
        }
    }
}
