import Exact
import Symbolic

extension Elaborator {
    /// The region of `for all a …, b …`: a in its written range, half-line or declared range
    /// (constant ends); b likewise, its ends expressions that may mention a. Both must be
    /// declared real parameters.
    func region(_ first: QuantifiedParameterSyntax, _ second: QuantifiedParameterSyntax) throws(Diagnostic) -> ParameterRegion {
        for p in [first, second] where document.ranges[p.name] == nil {
            throw Diagnostic("'\(p.name)' is not a declared real parameter", at: p.location,
                             hint: "declare it: parameter \(p.name) in (0, 1)")
        }
        guard first.name != second.name else {
            throw Diagnostic("'\(first.name)' is quantified twice", at: second.location, hint: "write two different parameters: for all a, eps")
        }
        let outer: ParameterRange
        if let range = first.range {
            outer = try parameterRange(first.name, range)
        } else if let bound = first.bound {
            outer = ParameterRange(first.name, lower: .init(try end(bound.value, mentioning: nil).constantValue!, closed: !bound.isStrict), upper: nil)
        } else {
            outer = document.ranges[first.name]!
        }
        let fibre: ParameterRegion.Fibre
        if let range = second.range {
            fibre = .init(second.name, lower: .init(try end(range.lower, mentioning: first.name), closed: range.lowerClosed),
                          upper: .init(try end(range.upper, mentioning: first.name), closed: range.upperClosed))
        } else if let bound = second.bound {
            fibre = .init(second.name, lower: .init(try end(bound.value, mentioning: first.name), closed: !bound.isStrict), upper: nil)
        } else {
            let declared = document.ranges[second.name]!
            fibre = .init(second.name, lower: declared.lower.map { .init(.constant($0.value), closed: $0.closed) },
                          upper: declared.upper.map { .init(.constant($0.value), closed: $0.closed) })
        }
        return ParameterRegion(outer, fibre: fibre)
    }

    /// An end of a region's range: algebraic, constant or (when `outer` is given) in `outer`.
    private func end(_ syntax: ExprSyntax, mentioning outer: String?) throws(Diagnostic) -> Expr {
        var builder = ExprBuilder()
        let allowed = outer.map { "a constant or an algebraic expression in \($0)" } ?? "an exact algebraic number"
        guard case .scalar(let e) = try value(syntax, &builder), !e.isTranscendental,
              e.parameters.subtracting(outer.map { [$0] } ?? []).isEmpty, outer != nil || e.constantValue != nil else {
            throw Diagnostic("a range end must be \(allowed)", at: syntax.location,
                             hint: "for all a in (0, 1/2), eps in (0, a/4); for all a >= 2, b >= 1")
        }
        return e
    }
}
