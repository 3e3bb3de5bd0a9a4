extension MathNode {
    /// The node as MathML Core presentation markup (the content of a `<math>` element), which
    /// browsers typeset without scripts or network access.
    public var mathML: String {
        switch self {
        case .identifier(let s): return "<mi>\(Self.escapedXML(s))</mi>"
        case .number(let s): return "<mn>\(Self.escapedXML(s))</mn>"
        case .operator(let s): return "<mo>\(Self.escapedXML(s))</mo>"
        case .text(let s): return "<mtext>\(Self.escapedXML(s))</mtext>"
        case .row(let items): return "<mrow>" + items.map(\.mathML).joined() + "</mrow>"
        case .fraction(let a, let b): return "<mfrac>\(a.mathML)\(b.mathML)</mfrac>"
        case .superscript(let a, let b): return "<msup>\(a.mathML)\(b.mathML)</msup>"
        case .subscript(let a, let b): return "<msub>\(a.mathML)\(b.mathML)</msub>"
        case .squareRoot(let a): return "<msqrt>\(a.mathML)</msqrt>"
        case .root(let a, let k): return "<mroot>\(a.mathML)\(k.mathML)</mroot>"
        case .fenced(let open, let a, let close):
            return "<mrow><mo lspace=\"0\" rspace=\"0\">\(Self.escapedXML(open))</mo>\(a.mathML)<mo lspace=\"0\" rspace=\"0\">\(Self.escapedXML(close))</mo></mrow>"
        }
    }

    /// Text made safe for XML and HTML.
    public static func escapedXML(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

extension [TypesetPiece] {
    /// The sentence as HTML: words as text, formulas as inline `<math>` elements.
    public var html: String { rendered(words: MathNode.escapedXML) { "<math>\($0.mathML)</math>" } }
}
