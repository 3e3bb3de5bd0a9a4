import Exact
import Networks
import Symbolic

extension Elaborator {
    func call(_ name: String, _ args: [ExprSyntax], at: SourceLocation, _ builder: inout ExprBuilder,
              locals: [String: Expr]) throws(Diagnostic) -> Value {
        let values = try args.map { (a: ExprSyntax) throws(Diagnostic) -> Value in try value(a, &builder, locals: locals) }
        func arity(_ n: Int) throws(Diagnostic) {
            guard args.count == n else { throw Diagnostic("\(name) takes \(n) argument(s), got \(args.count)", at: at) }
        }
        func scalars() throws(Diagnostic) -> [Expr] {
            try zip(values, args).map { (pair: (Value, ExprSyntax)) throws(Diagnostic) -> Expr in
                guard case .scalar(let x) = pair.0 else {
                    throw Diagnostic("expected a number, found \(pair.0.kind)", at: pair.1.location)
                }
                return x
            }
        }
        if let d = definitions[name] {
            guard args.count == d.parameters.count else {
                throw Diagnostic("\(name) takes \(d.parameters.count) argument(s), got \(args.count)", at: at)
            }
            var inner = locals
            for (p, x) in zip(d.parameters, try scalars()) { inner[p] = x }
            return try value(d.syntax, &builder, locals: inner)
        }
        if let point = document.points[name] {
            guard args.count == point.parameters.count, !args.isEmpty else {
                throw Diagnostic("point \(name) takes \(point.parameters.count) argument(s), got \(args.count)", at: at)
            }
            let bindings = Dictionary(uniqueKeysWithValues: zip(point.parameters, try scalars()))
            builder.include(point.domain.map { Comparison($0.lhs.substituting(bindings), $0.relation, $0.rhs.substituting(bindings)) })
            return .vector(point.theta.map { $0.substituting(bindings) })
        }
        if ExprBuilder.functionNames.contains(name) {
            let xs = try scalars()
            do { return .scalar(try builder.call(name, xs)) } catch {
                throw Diagnostic(error.message, at: error.argument.map { args[$0].location } ?? at)
            }
        }
        switch name {
        case "norm":
            try arity(1)
            return .scalar(Expr.sum(values[0].entries.map { $0 * $0 }).squareRoot)
        case "dot":
            try arity(2)
            guard case .vector(let u) = values[0], case .vector(let v) = values[1], u.count == v.count else {
                throw Diagnostic("dot needs two vectors of the same length", at: at)
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
                throw Diagnostic("the stable rank of a zero matrix is not defined", at: at)
            }
        case "Phi":
            try arity(2)
            let network = try requireNetwork(at)
            let θ = try theta(values[0], args[0])
            guard case .vector(let x) = values[1], x.count == network.inputDimension else {
                throw Diagnostic("Phi needs an input of length \(network.inputDimension)", at: args[1].location)
            }
            let output = network(θ, x)
            return output.count == 1 ? .scalar(output[0]) : .vector(output)
        case "margin", "gamma", "loss":
            try arity(1)
            let network = try requireNetwork(at)
            let θ = try theta(values[0], args[0])
            guard !document.examples.isEmpty else { throw Diagnostic("\(name) needs data", at: at) }
            if name == "loss" { return .scalar(try loss(network, θ, at: at)) }
            guard network.outputDimension == 1 else { throw Diagnostic("\(name) needs a scalar-output network", at: at) }
            let margins = document.examples.map { $0.y[0] * network(θ, $0.x)[0] }
            let margin = margins.dropFirst().reduce(margins[0]) { Expr.min($0, $1) }
            guard name == "gamma" else { return .scalar(margin) }
            guard let L = network.homogeneityDegree else {
                throw Diagnostic("the network is not homogeneous, so gamma is not defined", at: at,
                                 hint: "for Thm 6.1-style networks write margin(p) / norm(p)^2 explicitly")
            }
            let normSquared = Expr.sum(θ.map { $0 * $0 })
            let denominator = builder.power(normSquared, Expr(Rational(L, 2)))
            do { return .scalar(try builder.divide(margin, by: denominator)) } catch { throw Diagnostic(error.message, at: at) }
        default:
            throw Diagnostic("unknown function '\(name)'", at: at,
                             hint: "functions: sqrt, root, exp, log, relu, lrelu, abs, max, min, norm, dot, Phi, margin, gamma, loss")
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
                                 at: at)
            }
            let largest = Polynomial.characteristic(of: rational).realRoots.last!
            return Expr(Constant(largest))
        }
    }

    func requireNetwork(_ at: SourceLocation) throws(Diagnostic) -> Network {
        guard let network = document.network else {
            throw Diagnostic("no network is declared", at: at, hint: "declare it first: network fully-connected relu 2 -> 2 -> 1")
        }
        return network
    }

    /// A point's θ: a vector with one entry per network parameter.
    func theta(_ v: Value, _ syntax: ExprSyntax) throws(Diagnostic) -> [Expr] {
        let network = try requireNetwork(syntax.location)
        guard case .vector(let θ) = v, θ.count == network.parameterCount else {
            throw Diagnostic("expected a point (a vector of \(network.parameterCount) parameters), found \(v.kind)",
                             at: syntax.location)
        }
        return θ
    }

    /// Σᵢ ℓ(yᵢΦ(θ; xᵢ)) for the exponential and logistic losses, ½Σᵢ‖Φ(θ; xᵢ) − yᵢ‖² for the square loss.
    func loss(_ network: Network, _ θ: [Expr], at: SourceLocation) throws(Diagnostic) -> Expr {
        guard let loss = document.loss else {
            throw Diagnostic("no loss is declared", at: at, hint: "declare it: loss exponential")
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
