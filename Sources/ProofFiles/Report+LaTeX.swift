extension Report {
    /// The report as LaTeX an appendix can `\input` (with `\usepackage{longtable,amsmath,amssymb}`):
    /// a `longtable` per file, each claim typeset as mathematics (`\frac{17}{4}\varepsilon^{2}`,
    /// `\sqrt{2\varepsilon}`, `\|p\|^{2}`), its verdict, and for a refuted claim its exact
    /// counterexample; a malformed file's error verbatim; the summary last.
    public func latex() -> String {
        var out = "% MarginCert report: \(summary.line)\n% needs \\usepackage{longtable,amsmath,amssymb}\n"
        for file in files {
            out += "\n% \(file.path)\n\\begin{longtable}{@{}r p{0.56\\textwidth} p{0.30\\textwidth}@{}}\n"
            out += "\\multicolumn{3}{@{}l}{\\textbf{\(MathNode.escapedText(file.title ?? file.path))}}\\\\\n\\hline\n"
            if let error = file.error {
                out += "\\multicolumn{3}{@{}p{0.9\\textwidth}}{\\footnotesize error: \(MathNode.escapedText(error))}\\\\\n\\end{longtable}\n"
                continue
            }
            for claim in file.claims {
                let statement = ClaimSyntax.typeset(text: claim.text)?.latex ?? "\\texttt{\(MathNode.escapedText(claim.text))}"
                var verdict = claim.ok ? (claim.expected == .refuted ? "refuted (erratum)" : claim.verdict.rawValue)
                    : "\\textbf{\(claim.verdict.rawValue), expected \(claim.expected.rawValue)}"
                if claim.verdict == .refuted || !claim.ok {
                    verdict += "\\newline{\\footnotesize \(MathNode.escapedText(claim.evidence))}"
                }
                out += "\(claim.line) & \(statement) & \(verdict)\\\\\n"
            }
            out += "\\end{longtable}\n"
        }
        return out + "\n\\noindent\\textbf{Summary:} \(MathNode.escapedText(summary.line))\n"
    }
}
