/// Mathematics laid out for typesetting, independent of the output: LaTeX
/// (`MathNode+LaTeX.swift`) and MathML (`MathNode+MathML.swift`) render the same tree, so a
/// claim reads the same in an appendix and in the HTML report.
///
/// The tree follows presentation, not meaning (MathML's presentation elements): identifiers,
/// numbers and operators, rows, fractions, scripts, radicals and fences.
public indirect enum MathNode: Hashable, Sendable {
    /// A variable or function name, in italics when one letter (`ε`, `p`), upright otherwise.
    case identifier(String)
    /// A numeral, as written (`17`, `0.5`).
    case number(String)
    /// An operator or relation (`+`, `≤`, `,`).
    case `operator`(String)
    /// Upright words inside mathematics (`for all`).
    case text(String)
    case row([MathNode])
    case fraction(MathNode, MathNode)
    case superscript(MathNode, MathNode)
    case `subscript`(MathNode, MathNode)
    case squareRoot(MathNode)
    /// The k-th root: radicand, index.
    case root(MathNode, MathNode)
    /// Delimiters around a node: `(…)`, `‖…‖`, `|…|`, `⟨…⟩`.
    case fenced(String, MathNode, String)
}

/// A claim typeset: words of the sentence and formulas, in order ("p is feasible for all ε").
public enum TypesetPiece: Hashable, Sendable {
    case words(String)
    case math(MathNode)
}

extension [TypesetPiece] {
    /// The sentence with its words and formulas each rendered, joined.
    func rendered(words: (String) -> String, math: (MathNode) -> String) -> String {
        map { piece in
            switch piece {
            case .words(let w): words(w)
            case .math(let m): math(m)
            }
        }.joined()
    }
}
