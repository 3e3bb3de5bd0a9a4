import Symbolic

extension Elaborator {
    /// An elaborator whose only names are the real parameters `parameters` (with no range).
    init(parameters: some Sequence<String>) {
        self.init()
        for p in parameters { document.ranges[p] = ParameterRange(p, lower: nil, upper: nil) }
    }

    /// The value of `e`, which must be a number.
    func scalar(_ e: ExprSyntax, _ builder: inout ExprBuilder) throws(Diagnostic) -> Expr {
        let v = try value(e, &builder)
        guard case .scalar(let x) = v else {
            throw Diagnostic("expected a number, found \(v.kind)", at: e.location, hint: "write a number; vectors may only be compared by '='")
        }
        return x
    }
}
