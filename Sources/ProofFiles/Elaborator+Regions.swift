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
        let outer = try outerRange(first)
        let fibre: ParameterRegion.Fibre
        if let range = second.range {
            fibre = .init(second.name, lower: .init(try end(range.lower, mentioning: first.name), closed: range.lowerClosed),
                          upper: .init(try end(range.upper, mentioning: first.name), closed: range.upperClosed))
        } else if let bound = second.bound {
            fibre = .init(second.name, lower: .init(try end(bound.value, mentioning: first.name), closed: !bound.isStrict), upper: nil)
        } else if let (outer, dependent) = document.dependentRanges[second.name] {
            guard outer == first.name else {
                throw Diagnostic("the range of '\(second.name)' depends on '\(outer)'", at: second.location,
                                 hint: "quantify them together: for all \(outer), \(second.name)")
            }
            fibre = dependent
        } else {
            let declared = document.ranges[second.name]!
            fibre = .init(second.name, lower: declared.lower.map { .init(.constant($0.value), closed: $0.closed) },
                          upper: declared.upper.map { .init(.constant($0.value), closed: $0.closed) })
        }
        return ParameterRegion(outer, fibre: fibre)
    }

    /// The half-line `name >= value` (`name > value`) of a real parameter; the value is constant.
    func halfLine(_ name: String, _ bound: IntegerBoundSyntax) throws(Diagnostic) -> ParameterRange {
        ParameterRange(name, lower: .init(try end(bound.value, mentioning: nil).constantValue!, closed: !bound.isStrict), upper: nil)
    }

    /// The range of a declared real parameter written `a in (l, u)`, `a >= c` or `a` (its
    /// declared range, which must not depend on another parameter).
    func outerRange(_ first: QuantifiedParameterSyntax) throws(Diagnostic) -> ParameterRange {
        if let range = first.range { return try parameterRange(first.name, range) }
        if let bound = first.bound { return try halfLine(first.name, bound) }
        try checkIndependent(first.name, first.location)
        return document.ranges[first.name]!
    }

    /// A declared range whose ends mention one earlier real parameter (with constant range),
    /// or nil when its ends are constants.
    func dependentRange(_ name: String, _ range: RangeSyntax) throws(Diagnostic) -> (String, ParameterRegion.Fibre)? {
        var builder = ExprBuilder()
        var mentioned: Set<String> = []
        for e in [range.lower, range.upper] {
            if case .scalar(let x) = try value(e, &builder) { mentioned.formUnion(x.parameters) }
        }
        guard let outer = mentioned.sorted().first else { return nil }
        guard mentioned.count == 1, document.ranges[outer] != nil, document.dependentRanges[outer] == nil else {
            throw Diagnostic("a range may depend on one earlier real parameter with a constant range", at: range.location,
                             hint: "parameter a in (0, 1/2), then parameter eps in (0, a/4)")
        }
        return (outer, .init(name, lower: .init(try end(range.lower, mentioning: outer), closed: range.lowerClosed),
                             upper: .init(try end(range.upper, mentioning: outer), closed: range.upperClosed)))
    }

    /// Throws when `name`'s declared range depends on another parameter (it has no range alone).
    func checkIndependent(_ name: String, _ at: SourceLocation) throws(Diagnostic) {
        if let (outer, _) = document.dependentRanges[name] {
            throw Diagnostic("the range of '\(name)' depends on '\(outer)'", at: at,
                             hint: "quantify them together: for all \(outer), \(name)")
        }
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
