import Foundation

extension Report {
    /// The report a person reads: per file, each claim with its verdict, evidence and time.
    public func text(times: Bool = true) -> String {
        var out = ""
        for file in files {
            out += "\(file.path)" + (file.title.map { " — \($0)" } ?? "") + "\n"
            if let error = file.error { out += error + "\n\n"; continue }
            for c in file.claims { out += c.text(times: times) }
            out += "\n"
        }
        if papers.count > 1 {
            for (paper, s) in papers.sorted(by: { $0.key < $1.key }) { out += "\(paper): \(s.line)\n" }
        }
        return out + "summary: \(summary.line)\n"
    }

    /// One JSON object (keys sorted, so equal runs print equal bytes when `times` is false).
    public func json(times: Bool = true) -> String {
        var copy = self
        if !times {
            copy.files = files.map { f in
                FileResult(path: f.path, title: f.title, error: f.error, claims: f.claims.map {
                    ClaimResult(line: $0.line, label: $0.label, kind: $0.kind, text: $0.text, verdict: $0.verdict,
                            expected: $0.expected, ok: $0.ok, evidence: $0.evidence, explanation: $0.explanation, seconds: 0,
                            certificate: $0.certificate, evidence_data: $0.evidence_data)
                })
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(copy), as: UTF8.self) + "\n"
    }

    /// A Markdown table per file, ready for an appendix or a README.
    public func markdown() -> String {
        var out = ""
        for file in files {
            out += "### \(file.title ?? file.path)\n\n"
            if let error = file.error { out += "```\n\(error)\n```\n\n"; continue }
            out += "| line | claim | verdict | evidence |\n| --- | --- | --- | --- |\n"
            for c in file.claims {
                let verdict = c.ok ? (c.expected == .refuted ? "refuted (erratum)" : c.verdict.rawValue)
                    : "**\(c.verdict.rawValue), expected \(c.expected.rawValue)**"
                out += "| \(c.line) | \(escape(c.text)) | \(verdict) | \(escape(c.evidence)) |\n"
            }
            out += "\n"
        }
        return out
    }

    private func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}

extension Report.Summary {
    /// "37 files, 931 claims: 879 proved, 11 refuted (11 as expected), …".
    var line: String {
        var out = "\(files) files, \(claims) claims: \(proved) proved, \(refuted) refuted "
        out += "(\(expected_refuted) as expected), \(undecided) undecided (\(expected_undecided) known limitations), \(failed) failed"
        if observed + not_observed > 0 {
            out += "; flow evidence (not proofs): \(observed) observed, \(not_observed) not observed"
        }
        if malformed_files > 0 { out += ", \(malformed_files) malformed files" }
        return out
    }
}
