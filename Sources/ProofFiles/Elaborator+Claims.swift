import Exact
import Networks
import Symbolic

extension Elaborator {
    func claim(_ syntax: ClaimSyntax) throws(Diagnostic) -> ElaboratedClaim {
        var builder = ExprBuilder()
        let kind: ElaboratedClaim.Kind
        var parameters: Set<String>
        switch syntax.assertion {
        case let .chain(terms, relations):
            let values = try terms.map { (t: ExprSyntax) throws(Diagnostic) -> Value in try value(t, &builder) }
            var comparisons: [Comparison] = []
            for (k, relation) in relations.enumerated() {
                comparisons += try compare(values[k], relation, values[k + 1], at: terms[k + 1].location)
            }
            let claim = Claim(comparisons, domain: builder.domain)
            kind = .comparisons(claim)
            parameters = claim.parameters
        case let .feasible(name):
            let p = try point(name, syntax)
            kind = .feasible(p)
            parameters = Set(p.parameters + dataParameters)
        case let .kktPoint(name, printed):
            // A family (the point, the data or the multipliers depend on parameters) is decided
            // over the parameters; a fixed point by the exact LP.
            let λ = try multipliers(printed, allowingParameters: true)
            let p = try point(name, syntax)
            let family = Set(p.parameters + dataParameters + (λ ?? []).flatMap(\.parameters))
            kind = .kktPoint(family.isEmpty ? try fixedPoint(name, syntax) : p, printed: λ)
            parameters = family
        case let .localOptimum(name):
            kind = .localOptimum(try fixedPoint(name, syntax))
            parameters = []
        case let .globalOptimum(name):
            kind = .globalOptimum(try fixedPoint(name, syntax))
            parameters = []
        case let .notLocalOptimum(name, nil):
            kind = .notLocalOptimum(try fixedPoint(name, syntax), witness: nil)
            parameters = []
        case let .notLocalOptimum(name, witness?):
            let w = try point(witness, syntax)
            let p = try point(name, syntax)
            // A family of points θ̃(a) (or of data) takes a witness θ'(a, eps) of both parameters.
            let family = Set(p.parameters + dataParameters)
            guard w.parameters.count == 1 + family.count, family.isSubset(of: w.parameters), family.count <= 1 else {
                let first = family.sorted().first.map { "\($0), " } ?? ""
                throw Diagnostic("the witness \(witness) must depend on one parameter more than \(name) and the data, as in point \(witness)(\(first)eps): …",
                                 at: syntax.location, hint: "define a family that tends to \(name) as eps → 0, point q(\(first)eps): …, and name it: witness q")
            }
            kind = .notLocalOptimum(family.isEmpty ? try fixedPoint(name, syntax) : p, witness: w)
            parameters = Set(w.parameters)
        case let .notGlobalOptimum(name, witness):
            kind = .notGlobalOptimum(try fixedPoint(name, syntax), witness: try fixedPoint(witness, syntax))
            parameters = []
        case .flowConvergesInDirection, .flowMarginMonotone, .flowReachesLoss:
            kind = try flowClaim(syntax)
            parameters = []
        case .experiment(let claim):
            kind = try experimentClaim(syntax, claim)
            parameters = []
        case let .ofProblem(assertion, .perLayer(layer, at)):
            return try perLayerClaim(assertion, layer: layer, at: at, syntax)
        case let .ofProblem(assertion, .l1Predictor(at)):
            kind = .l1Predictor(try predictorClaim(assertion, at: at))
            parameters = []
        }
        let quantifier = try self.quantifier(syntax, parameters: parameters, kind: kind)
        if case .notLocalOptimum = kind, case .forIntegers = quantifier {
            throw Diagnostic("a witness family needs a real parameter", at: syntax.location,
                             hint: "declare the witness's parameter with 'parameter eps in (0, 1)', not 'integer'")
        }
        return ElaboratedClaim(syntax: syntax, kind: kind, quantifier: quantifier)
    }

    /// The parameters the data depend on (a dataset family), sorted.
    var dataParameters: [String] {
        Set(document.examples.flatMap { ($0.x + $0.y).flatMap(\.parameters) }).sorted()
    }

    /// The printed multipliers `with lambda = (…)`: one constant per data point (or, for a
    /// family's KKT claim, one expression in the declared parameters).
    func multipliers(_ printed: ExprSyntax?, allowingParameters: Bool = false) throws(Diagnostic) -> [Expr]? {
        guard let printed else { return nil }
        var builder = ExprBuilder()
        let v = try value(printed, &builder)
        guard v.entries.count == document.examples.count, v.entries.allSatisfy({ $0.constantValue != nil || allowingParameters }) else {
            throw Diagnostic("expected one constant multiplier per data point (\(document.examples.count)), found \(v.kind)",
                             at: printed.location,
                             hint: "with lambda = (" + document.examples.map { _ in "1" }.joined(separator: ", ") + "), one number per data statement")
        }
        return v.entries
    }

    /// A point claim about problem (4) for `layer` (from 1): the claim about problem (2)'s
    /// point, elaborated as usual, then tagged with the layer.
    func perLayerClaim(_ assertion: AssertionSyntax, layer: Int, at: SourceLocation,
                       _ syntax: ClaimSyntax) throws(Diagnostic) -> ElaboratedClaim {
        guard let network = document.network else {
            throw Diagnostic("the per-layer problem needs a network", at: at, hint: "declare it first: " + NetworkSpec.example)
        }
        guard layer <= network.depth else {
            throw Diagnostic("the network has \(network.depth) layers, not \(layer)", at: at, hint: "layers count from 1")
        }
        let inner = try claim(ClaimSyntax(label: syntax.label, assertion: assertion, quantifier: syntax.quantifier,
                                          expectRefuted: syntax.expectRefuted, location: syntax.location, text: syntax.text))
        if case .kktPoint(_, let printed?) = inner.kind, printed.contains(where: { $0.constantValue == nil }) {
            throw Diagnostic("problem (4)'s KKT claim takes constant multipliers", at: at, hint: "with lambda = (1, 1), one number per data statement")
        }
        return ElaboratedClaim(syntax: syntax, kind: .perLayer(inner.kind, layer: layer - 1), quantifier: inner.quantifier)
    }

    /// A point claim about problem (3); its names are predictors β, `let` vectors of the
    /// input dimension with constant entries. Problem (3) is convex, so there is no
    /// not-a-local-optimum claim: a witness of a better predictor is `not a global optimum`.
    func predictorClaim(_ assertion: AssertionSyntax, at: SourceLocation) throws(Diagnostic) -> ElaboratedClaim.Kind {
        switch assertion {
        case .feasible(let b): return .feasible(try predictor(b, at))
        case let .kktPoint(b, printed): return .kktPoint(try predictor(b, at), printed: try multipliers(printed))
        case .localOptimum(let b): return .localOptimum(try predictor(b, at))
        case .globalOptimum(let b): return .globalOptimum(try predictor(b, at))
        case let .notGlobalOptimum(b, w): return .notGlobalOptimum(try predictor(b, at), witness: try predictor(w, at))
        default:
            throw Diagnostic("the l1 predictor problem is convex: a local optimum is a global one", at: at,
                             hint: "show a better predictor with 'is not a global optimum of the l1 predictor problem, witness b2'")
        }
    }

    /// The predictor β named `name`, as a point of fixed numbers.
    func predictor(_ name: String, _ at: SourceLocation) throws(Diagnostic) -> Document.Point {
        let dimension = document.examples.first?.x.count
        guard let definition = definitions[name], case .vector(let β)? = definition.value, β.count == dimension,
              β.allSatisfy({ $0.constantValue != nil }) else {
            throw Diagnostic("'\(name)' is not a predictor: define it as a vector of \(dimension ?? 0) numbers", at: at,
                             hint: "let \(name) = (1/2, 1/2); a predictor of the l1 predictor problem lives in input space")
        }
        return Document.Point(name: name, parameters: [], theta: β, domain: definition.domain)
    }

    /// The comparisons `a relation b`: one for numbers; entry by entry for vectors (= only).
    func compare(_ a: Value, _ relation: Relation, _ b: Value, at: SourceLocation) throws(Diagnostic) -> [Comparison] {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)):
            return [Comparison(x, relation, y)]
        default:
            guard relation == .equal, a.entries.count == b.entries.count, a.kind == b.kind else {
                throw Diagnostic("cannot compare \(a.kind) with \(b.kind) by '\(relation.rawValue)'", at: at,
                                 hint: "vectors and matrices can only be compared by '='")
            }
            return zip(a.entries, b.entries).map { Comparison($0, .equal, $1) }
        }
    }

    func point(_ name: String, _ syntax: ClaimSyntax) throws(Diagnostic) -> Document.Point {
        guard let p = document.points[name] else {
            throw Diagnostic("unknown point '\(name)'", at: syntax.location, hint: "define it first: point \(name): …")
        }
        return p
    }

    /// A point that depends on no parameter.
    func fixedPoint(_ name: String, _ syntax: ClaimSyntax) throws(Diagnostic) -> Document.Point {
        let p = try point(name, syntax)
        guard p.parameters.isEmpty else {
            throw Diagnostic("point \(name) depends on \(p.parameters.joined(separator: ", ")); this claim needs fixed numbers",
                             at: syntax.location, hint: "define a point with numbers in place of \(p.parameters.joined(separator: ", ")) and claim it of that one")
        }
        return p
    }

    /// Resolves the written quantifier against the claim's parameters.
    func quantifier(_ syntax: ClaimSyntax, parameters: Set<String>,
                    kind: ElaboratedClaim.Kind) throws(Diagnostic) -> Quantifier {
        switch syntax.quantifier {
        case .none:
            if case .notLocalOptimum(_, let w?) = kind, let p = w.parameters.first, let range = document.ranges[p] {
                try checkIndependent(p, syntax.location)
                return .forAll(range)
            }
            if let p = parameters.sorted().first {
                throw Diagnostic("the claim depends on \(p)", at: syntax.location,
                                 hint: "say how: 'for all \(p)', 'for all \(p) in (a, b)' or 'for small \(p)'")
            }
            return .none
        case let .forSmall(name, at):
            guard document.ranges[name] != nil else {
                throw Diagnostic("'\(name)' is not a declared real parameter", at: at, hint: "declare it: parameter \(name) in (0, 1)")
            }
            try checkOnly(name, parameters, at)
            return .forSmall(name)
        case let .forAll(name, written, at):
            try checkOnly(name, parameters, at)
            if let range = document.integerRanges[name] {
                guard written == nil else {
                    throw Diagnostic("an integer parameter takes a bound, not a range", at: at,
                                     hint: "write 'for all \(name)' (its declared bound) or 'for all \(name) >= 4'")
                }
                return .forIntegers(range)
            }
            guard let declared = document.ranges[name] else {
                throw Diagnostic("'\(name)' is not a declared parameter", at: at, hint: "declare it: parameter \(name) in (0, 1)")
            }
            if written == nil { try checkIndependent(name, at) }
            return .forAll(try written.map { (r: RangeSyntax) throws(Diagnostic) -> ParameterRange in try parameterRange(name, r) } ?? declared)
        case let .forAllIntegers(name, bound, at):
            try checkOnly(name, parameters, at)
            guard document.integerRanges[name] != nil else {
                throw Diagnostic("'\(name)' is not a declared integer parameter", at: at,
                                 hint: "declare it: integer \(name) >= 1; a real parameter takes a range: for all \(name) in (a, b)")
            }
            return .forIntegers(try integerRange(name, bound))
        case let .forSmallWith(eps, other, uniformly, at):
            for p in [eps, other.name] where document.ranges[p] == nil {
                throw Diagnostic("'\(p)' is not a declared real parameter", at: at, hint: "declare it: parameter \(p) in (0, 1)")
            }
            if let extra = parameters.subtracting([eps, other.name]).sorted().first {
                throw Diagnostic("the claim also depends on \(extra)", at: at, hint: "a claim is quantified over at most two parameters")
            }
            return .forSmallEach(eps, try outerRange(other), uniformly: uniformly)
        case let .forAllPair(first, second, at):
            if let other = parameters.subtracting([first.name, second.name]).sorted().first {
                throw Diagnostic("the claim also depends on \(other)", at: at, hint: "a claim is quantified over at most two parameters")
            }
            return .forAllRegion(try region(first, second))
        }
    }

    func checkOnly(_ name: String, _ parameters: Set<String>, _ at: SourceLocation) throws(Diagnostic) {
        if let other = parameters.subtracting([name]).sorted().first {
            throw Diagnostic("the claim also depends on \(other)", at: at, hint: "a claim is quantified over one parameter")
        }
    }
}
