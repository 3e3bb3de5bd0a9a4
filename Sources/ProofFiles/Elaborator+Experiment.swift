import GradientFlow
import Networks
import Symbolic

/// Elaboration of `experiment` statements and of the claims about experiments. The problem is
/// exact in the file and rounded to `Double` here, once: an experiment is simulated, never proved.
extension Elaborator {
    mutating func experiment(_ syntax: ExperimentSyntax) throws(Diagnostic) {
        let at = syntax.location
        try checkFresh(syntax.name, at: at)
        let (network, loss) = try simulated("an", "experiment", loss: syntax.loss, at: at)
        guard !loss.isMarginLoss || network.outputDimension == 1 else {
            throw Diagnostic("the \(loss) loss needs a network with one output", at: at, hint: "use loss square")
        }
        let problem = FlowProblem(network: network, data: try doubleData(at, what: "an experiment"), loss: loss)
        let law = try initialization(syntax.law, network)
        let runs = try wholeNumber(syntax.runs, "the number of runs", upTo: 10_000_000, at: at, example: "runs 288")
        let seed = try syntax.seed.map { (e: ExprSyntax) throws(Diagnostic) -> Int in
            try wholeNumber(e, "the seed", upTo: 1 << 53, at: at, example: "seed 2022", allowZero: true)
        } ?? 0
        let method: GradientFlow.Experiment.Method
        switch (syntax.solver, syntax.untilTime) {
        case ("gd"?, nil):
            let η = try positiveNumber(syntax.learningRate!, "the learning rate")
            let steps = try wholeNumber(syntax.steps, "the number of GD steps", upTo: 1_000_000_000_000, at: at, example: "steps 3000000")
            method = .gradientDescent(learningRate: η, steps: steps)
        case ("gd"?, let until?):
            throw Diagnostic("gradient descent runs a number of steps, not to a time", at: until.location,
                             hint: "write steps N with solver gd(η), or until t = T with the flow")
        case (let solver, let until?) where solver == nil || solver == "rosenbrock" || solver == "dopri":
            let t = try positiveNumber(until, "the time t")
            let steps = syntax.steps == nil ? 200_000
                : try wholeNumber(syntax.steps, "the budget of flow steps", upTo: 1_000_000_000_000, at: at, example: "steps 200000")
            method = .flow(time: t, maximumSteps: steps, stiff: solver.map { $0 == "rosenbrock" } ?? loss.isMarginLoss)
        case (let solver?, _) where solver != "rosenbrock" && solver != "dopri":
            throw Diagnostic("unknown solver '\(solver)'", at: at, hint: "use gd(1e-4), rosenbrock or dopri")
        default:
            throw Diagnostic("say how the runs move: solver gd(η) with steps N, or the flow until t = T", at: at,
                             hint: "…, solver gd(1e-4), steps 3000000   or   …, until t = 300")
        }
        var reports: [Document.Experiment.Item] = []
        for item in syntax.reports {
            switch item {
            case .loss(let bound): reports.append(.loss(below: try positiveNumber(bound, "the loss bound")))
            case .stableRanks: reports.append(.stableRanks)
            case .limitGroups: reports.append(.limitGroups)
            case .normalizedMargin:
                guard loss.isMarginLoss else {
                    throw Diagnostic("the normalized margin is reported for the exponential and logistic losses", at: at,
                                     hint: "remove 'margin' from the reports, or use a margin loss")
                }
                reports.append(.normalizedMargin)
            }
        }
        document.experiments[syntax.name] = Document.Experiment(
            name: syntax.name,
            setup: GradientFlow.Experiment(problem: problem, initialization: law, runs: runs, seed: UInt64(seed), method: method),
            reports: reports, location: at)
    }

    /// The law of the experiment, its argument checked.
    func initialization(_ law: InitLawSyntax, _ network: Network) throws(Diagnostic) -> Initialization {
        let at = law.location
        func argument(_ what: String) throws(Diagnostic) -> Double {
            guard let a = law.argument else {
                throw Diagnostic("\(law.name) needs \(what)", at: at, hint: ProofFileParser.initLawsHint)
            }
            return try positiveNumber(a, what)
        }
        guard !law.perNeuron || law.name == "sphere" else {
            throw Diagnostic("'per neuron' goes with sphere(r)", at: at, hint: "sphere(1e-4) per neuron")
        }
        guard law.base == nil || law.name == "perturb" else {
            throw Diagnostic("'of <point>' goes with perturb(σ)", at: at, hint: "perturb(1e-3) of init")
        }
        func noArgument() throws(Diagnostic) {
            guard law.argument == nil else { throw Diagnostic("\(law.name) takes no argument", at: at, hint: ProofFileParser.initLawsHint) }
        }
        switch law.name {
        case "gaussian": return .gaussian(standardDeviation: try argument("a standard deviation"))
        case "xavier":
            try noArgument()
            return .xavier
        case "sphere":
            let r = try argument("a radius")
            return law.perNeuron ? .neuronSpheres(radius: r) : .sphere(radius: r)
        case "balanced":
            try noArgument()
            guard network.depth == 2 else {
                throw Diagnostic("a balanced init needs a two-layer network", at: at, hint: "use xavier or gaussian(σ)")
            }
            return .balanced
        case "perturb":
            let σ = try argument("a standard deviation")
            guard let name = law.base, let point = document.points[name] else {
                throw Diagnostic("perturb(σ) needs a point to perturb", at: at, hint: "define it first and name it: perturb(1e-3) of init")
            }
            guard point.parameters.isEmpty, let base = Document.doubles(point.theta) else {
                throw Diagnostic("the point \(name) must be fixed numbers", at: at, hint: "perturb a point without parameters")
            }
            return .perturbation(of: base, standardDeviation: σ)
        default:
            throw Diagnostic("unknown initialisation law '\(law.name)'", at: at, hint: ProofFileParser.initLawsHint)
        }
    }

    /// A whole number in [1, `limit`] (or [0, `limit`]), rounded from a constant.
    func wholeNumber(_ e: ExprSyntax?, _ what: String, upTo limit: Int, at: SourceLocation, example: String,
                     allowZero: Bool = false) throws(Diagnostic) -> Int {
        guard let e else { throw Diagnostic("give \(what)", at: at, hint: example) }
        let n = try number(e, what)
        guard n == n.rounded(), n >= (allowZero ? 0 : 1), n <= Double(limit) else {
            throw Diagnostic("\(what) must be a whole number from \(allowZero ? 0 : 1) to \(limit)", at: e.location, hint: example)
        }
        return Int(n)
    }

    /// A claim about an experiment: it takes no quantifier; its numbers are constants.
    func experimentClaim(_ syntax: ClaimSyntax, _ claim: ExperimentClaimSyntax) throws(Diagnostic) -> ElaboratedClaim.Kind {
        let at = syntax.location
        guard syntax.quantifier == .none else {
            throw Diagnostic("a claim about an experiment takes no quantifier", at: at, hint: "remove 'for all …' / 'for small …'")
        }
        guard let experiment = document.experiments[claim.experiment] else {
            throw Diagnostic("unknown experiment '\(claim.experiment)'", at: at, hint: ProofFileParser.experimentExample)
        }
        let measure: ExperimentClaim.Measure
        switch claim.measure {
        case let .runsReachingLoss(bound, count, total):
            guard claim.whereLossBelow == nil else {
                throw Diagnostic("'where loss < …' is for stable ranks, margins and limit groups", at: at,
                                 hint: "claim \(claim.experiment) reaches loss < 1e-4 in 74 of 288 runs")
            }
            guard count.value <= total else {
                throw Diagnostic("\(count.value) of \(total) runs is more than all of them", at: at, hint: "the count is at most the number of runs")
            }
            measure = .runsReachingLoss(below: try positiveNumber(bound, "the loss bound"), count: count, of: total)
        case let .stableRanks(layer, range):
            let depth = experiment.setup.problem.network.depth
            if let layer, !(1 ... depth).contains(layer) {
                throw Diagnostic("layer \(layer) does not exist: the network has layers 1 to \(depth)", at: at, hint: "stable rank of layer 1 in [1, 2]")
            }
            measure = .stableRanks(layer: layer.map { $0 - 1 }, range: try numericRange(range))
        case .normalizedMargin(let range):
            guard experiment.setup.problem.loss.isMarginLoss else {
                throw Diagnostic("the normalized margin is monitored for the exponential and logistic losses", at: at,
                                 hint: "claim about the loss or the stable ranks instead")
            }
            measure = .normalizedMargin(range: try numericRange(range))
        case .limitGroups(let count):
            measure = .limitGroups(count: count)
        }
        let filter = try claim.whereLossBelow.map { (e: ExprSyntax) throws(Diagnostic) -> Double in try positiveNumber(e, "the loss bound") }
        return .experiment(experiment, ExperimentClaim(measure: measure, whereLossBelow: filter))
    }

    func numericRange(_ r: RangeSyntax) throws(Diagnostic) -> NumericRange {
        let range = NumericRange(lower: try number(r.lower, "the lower end"), upper: try number(r.upper, "the upper end"),
                                 lowerClosed: r.lowerClosed, upperClosed: r.upperClosed)
        guard range.lower <= range.upper else {
            throw Diagnostic("the range \(range) is empty", at: r.location, hint: "write the smaller end first: [1, 2]")
        }
        return range
    }
}
