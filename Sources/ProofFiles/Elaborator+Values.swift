import Exact
import Networks
import Symbolic

extension Elaborator {
    /// Functions of vectors and points (docs/proof-format.md).
    static let pointFunctions: Set<String> = ["norm", "dot", "Phi", "margin", "gamma", "loss", "frobenius", "spectral", "srank"]

    /// The exact value of a number literal as the lexer reads it (digits, '.', an exponent).
    static func literal(_ text: String, at: SourceLocation) throws(Diagnostic) -> Rational {
        if let q = Rational(parsing: text) { return q }
        if text.filter({ $0 == "." }).count > 1 {
            throw Diagnostic("malformed number '\(text)': a number has at most one '.'", at: at, hint: "write a decimal such as 0.25, or a fraction such as 1/4")
        }
        throw Diagnostic("malformed number '\(text)': its decimal exponent or its digits after '.' are too many", at: at,
                         hint: "decimal exponents go up to \(Rational.maximumDecimalExponent); write a huge or tiny number as a power, e.g. 10^(-6)")
    }

    /// The value of `e`; definedness conditions go to `builder`. `locals` are the parameters
    /// of the definition being expanded.
    func value(_ e: ExprSyntax, _ builder: inout ExprBuilder, locals: [String: Expr] = [:]) throws(Diagnostic) -> Value {
        switch e {
        case let .number(text, at):
            return .scalar(Expr(try Self.literal(text, at: at)))
        case let .name(name, at):
            return try resolve(name, at: at, &builder, locals: locals)
        case let .negate(x, _):
            return try value(x, &builder, locals: locals).map { -$0 }
        case .binary(.add, _, _, _), .binary(.subtract, _, _, _):
            return try chain(e, isSum: true, &builder, locals: locals)
        case .binary(.multiply, _, _, _):
            return try chain(e, isSum: false, &builder, locals: locals)
        case let .binary(op, l, r, at):
            return try binary(op, try value(l, &builder, locals: locals), try value(r, &builder, locals: locals),
                              at: at, &builder)
        case let .tuple(items, at):
            let values = try items.map { (item: ExprSyntax) throws(Diagnostic) -> Value in try value(item, &builder, locals: locals) }
            if values.allSatisfy({ if case .scalar = $0 { true } else { false } }) { return .vector(values.map { $0.entries[0] }) }
            let rows = values.compactMap { (v: Value) -> [Expr]? in if case .vector(let r) = v { r } else { nil } }
            let example = "write a vector as (1, 2) and a matrix as ((1, 0), (0, 1))"
            guard rows.count == values.count else {
                let kinds = values.map(\.kind)
                throw Diagnostic("a tuple holds numbers or the rows of a matrix, not " + Set(kinds).sorted().joined(separator: " and "), at: at, hint: example)
            }
            guard Set(rows.map(\.count)).count == 1 else {
                throw Diagnostic("a matrix needs rows of equal length; got " + rows.map { String($0.count) }.joined(separator: ", "), at: at,
                                 hint: "give every row the same number of entries: ((1, 0), (0, 1))")
            }
            return .matrix(rows)
        case let .member(base, block, at):
            guard case .name(let name, _) = base, let point = document.points[name] else {
                throw Diagnostic("only a point has blocks", at: at, hint: "write kkt.w1 for the block w1 of point kkt")
            }
            builder.include(point.domain)
            return try self.block(block, of: point.theta, at: at)
        case let .index(base, index, at):
            let v = try value(base, &builder, locals: locals)
            guard case .scalar(let k) = try value(index, &builder, locals: locals), let q = k.rationalValue, q.isInteger,
                  let i = q.numerator.intValue else {
                throw Diagnostic("an index must be a whole number", at: index.location, hint: "entries count from 1: v[1] is the first")
            }
            switch v {
            case .vector(let entries):
                guard (1 ... entries.count).contains(i) else {
                    throw Diagnostic("index \(i) is outside 1…\(entries.count)", at: index.location,
                                     hint: "the vector has \(entries.count) entries, counted from 1")
                }
                return .scalar(entries[i - 1])
            case .matrix(let rows):
                guard (1 ... rows.count).contains(i) else {
                    throw Diagnostic("row \(i) is outside 1…\(rows.count)", at: index.location,
                                     hint: "the matrix has \(rows.count) rows, counted from 1; m[i][j] is entry j of row i")
                }
                return .vector(rows[i - 1])
            case .scalar:
                throw Diagnostic("cannot index a number", at: at, hint: "index a vector or a matrix: x1[1], kkt.w1[2]")
            }
        case let .call(name, args, at):
            return try call(name, args, at: at, &builder, locals: locals)
        }
    }

    /// A name: a local, a parameter, a definition, a point, a data input or label, or e.
    func resolve(_ name: String, at: SourceLocation, _ builder: inout ExprBuilder, locals: [String: Expr]) throws(Diagnostic) -> Value {
        if let local = locals[name] { return .scalar(local) }
        if document.ranges[name] != nil || document.integerRanges[name] != nil { return .scalar(.parameter(name)) }
        if let d = definitions[name] {
            guard let v = d.value else {
                throw Diagnostic("'\(name)' takes \(d.parameters.count) argument(s)", at: at,
                                 hint: "write \(name)(…) with one number per parameter (\(d.parameters.joined(separator: ", ")))")
            }
            builder.include(d.domain)
            return v
        }
        if let p = document.points[name] {
            builder.include(p.domain)
            return .vector(p.theta)
        }
        if let example = document.examples.first(where: { $0.name == name }) { return .vector(example.x) }
        if let example = document.examples.first(where: { $0.labelName == name }) {
            return example.y.count == 1 ? .scalar(example.y[0]) : .vector(example.y)
        }
        if name == "e" { return .scalar(.euler) }
        throw Diagnostic("unknown name '\(name)'", at: at,
                         hint: "define it before use (let, parameter, data or point), or check the spelling")
    }

    /// The block `name` of θ: a vector, or a matrix for a matrix block.
    func block(_ name: String, of theta: [Expr], at: SourceLocation) throws(Diagnostic) -> Value {
        guard let network = document.network, let b = network.block(name) else {
            throw Diagnostic("the network has no block '\(name)'", at: at,
                             hint: document.network.map { "its blocks are " + $0.blocks.map(\.name).joined(separator: ", ") }
                                ?? "declare the network first: " + NetworkSpec.example)
        }
        let entries = Array(theta[b.range])
        guard b.shape.rows > 1 else { return .vector(entries) }
        return .matrix((0 ..< b.shape.rows).map { r in Array(entries[r * b.shape.columns ..< (r + 1) * b.shape.columns]) })
    }

    /// The value of a chain `a ± b ± c …` or `a * b * c …`. The operands are evaluated left to
    /// right without recursing down the chain (a file may hold a sum of 10⁵ terms), and a run of
    /// scalars is combined in one `Expr.sum` or `Expr.product` (combining them one by one would
    /// rebuild the sum each time).
    func chain(_ chain: ExprSyntax, isSum: Bool, _ builder: inout ExprBuilder, locals: [String: Expr]) throws(Diagnostic) -> Value {
        var operands: [(ExprSyntax.BinaryOperator, ExprSyntax, SourceLocation)] = []
        var first = chain
        while case let .binary(op, l, r, at) = first, isSum ? op == .add || op == .subtract : op == .multiply {
            operands.append((op, r, at))
            first = l
        }
        var total = try value(first, &builder, locals: locals)
        var scalars: [Expr] = []
        func flushed() -> Value {
            guard case .scalar(let x) = total, !scalars.isEmpty else { return total }
            defer { scalars = [] }
            return .scalar(isSum ? Expr.sum([x] + scalars) : Expr.product([x] + scalars))
        }
        for (op, operand, at) in operands.reversed() {
            let v = try value(operand, &builder, locals: locals)
            if case .scalar = total, case .scalar(let y) = v {
                scalars.append(op == .subtract ? -y : y)
            } else {
                total = try binary(op, flushed(), v, at: at, &builder)
            }
        }
        return flushed()
    }

    func binary(_ op: ExprSyntax.BinaryOperator, _ a: Value, _ b: Value, at: SourceLocation,
                _ builder: inout ExprBuilder) throws(Diagnostic) -> Value {
        func mismatch() -> Diagnostic {
            let hint = switch op {
            case .add, .subtract: "'\(op.rawValue)' combines two numbers, or two vectors of the same length"
            case .multiply: "'*' multiplies numbers or scales a vector by a number; use dot(u, v) for two vectors"
            case .divide: "'/' divides a number or a vector by a number"
            case .power: "'^' raises a number to a number; use norm(v)^2 for a vector"
            }
            return Diagnostic("cannot apply '\(op.rawValue)' to \(a.kind) and \(b.kind)", at: at, hint: hint)
        }
        func divisionByZero() -> Diagnostic {
            Diagnostic("division by zero", at: at, hint: "the divisor is exactly 0; divide by a nonzero number")
        }
        switch (op, a, b) {
        case let (_, .scalar(x), .scalar(y)):
            switch op {
            case .add: return .scalar(x + y)
            case .subtract: return .scalar(x - y)
            case .multiply: return .scalar(x * y)
            case .divide:
                do { return .scalar(try builder.divide(x, by: y)) } catch { throw divisionByZero() }
            case .power: return .scalar(builder.power(x, y))
            }
        case (.add, .vector(let u), .vector(let v)), (.subtract, .vector(let u), .vector(let v)):
            guard u.count == v.count else {
                throw Diagnostic("'\(op.rawValue)' needs two vectors of the same length; got \(u.count) and \(v.count)", at: at,
                                 hint: "combine vectors entry by entry: both need the same number of entries")
            }
            return .vector(zip(u, v).map { op == .add ? $0 + $1 : $0 - $1 })
        case (.multiply, .scalar(let s), .vector(let v)), (.multiply, .vector(let v), .scalar(let s)):
            return .vector(v.map { s * $0 })
        case (.divide, .vector(let v), .scalar(let s)):
            do {
                let inverse = try builder.divide(.one, by: s)
                return .vector(v.map { $0 * inverse })
            } catch { throw divisionByZero() }
        default:
            throw mismatch()
        }
    }
}
