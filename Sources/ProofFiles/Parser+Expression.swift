extension ProofFileParser {
    /// Words that end an expression instead of multiplying it.
    static let keywords: Set<String> = ["for", "in", "expect", "with", "witness", "and", "is", "absolute", "relative"]

    /// expr := term (('+' | '-') term)*
    mutating func expression() throws(Diagnostic) -> ExprSyntax {
        var left = try term()
        while current.isSymbol("+") || current.isSymbol("-") {
            let op = advance()
            let right = try term()
            left = .binary(op.isSymbol("+") ? .add : .subtract, left, right, op.location)
        }
        return left
    }

    /// term := unary (('*' | '/') unary | unary)* — juxtaposition multiplies (`17/4 eps^2`).
    mutating func term() throws(Diagnostic) -> ExprSyntax {
        var left = try unary()
        while true {
            if current.isSymbol("*") || current.isSymbol("/") {
                let op = advance()
                left = .binary(op.isSymbol("*") ? .multiply : .divide, left, try unary(), op.location)
            } else if startsImplicitFactor, !left.isTuple {
                if case .number = current.kind, case .number = left {
                    throw error("two numbers in a row: expected an operator before \(current.display)",
                                hint: "write an operator between them, as in 2*3 or 2/3")
                }
                let at = current.location
                left = .binary(.multiply, left, try unary(), at)
            } else {
                return left
            }
        }
    }

    /// Whether the current token begins a factor multiplied by juxtaposition.
    var startsImplicitFactor: Bool {
        switch current.kind {
        case .number: return true
        case .identifier(let w): return !ProofFileParser.keywords.contains(w)
        case .symbol(let s): return s == "("   // `2 (1 + eps)`, `2(1 + eps)`; calls were read by primary()
        default: return false
        }
    }

    /// The deepest nesting of parentheses, calls, signs and powers in one expression: deeper
    /// input is an error rather than a stack overflow in the parser or in what follows it.
    static let deepestNesting = 256

    /// unary := '-' unary | '+' unary | power
    mutating func unary() throws(Diagnostic) -> ExprSyntax {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.deepestNesting else {
            throw error("the expression is nested more than \(Self.deepestNesting) levels deep",
                        hint: "define the inner parts first with let, e.g. let a = sqrt(1 + sqrt(2)), then use a")
        }
        if current.isSymbol("-") {
            let at = advance().location
            return .negate(try unary(), at)
        }
        if current.isSymbol("+") { _ = advance(); return try unary() }
        return try power()
    }

    /// power := postfix ('^' unary)?   (right-associative: 2^3^2 = 2^9)
    mutating func power() throws(Diagnostic) -> ExprSyntax {
        let base = try postfix()
        guard current.isSymbol("^") else { return base }
        let at = advance().location
        return .binary(.power, base, try unary(), at)
    }

    /// postfix := primary ('.' name | '[' expr ']')*, written without spaces (`p.w1[2]`).
    mutating func postfix() throws(Diagnostic) -> ExprSyntax {
        var e = try primary()
        while !current.spaceBefore {
            if current.isSymbol(".") {
                let at = advance().location
                e = .member(e, try name("a block name after '.'", hint: "write kkt.w1 for the block w1 of point kkt"), at)
            } else if current.isSymbol("[") {
                let open = advance()
                let k = try expression()
                try expectClosing("]", of: open, hint: "index a vector as v[1]")
                e = .index(e, k, open.location)
            } else {
                return e
            }
        }
        return e
    }

    /// What a value looks like, for hints.
    static let valueHint = "a value is a number, a name, a call such as sqrt(2) or a tuple such as (1, 1/4)"

    mutating func primary() throws(Diagnostic) -> ExprSyntax {
        let token = current
        switch token.kind {
        case .number(let text):
            _ = advance()
            return .number(text, token.location)
        case .identifier(let name):
            guard !ProofFileParser.keywords.contains(name) else {
                throw error("expected an expression, found the keyword \(token.display)", hint: Self.valueHint)
            }
            _ = advance()
            if current.isSymbol("(") && !current.spaceBefore {
                let open = advance()
                var args: [ExprSyntax] = []
                if !current.isSymbol(")") {
                    args.append(try expression())
                    while current.isSymbol(",") || current.isSymbol(";") {
                        _ = advance()
                        args.append(try expression())
                    }
                }
                try expectClosing(")", of: open, hint: "arguments are separated by ',' (or ';' after a point, as in Phi(p; x1))")
                return .call(name, args, token.location)
            }
            return .name(name, token.location)
        case .symbol("("), .symbol("["):
            let close = token.isSymbol("(") ? ")" : "]"
            _ = advance()
            var items = [try expression()]
            while current.isSymbol(",") {
                _ = advance()
                items.append(try expression())
            }
            try expectClosing(close, of: token, hint: "separate the entries by ',' and close every bracket: (1, 1/4), ((1, 0), (0, 1))")
            return items.count == 1 && close == ")" ? items[0] : .tuple(items, token.location)
        default:
            throw error("expected an expression, found \(token.display)", hint: Self.valueHint)
        }
    }
}
