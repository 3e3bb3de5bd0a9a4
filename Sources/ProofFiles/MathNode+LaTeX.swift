extension MathNode {
    /// The node as LaTeX mathematics (for `$…$`; needs amsmath only for `\operatorname`):
    /// `\frac{17}{4}\varepsilon^{2}`, `\sqrt{2\varepsilon}`, `\|\theta'\|^{2}`, `\sigma(\cdot)`.
    public var latex: String {
        switch self {
        case .identifier(let s): return Self.latexSymbols[s] ?? (s.count == 1 ? s : "\\operatorname{\(Self.escapedText(s))}")
        case .number(let s): return s
        case .operator(let s): return Self.latexSymbols[s] ?? s
        case .text(let s): return "\\text{\(Self.escapedText(s))}"
        case .row(let items): return items.map(\.latex).joined()
        case .fraction(let a, let b): return "\\frac{\(a.latex)}{\(b.latex)}"
        case .superscript(let a, let b): return "{\(a.latex)}^{\(b.latex)}"
        case .subscript(let a, let b): return "{\(a.latex)}_{\(b.latex)}"
        case .squareRoot(let a): return "\\sqrt{\(a.latex)}"
        case .root(let a, let k): return "\\sqrt[\(k.latex)]{\(a.latex)}"
        case .fenced(let open, let a, let close):
            return "\\left\(Self.latexFences[open] ?? open)\(a.latex)\\right\(Self.latexFences[close] ?? close)"
        }
    }

    static let latexSymbols: [String: String] = [
        "ε": "\\varepsilon ", "α": "\\alpha ", "β": "\\beta ", "γ": "\\gamma ", "δ": "\\delta ", "η": "\\eta ",
        "θ": "\\theta ", "κ": "\\kappa ", "λ": "\\lambda ", "μ": "\\mu ", "ν": "\\nu ", "ξ": "\\xi ", "π": "\\pi ",
        "ρ": "\\rho ", "σ": "\\sigma ", "τ": "\\tau ", "φ": "\\varphi ", "Φ": "\\Phi ", "ψ": "\\psi ", "ω": "\\omega ",
        "Δ": "\\Delta ", "Γ": "\\Gamma ",
        "−": "-", "·": "\\cdot ", "\u{2062}": " ", "≤": "\\le ", "≥": "\\ge ", "≠": "\\ne ", "∈": "\\in ",
        "′": "'", "′′": "''", ",": ",\\,", ";": ";\\,",
    ]

    static let latexFences: [String: String] = ["‖": "\\|", "⟨": "\\langle ", "⟩": "\\rangle ", "{": "\\{", "}": "\\}"]

    /// Text made safe for LaTeX (in text mode and in `\text{…}`) and for pdflatex: the special
    /// characters escaped, and the Unicode of the reports (Greek, ‖, ≤, θ̃, x², xᵢ, –) written as
    /// LaTeX; any other non-ASCII character becomes `?`.
    public static func escapedText(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": out += "\\\(c)"
            case "^": out += "\\^{}"
            case "~": out += "\\~{}"
            case "<", ">", "|": out += "\\ensuremath{\(c)}"
            case _ where c.isASCII: out.append(c)
            default: out += unicodeText(c)
            }
        }
        return out
    }

    /// A non-ASCII character in text mode.
    static func unicodeText(_ c: Character) -> String {
        let scalars = Array(c.unicodeScalars)
        if scalars.count == 2, scalars[1] == "\u{0303}" {   // a base letter with a combining tilde: θ̃
            return "\\ensuremath{\\tilde{\(latexSymbols[String(scalars[0])] ?? String(scalars[0]))}}"
        }
        if let text = textSymbols[c] { return text }
        if let math = latexSymbols[String(c)] { return "\\ensuremath{\(math)}" }
        if let superscript = superscripts.firstIndex(of: c) { return "\\textsuperscript{\(superscriptText[superscript])}" }
        if let index = subscripts.firstIndex(of: c) { return "\\textsubscript{\(subscriptText[index])}" }
        return "?"
    }

    static let textSymbols: [Character: String] = [
        "–": "--", "—": "---", "’": "'", "‘": "`", "“": "``", "”": "''", "…": "\\dots{}", "é": "\\'e", "ö": "\\\"o",
        "‖": "\\ensuremath{\\|}", "∪": "\\ensuremath{\\cup}", "∩": "\\ensuremath{\\cap}", "∞": "\\ensuremath{\\infty}",
        "→": "\\ensuremath{\\to}", "×": "\\ensuremath{\\times}", "√": "\\ensuremath{\\surd}", "⟨": "\\ensuremath{\\langle}",
        "⟩": "\\ensuremath{\\rangle}", "∂": "\\ensuremath{\\partial}", "∇": "\\ensuremath{\\nabla}",
        "∅": "\\ensuremath{\\emptyset}", "≈": "\\ensuremath{\\approx}", "±": "\\ensuremath{\\pm}", "∑": "\\ensuremath{\\sum}",
        "Σ": "\\ensuremath{\\Sigma}", "∀": "\\ensuremath{\\forall}", "∃": "\\ensuremath{\\exists}", "⊆": "\\ensuremath{\\subseteq}",
        "∖": "\\ensuremath{\\setminus}", "≔": "\\ensuremath{:=}", "∘": "\\ensuremath{\\circ}", "°": "\\ensuremath{^\\circ}",
        "𝒩": "\\ensuremath{\\mathcal{N}}", "ℓ": "\\ensuremath{\\ell}", "ℝ": "\\ensuremath{\\mathbb{R}}",
    ]
    static let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁻", "⁺", "ᴸ", "ᵀ", "ᵏ", "ⁿ"]
    static let superscriptText = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-", "+", "L", "T", "k", "n"]
    static let subscripts: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉", "ᵢ", "ⱼ", "ₖ", "ₗ", "ₚ", "ₙ"]
    static let subscriptText = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "i", "j", "k", "l", "p", "n"]
}

extension [TypesetPiece] {
    /// The sentence as LaTeX text: words escaped, formulas in `$…$`.
    public var latex: String { rendered(words: MathNode.escapedText) { "$\($0.latex)$" } }
}
