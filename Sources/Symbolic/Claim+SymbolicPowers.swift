extension Claim {
    /// The claim with every condition divided by the symbolic-power content of its difference
    /// (`Expr.dividedBySymbolicPowerContent`): the same truth at every point, with powers whose
    /// exponents depend on a parameter removed when each condition's summands share them —
    /// 2^(1 − 2/m)(2 − m)/m < 0 becomes 4/m − 2 < 0, 18·3^(4/k − 2) − 2·3^(4/k) = 0 becomes
    /// 0 = 0 — so that radical elimination and the cell decomposition apply.
    ///
    /// Sound: the content is positive wherever the difference is defined, so the quotient has
    /// the difference's sign there. The quotient may be defined where the difference is not
    /// (3^(1/k)·3^(−1/k) = 1 at k = 0), so the definedness conditions of the original
    /// conditions are kept as domain conditions. Returns the claim itself when no condition
    /// has such content.
    var withSymbolicPowerContentDividedOut: Claim {
        guard conditions.contains(where: { $0.difference.dividedBySymbolicPowerContent != nil }) else { return self }
        func divided(_ c: Comparison) -> Comparison {
            guard let (_, quotient) = c.difference.dividedBySymbolicPowerContent else { return c }
            return Comparison(quotient, c.relation, .zero)
        }
        var newDomain: [Comparison] = []
        for condition in conditions.flatMap({ $0.difference.definednessConditions }) + domain {
            let d = divided(condition)
            if !newDomain.contains(d) { newDomain.append(d) }
        }
        return Claim(comparisons.map(divided), domain: newDomain)
    }
}
