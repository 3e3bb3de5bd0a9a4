import Exact
import Networks
import Symbolic

/// Elaboration of `flow` statements and of the claims about flows. The problem is exact in
/// the file and rounded to `Double` here, once: a flow is simulated, never proved.
extension Elaborator {
    /// The network and the loss of a `flow` or `experiment` statement (`article` `what`: "a"
    /// "flow"), or the error that the network is not declared yet or the loss is unknown.
    func simulated(_ article: String, _ what: String, loss name: String, at: SourceLocation) throws(Diagnostic) -> (Network, Loss) {
        guard let network = document.network else {
            throw Diagnostic("\(article) \(what) needs the network first", at: at, hint: "declare it before the \(what): " + NetworkSpec.example)
        }
        guard let loss = Loss(rawValue: name) else {
            throw Diagnostic("unknown loss '\(name)'", at: at, hint: "use exponential, logistic or square")
        }
        return (network, loss)
    }

    mutating func flow(_ syntax: FlowSyntax) throws(Diagnostic) {
        let at = syntax.location
        try checkFresh(syntax.name, at: at)
        let (network, loss) = try simulated("a", "flow", loss: syntax.loss, at: at)
        guard !document.examples.isEmpty else { throw Diagnostic("a flow needs data", at: at, hint: "data x1 = (1, 1/4), y1 = 1") }
        guard !loss.isMarginLoss || network.outputDimension == 1 else {
            throw Diagnostic("the \(loss) loss needs a network with one output", at: at, hint: "use loss square")
        }
        guard let point = document.points[syntax.initial] else {
            throw Diagnostic("unknown point '\(syntax.initial)'", at: at, hint: "define it first: point \(syntax.initial): …")
        }
        guard point.parameters.isEmpty, let initial = Document.doubles(point.theta) else {
            throw Diagnostic("the initial point \(syntax.initial) must be fixed numbers", at: at,
                             hint: "start the flow from a point without parameters, e.g. point init: w1 = (1/10, 1/5), …")
        }
        let solver: Document.Flow.Solver
        switch syntax.solver {
        case nil: solver = loss.isMarginLoss ? .rosenbrock : .dormandPrince
        case "rosenbrock": solver = .rosenbrock
        case "dopri": solver = .dormandPrince
        case "gd":
            let η = try positiveNumber(syntax.learningRate!, "the learning rate")
            solver = .gradientDescent(learningRate: η)
        case let other?:
            throw Diagnostic("unknown solver '\(other)'", at: at, hint: "use rosenbrock, dopri or gd(1e-4)")
        }
        let until = try syntax.untilLog10Time.map { (e: ExprSyntax) throws(Diagnostic) -> Double in try number(e, "log10 t") }
            ?? (loss.isMarginLoss ? Self.defaultLog10TimeLimit : nil)
        var steps = 100_000
        if let e = syntax.steps {
            let n = try positiveNumber(e, "the number of steps")
            guard n == n.rounded(), n <= 1e12 else {
                throw Diagnostic("the number of steps must be a whole number up to 10^12", at: e.location, hint: "steps 100000")
            }
            steps = Int(n)
        }
        let scale = initial.map(abs).max().flatMap { $0 > 0 ? $0 : nil } ?? 1
        let rtol = try syntax.relativeTolerance.map { (e: ExprSyntax) throws(Diagnostic) -> Double in try positiveNumber(e, "rtol") }
        let atol = try syntax.absoluteTolerance.map { (e: ExprSyntax) throws(Diagnostic) -> Double in try positiveNumber(e, "atol") }
        if case .gradientDescent = solver, let given = syntax.relativeTolerance ?? syntax.absoluteTolerance {
            throw Diagnostic("gradient descent takes fixed steps: rtol and atol are for the adaptive solvers", at: given.location,
                             hint: "remove rtol and atol, or use solver rosenbrock or solver dopri")
        }
        let data = try doubleData(at, what: "a flow")
        var flow = Document.Flow(name: syntax.name, network: network, data: data, loss: loss, initialPoint: syntax.initial,
                                 initial: initial, solver: solver, maximumLog10Time: until, maximumSteps: steps)
        flow.relativeTolerance = rtol ?? Document.Flow.defaultRelativeTolerance
        flow.absoluteTolerance = (atol ?? Document.Flow.defaultAbsoluteTolerance) * (syntax.absoluteToleranceIsAbsolute ? 1 : scale)
        document.flows[syntax.name] = flow
    }

    /// A claim about a flow: `converges in direction to`, `has decreasing normalized margin`,
    /// `reaches loss <`. It takes no quantifier.
    func flowClaim(_ syntax: ClaimSyntax) throws(Diagnostic) -> ElaboratedClaim.Kind {
        guard syntax.quantifier == .none else {
            throw Diagnostic("a claim about a flow takes no quantifier", at: syntax.location,
                             hint: "a flow starts from fixed numbers; remove 'for all …' / 'for small …'")
        }
        func flow(_ name: String) throws(Diagnostic) -> Document.Flow {
            guard let f = document.flows[name] else {
                throw Diagnostic("unknown flow '\(name)'", at: syntax.location, hint: "define it first: flow \(name): exponential from init")
            }
            return f
        }
        switch syntax.assertion {
        case let .flowConvergesInDirection(name, target, tolerance):
            let f = try flow(name)
            let p = try fixedPoint(target, syntax)
            guard let values = Document.doubles(p.theta), values.contains(where: { $0 != 0 }) else {
                throw Diagnostic("the target \(target) must be a nonzero point", at: syntax.location,
                             hint: "the direction of the zero point is not defined; name a nonzero point")
            }
            return .flowDirection(f, target: p, tolerance: try positiveNumber(tolerance, "the tolerance"))
        case let .flowMarginMonotone(name, decreasing):
            let f = try flow(name)
            guard f.loss.isMarginLoss else {
                throw Diagnostic("the normalized margin is monitored for the exponential and logistic losses", at: syntax.location,
                                 hint: "flow \(name): exponential from \(f.initialPoint)")
            }
            return .flowMargin(f, decreasing: decreasing)
        case let .flowReachesLoss(name, bound):
            return .flowLoss(try flow(name), below: try positiveNumber(bound, "the loss bound"))
        default:
            preconditionFailure("not a flow claim")
        }
    }

    /// The default `until log10 t` for the margin losses: far past where Vardi, Shamir, Srebro (2022) Thm 3.2
    /// reaches a direction error of 10⁻⁶ (log₁₀ t ≈ 2·10¹⁰), and far below where ‖θ‖ ~ log t
    /// loses precision.
    static let defaultLog10TimeLimit = 1e15

    /// A constant expression, rounded to the nearest double.
    func number(_ e: ExprSyntax, _ what: String) throws(Diagnostic) -> Double {
        var builder = ExprBuilder()
        guard case .scalar(let x) = try value(e, &builder), let d = Document.doubles([x])?.first, d.isFinite else {
            throw Diagnostic("\(what) must be a number", at: e.location, hint: "write a constant such as 1e-6 or 1/1000")
        }
        return d
    }

    func positiveNumber(_ e: ExprSyntax, _ what: String) throws(Diagnostic) -> Double {
        let d = try number(e, what)
        guard d > 0 else { throw Diagnostic("\(what) must be positive, got \(d)", at: e.location, hint: "write a positive constant such as 1e-6") }
        return d
    }
}
