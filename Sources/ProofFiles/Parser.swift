/// Reads the statements of a proof file from its tokens (see docs/proof-format.md).
///
/// Statement keywords: `title`, `network`, `loss`, `data`, `parameter`, `integer`, `let`,
/// `point`, `claim`, `flow`, `experiment`. Every error is a `Diagnostic` at the offending token.
public struct ProofFileParser {
    var tokens: [Token]
    var position = 0
    let source: [Substring]
    /// How deeply `unary()` is nested now (see `deepestNesting`).
    var nesting = 0
    /// The experiments declared so far: a claim about one starts with its name.
    var experimentNames: Set<String> = []

    public static func parse(_ source: String) throws(Diagnostic) -> ProofFileSyntax {
        var parser = ProofFileParser(tokens: try Lexer.tokens(of: source),
                            source: source.split(separator: "\n", omittingEmptySubsequences: false))
        var statements: [StatementSyntax] = []
        while parser.current.kind != .end {
            statements.append(try parser.statement())
        }
        return ProofFileSyntax(statements: statements)
    }

    init(tokens: [Token], source: [Substring]) {
        self.tokens = tokens
        self.source = source
    }

    var current: Token { tokens[position] }
    var next: Token { tokens[min(position + 1, tokens.count - 1)] }

    mutating func advance() -> Token {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    /// The statements a file may contain, for hints.
    static let statementsHint = "statements start with title, network, loss, data, parameter, integer, let, point, claim, flow or experiment"

    func error(_ message: String, hint: String) -> Diagnostic {
        Diagnostic(message, at: current.location, hint: hint)
    }

    mutating func expectSymbol(_ s: String, hint: String) throws(Diagnostic) {
        guard current.isSymbol(s) else { throw error("expected '\(s)', found \(current.display)", hint: hint) }
        _ = advance()
    }

    /// The bracket `close` that matches `open` (a token already read), or an error that says
    /// where the bracket was opened.
    mutating func expectClosing(_ close: String, of open: Token, hint: String) throws(Diagnostic) {
        guard current.isSymbol(close) else {
            throw error("expected '\(close)' to close \(open.display) opened at \(open.location), found \(current.display)", hint: hint)
        }
        _ = advance()
    }

    mutating func expectWord(_ w: String, hint: String) throws(Diagnostic) {
        guard current.isWord(w) else { throw error("expected '\(w)', found \(current.display)", hint: hint) }
        _ = advance()
    }

    mutating func name(_ what: String, hint: String) throws(Diagnostic) -> String {
        guard let n = current.identifier else { throw error("expected \(what), found \(current.display)", hint: hint) }
        _ = advance()
        return n
    }

    mutating func endOfStatement() throws(Diagnostic) {
        guard current.kind == .newline || current.kind == .end else {
            throw error("unexpected \(current.display) at the end of the statement",
                        hint: "one statement per line; indent a line to continue the previous one")
        }
        if current.kind == .newline { _ = advance() }
    }

    /// The source text from `start` up to (not including) the current token.
    func text(from start: SourceLocation) -> String {
        let end = current.location
        var pieces: [String] = []
        for line in start.line...max(start.line, end.line) where line <= source.count {
            let chars = Array(source[line - 1])
            let from = line == start.line ? start.column - 1 : 0
            let to = line == end.line ? min(chars.count, end.column - 1) : chars.count
            if from < to { pieces.append(String(chars[from..<to]).trimmingSpaces) }
        }
        return pieces.joined(separator: " ").trimmingSpaces
    }

    mutating func statement() throws(Diagnostic) -> StatementSyntax {
        let start = current.location
        guard let keyword = current.identifier else {
            throw error("expected a statement, found \(current.display)", hint: Self.statementsHint)
        }
        _ = advance()
        let result: StatementSyntax
        switch keyword {
        case "title":
            result = .title(text(fromRestOfLine: ()), start)
        case "network":
            var words: [Token] = []
            while current.kind != .newline && current.kind != .end { words.append(advance()) }
            guard !words.isEmpty else { throw error("expected a network description", hint: "e.g. " + NetworkSpec.example) }
            // The line end closes the description, so that NetworkSpec reports "found end of line" there.
            result = .network(words + [Token(kind: .newline, location: current.location, spaceBefore: false)], start)
        case "loss":
            result = .loss(try name("a loss (exponential, logistic or square)", hint: "loss exponential"), start)
        case "data":
            let example = "data x1 = (1, 1/4), y1 = 1"
            let n = try name("a data name such as x1", hint: example)
            try expectSymbol("=", hint: example)
            let input = try expression()
            try expectSymbol(",", hint: "write the label after a comma: " + example)
            if current.isWord("class") && !next.isSymbol("=") {
                _ = advance()
                result = .classData(name: n, input: input, classIndex: try expression(), start)
                break
            }
            let labelName = try name("a label name such as y1", hint: example)
            try expectSymbol("=", hint: example)
            result = .data(name: n, input: input, labelName: labelName, label: try expression(), start)
        case "parameter":
            let n = try name("a parameter name", hint: "parameter eps in (0, 1/9)")
            try expectWord("in", hint: "parameter eps in (0, 1/9)")
            result = .parameter(n, try range(), start)
        case "integer":
            let n = try name("an integer parameter name", hint: "integer m >= 3")
            result = .integer(n, try integerBound(hint: "integer m >= 3, or integer m > 5/2"), start)
        case "let":
            let example = "let c = 17/4, or with parameters: let f(eps) = 1 + eps"
            let n = try name("a name", hint: example)
            let params = try parameterList()
            try expectSymbol("=", hint: example)
            result = .definition(n, parameters: params, try expression(), start)
        case "point":
            result = try point(start)
        case "claim":
            result = .claim(try claim(start))
        case "flow":
            result = .flow(try flow(start))
        case "experiment":
            result = .experiment(try experiment(start))
        default:
            throw Diagnostic("unknown statement '\(keyword)'", at: start, hint: Self.statementsHint)
        }
        try endOfStatement()
        return result
    }

    /// The rest of the line as written (for titles).
    mutating func text(fromRestOfLine: Void) -> String {
        let start = current.location
        while current.kind != .newline && current.kind != .end { _ = advance() }
        return text(from: start)
    }

    mutating func parameterList() throws(Diagnostic) -> [String] {
        guard current.isSymbol("(") && !current.spaceBefore else { return [] }
        let open = advance()
        let hint = "list declared parameters, separated by ',': f(eps) or p(eps, m)"
        var names = [try name("a parameter name", hint: hint)]
        while current.isSymbol(",") { _ = advance(); names.append(try name("a parameter name", hint: hint)) }
        try expectClosing(")", of: open, hint: hint)
        return names
    }

    mutating func point(_ start: SourceLocation) throws(Diagnostic) -> StatementSyntax {
        let example = "point kkt: w1 = (0, 2), v = (2, 0)"
        let n = try name("a point name", hint: example)
        if current.isSymbol("=") {
            _ = advance()
            let hint = "name the flow whose limit it is: point \(n) = limit of gf"
            try expectWord("limit", hint: hint)
            try expectWord("of", hint: hint)
            return .limitPoint(n, flow: try name("a flow name", hint: hint), start)
        }
        let params = try parameterList()
        try expectSymbol(":", hint: example)
        var blocks: [BlockSyntax] = []
        repeat {
            if !blocks.isEmpty { _ = advance() }
            let at = current.location
            let block = try name("a parameter block name such as w1 or v", hint: "give each block as name = value, separated by ',': " + example)
            try expectSymbol("=", hint: "give each block as name = value: " + example)
            blocks.append(BlockSyntax(name: block, value: try expression(), location: at))
        } while current.isSymbol(",")
        return .point(n, parameters: params, blocks: blocks, start)
    }

    /// `(a, b)`, `[a, b]`, `(a, b]`, `[a, b)`.
    mutating func range() throws(Diagnostic) -> RangeSyntax {
        let at = current.location
        let hint = "( and ) exclude an end, [ and ] include it: (0, 1/9), [0, 1)"
        guard current.isSymbol("(") || current.isSymbol("[") else {
            throw error("expected a range such as (0, 1/9) or [0, 1), found \(current.display)", hint: hint)
        }
        let open = advance()
        let lowerClosed = open.isSymbol("[")
        let lower = try expression()
        try expectSymbol(",", hint: "separate the two ends by ',': (0, 1/9)")
        let upper = try expression()
        guard current.isSymbol(")") || current.isSymbol("]") else {
            throw error("expected ')' or ']' to close the range opened at \(open.location), found \(current.display)", hint: hint)
        }
        let upperClosed = advance().isSymbol("]")
        return RangeSyntax(lower: lower, upper: upper, lowerClosed: lowerClosed, upperClosed: upperClosed, location: at)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
