extension ProofFileParser {
    /// `of problem (N)` after a point claim (`for problem (N)` after `feasible`), with
    /// `for layer l` when N = 4: which problem of Vardi, Shamir, Srebro (2022) the claim is about. The
    /// parentheses are optional (`problem 4`), as the paper writes both. Nil when absent or
    /// N = 2 (problem (2), the default).
    mutating func problemReference(preposition: String) throws(Diagnostic) -> ProblemSyntax? {
        guard current.isWord(preposition), next.isWord("problem") else { return nil }
        _ = advance()
        let at = advance().location
        let open = current
        let parenthesized = open.isSymbol("(")
        if parenthesized { _ = advance() }
        guard case .number(let n) = current.kind, ["2", "3", "4"].contains(n) else {
            throw error("expected the problem's number (2, 3 or 4), found \(current.display)",
                        hint: "Vardi, Shamir, Srebro (2022)'s problems: (2) max margin, (3) ℓ1 predictor, (4) max margin of one layer")
        }
        _ = advance()
        if parenthesized { try expectClosing(")", of: open, hint: "write the problem's number in parentheses: of problem (3)") }
        switch n {
        case "3": return .l1Predictor(at)
        case "4":
            guard current.isWord("for"), next.isWord("layer") else {
                throw error("problem (4) is stated for one layer", hint: "write 'of problem (4) for layer 1' (layers count from 1)")
            }
            _ = advance(); _ = advance()
            guard case .number(let l) = current.kind, let layer = Int(l), layer >= 1 else {
                throw error("expected a layer number (1, 2, …), found \(current.display)",
                            hint: "write 'of problem (4) for layer 1' (layers count from 1)")
            }
            _ = advance()
            return .perLayer(layer: layer, at)
        default: return nil
        }
    }
}

extension AssertionSyntax {
    /// The assertion about `problem`, or itself for problem (2).
    func about(_ problem: ProblemSyntax?) -> AssertionSyntax {
        problem.map { .ofProblem(self, $0) } ?? self
    }
}
