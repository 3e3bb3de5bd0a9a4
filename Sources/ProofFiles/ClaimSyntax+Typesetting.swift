import Symbolic

extension ClaimSyntax {
    /// The claim as a sentence of words and formulas, as an appendix states it: a chain of
    /// comparisons as one formula, points and flows named as mathematics, the quantifier
    /// spelled out ("for all ε ∈ (0, 1/9)", "for all sufficiently small ε > 0").
    public var typeset: [TypesetPiece] { Self.pieces(of: assertion) + quantifierPieces }

    /// Parses a claim's text (`ClaimResult.text`, as written after `claim`) and typesets it;
    /// nil when the text is not a claim (then a renderer shows it verbatim).
    public static func typeset(text: String) -> [TypesetPiece]? {
        guard let file = try? ProofFileParser.parse("claim " + text + "\n"), file.statements.count == 1,
              case .claim(let claim) = file.statements[0] else { return nil }
        return claim.typeset
    }

    static func pieces(of assertion: AssertionSyntax) -> [TypesetPiece] {
        func name(_ s: String) -> TypesetPiece { .math(ExprSyntax.identifier(s)) }
        switch assertion {
        case .chain(let terms, let relations):
            var row = [terms[0].math]
            for (relation, term) in zip(relations, terms.dropFirst()) { row += [.operator(symbol(relation)), term.math] }
            return [.math(.row(row))]
        case .feasible(let p): return [name(p), .words(" is feasible")]
        case .kktPoint(let p, let multipliers):
            return [name(p), .words(" is a KKT point")]
                + (multipliers.map { [.words(" with "), .math(.row([.identifier("λ"), .operator("="), $0.math]))] } ?? [])
        case .localOptimum(let p): return [name(p), .words(" is a local optimum")]
        case .globalOptimum(let p): return [name(p), .words(" is a global optimum")]
        case .notLocalOptimum(let p, let w):
            return [name(p), .words(" is not a local optimum")] + (w.map { [.words(", witness "), name($0)] } ?? [])
        case .notGlobalOptimum(let p, let w): return [name(p), .words(" is not a global optimum, witness "), name(w)]
        case .flowConvergesInDirection(let flow, let target, let tolerance):
            return [.words("flow "), name(flow), .words(" converges in direction to "), name(target), .words(" within "), .math(tolerance.math)]
        case .flowMarginMonotone(let flow, let decreasing):
            return [.words("flow "), name(flow), .words(" has \(decreasing ? "decreasing" : "increasing") normalized margin")]
        case .flowReachesLoss(let flow, let bound):
            return [.words("flow "), name(flow), .words(" reaches "), .math(.row([.identifier("L"), .operator("<"), bound.math]))]
        case .experiment(let claim):
            return [.words("experiment "), name(claim.experiment)] + experimentPieces(claim)
        case .ofProblem(let inner, let problem):
            switch problem {
            case .l1Predictor: return pieces(of: inner) + [.words(" of the ℓ1 predictor problem")]
            case .perLayer(let layer, _): return pieces(of: inner) + [.words(" of the per-layer problem for layer \(layer)")]
            }
        }
    }

    var quantifierPieces: [TypesetPiece] {
        switch quantifier {
        case .none: return []
        case .forAll(let p, nil, _): return [.words(" for all "), .math(ExprSyntax.identifier(p))]
        case .forAll(let p, let range?, _):
            return [.words(" for all "), .math(Self.membership(p, range))]
        case let .forAllPair(first, second, _):
            return [.words(" for all "), .math(Self.quantified(first)), .words(", "), .math(Self.quantified(second))]
        case let .forAllIntegers(p, bound, _):
            return [.words(" for all integers "),
                    .math(.row([ExprSyntax.identifier(p), .operator(bound.isStrict ? ">" : "≥"), bound.value.math]))]
        case .forSmall(let p, _):
            return [.words(" for all sufficiently small "), .math(.row([ExprSyntax.identifier(p), .operator(">"), .number("0")]))]
        case let .forSmallWith(p, other, uniformly, _):
            let small = MathNode.row([ExprSyntax.identifier(p), .operator(">"), .number("0")])
            return uniformly
                ? [.words(" for all sufficiently small "), .math(small), .words(" uniformly in "), .math(Self.quantified(other))]
                : [.words(" for each "), .math(Self.quantified(other)), .words(" and all sufficiently small "), .math(small)]
        }
    }

    /// p ∈ (a, b), with the range's brackets.
    static func membership(_ p: String, _ range: RangeSyntax) -> MathNode {
        .row([ExprSyntax.identifier(p), .operator("∈"), interval(range)])
    }

    /// One parameter of a two-parameter quantifier: p ∈ (a, b), p ≥ c, or p.
    static func quantified(_ q: QuantifiedParameterSyntax) -> MathNode {
        if let range = q.range { return membership(q.name, range) }
        if let bound = q.bound {
            return .row([ExprSyntax.identifier(q.name), .operator(bound.isStrict ? ">" : "≥"), bound.value.math])
        }
        return ExprSyntax.identifier(q.name)
    }

    static func symbol(_ relation: Relation) -> String {
        switch relation {
        case .equal: "="
        case .notEqual: "≠"
        case .less: "<"
        case .lessOrEqual: "≤"
        case .greater: ">"
        case .greaterOrEqual: "≥"
        }
    }
}
