import Exact
import Networks
import Symbolic

/// Turns the statements of a proof file into a `Document`: resolves names, evaluates
/// expressions exactly, checks shapes, and reports every mistake as a `Diagnostic`.
///
/// Statements are read in order, so a name must be defined before it is used — as in an
/// appendix.
public struct Elaborator {
    var document = Document()
    var definitions: [String: Definition] = [:]

    struct Definition {
        let parameters: [String]
        let syntax: ExprSyntax
        /// The value when the definition has no parameters of its own.
        let value: Value?
        let domain: [Comparison]
    }

    public static func elaborate(_ file: ProofFileSyntax) throws(Diagnostic) -> Document {
        var elaborator = Elaborator()
        for statement in file.statements { try elaborator.statement(statement) }
        return elaborator.document
    }

    /// Every name in use, to report a duplicate definition.
    func isDefined(_ name: String) -> Bool {
        definitions[name] != nil || document.ranges[name] != nil || document.integerRanges[name] != nil
            || document.points[name] != nil || document.flows[name] != nil || document.experiments[name] != nil
            || document.examples.contains { $0.name == name || $0.labelName == name }
    }

    func checkFresh(_ name: String, at location: SourceLocation) throws(Diagnostic) {
        if isDefined(name) { throw Diagnostic("'\(name)' is already defined", at: location, hint: "choose another name") }
        if ExprBuilder.functionNames.contains(name) || Self.pointFunctions.contains(name) {
            throw Diagnostic("'\(name)' is the name of a function", at: location, hint: "choose another name")
        }
    }

    mutating func statement(_ statement: StatementSyntax) throws(Diagnostic) {
        switch statement {
        case let .title(text, _):
            document.title = text
        case let .network(words, at):
            guard document.network == nil else {
                throw Diagnostic("the network is already declared", at: at, hint: "a file has one network statement; check another network in another file")
            }
            var spec = NetworkSpec(words)
            document.network = try spec.read()
        case let .loss(name, at):
            guard let loss = Loss(rawValue: name) else {
                throw Diagnostic("unknown loss '\(name)'", at: at, hint: "use exponential, logistic or square")
            }
            document.loss = loss
        case let .data(name, input, labelName, label, at):
            try data(name, input, labelName, label, at)
        case let .classData(name, input, classIndex, at):
            try classData(name, input, classIndex, at)
        case let .parameter(name, range, at):
            try checkFresh(name, at: at)
            if let (outer, fibre) = try dependentRange(name, range) {
                document.dependentRanges[name] = (outer, fibre)
                document.ranges[name] = ParameterRange(name, lower: nil, upper: nil)
            } else {
                document.ranges[name] = try parameterRange(name, range)
            }
        case let .integer(name, bound, at):
            try checkFresh(name, at: at)
            document.integerRanges[name] = try integerRange(name, bound)
        case let .definition(name, parameters, syntax, at):
            try checkFresh(name, at: at)
            for p in parameters where document.ranges[p] == nil && document.integerRanges[p] == nil {
                throw Diagnostic("'\(p)' is not a declared parameter", at: at, hint: "declare it first: parameter \(p) in (0, 1)")
            }
            var builder = ExprBuilder()
            let v = parameters.isEmpty ? try value(syntax, &builder) : nil
            definitions[name] = Definition(parameters: parameters, syntax: syntax, value: v, domain: builder.domain)
        case let .point(name, parameters, blocks, at):
            try point(name, parameters, blocks, at)
        case let .limitPoint(name, flow, at):
            try limitPoint(name, of: flow, at)
        case let .claim(claim):
            document.claims.append(try self.claim(claim))
        case let .flow(flow):
            try self.flow(flow)
        case let .experiment(experiment):
            try self.experiment(experiment)
        }
    }

    mutating func data(_ name: String, _ input: ExprSyntax, _ labelName: String, _ label: ExprSyntax,
                       _ at: SourceLocation) throws(Diagnostic) {
        try checkFresh(name, at: at)
        try checkFresh(labelName, at: at)
        var builder = ExprBuilder()
        let xs = try inputVector(input, at: at)
        let y = try value(label, &builder)
        // A dataset family: the data may depend on declared real parameters (claims about it
        // are then quantified over them).
        if let p = y.entries.flatMap(\.parameters).min(), document.ranges[p] == nil {
            throw Diagnostic("data may depend on a declared real parameter only, not on '\(p)'", at: at,
                             hint: "declare it first: parameter \(p) in (0, 1)")
        }
        if let network = document.network {
            guard y.entries.count == network.outputDimension else {
                let outputs = network.outputDimension == 1 ? "one output" : "\(network.outputDimension) outputs"
                throw Diagnostic("the label has \(y.entries.count) entries but the network has \(outputs)",
                                 at: label.location, hint: "give one number per output of the network (\(network.outputDimension))")
            }
        }
        document.examples.append(Document.Example(name: name, labelName: labelName, x: xs, y: y.entries))
    }

    /// The input of a data statement: fixed numbers, one per input of the network.
    func inputVector(_ input: ExprSyntax, at: SourceLocation) throws(Diagnostic) -> [Expr] {
        var builder = ExprBuilder()
        let x = try value(input, &builder)
        let xs: [Expr]
        switch x {
        case .vector(let v): xs = v
        case .scalar(let e): xs = [e]
        case .matrix: throw Diagnostic("an input must be a vector, found \(x.kind)", at: input.location, hint: "data x1 = (1, 1/4), y1 = 1")
        }
        if let p = xs.flatMap(\.parameters).min(), document.ranges[p] == nil {
            throw Diagnostic("data may depend on a declared real parameter only, not on '\(p)'", at: at,
                             hint: "declare it first: parameter \(p) in (0, 1)")
        }
        if let network = document.network, xs.count != network.inputDimension {
            throw Diagnostic("the input has \(xs.count) entries but the network takes \(network.inputDimension)",
                             at: input.location, hint: "give one number per input of the network (\(network.inputDimension))")
        }
        return xs
    }

    /// `data x1 = (1, 0), class 2`: y = e_c for a network with K ≥ 2 outputs and 1 ≤ c ≤ K.
    mutating func classData(_ name: String, _ input: ExprSyntax, _ classIndex: ExprSyntax, _ at: SourceLocation) throws(Diagnostic) {
        try checkFresh(name, at: at)
        guard let network = document.network, network.outputDimension >= 2 else {
            throw Diagnostic("a class label needs a network with two or more outputs declared first", at: at,
                             hint: "declare the network first; a one-output network takes labels ±1: data x1 = (1, 1/4), y1 = 1")
        }
        let xs = try inputVector(input, at: at)
        let classes = network.outputDimension
        guard case .number(let text, _) = classIndex, let c = Int(text), (1 ... classes).contains(c) else {
            throw Diagnostic("a class is a whole number from 1 to \(classes), found \(classIndex.parenthesized)", at: classIndex.location,
                             hint: "classes are numbered from 1, one per output of the network: class 1 … class \(classes)")
        }
        document.examples.append(Document.Example(name: name, labelName: "", x: xs,
                                                  y: (1 ... classes).map { Expr(Rational($0 == c ? 1 : 0)) }, classIndex: c - 1))
    }

    mutating func point(_ name: String, _ parameters: [String], _ blocks: [BlockSyntax], _ at: SourceLocation) throws(Diagnostic) {
        try checkFresh(name, at: at)
        guard let network = document.network else {
            throw Diagnostic("a point needs the network first", at: at, hint: "declare it before the point: " + NetworkSpec.example)
        }
        for p in parameters where document.ranges[p] == nil && document.integerRanges[p] == nil {
            throw Diagnostic("'\(p)' is not a declared parameter", at: at, hint: "declare it first: parameter \(p) in (0, 1)")
        }
        var builder = ExprBuilder()
        var theta = [Expr?](repeating: nil, count: network.parameterCount)
        for block in blocks {
            guard let b = network.block(block.name) else {
                throw Diagnostic("the network has no block '\(block.name)'", at: block.location,
                                 hint: "its blocks are " + network.blocks.map(\.name).joined(separator: ", "))
            }
            guard theta[b.range.lowerBound] == nil else {
                throw Diagnostic("block '\(block.name)' is given twice", at: block.location, hint: "give each block once")
            }
            let entries = try value(block.value, &builder).entries
            guard entries.count == b.range.count else {
                let shape = b.shape.rows > 1 ? "a \(b.shape.rows)×\(b.shape.columns) matrix, row by row" : "a vector"
                throw Diagnostic("block '\(block.name)' has \(b.range.count) entries, got \(entries.count)", at: block.value.location,
                                 hint: "write \(b.range.count) numbers for \(block.name), as \(shape)")
            }
            for (k, e) in zip(b.range, entries) {
                if let extra = e.parameters.subtracting(parameters).sorted().first {
                    throw Diagnostic("the entry depends on '\(extra)', which is not a parameter of \(name)",
                                     at: block.value.location, hint: "write point \(name)(\(extra)): …")
                }
                theta[k] = e
            }
        }
        if let missing = network.blocks.first(where: { theta[$0.range.lowerBound] == nil }) {
            throw Diagnostic("point \(name) does not give block '\(missing.name)'", at: at,
                             hint: "give every block: " + network.blocks.map(\.name).joined(separator: ", "))
        }
        document.points[name] = Document.Point(name: name, parameters: parameters, theta: theta.map { $0! },
                                               domain: builder.domain)
    }

    /// A declared range, with constant ends and lower < upper.
    /// The integers above a bound, as the real range [b, ∞) or (b, ∞) whose integers they are
    /// (the prover decides every cell and cut point of it that contains an integer, so a bound
    /// that is not an integer — 5/2, sqrt(2) — starts at the right integer).
    func integerRange(_ name: String, _ bound: IntegerBoundSyntax) throws(Diagnostic) -> ParameterRange {
        var builder = ExprBuilder()
        guard case .scalar(let b) = try value(bound.value, &builder), let c = b.constantValue else {
            throw Diagnostic("the bound of an integer parameter must be an exact algebraic number", at: bound.value.location,
                             hint: "integer \(name) >= 3, or integer \(name) > 5/2; bounds may not depend on parameters")
        }
        return ParameterRange(name, lower: .init(c, closed: !bound.isStrict), upper: nil)
    }

    func parameterRange(_ name: String, _ range: RangeSyntax) throws(Diagnostic) -> ParameterRange {
        var builder = ExprBuilder()
        func end(_ e: ExprSyntax) throws(Diagnostic) -> Constant {
            guard case .scalar(let x) = try value(e, &builder), let c = x.constantValue else {
                throw Diagnostic("a range end must be an exact algebraic number", at: e.location,
                                 hint: "write a constant such as 1/9 or sqrt(2); ends may not depend on parameters")
            }
            return c
        }
        let lower = try end(range.lower), upper = try end(range.upper)
        let empty = upper.realAlgebraic < lower.realAlgebraic
            || (upper.realAlgebraic == lower.realAlgebraic && !(range.lowerClosed && range.upperClosed))
        if empty {
            throw Diagnostic("the range is empty", at: range.location, hint: "write the smaller end first: (0, 1/9)")
        }
        return ParameterRange(name, lower: .init(lower, closed: range.lowerClosed),
                              upper: .init(upper, closed: range.upperClosed))
    }
}
