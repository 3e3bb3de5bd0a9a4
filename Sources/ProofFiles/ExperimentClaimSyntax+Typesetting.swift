extension ClaimSyntax {
    /// What a claim about an experiment says of its runs, as words and formulas.
    static func experimentPieces(_ claim: ExperimentClaimSyntax) -> [TypesetPiece] {
        func loss(_ bound: ExprSyntax) -> TypesetPiece { .math(.row([ExprSyntax.identifier("L"), .operator("<"), bound.math])) }
        let filter: [TypesetPiece] = claim.whereLossBelow.map { [.words(" where "), loss($0)] } ?? []
        switch claim.measure {
        case let .runsReachingLoss(bound, count, total):
            return [.words(" reaches "), loss(bound), .words(" in \(count.description) of \(total) runs")]
        case let .stableRanks(layer, range):
            let subject = layer.map { " has the stable rank of layer \($0) in " } ?? " has stable ranks in "
            return [.words(subject), .math(interval(range))] + filter
        case .normalizedMargin(let range):
            return [.words(" has normalized margin "), .math(membership("γ", range))] + filter
        case .limitGroups(let count):
            return [.words(" has \(count.description) limit groups")] + filter
        }
    }

    /// (a, b), [a, b], … as written.
    static func interval(_ range: RangeSyntax) -> MathNode {
        .fenced(range.lowerClosed ? "[" : "(", ExprSyntax.list([range.lower.math, range.upper.math]), range.upperClosed ? "]" : ")")
    }
}
