import Exact
import Networks

/// Reads the words of a `network` statement into a `Network`.
///
///     network fully-connected relu 2 -> 2 -> 1
///     network fully-connected leaky-relu(1/10) 2 -> 4 -> 1
///     network diagonal linear dimension 2 depth 3
///     network convolution relu patch 2 patches 2
///     network sparse linear masks ((1, 1), (0, 1)) ((1, 1))
///     network fully-connected linear 1 -> 1 -> 1 with skip u      # Φ = v·w·x + u·x
///     network fully-connected linear 1 -> 1 -> 1 with bias b      # Φ = v·w·x + b
///
/// Hidden layers use the activation; the output layer is linear. Parameter blocks are named
/// as the papers name them (see `Network.fullyConnected` and the other constructors).
struct NetworkSpec {
    var parser: ProofFileParser

    init(_ tokens: [Token]) {
        let end = Token(kind: .end, location: tokens.last!.location, spaceBefore: true)
        parser = ProofFileParser(tokens: tokens + [end], source: [])
    }

    /// Joins hyphenated words written without spaces (`fully-connected`, `leaky-relu`).
    mutating func word() throws(Diagnostic) -> String {
        var w = try parser.name("a word of the network description")
        while parser.current.isSymbol("-") && !parser.current.spaceBefore, let n = parser.next.identifier,
              !parser.next.spaceBefore {
            _ = parser.advance(); _ = parser.advance()
            w += "-" + n
        }
        return w
    }

    mutating func integer(_ what: String) throws(Diagnostic) -> Int {
        guard case .number(let text) = parser.current.kind, let n = Int(text), n > 0, n <= 10_000 else {
            throw parser.error("expected \(what) (a positive whole number)")
        }
        _ = parser.advance()
        return n
    }

    mutating func activation() throws(Diagnostic) -> Activation {
        let at = parser.current.location
        switch try word() {
        case "linear": return .linear
        case "relu": return .relu
        case "leaky-relu":
            try parser.expectSymbol("(", hint: "give the slope: leaky-relu(1/10)")
            let slope = try exactRational(parser.expression())
            try parser.expectSymbol(")")
            guard slope.signum >= 0 && slope < 1 else {
                throw Diagnostic("a leaky ReLU slope must be in [0, 1)", at: at)
            }
            return .leakyRelu(slope: slope)
        case let other:
            throw Diagnostic("unknown activation '\(other)'", at: at, hint: "use linear, relu or leaky-relu(α)")
        }
    }

    mutating func read() throws(Diagnostic) -> Network {
        let at = parser.current.location
        let kind = try word()
        let σ = try activation()
        var network: Network
        switch kind {
        case "fully-connected":
            var widths = [try integer("the input dimension")]
            while parser.current.isSymbol("->") {
                _ = parser.advance()
                widths.append(try integer("a layer width"))
            }
            guard widths.count >= 2 else {
                throw parser.error("expected widths such as 2 -> 2 -> 1", hint: "input -> hidden … -> output")
            }
            network = .fullyConnected(widths: widths, activation: σ)
        case "diagonal":
            try expect("dimension")
            let d = try integer("the dimension")
            try expect("depth")
            let depthAt = parser.current.location
            let m = try integer("the depth")
            guard m >= 2 else { throw Diagnostic("a diagonal network has depth at least 2", at: depthAt) }
            network = .diagonal(dimension: d, depth: m, activation: σ)
        case "convolution":
            try expect("patch")
            let k = try integer("the patch size")
            try expect("patches")
            network = .convolution(patchSize: k, patches: try integer("the number of patches"), activation: σ)
        case "sparse":
            try expect("masks")
            network = .sparse(masks: try masks(), activation: σ)
        default:
            throw Diagnostic("unknown architecture '\(kind)'", at: at,
                             hint: "use fully-connected, diagonal, convolution or sparse")
        }
        while parser.current.isWord("with") {
            _ = parser.advance()
            let partAt = parser.current.location
            let part = try word()
            let name = try parser.name("the name of the new parameter block")
            guard network.block(name) == nil else { throw Diagnostic("a block named '\(name)' exists already", at: partAt) }
            switch part {
            case "skip": network = network.addingSkipConnection(named: name)
            case "bias": network = network.addingOutputBias(named: name)
            default: throw Diagnostic("unknown network part '\(part)'", at: partAt, hint: "use 'with skip u' or 'with bias b'")
            }
        }
        guard parser.current.kind == .end else {
            throw parser.error("unexpected \(parser.current.display) in the network description")
        }
        return network
    }

    mutating func expect(_ w: String) throws(Diagnostic) {
        try parser.expectWord(w)
    }

    /// One 0/1 matrix per layer, as tuples of rows; consecutive layers must chain.
    mutating func masks() throws(Diagnostic) -> [[[Bool]]] {
        var result: [[[Bool]]] = []
        while parser.current.isSymbol("(") || parser.current.isSymbol("[") {
            let at = parser.current.location
            let syntax = try parser.primary()
            guard case .tuple(let rows, _) = syntax else { throw Diagnostic("expected a 0/1 matrix", at: at) }
            let mask: [[Bool]] = try rows.map { (row: ExprSyntax) throws(Diagnostic) -> [Bool] in
                let entries: [ExprSyntax]
                if case .tuple(let items, _) = row { entries = items } else { entries = [row] }
                return try entries.map { (e: ExprSyntax) throws(Diagnostic) -> Bool in
                    guard case .number(let t, _) = e, t == "0" || t == "1" else {
                        throw Diagnostic("mask entries are 0 or 1", at: e.location)
                    }
                    return t == "1"
                }
            }
            guard Set(mask.map(\.count)).count == 1 else { throw Diagnostic("mask rows differ in length", at: at) }
            if let previous = result.last, previous.count != mask[0].count {
                throw Diagnostic("this mask has \(mask[0].count) columns but the previous layer has \(previous.count) rows", at: at)
            }
            result.append(mask)
        }
        guard !result.isEmpty else { throw parser.error("expected masks such as ((1, 1), (0, 1)) ((1, 1))") }
        return result
    }

    /// A literal rational (numbers, + − × ÷ only).
    func exactRational(_ e: ExprSyntax) throws(Diagnostic) -> Rational {
        switch e {
        case .number(let t, let at):
            guard let q = Rational(parsing: t) else { throw Diagnostic("malformed number '\(t)'", at: at) }
            return q
        case .negate(let x, _): return -(try exactRational(x))
        case .binary(let op, let l, let r, let at):
            let (a, b) = (try exactRational(l), try exactRational(r))
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide:
                guard !b.isZero else { throw Diagnostic("division by zero", at: at) }
                return a / b
            case .power: throw Diagnostic("expected a rational number", at: at)
            }
        default: throw Diagnostic("expected a rational number", at: e.location)
        }
    }
}
