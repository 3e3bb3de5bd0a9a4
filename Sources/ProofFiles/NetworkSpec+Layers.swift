import Exact
import Networks

/// The layer-by-layer form of a `network` statement, written as an appendix writes the
/// network, with the shape or the pattern of every weight after `with`:
///
///     network Phi(x) = W3 relu(W2 lrelu(W1 x + b1, 1/10) + b2)
///       with W1: 2 x 2, W2: 2 x 2, W3: 1 x 2
///     network f(x) = v relu(W x)
///       with W = ((a, b), (b, a), (c, 0)), v: 3
///
/// The body is read with the expression grammar and then as layers, from the input outward:
/// the input name (`x`) is h₀; `σ(A)` with σ = `relu` or `lrelu(·, α)` is a layer with that
/// activation, `relu(A)^k` one with max{0, z}^k (homogeneous of degree k); any other affine map A = `W h` or `W h + b` is a linear layer (the output
/// layer of the first example). `W` and `b` are block names the file chooses: `W: r x c` is a
/// full r×c matrix block (`v: 3` a row), `W = ((a, b), (b, a))` a pattern whose entries are 0
/// (a structural zero) or names (one scalar parameter each, shared wherever the name
/// recurs). A bias has the layer's width unless it is given as a pattern, `b = (c, 0)`. A name
/// used in two places is one block (shared between layers). θ is ordered layer by layer,
/// weights then bias, each block (or named entry) where it first occurs.
///
///     network g(x) = v relu(W x)^2 with W: 2 x 2, v: 2      # degree 3: Φ(cθ) = c³Φ(θ)
extension NetworkSpec {
    /// One layer as written: its weight, its bias and its activation.
    struct LayerSyntax {
        let weight: String
        let weightAt: SourceLocation
        let bias: (name: String, at: SourceLocation)?
        let activation: Activation
    }

    /// A `with` declaration: a full block of a shape, or a pattern of zeros and named entries.
    enum Declaration {
        case shape(rows: Int, columns: Int, isVector: Bool)
        /// Rows of entries: nil for a structural zero, else the entry's name.
        case pattern([[String?]], isVector: Bool)
    }

    static let layeredExample = "network Phi(x) = W2 relu(W1 x + b1) with W1: 3 x 2, W2: 1 x 3"

    /// True when the statement starts `name(`: the layer-by-layer form.
    var isLayered: Bool { parser.current.identifier != nil && parser.next.isSymbol("(") && !parser.next.spaceBefore }

    mutating func readLayered() throws(Diagnostic) -> Network {
        _ = try parser.name("the network's name", hint: "e.g. " + Self.layeredExample)
        let open = parser.current
        try parser.expectSymbol("(", hint: "e.g. " + Self.layeredExample)
        let input = try parser.name("the input's name", hint: "e.g. " + Self.layeredExample)
        try parser.expectClosing(")", of: open, hint: "e.g. " + Self.layeredExample)
        try parser.expectSymbol("=", hint: "write the network after '=': " + Self.layeredExample)
        let body = try parser.expression()
        let layers = try self.layers(body, input: input)
        var declarations: [String: (Declaration, SourceLocation)] = [:]
        if parser.current.isWord("with") {
            repeat {
                _ = parser.advance()
                let at = parser.current.location
                let name = try parser.name("a block name to declare", hint: "with W1: 3 x 2, or with W = ((a, b), (b, a))")
                guard declarations[name] == nil else {
                    throw Diagnostic("'\(name)' is declared twice", at: at, hint: "declare each block once")
                }
                declarations[name] = (try declaration(), at)
            } while parser.current.isSymbol(",")
        }
        guard parser.current.kind == .newline else {
            throw parser.error("unexpected \(parser.current.display) in the network description",
                               hint: "after the layers come the shapes: with W1: 3 x 2, b1: 3, W2 = ((a, b))")
        }
        var builder = LayeredNetworkBuilder(declarations: declarations, input: input)
        return try builder.network(layers)
    }

    /// `: r x c`, `: n` or `= pattern`.
    mutating func declaration() throws(Diagnostic) -> Declaration {
        let example = "W1: 3 x 2"
        if parser.current.isSymbol(":") {
            _ = parser.advance()
            let rows = try integer("a number of rows", example: Self.layeredExample)
            guard parser.current.isWord("x") || parser.current.isWord("by") || parser.current.isSymbol("*") else {
                return .shape(rows: 1, columns: rows, isVector: true)
            }
            _ = parser.advance()
            return .shape(rows: rows, columns: try integer("a number of columns", example: Self.layeredExample), isVector: false)
        }
        try parser.expectSymbol("=", hint: "give a shape, \(example), or a pattern, W = ((a, 0), (b, a))")
        let at = parser.current.location
        let syntax = try parser.primary()
        let hint = "a pattern is a tuple of rows whose entries are 0 or names: ((a, 0), (b, a)), or (c, 0) for a vector"
        guard case .tuple(let items, _) = syntax else {
            throw Diagnostic("expected a pattern, found \(syntax.parenthesized)", at: at, hint: hint)
        }
        func entry(_ e: ExprSyntax) throws(Diagnostic) -> String? {
            switch e {
            case .number("0", _): return nil
            case .name(let n, _): return n
            default: throw Diagnostic("a pattern entry is 0 or a name, found \(e.parenthesized)", at: e.location, hint: hint)
            }
        }
        let isMatrix = items.allSatisfy(\.isTuple)
        guard isMatrix else { return .pattern([try items.map(entry)], isVector: true) }
        var rows: [[String?]] = []
        for case .tuple(let row, let rowAt) in items {
            if let first = rows.first, first.count != row.count {
                throw Diagnostic("pattern rows must have the same length; this one has \(row.count), the first \(first.count)",
                                 at: rowAt, hint: hint)
            }
            rows.append(try row.map(entry))
        }
        return .pattern(rows, isVector: false)
    }

    /// The layers of a vector expression, from the input outward.
    func layers(_ e: ExprSyntax, input: String) throws(Diagnostic) -> [LayerSyntax] {
        switch e {
        case .name(input, _):
            return []
        case let .call(f, args, at) where ["relu", "lrelu", "leakyrelu"].contains(f):
            let σ: Activation
            if f == "relu" {
                guard args.count == 1 else { throw Diagnostic("relu takes one argument", at: at, hint: "relu(W1 x + b1)") }
                σ = .relu
            } else {
                guard args.count == 2 else {
                    throw Diagnostic("\(f) takes the layer and its slope", at: at, hint: "lrelu(W1 x + b1, 1/10)")
                }
                σ = .leakyRelu(slope: try slope(args[1], at: args[1].location, example: "lrelu(W1 x, 1/10)"))
            }
            return try layer(args[0], input: input, activation: σ)
        case let .binary(.power, .call("relu", args, _), exponent, at) where args.count == 1:
            guard case .number(let text, _) = exponent, let k = Int(text), (1 ... 16).contains(k) else {
                throw Diagnostic("the power of a ReLU layer is a whole number from 1 to 16, found \(exponent.parenthesized)",
                                 at: at, hint: "relu(W1 x)^2")
            }
            return try layer(args[0], input: input, activation: k == 1 ? .relu : .reluPower(k))
        case let .binary(.power, base, _, at):
            throw Diagnostic("only a ReLU layer takes a power, found \(base.parenthesized)^k", at: at,
                             hint: "write relu(W1 x)^2 (homogeneous of degree 2), or use relu, lrelu(·, α) or a linear layer")
        default:
            return try layer(e, input: input, activation: .linear)
        }
    }

    /// An affine map `W h` or `W h + b` (either order) as one layer on top of h's layers.
    func layer(_ e: ExprSyntax, input: String, activation: Activation) throws(Diagnostic) -> [LayerSyntax] {
        var product = e
        var bias: (name: String, at: SourceLocation)?
        if case let .binary(.add, l, r, _) = e {
            if case let .name(b, at) = r { (product, bias) = (l, (b, at)) } else if case let .name(b, at) = l { (product, bias) = (r, (b, at)) }
        }
        guard case let .binary(.multiply, .name(w, at), inner, _) = product, w != input else {
            throw Diagnostic("expected a layer W h or W h + b, found \(e.parenthesized)", at: e.location,
                             hint: "a weight name times a vector, plus an optional bias name: W1 x + b1, W2 relu(W1 x); write W2 (W1 x) for two linear layers")
        }
        return try layers(inner, input: input) + [LayerSyntax(weight: w, weightAt: at, bias: bias, activation: activation)]
    }

    /// A leaky-ReLU slope: a rational in [0, 1); an error is reported at `at`.
    func slope(_ e: ExprSyntax, at: SourceLocation, example: String) throws(Diagnostic) -> Rational {
        let α = try exactRational(e)
        guard α.signum >= 0 && α < 1 else {
            throw Diagnostic("a leaky ReLU slope must be in [0, 1), got \(α)", at: at, hint: "e.g. " + example)
        }
        return α
    }
}

/// Allocates θ for the layers of a layer-by-layer description: blocks in order of first use.
struct LayeredNetworkBuilder {
    let declarations: [String: (NetworkSpec.Declaration, SourceLocation)]
    let input: String
    var blocks: [ParameterBlock] = []
    /// The θ indices of each block (row-major), and of each named pattern entry.
    var indices: [String: [Int]] = [:]
    var entryNames: Set<String> = []
    var used: Set<String> = []

    init(declarations: [String: (NetworkSpec.Declaration, SourceLocation)], input: String) {
        self.declarations = declarations
        self.input = input
    }

    mutating func network(_ layers: [NetworkSpec.LayerSyntax]) throws(Diagnostic) -> Network {
        var result: [Layer] = []
        for syntax in layers {
            let weights = try weightPattern(syntax.weight, at: syntax.weightAt)
            if let previous = result.last, previous.weights.rows != weights.columns {
                throw Diagnostic("\(syntax.weight) has \(weights.columns) column(s) but the layer below has \(previous.weights.rows) output(s)",
                                 at: syntax.weightAt, hint: "give \(syntax.weight) \(previous.weights.rows) columns: with \(syntax.weight): \(weights.rows) x \(previous.weights.rows)")
            }
            let bias = try syntax.bias.map { (b) throws(Diagnostic) -> [Int?] in try biasPattern(b.name, rows: weights.rows, at: b.at) }
            result.append(Layer(weights: weights, activation: syntax.activation, bias: bias))
        }
        guard let first = layers.first else {
            throw Diagnostic("the network has no layer", at: declarations.values.first?.1 ?? SourceLocation(line: 1, column: 1),
                             hint: "e.g. " + NetworkSpec.layeredExample)
        }
        if let (name, (_, at)) = declarations.first(where: { !used.contains($0.key) }) {
            throw Diagnostic("'\(name)' is declared but not used by any layer", at: at, hint: "remove it, or use it in the network")
        }
        guard !blocks.isEmpty else {
            throw Diagnostic("the network has no parameters", at: first.weightAt, hint: "give a weight at least one named entry")
        }
        return Network(layers: result, blocks: blocks)
    }

    /// The indices of block `name` of `count` entries, allocated at its first use.
    mutating func block(_ name: String, _ count: Int, shape: (rows: Int, columns: Int)?, at: SourceLocation) throws(Diagnostic) -> [Int] {
        guard name != input else {
            throw Diagnostic("'\(name)' is the input's name", at: at, hint: "choose another name for the parameter")
        }
        guard !entryNames.contains(name) else {
            throw Diagnostic("'\(name)' names both a block and a pattern entry", at: at, hint: "choose distinct names")
        }
        if let existing = indices[name] {
            guard existing.count == count else {
                throw Diagnostic("'\(name)' is used with \(existing.count) and with \(count) entries", at: at,
                                 hint: "a block shared between layers must have one shape")
            }
            return existing
        }
        let start = blocks.map(\.range.upperBound).max() ?? 0
        blocks.append(ParameterBlock(name: name, range: start ..< start + count, shape: shape))
        indices[name] = Array(start ..< start + count)
        return indices[name]!
    }

    /// The indices of a pattern's entries, allocating a one-entry block per new name.
    mutating func entries(_ names: [String?], at: SourceLocation) throws(Diagnostic) -> [Int?] {
        var result: [Int?] = []
        for name in names {
            guard let name else { result.append(nil); continue }
            if !entryNames.contains(name) {
                guard indices[name] == nil, declarations[name] == nil else {
                    throw Diagnostic("'\(name)' names both a block and a pattern entry", at: at, hint: "choose distinct names")
                }
                _ = try block(name, 1, shape: nil, at: at)
                entryNames.insert(name)
            }
            result.append(indices[name]![0])
        }
        return result
    }

    mutating func weightPattern(_ name: String, at: SourceLocation) throws(Diagnostic) -> WeightPattern {
        guard let (declaration, declaredAt) = declarations[name] else {
            throw Diagnostic("the shape of '\(name)' is not declared", at: at,
                             hint: "declare it after the layers: with \(name): 3 x 2 (or a pattern, \(name) = ((a, 0), (b, a)))")
        }
        used.insert(name)
        switch declaration {
        case let .shape(rows, columns, isVector):
            let entries = try block(name, rows * columns, shape: isVector ? nil : (rows, columns), at: declaredAt)
            return WeightPattern(rows: rows, columns: columns, entries: entries)
        case let .pattern(rows, _):
            return WeightPattern(rows: rows.count, columns: rows[0].count, entries: try entries(rows.flatMap { $0 }, at: declaredAt))
        }
    }

    mutating func biasPattern(_ name: String, rows: Int, at: SourceLocation) throws(Diagnostic) -> [Int?] {
        used.insert(name)
        switch declarations[name] {
        case nil:
            return try block(name, rows, shape: nil, at: at)
        case let (.shape(r, c, isVector), declaredAt)?:
            guard isVector, c == rows else {
                throw Diagnostic("the bias \(name) of a layer of width \(rows) is declared with shape \(r) x \(c)", at: declaredAt,
                                 hint: "declare \(name): \(rows), or leave its shape out")
            }
            return try block(name, rows, shape: nil, at: declaredAt)
        case let (.pattern(entries, isVector), declaredAt)?:
            guard isVector, entries[0].count == rows else {
                throw Diagnostic("the bias \(name) of a layer of width \(rows) needs a pattern of \(rows) entries", at: declaredAt,
                                 hint: "write \(name) = (" + (0 ..< rows).map { _ in "c" }.joined(separator: ", ") + ") with names or 0")
            }
            return try self.entries(entries[0], at: declaredAt)
        }
    }
}
