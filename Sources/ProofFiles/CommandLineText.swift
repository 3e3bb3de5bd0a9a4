import Exact
import Symbolic

/// What a text says: an expression (with the conditions under which it is defined), or a
/// claim (comparisons).
public enum Statement: Sendable {
    case expression(Expr, domain: [Comparison])
    case claim(Claim)
}

/// Expressions, claims and parameter ranges written outside a proof file — command-line
/// arguments, a claim file, standard input — read with the proof file's grammar
/// (docs/proof-format.md): juxtaposition multiplies (`17/4 eps^2`), nesting deeper than
/// `ProofFileParser.deepestNesting` is an error, and every error is a `Diagnostic` at its
/// line and column in the text.
///
/// The names are the given parameters, the scalar functions and `e`. Beyond a `claim`
/// statement's comparisons, a text may join several by `and` (`m > 5/2 and m <= 31/4`).
public enum CommandLineText {
    /// An expression, or comparisons (`a < b <= c`, joined by `and`) in `parameters`.
    public static func statement(_ text: String, parameters: Set<String> = []) throws(Diagnostic) -> Statement {
        var parser = try ProofFileParser(reading: text)
        let chains = try parser.conjunction()
        try parser.endOfText("expression or claim")
        let elaborator = Elaborator(parameters: parameters)
        var builder = ExprBuilder()
        if chains.count == 1, chains[0].relations.isEmpty {
            return .expression(try elaborator.scalar(chains[0].terms[0], &builder), domain: builder.domain)
        }
        var comparisons: [Comparison] = []
        for chain in chains {
            guard !chain.relations.isEmpty else {
                throw Diagnostic("expected a comparison (=, !=, <, <=, >, >=) in the conjunction", at: chain.terms[0].location,
                                 hint: "join comparisons by 'and': 0 < x and x != 1/2")
            }
            let values = try chain.terms.map { (t: ExprSyntax) throws(Diagnostic) -> Value in try elaborator.value(t, &builder) }
            for (k, relation) in chain.relations.enumerated() {
                comparisons += try elaborator.compare(values[k], relation, values[k + 1], at: chain.terms[k + 1].location)
            }
        }
        return .claim(Claim(comparisons, domain: builder.domain))
    }

    /// An expression (no relation) in `parameters`, with its definedness conditions.
    public static func expression(_ text: String, parameters: Set<String> = []) throws(Diagnostic) -> (Expr, domain: [Comparison]) {
        switch try statement(text, parameters: parameters) {
        case .expression(let e, let domain): return (e, domain)
        case .claim:
            throw Diagnostic("expected an expression, found a comparison", at: SourceLocation(line: 1, column: 1),
                             hint: "leave out the relation (=, <, …), or decide the comparison with 'margincert eval'")
        }
    }

    /// A claim: at least one comparison, in `parameters`.
    public static func claim(_ text: String, parameters: Set<String> = []) throws(Diagnostic) -> Claim {
        switch try statement(text, parameters: parameters) {
        case .claim(let c): return c
        case .expression:
            var parser = try ProofFileParser(reading: text)
            try parser.endOfText("claim")   // never throws: the text was read; this finds its end
            throw Diagnostic("expected a comparison (=, !=, <, <=, >, >=)", at: parser.current.location,
                             hint: "compare two values, as in 8 - 4 eps < 8")
        }
    }

    /// One or two real parameters and their ranges, as after `for all`: `eps in (0, 1/9)`,
    /// `a in (0, 1/2), eps in (0, a/4]`, `a >= 2, b > 1`. The first range's ends are algebraic
    /// constants; the second's may mention the first parameter.
    public static func region(_ text: String) throws(Diagnostic) -> ParameterRegion {
        var parser = try ProofFileParser(reading: text)
        let written = try parser.quantifiedParameters()
        try parser.endOfText("range")
        guard written.count <= 2 else {
            throw Diagnostic("at most two parameters can range together", at: written[2].location,
                             hint: "quantify one or two parameters: a in (0, 1/2), eps in (0, a/4)")
        }
        for p in written where p.range == nil && p.bound == nil {
            throw Diagnostic("the range of '\(p.name)' is missing", at: p.location, hint: "write \(p.name) in (0, 1) or \(p.name) >= 1")
        }
        let elaborator = Elaborator(parameters: written.map(\.name))
        if written.count == 2 { return try elaborator.region(written[0], written[1]) }
        let only = written[0]
        if let range = only.range { return ParameterRegion(try elaborator.parameterRange(only.name, range)) }
        return ParameterRegion(try elaborator.halfLine(only.name, only.bound!))
    }

    /// What follows `for small` in a claim: `eps` (all sufficiently small ε > 0), `eps, each a
    /// in (0, 1)` (for each a some ε₀(a)) or `eps uniformly in a in (0, 1)` (one ε₀ for every
    /// a); the other parameter's range has constant ends and must be written.
    public static func small(_ text: String) throws(Diagnostic) -> SmallQuantifier {
        var parser = try ProofFileParser(reading: text)
        let quantifier = try parser.smallQuantifier(parser.current.location)
        try parser.endOfText("small parameter")
        switch quantifier {
        case .forSmallWith(let eps, let other, let uniformly, _):
            guard other.range != nil || other.bound != nil else {
                throw Diagnostic("the range of '\(other.name)' is missing", at: other.location,
                                 hint: "write \(eps), each \(other.name) in (0, 1) or \(eps) uniformly in \(other.name) in (0, 1)")
            }
            guard other.name != eps else {
                throw Diagnostic("'\(eps)' is both the small parameter and the other one", at: other.location,
                                 hint: "name two parameters: \(eps), each a in (0, 1)")
            }
            return SmallQuantifier(parameter: eps, each: try Elaborator(parameters: [eps, other.name]).outerRange(other), uniformly: uniformly)
        case .forSmall(let eps, _):
            return SmallQuantifier(parameter: eps, each: nil, uniformly: false)
        default:
            preconditionFailure("smallQuantifier returns a small quantifier")
        }
    }

    /// One real parameter's range with constant ends: `eps in (0, 1/9)`, `a >= 2`.
    public static func range(_ text: String) throws(Diagnostic) -> ParameterRange {
        let region = try region(text)
        guard region.fibre == nil else {
            throw Diagnostic("expected one parameter's range", at: SourceLocation(line: 1, column: 1), hint: "write eps in (0, 1/9)")
        }
        return region.outer
    }

    /// Bounds on a new integer parameter, which may mention the integer parameters `known`
    /// declared before it: `m >= 3`, `m > 5/2`, `q > k/2`, `k' > k`, `2 <= k and k <= 10`.
    /// The parameter is the first name that is not known and not a function; a lower bound is
    /// required.
    public static func integerParameter(_ text: String, known: [String] = []) throws(Diagnostic) -> IntegerParameter {
        var parser = try ProofFileParser(reading: text)
        guard let name = parser.firstNewName(known: known) else {
            throw Diagnostic("expected bounds on a new integer parameter", at: SourceLocation(line: 1, column: 1),
                             hint: "write m >= 3, or m > 5/2 and m <= 10")
        }
        let chains = try parser.conjunction()
        try parser.endOfText("bound")
        let elaborator = Elaborator(parameters: known + [name])
        var builder = ExprBuilder()
        var lower: IntegerParameter.Bound?, upper: IntegerParameter.Bound?
        for chain in chains {
            let values = try chain.terms.map { (t: ExprSyntax) throws(Diagnostic) -> Expr in try elaborator.scalar(t, &builder) }
            for (k, written) in chain.relations.enumerated() {
                let (bound, relation): (Expr, Relation)
                if values[k] == .parameter(name), !values[k + 1].parameters.contains(name) {
                    (bound, relation) = (values[k + 1], written)
                } else if values[k + 1] == .parameter(name), !values[k].parameters.contains(name) {
                    (bound, relation) = (values[k], written.mirrored)
                } else {
                    throw Diagnostic("each bound must compare \(name) with an expression in earlier parameters",
                                     at: chain.terms[k].location, hint: "write \(name) >= 3 or \(name) > k/2")
                }
                switch relation {
                case .greaterOrEqual, .greater: lower = .init(bound, strict: relation == .greater)
                case .lessOrEqual, .less: upper = .init(bound, strict: relation == .less)
                case .equal: (lower, upper) = (.init(bound, strict: false), .init(bound, strict: false))
                case .notEqual:
                    throw Diagnostic("'!=' is not a bound", at: chain.terms[k + 1].location, hint: "write \(name) >= 3 or \(name) <= 10")
                }
            }
        }
        guard let lower else {
            throw Diagnostic("\(name) needs a lower bound", at: SourceLocation(line: 1, column: 1), hint: "write \(name) >= 1")
        }
        return IntegerParameter(name, lower: lower, upper: upper)
    }
}

/// `for small eps`, alone or with another parameter ranging over `each` (pointwise: ε₀ may
/// depend on it; `uniformly`: one ε₀ for all of it).
public struct SmallQuantifier: Sendable {
    public let parameter: String
    public let each: ParameterRange?
    public let uniformly: Bool

    /// The names the claim may use.
    public var names: Set<String> { Set([parameter] + (each.map { [$0.name] } ?? [])) }
}
