import Foundation

extension Report {
    /// The report as one self-contained HTML page (no script, no network access at view time):
    /// the summary first; per paper and file, every claim typeset as MathML with its verdict
    /// and evidence, counterexamples highlighted, the `--explain` steps collapsible, each
    /// claim linked to its file and line; a malformed file's error; and `flowPlots` (SVG
    /// documents per file path, see `flowPlots(for:)`) inline after the file's claims.
    ///
    /// `linkBase` is prefixed to each file's path in links (the report's folder relative to
    /// the files, e.g. "../" when the report is written one folder down).
    public func html(times: Bool = true, flowPlots: [String: [String]] = [:], linkBase: String = "") -> String {
        var out = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>MarginCert report: \(summary.claims) claims, \(summary.failed) failed</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <header>
            <h1>MarginCert report</h1>
            <p id="summary" class="\(allOK ? "ok" : "failed")">\(allOK ? "✓" : "✗") \(MathNode.escapedXML(summary.line))</p>

            """
        if papers.count > 1 {
            out += "<table class=\"papers\"><tbody>\n"
            for (paper, s) in papers.sorted(by: { $0.key < $1.key }) {
                out += "<tr><th>\(MathNode.escapedXML(paper))</th><td>\(MathNode.escapedXML(s.line))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += "</header>\n<main>\n"
        for paper in papers.keys.sorted() {
            out += "<section class=\"paper\">\n<h2>\(MathNode.escapedXML(paper))</h2>\n"
            for (index, file) in files.enumerated() where Self.paper(of: file) == paper {
                out += fileHTML(file, index: index, times: times, plots: flowPlots[file.path] ?? [], linkBase: linkBase)
            }
            out += "</section>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }

    private func fileHTML(_ file: FileResult, index: Int, times: Bool, plots: [String], linkBase: String) -> String {
        var counts = Summary()
        counts.add(file)
        let ok = file.error == nil && counts.failed == 0
        let link = MathNode.escapedXML(file.path.hasPrefix("/") ? file.path : linkBase + file.path)
        var out = "<article class=\"file \(ok ? "ok" : "failed")\" id=\"file-\(index)\">\n"
        out += "<h3><span class=\"mark\">\(ok ? "✓" : "✗")</span> <a href=\"\(link)\">\(MathNode.escapedXML(file.path))</a>"
            + (file.title.map { " — " + MathNode.escapedXML($0) } ?? "") + "</h3>\n"
        if let error = file.error { return out + "<pre class=\"error\">\(MathNode.escapedXML(error))</pre>\n</article>\n" }
        out += "<p class=\"counts\">\(MathNode.escapedXML(counts.countsLine))</p>\n<ol class=\"claims\">\n"
        for claim in file.claims {
            let statement = ClaimSyntax.typeset(text: claim.text)?.html ?? "<code>\(MathNode.escapedXML(claim.text))</code>"
            let verdict = claim.ok && claim.expected == .refuted ? "refuted (expected: a printed error)"
                : claim.ok && claim.expected == .undecided ? "undecided (expected: a known limitation)"
                : claim.ok ? claim.verdict.rawValue : "\(claim.verdict.rawValue) ✗ expected \(claim.expected.rawValue)"
            let evidence = MathNode.escapedXML(claim.evidence)
            out += "<li class=\"claim \(claim.ok ? "ok" : "failed") verdict-\(claim.verdict.rawValue)\" id=\"file-\(index)-line-\(claim.line)\">\n"
            out += "<div class=\"head\"><a class=\"location\" href=\"\(link)\">\(MathNode.escapedXML(file.path)):\(claim.line)</a>"
                + (claim.label.map { " <span class=\"label\">[\(MathNode.escapedXML($0))]</span>" } ?? "")
                + " <span class=\"statement\">\(statement)</span></div>\n"
            out += "<div class=\"verdict\"><span class=\"badge\">\(MathNode.escapedXML(verdict))</span>"
                + (times ? String(format: " <span class=\"time\">%.3f s</span>", claim.seconds) : "") + "</div>\n"
            out += claim.verdict == .refuted ? "<div class=\"evidence counterexample\"><mark>\(evidence)</mark></div>\n"
                : "<div class=\"evidence\">\(evidence)</div>\n"
            if let steps = claim.explanation, !steps.isEmpty {
                out += "<details><summary>how it was decided (\(steps.count) steps)</summary>\n<ol class=\"steps\">\n"
                for step in steps { out += "<li>\(MathNode.escapedXML(step))</li>\n" }
                out += "</ol>\n</details>\n"
            }
            out += "</li>\n"
        }
        out += "</ol>\n"
        for plot in plots { out += "<figure class=\"flow\">\(plot)</figure>\n" }
        return out + "</article>\n"
    }

    static let style = """
        :root { color-scheme: light; --ok: #0072B2; --bad: #D55E00; --muted: #555; }
        body { font-family: system-ui, sans-serif; margin: 0 auto; padding: 1rem; max-width: 60rem; line-height: 1.45; color: #111; }
        h1 { font-size: 1.6rem; margin: 0.2rem 0; }
        h2 { font-size: 1.3rem; border-bottom: 2px solid #ddd; margin-top: 2rem; }
        h3 { font-size: 1.05rem; margin: 1.2rem 0 0.3rem; overflow-wrap: anywhere; }
        #summary { font-weight: 600; padding: 0.5rem 0.75rem; border-radius: 6px; background: #eef5fb; }
        #summary.failed { background: #fbeee6; }
        table.papers { border-collapse: collapse; font-size: 0.9rem; }
        table.papers th { text-align: left; padding-right: 1rem; vertical-align: top; }
        .file.ok .mark, .claim.ok .badge { color: var(--ok); }
        .file.failed .mark, .claim.failed .badge { color: var(--bad); font-weight: 700; }
        .counts { color: var(--muted); margin: 0; }
        ol.claims { padding-left: 0; list-style: none; }
        .claim { border-left: 4px solid var(--ok); padding: 0.3rem 0.6rem; margin: 0.5rem 0; background: #fafafa; overflow-wrap: anywhere; overflow-x: auto; }
        .claim.failed { border-left-color: var(--bad); background: #fff4ee; }
        .location { font-family: ui-monospace, monospace; font-size: 0.8rem; color: var(--muted); margin-right: 0.4rem; }
        .label { color: var(--muted); }
        .verdict { font-size: 0.9rem; }
        .time { color: var(--muted); }
        .evidence { font-size: 0.85rem; color: #333; }
        .counterexample mark { background: #ffe9a8; }
        details { font-size: 0.8rem; }
        pre.error { background: #fff4ee; padding: 0.5rem; overflow-x: auto; }
        figure.flow { margin: 0.5rem 0; }
        figure.flow svg { max-width: 100%; height: auto; }
        math { font-size: 1.05em; }
        """
}
