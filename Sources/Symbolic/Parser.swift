import Exact

/// A syntax error in user input: a message and the 1-based column where it was found.
public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public let column: Int
    public let message: String

    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    public var description: String { "column \(column): \(message)" }
}

/// What a line of input says: an expression, or a claim (comparisons joined by `and`).
public enum Statement: Sendable {
    case expression(Expr, domain: [Comparison])
    case claim(Claim)
}

/// Reads expressions and claims.
///
/// Grammar (whitespace is free; no implicit multiplication):
/// ```
/// claim      := comparison ("and" comparison)*
/// comparison := sum (relation sum)*         a < b <= c means a < b and b <= c
/// relation   := "=" | "==" | "!=" | "<" | "<=" | ">" | ">="
/// sum        := product (("+" | "-") product)*
/// product    := unary (("*" | "/") unary)*
/// unary      := ("-" | "+") unary | power
/// power      := atom ("^" unary)?           right-associative: 2^3^2 = 2^9
/// atom       := number | name | name "(" sum ("," sum)* ")" | "(" sum ")"
/// ```
/// Numbers are exact: `0.99` is 99/100, `1e-3` is 1/1000. Functions: `sqrt(x)`, `root(x, k)`
/// (real k-th root, k a positive integer), `exp`, `log` (natural; also `ln`), `relu`,
/// `lrelu(x, alpha)` (alpha a rational constant), `abs`, `max(a, b, …)`, `min(a, b, …)`.
/// Names are the caller's parameters; `e` is Euler's number unless it is a parameter name.
public struct Parser {
    private let text: [Character]
    private let parameters: Set<String>
    private var position = 0
    /// How deeply `unary` calls are nested: every nesting (parentheses, signs, powers, call
    /// arguments) passes through it, so bounding it bounds the recursion.
    private var depth = 0
    /// The deepest nesting read; deeper input is an error, not a stack overflow.
    static let deepestNesting = 256
    /// Applies operators and functions and records definedness conditions.
    private var builder = ExprBuilder()
    private var domain: [Comparison] { builder.domain }

    private init(_ text: String, parameters: Set<String>) {
        self.text = Array(text)
        self.parameters = parameters
    }

    /// Parses an expression or a claim.
    public static func statement(_ text: String, parameters: Set<String> = []) throws(ParseError) -> Statement {
        var parser = Parser(text, parameters: parameters)
        let comparisons = try parser.claim()
        if comparisons.count == 1, case .expression(let e) = comparisons[0] {
            return .expression(e, domain: parser.domain)
        }
        return .claim(Claim(try comparisons.map(parser.comparison), domain: parser.domain))
    }

    /// Parses an expression (no relation allowed).
    public static func expression(_ text: String, parameters: Set<String> = []) throws(ParseError) -> (Expr, domain: [Comparison]) {
        switch try statement(text, parameters: parameters) {
        case .expression(let e, let domain): return (e, domain)
        case .claim: throw ParseError(column: 1, message: "expected an expression, found a comparison")
        }
    }

    /// Parses a claim (at least one relation).
    public static func claim(_ text: String, parameters: Set<String> = []) throws(ParseError) -> Claim {
        switch try statement(text, parameters: parameters) {
        case .claim(let c): return c
        case .expression: throw ParseError(column: text.count + 1, message: "expected a comparison (=, !=, <, <=, >, >=)")
        }
    }

    // MARK: Grammar

    private enum Part { case expression(Expr), comparison(Comparison) }

    private func comparison(_ part: Part) throws(ParseError) -> Comparison {
        switch part {
        case .comparison(let c): return c
        case .expression: throw ParseError(column: text.count + 1, message: "expected a comparison in a conjunction")
        }
    }

    private mutating func claim() throws(ParseError) -> [Part] {
        var parts = try chain()
        while skipWord("and") { parts += try chain() }
        skipSpaces()
        if position < text.count { throw error("unexpected '\(text[position])'") }
        return parts
    }

    private mutating func chain() throws(ParseError) -> [Part] {
        var lhs = try sum()
        var parts: [Part] = []
        while let relation = readRelation() {
            let rhs = try sum()
            parts.append(.comparison(Comparison(lhs, relation, rhs)))
            lhs = rhs
        }
        return parts.isEmpty ? [.expression(lhs)] : parts
    }

    private mutating func readRelation() -> Relation? {
        skipSpaces()
        for (token, relation) in [("<=", Relation.lessOrEqual), (">=", .greaterOrEqual), ("!=", .notEqual),
                                  ("==", .equal), ("<", .less), (">", .greater), ("=", .equal)] where skip(token) {
            return relation
        }
        return nil
    }

    private mutating func sum() throws(ParseError) -> Expr {
        var terms = [try product()]
        while true {
            if skip("+") { terms.append(try product()) } else if skip("-") { terms.append(-(try product())) } else { break }
        }
        return Expr.sum(terms)
    }

    private mutating func product() throws(ParseError) -> Expr {
        var result = try unary()
        while true {
            if skip("*") {
                result = result * (try unary())
            } else if peek("/") {
                let column = position + 1
                _ = skip("/")
                let divisor = try unary()
                do {
                    result = try builder.divide(result, by: divisor)
                } catch {
                    throw ParseError(column: column, message: error.message)
                }
            } else {
                return result
            }
        }
    }

    private mutating func unary() throws(ParseError) -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.deepestNesting {
            throw error("the expression is nested more than \(Self.deepestNesting) levels deep")
        }
        if skip("-") { return -(try unary()) }
        if skip("+") { return try unary() }
        let base = try atom()
        guard skip("^") else { return base }
        let exponent = try unary()
        return builder.power(base, exponent)
    }

    private mutating func atom() throws(ParseError) -> Expr {
        skipSpaces()
        guard position < text.count else { throw error("unexpected end of input") }
        let c = text[position]
        if c == "(" {
            position += 1
            let inner = try sum()
            try expect(")")
            return inner
        }
        if c.isNumber || c == "." { return try number() }
        if c.isLetter || c == "_" { return try named() }
        throw error("unexpected '\(c)'")
    }

    private mutating func number() throws(ParseError) -> Expr {
        let start = position
        while position < text.count, text[position].isNumber || text[position] == "." { position += 1 }
        if position + 1 < text.count, text[position] == "e" || text[position] == "E" {
            var end = position + 1
            if end < text.count, text[end] == "-" || text[end] == "+" { end += 1 }
            if end < text.count, text[end].isNumber {
                position = end
                while position < text.count, text[position].isNumber { position += 1 }
            }
        }
        guard let q = Rational(parsing: String(text[start..<position])) else {
            throw ParseError(column: start + 1, message: "malformed number '\(String(text[start..<position]))'")
        }
        return Expr(q)
    }

    private mutating func named() throws(ParseError) -> Expr {
        let start = position
        while position < text.count, text[position].isLetter || text[position].isNumber
            || text[position] == "_" || text[position] == "'" { position += 1 }
        let name = String(text[start..<position])
        if parameters.contains(name) { return .parameter(name) }
        skipSpaces()
        guard peek("(") else {
            if name == "e" { return .euler }
            throw ParseError(column: start + 1, message: "unknown name '\(name)'")
        }
        _ = skip("(")
        var args = [try sum()]
        var argumentColumns = [start + name.count + 2]
        while skip(",") {
            skipSpaces()
            argumentColumns.append(position + 1)
            args.append(try sum())
        }
        try expect(")")
        return try call(name, args, column: start + 1, argumentColumns: argumentColumns)
    }

    private mutating func call(_ name: String, _ args: [Expr], column: Int, argumentColumns: [Int]) throws(ParseError) -> Expr {
        do {
            return try builder.call(name, args)
        } catch {
            throw ParseError(column: error.argument.map { argumentColumns[$0] } ?? column, message: error.message)
        }
    }

    // MARK: Tokens

    private func error(_ message: String) -> ParseError { ParseError(column: position + 1, message: message) }

    private mutating func skipSpaces() {
        while position < text.count, text[position].isWhitespace { position += 1 }
    }

    private mutating func peek(_ token: String) -> Bool {
        skipSpaces()
        return text[position...].starts(with: token)
    }

    private mutating func skip(_ token: String) -> Bool {
        guard peek(token) else { return false }
        position += token.count
        return true
    }

    private mutating func skipWord(_ word: String) -> Bool {
        guard peek(word) else { return false }
        let end = position + word.count
        if end < text.count, text[end].isLetter || text[end].isNumber || text[end] == "_" { return false }
        position = end
        return true
    }

    private mutating func expect(_ token: String) throws(ParseError) {
        if !skip(token) {
            throw error(position < text.count ? "expected '\(token)', found '\(text[position])'" : "expected '\(token)' at end of input")
        }
    }
}
