import Symbolic

extension ProofFileParser {
    /// What can be said about a point, for hints.
    static let pointClaimsHint = "say 'is feasible', 'is a KKT point', 'is (not) a local optimum' or 'is (not) a global optimum'"

    /// The quantifiers, for hints.
    static let quantifierHint = "write 'for all eps', 'for all eps in (a, b)', 'for small eps', 'for all a, eps' or, for an integer, 'for all m >= 4'"

    /// `claim [label] <assertion> [for all eps [in (a, b)] | for small eps] [expect refuted | expect undecided]`.
    mutating func claim(_ start: SourceLocation) throws(Diagnostic) -> ClaimSyntax {
        var label: String?
        if current.isSymbol("[") {
            let open = advance().location
            let labelStart = current.location
            while !current.isSymbol("]") {
                guard current.kind != .newline && current.kind != .end else {
                    throw Diagnostic("expected ']' to close the claim label on this line", at: open,
                                     hint: "write labels as [C.3, eq. 14]")
                }
                _ = advance()
            }
            label = text(from: labelStart)
            _ = advance()
        }
        let textStart = current.location
        let assertion = try assertion()
        let quantifier = try quantifier()
        let claimText = text(from: textStart)
        var expectRefuted = false, expectUndecided = false
        if current.isWord("expect") {
            _ = advance()
            if current.isWord("undecided") {
                _ = advance()
                expectUndecided = true
            } else {
                try expectWord("refuted", hint: "a printed statement known to be false is marked 'expect refuted'; a claim the tool cannot decide yet 'expect undecided'")
                expectRefuted = true
            }
        }
        var claim = ClaimSyntax(label: label, assertion: assertion, quantifier: quantifier,
                                expectRefuted: expectRefuted, location: start, text: claimText)
        claim.expectUndecided = expectUndecided
        return claim
    }

    mutating func assertion() throws(Diagnostic) -> AssertionSyntax {
        if let experimentClaim = try experimentAssertion() { return experimentClaim }
        if let flowClaim = try flowAssertion() { return flowClaim }
        if let point = current.identifier, next.isWord("is") {
            _ = advance(); _ = advance()
            let negated = current.isWord("not")
            if negated { _ = advance() }
            if current.isWord("feasible") && !negated {
                _ = advance()
                return AssertionSyntax.feasible(point: point).about(try problemReference(preposition: "for"))
            }
            if current.isWord("a") || current.isWord("an") { _ = advance() }
            let kindAt = current.location
            let kind = try name("'feasible', 'a KKT point', 'a local optimum' or 'a global optimum'", hint: Self.pointClaimsHint)
            switch (kind, negated) {
            case ("KKT", false):
                try expectWord("point", hint: "claim \(point) is a KKT point")
                let problem = try problemReference(preposition: "of")
                var multipliers: ExprSyntax?
                if current.isWord("with") {
                    _ = advance()
                    try expectWord("lambda", hint: "write the printed multipliers as: with lambda = (2, 2)")
                    try expectSymbol("=", hint: "write the printed multipliers as: with lambda = (2, 2)")
                    multipliers = try expression()
                }
                return AssertionSyntax.kktPoint(point: point, multipliers: multipliers).about(problem)
            case ("local", _), ("global", _):
                try expectWord("optimum", hint: "claim \(point) is a \(kind) optimum")
                let problem = try problemReference(preposition: "of")
                guard negated else {
                    return (kind == "local" ? AssertionSyntax.localOptimum(point: point) : .globalOptimum(point: point)).about(problem)
                }
                if kind == "local" && !current.isSymbol(",") && !current.isWord("witness") {
                    return AssertionSyntax.notLocalOptimum(point: point, witness: nil).about(problem)
                }
                if current.isSymbol(",") { _ = advance() }
                try expectWord("witness", hint: "name the point that shows it, e.g. 'is not a \(kind) optimum, witness p'\(kind == "local" ? ", or leave the witness out and the tool searches for one" : "")")
                let witness = try name("the witness point's name", hint: "name the point that shows it, e.g. 'is not a \(kind) optimum, witness p'")
                return (kind == "local" ? AssertionSyntax.notLocalOptimum(point: point, witness: witness)
                                        : .notGlobalOptimum(point: point, witness: witness)).about(problem)
            default:
                throw Diagnostic("unknown claim about a point: '\(negated ? "not " : "")\(kind)'", at: kindAt, hint: Self.pointClaimsHint)
            }
        }
        let written = try chain()
        guard !written.relations.isEmpty else {
            throw error("expected a comparison (=, !=, <, <=, >, >=) in the claim, found \(current.display)",
                        hint: "compare two values, as in 'claim norm(kkt) <= 2', or say what a point is: 'claim kkt is feasible'")
        }
        return .chain(written.terms, written.relations)
    }

    mutating func quantifier() throws(Diagnostic) -> QuantifierSyntax {
        guard current.isWord("for") else { return .none }
        let at = advance().location
        if current.isWord("small") {
            _ = advance()
            return try smallQuantifier(at)
        }
        try expectWord("all", hint: Self.quantifierHint)
        let first = try quantifiedParameter()
        if current.isSymbol(",") {
            _ = advance()
            return .forAllPair(first, try quantifiedParameter(), at)
        }
        if let bound = first.bound { return .forAllIntegers(first.name, bound, at) }
        return .forAll(first.name, first.range, at)
    }

    /// What follows `for small` (also the text of `--small`): `eps`, `eps, each a in A` (ε₀
    /// may depend on a) or `eps uniformly in a in A` (one ε₀ for every a).
    mutating func smallQuantifier(_ at: SourceLocation) throws(Diagnostic) -> QuantifierSyntax {
        let eps = try name("the parameter name", hint: Self.quantifierHint)
        if current.isSymbol(",") {
            _ = advance()
            try expectWord("each", hint: "for small eps, each a in (0, 1) (ε₀ may depend on a)")
            return .forSmallWith(eps, try quantifiedParameter(), uniformly: false, at)
        }
        if current.isWord("uniformly") {
            _ = advance()
            try expectWord("in", hint: "for small eps uniformly in a in (0, 1) (one ε₀ for every a)")
            return .forSmallWith(eps, try quantifiedParameter(), uniformly: true, at)
        }
        return .forSmall(eps, at)
    }

    /// `name`, `name in (a, b)` or `name >= value` (also `>`).
    mutating func quantifiedParameter() throws(Diagnostic) -> QuantifiedParameterSyntax {
        let at = current.location
        let parameter = try name("the parameter name", hint: Self.quantifierHint)
        if current.isSymbol(">=") || current.isSymbol(">") {
            return QuantifiedParameterSyntax(name: parameter, range: nil, bound: try integerBound(hint: "for all m >= 4"), location: at)
        }
        guard current.isWord("in") else { return QuantifiedParameterSyntax(name: parameter, range: nil, bound: nil, location: at) }
        _ = advance()
        return QuantifiedParameterSyntax(name: parameter, range: try range(), bound: nil, location: at)
    }

    /// `>= value` or `> value`.
    mutating func integerBound(hint: String) throws(Diagnostic) -> IntegerBoundSyntax {
        let strict = current.isSymbol(">")
        guard strict || current.isSymbol(">=") else { throw error("expected '>=' or '>', found \(current.display)", hint: hint) }
        _ = advance()
        return IntegerBoundSyntax(value: try expression(), isStrict: strict)
    }
}
