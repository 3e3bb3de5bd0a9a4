import Exact
import Networks
import Symbolic

extension Elaborator {
    /// How each function is called, in the order hints list them.
    static let functionUsage: KeyValuePairs<String, String> = [
        "sqrt": "sqrt(x)", "root": "root(x, k) with a whole k ≥ 1, e.g. root(2, 3)", "exp": "exp(x)", "log": "log(x)",
        "ln": "ln(x)", "relu": "relu(x)", "lrelu": "lrelu(x, 1/10) with a rational slope",
        "leakyrelu": "leakyrelu(x, 1/10) with a rational slope", "abs": "abs(x)", "max": "max(a, b, …) with two or more numbers",
        "min": "min(a, b, …) with two or more numbers", "norm": "norm(v)", "dot": "dot(u, v)", "Phi": "Phi(p; x)",
        "margin": "margin(p)", "gamma": "gamma(p)", "loss": "loss(p)", "frobenius": "frobenius(M)", "spectral": "spectral(M)",
        "srank": "srank(M)",
    ]

    /// "write f(x)" for a built-in function.
    static func usageHint(_ name: String) -> String {
        "write " + (functionUsage.first { $0.key == name }?.value ?? name + "(…)")
    }

    func call(_ name: String, _ args: [ExprSyntax], at: SourceLocation, _ builder: inout ExprBuilder,
              locals: [String: Expr]) throws(Diagnostic) -> Value {
        let values = try args.map { (a: ExprSyntax) throws(Diagnostic) -> Value in try value(a, &builder, locals: locals) }
        func arity(_ n: Int) throws(Diagnostic) {
            guard args.count == n else {
                throw Diagnostic("\(name) takes \(n) argument(s), got \(args.count)", at: at, hint: Self.usageHint(name))
            }
        }
        func scalars(hint: String) throws(Diagnostic) -> [Expr] {
            try zip(values, args).map { (pair: (Value, ExprSyntax)) throws(Diagnostic) -> Expr in
                guard case .scalar(let x) = pair.0 else {
                    throw Diagnostic("expected a number, found \(pair.0.kind)", at: pair.1.location, hint: hint)
                }
                return x
            }
        }
        if let d = definitions[name] {
            let usage = "write \(name)(…) with one number per parameter (\(d.parameters.joined(separator: ", ")))"
            guard args.count == d.parameters.count else {
                throw Diagnostic("\(name) takes \(d.parameters.count) argument(s), got \(args.count)", at: at, hint: usage)
            }
            var inner = locals
            for (p, x) in zip(d.parameters, try scalars(hint: usage)) { inner[p] = x }
            return try value(d.syntax, &builder, locals: inner)
        }
        if let point = document.points[name] {
            let usage = point.parameters.isEmpty ? "point \(name) has no parameters: write \(name) without parentheses"
                : "write \(name)(…) with one number per parameter (\(point.parameters.joined(separator: ", ")))"
            guard args.count == point.parameters.count, !args.isEmpty else {
                throw Diagnostic("point \(name) takes \(point.parameters.count) argument(s), got \(args.count)", at: at, hint: usage)
            }
            let bindings = Dictionary(uniqueKeysWithValues: zip(point.parameters, try scalars(hint: usage)))
            builder.include(point.domain.map { Comparison($0.lhs.substituting(bindings), $0.relation, $0.rhs.substituting(bindings)) })
            return .vector(point.theta.map { $0.substituting(bindings) })
        }
        if ExprBuilder.functionNames.contains(name) {
            let xs = try scalars(hint: Self.usageHint(name))
            do { return .scalar(try builder.call(name, xs)) } catch {
                throw Diagnostic(error.message, at: error.argument.map { args[$0].location } ?? at, hint: Self.usageHint(name))
            }
        }
        switch name {
        case "norm":
            try arity(1)
            return .scalar(Expr.sum(values[0].entries.map { $0 * $0 }).squareRoot)
        case "dot":
            try arity(2)
            guard case .vector(let u) = values[0], case .vector(let v) = values[1], u.count == v.count else {
                throw Diagnostic("dot needs two vectors of the same length; got \(values[0].kind) and \(values[1].kind)", at: at,
                                 hint: "dot(u, v) multiplies entry by entry; take a point's block for a shorter vector, as in dot(kkt.w1, x1)")
            }
            return .scalar(Expr.sum(zip(u, v).map { $0 * $1 }))
        case "frobenius", "spectral", "srank":
            try arity(1)
            let rows: [[Expr]]
            switch values[0] {
            case .matrix(let m): rows = m
            case .vector(let v): rows = [v]
            case .scalar(let x): rows = [[x]]
            }
            let frobeniusSquared = Expr.sum(rows.flatMap { $0 }.map { $0 * $0 })
            if name == "frobenius" { return .scalar(frobeniusSquared.squareRoot) }
            let spectralSquared = try largestGramEigenvalue(rows, at: at)
            if name == "spectral" { return .scalar(spectralSquared.squareRoot) }
            do { return .scalar(try builder.divide(frobeniusSquared, by: spectralSquared)) } catch {
                throw Diagnostic("the stable rank of a zero matrix is not defined", at: at,
                                 hint: "srank(M) = frobenius(M)^2 / spectral(M)^2 needs a nonzero M")
            }
        case "Phi":
            try arity(2)
            let network = try requireNetwork(at)
            let θ = try theta(values[0], args[0])
            guard case .vector(let x) = values[1], x.count == network.inputDimension else {
                throw Diagnostic("Phi needs an input of length \(network.inputDimension), found \(values[1].kind)", at: args[1].location,
                                 hint: "Phi(p; x) takes a point and an input, as in Phi(kkt; x1)")
            }
            let output = network(θ, x)
            return output.count == 1 ? .scalar(output[0]) : .vector(output)
        case "margin", "gamma", "loss":
            try arity(1)
            let network = try requireNetwork(at)
            let θ = try theta(values[0], args[0])
            guard !document.examples.isEmpty else {
                throw Diagnostic("\(name) needs data", at: at, hint: "declare the data first: data x1 = (1, 1/4), y1 = 1")
            }
            if name == "loss" { return .scalar(try loss(network, θ, at: at)) }
            guard network.outputDimension == 1 || document.examples.allSatisfy({ $0.classIndex != nil }) else {
                throw Diagnostic("\(name) needs a scalar-output network or class labels, but this one has \(network.outputDimension) outputs", at: at,
                                 hint: "margins are defined for networks with one output (… -> 1) or for class labels (data x1 = (1, 0), class 2); use loss(p) for this one")
            }
            let margins = document.examples.flatMap { network.pairwiseMargins(θ, $0.labeled) }
            let margin = margins.dropFirst().reduce(margins[0]) { Expr.min($0, $1) }
            guard name == "gamma" else { return .scalar(margin) }
            guard let L = network.homogeneityDegree else {
                throw Diagnostic("the network is not homogeneous (\(network.inhomogeneity ?? "")), so gamma is not defined", at: at,
                                 hint: "gamma(p) = margin(p) / norm(p)^L needs Φ(cθ) = c^L Φ(θ); write margin(p) / norm(p)^2 (or another power) explicitly")
            }
            let normSquared = Expr.sum(θ.map { $0 * $0 })
            let denominator = builder.power(normSquared, Expr(Rational(L, 2)))
            do { return .scalar(try builder.divide(margin, by: denominator)) } catch {
                throw Diagnostic("gamma is not defined at the zero point", at: at, hint: "gamma(p) = margin(p) / norm(p)^L needs a nonzero p")
            }
        default:
            throw Diagnostic("unknown function '\(name)'", at: at,
                             hint: "functions: " + Self.functionUsage.map(\.key).filter { $0 != "ln" && $0 != "leakyrelu" }.joined(separator: ", "))
        }
    }

    /// ‖M‖_σ², the largest eigenvalue of the smaller Gram matrix (M Mᵀ or MᵀM): in closed
    /// form when it is 1×1 or 2×2 ((t + √((a − c)² + 4b²))/2), else from the characteristic
    /// polynomial when the entries are rational.
    func largestGramEigenvalue(_ m: [[Expr]], at: SourceLocation) throws(Diagnostic) -> Expr {
        let columns = m[0].count
        let vectors = m.count <= columns ? m : (0 ..< columns).map { j in m.map { $0[j] } }
        let gram = vectors.map { u in vectors.map { v in Expr.sum(zip(u, v).map { $0 * $1 }) } }
        switch gram.count {
        case 1:
            return gram[0][0]
        case 2:
            let (a, b, c) = (gram[0][0], gram[0][1], gram[1][1])
            let discriminant = (a - c) * (a - c) + Expr(4) * b * b
            return Expr(Rational(1, 2)) * (a + c + discriminant.squareRoot)
        default:
            let rational = gram.map { $0.compactMap(\.rationalValue) }
            guard rational.allSatisfy({ $0.count == gram.count }) else {
                throw Diagnostic("the spectral norm is computed for matrices with a side of length ≤ 2 or with rational entries",
                                 at: at, hint: "use frobenius(M), an upper bound, or give the matrix rational entries")
            }
            let eigenvalues: [RealAlgebraic]
            do { eigenvalues = try Polynomial.characteristic(of: rational).realRoots } catch {
                throw Diagnostic("the eigenvalues of the Gram matrix were not computed in time (\(error.reason))", at: at,
                                 hint: "raise --time-limit, or use frobenius(M), an upper bound")
            }
            // A nonempty Gram matrix has real eigenvalues (it is symmetric).
            guard let largest = eigenvalues.last else {
                throw Diagnostic("the matrix is empty: it has no eigenvalues", at: at, hint: "give a matrix with at least one entry")
            }
            return Expr(Constant(largest))
        }
    }

    func requireNetwork(_ at: SourceLocation) throws(Diagnostic) -> Network {
        guard let network = document.network else {
            throw Diagnostic("no network is declared", at: at, hint: "declare it first: " + NetworkSpec.example)
        }
        return network
    }

    /// A point's θ: a vector with one entry per network parameter.
    func theta(_ v: Value, _ syntax: ExprSyntax) throws(Diagnostic) -> [Expr] {
        let network = try requireNetwork(syntax.location)
        guard case .vector(let θ) = v, θ.count == network.parameterCount else {
            throw Diagnostic("expected a point (a vector of \(network.parameterCount) parameters), found \(v.kind)",
                             at: syntax.location, hint: "pass a point such as kkt, or p(1/10) for a point with a parameter")
        }
        return θ
    }

    /// Σᵢ ℓ(yᵢΦ(θ; xᵢ)) for the exponential and logistic losses, ½Σᵢ‖Φ(θ; xᵢ) − yᵢ‖² for the square loss.
    func loss(_ network: Network, _ θ: [Expr], at: SourceLocation) throws(Diagnostic) -> Expr {
        guard let loss = document.loss else {
            throw Diagnostic("no loss is declared", at: at, hint: "declare it: loss exponential")
        }
        if loss.isMarginLoss, let example = document.examples.first(where: { $0.classIndex != nil }) {
            throw Diagnostic("the \(loss) loss of class labels is not defined here (\(example.name) has a class)", at: at,
                             hint: "use loss square (targets e_c), or write the loss of the margins explicitly with margin(p)")
        }
        let terms: [Expr] = document.examples.map { example in
            let output = network(θ, example.x)
            switch loss {
            case .exponential: return Expr.exp(-(example.y[0] * output[0]))
            case .logistic: return Expr.log(.one + Expr.exp(-(example.y[0] * output[0])))
            case .square:
                return Expr(Rational(1, 2)) * Expr.sum(zip(output, example.y).map { ($0 - $1) * ($0 - $1) })
            }
        }
        return Expr.sum(terms)
    }
}
