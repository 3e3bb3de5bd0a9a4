import Foundation

extension Report {
    /// The report a test runner prints (`margincert check`'s default): one line per file — ✓
    /// when every claim has its expected verdict, ✗ otherwise, with its counts — then, in full,
    /// every claim that did not get its expected verdict and every malformed file's error, then
    /// the summary per paper and in all. `colour` adds ANSI colours (for a terminal).
    public func concise(times: Bool = true, colour: Bool = false) -> String {
        let paint = Paint(enabled: colour)
        var out = "", failures = ""
        for file in files {
            var counts = Summary()
            counts.add(file)
            let time = times ? String(format: "  [%.2f s]", file.claims.reduce(0) { $0 + $1.seconds }) : ""
            if let error = file.error {
                out += paint.red("✗") + " " + (error.split(separator: "\n").first.map(String.init) ?? file.path) + "\n"
                failures += error + "\n\n"
                continue
            }
            out += (counts.failed == 0 ? paint.green("✓") : paint.red("✗")) + " \(file.path): \(counts.countsLine)\(time)\n"
            let failed = file.claims.filter { !$0.ok }
            guard !failed.isEmpty else { continue }
            failures += paint.bold("\(file.path)" + (file.title.map { " — \($0)" } ?? "")) + "\n"
            for claim in failed { failures += claim.text(times: times, paint: paint) }
            failures += "\n"
        }
        out += failures.isEmpty ? "\n" : "\n" + failures
        if papers.count > 1 {
            for (paper, s) in papers.sorted(by: { $0.key < $1.key }) { out += "\(paper): \(s.line)\n" }
        }
        let summary = "summary: \(summary.line)"
        return out + (allOK ? paint.green(summary) : paint.red(summary)) + "\n"
    }

    /// ANSI colours, or none.
    struct Paint {
        let enabled: Bool
        func green(_ s: String) -> String { wrap(s, "32") }
        func red(_ s: String) -> String { wrap(s, "31") }
        func bold(_ s: String) -> String { wrap(s, "1") }
        private func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    }
}

extension Report.ClaimResult {
    /// The claim as the full text report shows it: its line and text, its verdict (marked when
    /// unexpected) with evidence and time, and its explanation steps.
    func text(times: Bool, paint: Report.Paint = Report.Paint(enabled: false)) -> String {
        let mark = !ok ? paint.red("\(verdict.rawValue) ✗ FAILED, expected \(expected.rawValue)")
            : expected == .refuted ? "refuted (expected: a printed error)"
            : expected == .undecided ? "undecided (expected: a known limitation)" : verdict.rawValue
        let time = times ? String(format: "  [%.3f s]", seconds) : ""
        var out = "  line \(line)\(label.map { " [\($0)]" } ?? ""): \(text)\n"
        out += "    \(mark)\(time): \(evidence)\n"
        for step in explanation ?? [] { out += "      \(step)\n" }
        return out
    }
}

extension Report.Summary {
    /// The non-zero counts of one file: "12 claims: 11 proved, 1 refuted as expected".
    var countsLine: String {
        let parts = [(proved, "proved"), (expected_refuted, "refuted as expected"),
                     (refuted - expected_refuted, "refuted"), (expected_undecided, "undecided as expected"),
                     (undecided - expected_undecided, "undecided"), (observed, "observed"),
                     (not_observed, "not observed"), (failed, "failed")]
        return "\(claims) claims: " + parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
}
