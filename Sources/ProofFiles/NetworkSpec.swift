import Exact
import Networks

/// Reads the words of a `network` statement into a `Network`.
///
///     network fully-connected relu 2 -> 2 -> 1
///     network fully-connected leaky-relu(1/10) 2 -> 4 -> 1
///     network diagonal linear dimension 2 depth 3
///     network convolution relu patch 2 patches 2
///     network sparse linear masks ((1, 1), (0, 1)) [(1, 1)]
///     network fully-connected linear 1 -> 1 -> 1 with skip u      # Φ = v·w·x + u·x
///     network fully-connected linear 1 -> 1 -> 1 with bias b      # Φ = v·w·x + b
///
/// Hidden layers use the activation; the output layer is linear. Parameter blocks are named
/// as the papers name them (see `Network.fullyConnected` and the other constructors). These
/// are short forms; any layered network is written layer by layer (`NetworkSpec+Layers.swift`):
///
///     network Phi(x) = W3 relu(W2 lrelu(W1 x + b1, 1/10) + b2) with W1: 2 x 2, W2: 2 x 2, W3: 1 x 2
struct NetworkSpec {
    var parser: ProofFileParser

    /// A network statement, for hints.
    static let example = "network fully-connected relu 2 -> 2 -> 1"

    /// `tokens`: the words of the statement and its line end (a `.newline`).
    init(_ tokens: [Token]) {
        precondition(tokens.last?.kind == .newline, "a network description ends with its line")
        parser = ProofFileParser(tokens: tokens, source: [])
    }

    /// Joins hyphenated words written without spaces (`fully-connected`, `leaky-relu`).
    mutating func word() throws(Diagnostic) -> String {
        var w = try parser.name("a word of the network description", hint: "e.g. " + Self.example)
        while parser.current.isSymbol("-") && !parser.current.spaceBefore, let n = parser.next.identifier,
              !parser.next.spaceBefore {
            _ = parser.advance(); _ = parser.advance()
            w += "-" + n
        }
        return w
    }

    /// A positive whole number up to 10 000; `example` shows it in place, for the hint.
    mutating func integer(_ what: String, example: String) throws(Diagnostic) -> Int {
        guard case .number(let text) = parser.current.kind, let n = Int(text), n > 0, n <= 10_000 else {
            throw parser.error("expected \(what) (a whole number from 1 to 10000), found \(parser.current.display)",
                               hint: "e.g. network " + example)
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
            let open = parser.current
            try parser.expectSymbol("(", hint: "give the slope: leaky-relu(1/10)")
            let slope = try self.slope(parser.expression(), at: at, example: "leaky-relu(1/10)")
            try parser.expectClosing(")", of: open, hint: "give the slope: leaky-relu(1/10)")
            return .leakyRelu(slope: slope)
        case let other:
            throw Diagnostic("unknown activation '\(other)'", at: at, hint: "use linear, relu or leaky-relu(α)")
        }
    }

    mutating func read() throws(Diagnostic) -> Network {
        if isLayered { return try readLayered() }
        let at = parser.current.location
        let kind = try word()
        let σ = try activation()
        var network: Network
        switch kind {
        case "fully-connected":
            let example = "fully-connected relu 2 -> 2 -> 1"
            var widths = [try integer("the input dimension", example: example)]
            while parser.current.isSymbol("->") {
                _ = parser.advance()
                widths.append(try integer("a layer width", example: example))
            }
            guard widths.count >= 2 else {
                throw parser.error("expected widths such as 2 -> 2 -> 1, found \(parser.current.display)",
                                   hint: "input -> hidden … -> output")
            }
            network = .fullyConnected(widths: widths, activation: σ)
        case "diagonal":
            let example = "diagonal linear dimension 2 depth 3"
            try expect("dimension", example: example)
            let d = try integer("the dimension", example: example)
            try expect("depth", example: example)
            let depthAt = parser.current.location
            let m = try integer("the depth", example: example)
            guard m >= 2 else {
                throw Diagnostic("a diagonal network has depth at least 2, got \(m)", at: depthAt,
                                 hint: "write depth 2 or more: network " + example)
            }
            network = .diagonal(dimension: d, depth: m, activation: σ)
        case "convolution":
            let example = "convolution relu patch 2 patches 2"
            try expect("patch", example: example)
            let k = try integer("the patch size", example: example)
            try expect("patches", example: example)
            network = .convolution(patchSize: k, patches: try integer("the number of patches", example: example), activation: σ)
        case "sparse":
            try expect("masks", example: "sparse linear masks ((1, 1), (0, 1)) [(1, 1)]")
            network = .sparse(masks: try masks(), activation: σ)
        default:
            throw Diagnostic("unknown architecture '\(kind)'", at: at,
                             hint: "use fully-connected, diagonal, convolution or sparse")
        }
        while parser.current.isWord("with") {
            _ = parser.advance()
            let partAt = parser.current.location
            let part = try word()
            let name = try parser.name("the name of the new parameter block", hint: "with skip u, or with bias b")
            guard network.block(name) == nil else {
                throw Diagnostic("a block named '\(name)' exists already", at: partAt,
                                 hint: "choose a name the network does not use; its blocks are "
                                    + network.blocks.map(\.name).joined(separator: ", "))
            }
            switch part {
            case "skip": network = network.addingSkipConnection(named: name)
            case "bias": network = network.addingOutputBias(named: name)
            default: throw Diagnostic("unknown network part '\(part)'", at: partAt, hint: "use 'with skip u' or 'with bias b'")
            }
        }
        guard parser.current.kind == .newline else {
            throw parser.error("unexpected \(parser.current.display) in the network description",
                               hint: "the description ends after the widths or masks, then optionally 'with skip u' or 'with bias b'")
        }
        return network
    }

    mutating func expect(_ w: String, example: String) throws(Diagnostic) {
        try parser.expectWord(w, hint: "e.g. network " + example)
    }

    /// One 0/1 matrix per layer, as tuples of rows; consecutive layers must chain.
    mutating func masks() throws(Diagnostic) -> [[[Bool]]] {
        var result: [[[Bool]]] = []
        while parser.current.isSymbol("(") || parser.current.isSymbol("[") {
            let at = parser.current.location
            let syntax = try parser.primary()
            guard case .tuple(let rows, _) = syntax else {
                throw Diagnostic("expected a 0/1 matrix, found \(syntax.parenthesized)", at: at, hint: Self.masksHint)
            }
            let mask: [[Bool]] = try rows.map { (row: ExprSyntax) throws(Diagnostic) -> [Bool] in
                let entries: [ExprSyntax]
                if case .tuple(let items, _) = row { entries = items } else { entries = [row] }
                return try entries.map { (e: ExprSyntax) throws(Diagnostic) -> Bool in
                    guard case .number(let t, _) = e, t == "0" || t == "1" else {
                        throw Diagnostic("mask entries are 0 or 1, found \(e.parenthesized)", at: e.location,
                                         hint: "write 1 for a connection and 0 for none")
                    }
                    return t == "1"
                }
            }
            let lengths = mask.map(\.count)
            guard Set(lengths).count == 1 else {
                throw Diagnostic("mask rows must have the same length; got " + lengths.map(String.init).joined(separator: ", "), at: at,
                                 hint: "give every row one entry per input of the layer")
            }
            if let previous = result.last, previous.count != mask[0].count {
                throw Diagnostic("this mask has \(mask[0].count) column(s) but the previous layer has \(previous.count) row(s)", at: at,
                                 hint: "a layer's inputs are the previous layer's outputs: give this mask \(previous.count) columns"
                                    + (mask[0].count == 1 ? "; a one-row mask is written in brackets, [(1, 1)], as ((1, 1)) is a column" : ""))
            }
            result.append(mask)
        }
        guard !result.isEmpty else {
            throw parser.error("expected masks such as ((1, 1), (0, 1)) [(1, 1)], found \(parser.current.display)", hint: Self.masksHint)
        }
        return result
    }

    static let masksHint = "one 0/1 matrix per layer, written row by row: masks ((1, 1), (0, 1)) [(1, 1)]"


    /// A literal rational (numbers, + − × ÷ only).
    func exactRational(_ e: ExprSyntax) throws(Diagnostic) -> Rational {
        switch e {
        case .number(let t, let at):
            return try Elaborator.literal(t, at: at)
        case .negate(let x, _): return -(try exactRational(x))
        case .binary(let op, let l, let r, let at):
            let (a, b) = (try exactRational(l), try exactRational(r))
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide:
                guard !b.isZero else { throw Diagnostic("division by zero", at: at, hint: "the slope is a constant in [0, 1), e.g. 1/10") }
                return a / b
            case .power:
                throw Diagnostic("expected a rational number, found a power", at: at, hint: "write the slope as a fraction, e.g. 1/10")
            }
        default:
            throw Diagnostic("expected a rational number, found \(e.parenthesized)", at: e.location,
                             hint: "write the slope as a fraction, e.g. 1/10")
        }
    }
}
