import Symbolic

extension ProofFileParser {
    /// A parser of `text` written outside a proof file (a command-line argument, a claim file,
    /// standard input), with the proof file's tokens and grammar.
    init(reading text: String) throws(Diagnostic) {
        self.init(tokens: try Lexer.tokens(of: text), source: text.split(separator: "\n", omittingEmptySubsequences: false))
    }

    /// One chain of comparisons `a < b <= c`, or a bare expression (no relation).
    struct Chain {
        let terms: [ExprSyntax]
        let relations: [Relation]
    }

    /// conjunction := chain ('and' chain)*;  chain := expression (relation expression)*.
    ///
    /// The comparisons of a `claim` statement, and on the command line several joined by `and`
    /// (`m > 5/2 and m <= 31/4`).
    mutating func conjunction() throws(Diagnostic) -> [Chain] {
        var chains = [try chain()]
        while current.isWord("and") {
            _ = advance()
            chains.append(try chain())
        }
        return chains
    }

    /// chain := expression (relation expression)*, each adjacent pair compared.
    mutating func chain() throws(Diagnostic) -> Chain {
        var terms = [try expression()]
        var relations: [Relation] = []
        while case .symbol(let s) = current.kind, let relation = Relation(rawValue: s) {
            _ = advance()
            relations.append(relation)
            terms.append(try expression())
        }
        return Chain(terms: terms, relations: relations)
    }

    /// `name in (a, b)`, `name >= a` or `name`, separated by ',': what follows `for all` in a
    /// claim, and the text of `--for-all`.
    mutating func quantifiedParameters() throws(Diagnostic) -> [QuantifiedParameterSyntax] {
        var parameters = [try quantifiedParameter()]
        while current.isSymbol(",") {
            _ = advance()
            parameters.append(try quantifiedParameter())
        }
        return parameters
    }

    /// Requires the end of the text (line ends may follow: a file ends with one).
    mutating func endOfText(_ what: String) throws(Diagnostic) {
        while current.kind == .newline { _ = advance() }
        guard current.kind == .end else {
            throw error("unexpected \(current.display) after \(what)",
                        hint: "write one \(what); a line that starts with a space continues the previous one")
        }
    }

    /// The first name in the text that is not in `known`, a function, a keyword or `e`.
    func firstNewName(known: [String]) -> String? {
        for (k, token) in tokens.enumerated() {
            guard let name = token.identifier, !known.contains(name), !Self.keywords.contains(name), name != "e" else { continue }
            let isCall = k + 1 < tokens.count && tokens[k + 1].isSymbol("(") && !tokens[k + 1].spaceBefore
            if !isCall { return name }
        }
        return nil
    }
}
