import Testing
@testable import ProofFiles

/// Claims typeset as the appendices write them (issue 19), in LaTeX and MathML from one tree.
@Suite struct TypesettingTests {
    @Test(arguments: [
        ("norm(p)^2 = 8 - 4 eps + 17/4 eps^2 < 8 for all eps",
         "${\\left\\|p\\right\\|}^{2}=8-4 \\varepsilon +\\frac{17}{4} {\\varepsilon }^{2}<8$ for all $\\varepsilon $"),
        ("sqrt(2 eps) <= 1 for all eps in (0, 1/2]", "$\\sqrt{2 \\varepsilon }\\le 1$ for all $\\varepsilon \\in \\left(0,\\,\\frac{1}{2}\\right]$"),
        ("relu(x1) - (a - b) >= -c^2", "$\\sigma \\left({x}_{1}\\right)-\\left(a-b\\right)\\ge -{c}^{2}$"),
        ("(a + b)^2 != 2 * 3", "${\\left(a+b\\right)}^{2}\\ne 2\\cdot 3$"),
        ("theta'^2 > 0 for small eps", "${\\theta '}^{2}>0$ for all sufficiently small $\\varepsilon >0$"),
        ("dot(w_j, x1) = 1e-6", "$\\left\\langle {w}_{j},\\,{x}_{1}\\right\\rangle ={10}^{-6}$"),
        ("kkt is a KKT point with lambda = (2, 2)", "$\\operatorname{kkt}$ is a KKT point with $\\lambda =\\left(2,\\,2\\right)$"),
        ("p is not a local optimum, witness q", "$p$ is not a local optimum, witness $q$"),
    ])
    func claimsAreTypesetInLaTeX(text: String, latex: String) throws {
        let pieces = try #require(ClaimSyntax.typeset(text: text))
        #expect(pieces.latex == latex)
    }

    @Test func theSameTreeGivesMathML() throws {
        let pieces = try #require(ClaimSyntax.typeset(text: "sqrt(2 eps) < 17/4 for all eps"))
        #expect(pieces.html == "<math><mrow><msqrt><mrow><mn>2</mn><mo>\u{2062}</mo><mi>ε</mi></mrow></msqrt><mo>&lt;</mo>"
                + "<mfrac><mn>17</mn><mn>4</mn></mfrac></mrow></math> for all <math><mi>ε</mi></math>")
    }

    @Test func textThatIsNotAClaimIsNotTypeset() {
        #expect(ClaimSyntax.typeset(text: "1 + ") == nil)
    }

    @Test func unicodeInTextIsWrittenForPdfLaTeX() {
        #expect(MathNode.escapedText("θ̃ ‖x‖² ≤ λ₁ – 50% & a_b") == "\\ensuremath{\\tilde{\\theta }} \\ensuremath{\\|}x\\ensuremath{\\|}\\textsuperscript{2} "
                + "\\ensuremath{\\le } \\ensuremath{\\lambda }\\textsubscript{1} -- 50\\% \\& a\\_b")
    }
}
