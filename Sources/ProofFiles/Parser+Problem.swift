extension ProofFileParser {
    /// The problems a point claim can be about, for hints.
    static let problemsHint = "name the problem: 'of the max-margin problem' (the default), "
        + "'of the per-layer problem for layer 1' or 'of the l1 predictor problem'"

    /// Which problem a point claim is about, after the claim (`for` after `feasible`, `of`
    /// otherwise): `the max-margin problem` (the default: nil), `the per-layer problem for
    /// layer l` or `the l1 predictor problem`. The numbering of Vardi, Shamir, Srebro (2022) is
    /// an alias: `problem (2)`, `problem (4) for layer l`, `problem (3)` (parentheses optional).
    mutating func problemReference(preposition: String) throws(Diagnostic) -> ProblemSyntax? {
        guard current.isWord(preposition), next.isWord("problem") || next.isWord("the") else { return nil }
        _ = advance()
        let at = current.location
        let name = current.isWord("problem") ? try numberedProblem() : try namedProblem()
        switch name {
        case "max-margin": return nil
        case "l1 predictor": return .l1Predictor(at)
        default:
            let hint = "write 'of the per-layer problem for layer 1' (layers count from 1)"
            guard current.isWord("for"), next.isWord("layer") else { throw error("the per-layer problem is stated for one layer", hint: hint) }
            _ = advance(); _ = advance()
            guard case .number(let l) = current.kind, let layer = Int(l), layer >= 1 else {
                throw error("expected a layer number (1, 2, …), found \(current.display)", hint: hint)
            }
            _ = advance()
            return .perLayer(layer: layer, at)
        }
    }

    /// `the max-margin problem`, `the per-layer problem`, `the l1 predictor problem` (also
    /// `ℓ1`): the problem's name.
    private mutating func namedProblem() throws(Diagnostic) -> String {
        _ = advance()
        var name = ""
        while !current.isWord("problem") {
            if let word = current.identifier {
                name += (name.isEmpty || name.hasSuffix("-") ? "" : " ") + (word == "ℓ1" ? "l1" : word)
            } else if current.isSymbol("-"), !name.isEmpty {
                name += "-"
            } else {
                break
            }
            _ = advance()
        }
        guard ["max-margin", "per-layer", "l1 predictor"].contains(name), current.isWord("problem") else {
            throw error("expected 'max-margin problem', 'per-layer problem' or 'l1 predictor problem' after 'the', found \(current.display)",
                        hint: Self.problemsHint)
        }
        _ = advance()
        return name
    }

    /// `problem (2)`, `problem (3)`, `problem (4)` (the aliases): the problem's name.
    private mutating func numberedProblem() throws(Diagnostic) -> String {
        _ = advance()
        let open = current
        let parenthesized = open.isSymbol("(")
        if parenthesized { _ = advance() }
        guard case .number(let n) = current.kind, let name = ["2": "max-margin", "3": "l1 predictor", "4": "per-layer"][n] else {
            throw error("expected the problem's number (2, 3 or 4), found \(current.display)", hint: Self.problemsHint)
        }
        _ = advance()
        if parenthesized { try expectClosing(")", of: open, hint: "write the problem's number in parentheses: of problem (3)") }
        return name
    }
}

extension AssertionSyntax {
    /// The assertion about `problem`, or itself for the max-margin problem.
    func about(_ problem: ProblemSyntax?) -> AssertionSyntax {
        problem.map { .ofProblem(self, $0) } ?? self
    }
}
