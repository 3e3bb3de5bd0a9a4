extension ExprSyntax {
    /// The expression fully parenthesised, without locations: `((2*eps)+1)`. Shows a tree's
    /// shape in reports and tests.
    public var parenthesized: String {
        switch self {
        case .number(let s, _): s
        case .name(let s, _): s
        case .call(let f, let args, _): "\(f)(\(args.map(\.parenthesized).joined(separator: ",")))"
        case .negate(let e, _): "-(\(e.parenthesized))"
        case .binary(let op, let l, let r, _): "(\(l.parenthesized)\(op.rawValue)\(r.parenthesized))"
        case .tuple(let items, _): "[\(items.map(\.parenthesized).joined(separator: ","))]"
        case .member(let e, let m, _): "\(e.parenthesized).\(m)"
        case .index(let e, let k, _): "\(e.parenthesized)[\(k.parenthesized)]"
        }
    }
}
