import Symbolic

/// The value of an expression in a proof file: a real number, a vector (data inputs, points,
/// blocks) or a matrix (matrix blocks), with entries that are expressions in the parameters.
public enum Value: Sendable {
    case scalar(Expr)
    case vector([Expr])
    case matrix([[Expr]])

    var kind: String {
        switch self {
        case .scalar: "a number"
        case .vector(let v): "a vector of length \(v.count)"
        case .matrix(let m): "a \(m.count)×\(m.first?.count ?? 0) matrix"
        }
    }

    /// The entries, row by row.
    var entries: [Expr] {
        switch self {
        case .scalar(let e): [e]
        case .vector(let v): v
        case .matrix(let m): m.flatMap { $0 }
        }
    }

    /// Applies `f` to every entry, keeping the shape.
    func map(_ f: (Expr) throws(Diagnostic) -> Expr) throws(Diagnostic) -> Value {
        switch self {
        case .scalar(let e): .scalar(try f(e))
        case .vector(let v): .vector(try v.map { (x: Expr) throws(Diagnostic) -> Expr in try f(x) })
        case .matrix(let m): .matrix(try m.map { (row: [Expr]) throws(Diagnostic) -> [Expr] in
            try row.map { (x: Expr) throws(Diagnostic) -> Expr in try f(x) } })
        }
    }
}
