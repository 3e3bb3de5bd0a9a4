import Exact
import Networks
import Symbolic
import Certify

extension Checker {
    /// Problem (2) over the real algebraic numbers, with θ's entries; nil (with the reason)
    /// when an entry is not an exact algebraic constant.
    func exactProblem(_ p: Document.Point) -> (MaxMarginProblem<RealAlgebraic>, [RealAlgebraic])? {
        guard let network = document.network, hasMargins(network) else { return nil }
        func exact(_ v: [Expr]) -> [RealAlgebraic]? {
            let values = v.compactMap { $0.constantValue?.realAlgebraic }
            return values.count == v.count ? values : nil
        }
        guard let θ = exact(p.theta) else { return nil }
        var data: [LabeledPoint<RealAlgebraic>] = []
        for example in document.examples {
            guard let x = exact(example.x), let y = exact(example.y) else { return nil }
            var point = LabeledPoint(x: x, y: y)
            point.classIndex = example.classIndex
            data.append(point)
        }
        return (MaxMarginProblem(network: network, data: data), θ)
    }

    static func show(_ v: [RealAlgebraic]) -> String {
        "(" + v.map { Constant($0).description }.joined(separator: ", ") + ")"
    }

    func kkt(_ p: Document.Point, printed: [Expr]?) -> Outcome {
        guard let (problem, θ) = exactProblem(p) else {
            return .undecided("the KKT check needs margins (a scalar output or class labels) and algebraic numbers")
        }
        let λ = printed.map { $0.map { $0.constantValue!.realAlgebraic } }
        return Self.outcome(problem.isKKTPoint(θ, printed: λ), printed: λ != nil,
                            stationarity: problem.hasClassLabels ? "θ ∈ Σλᵢ∂°qᵢ, qᵢ = Φ_cᵢ − max_{j≠cᵢ} Φ_j" : "θ ∈ Σλᵢ∂°(yᵢΦ)",
                            method: "exact LP over the Clarke subdifferential")
    }

    /// The verdict of a KKT check: `stationarity` names the condition that no λ satisfies
    /// when a Farkas vector is found.
    static func outcome(_ result: KKTResult<RealAlgebraic>, printed: Bool, stationarity: String,
                        method: String) -> Outcome {
        switch result {
        case let .kkt(multipliers, _):
            return .proved("KKT with λ = \(show(multipliers))\(printed ? " (the printed multipliers)" : ""); \(method)")
        case let .infeasible(i, margin):
            return .refuted("infeasible: constraint \(i + 1) has margin \(Constant(margin)) < 1")
        case .notKKT(let y):
            return .refuted("no λ ≥ 0 gives \(stationarity): Farkas vector \(show(y))")
        case .wrongMultipliers(let reason):
            return .refuted("printed multipliers fail: \(reason)")
        case .undecided(let reason):
            return .undecided(reason)
        }
    }

    func globalOptimum(_ p: Document.Point) -> Outcome {
        guard let (problem, θ) = exactProblem(p) else {
            return .undecided("the optimality check needs a scalar-output network and algebraic numbers")
        }
        let result = problem.globalOptimum(θ)
        if case .undecided(let reason) = result, let better = problem.betterPoint(than: θ) {
            let blocks = document.network?.blocks ?? []
            let point = blocks.map { b in "\(b.name) = (" + b.range.map { Constant(better[$0]).description }.joined(separator: ", ") + ")" }
            return .refuted("a feasible point with ‖θ′‖² = \(Constant(Network.squaredNorm(better))) < ‖θ‖² = \(Constant(Network.squaredNorm(θ))), found by search and verified exactly: point better: " + point.joined(separator: ", "),
                            explanation: ["closed forms and the dual certificate: \(reason)"])
        }
        return Self.outcome(result, objective: "‖θ‖²")
    }

    /// The verdict of a global-optimum check on the objective named `objective`.
    static func outcome(_ result: GlobalOptimumResult<RealAlgebraic>, objective: String) -> Outcome {
        switch result {
        case let .optimal(value, reason):
            return .proved("\(objective) = \(Constant(value)), the optimal value: \(reason)")
        case let .notOptimal(value, normSquared, reason):
            return .refuted("\(objective) = \(Constant(normSquared)) > \(Constant(value)), the optimal value: \(reason)")
        case .infeasible(let i):
            return .refuted("infeasible: constraint \(i + 1) fails")
        case .undecided(let reason):
            return .undecided(reason)
        }
    }

    func localOptimum(_ p: Document.Point) -> Outcome {
        guard let (problem, θ) = exactProblem(p) else {
            return .undecided("the optimality check needs a scalar-output network and algebraic numbers")
        }
        return outcome(problem.localOptimum(θ), claimingOptimum: true)
    }

    /// `p is not a local optimum` without a witness: the engine's arc, when it finds one.
    func foundNotLocalOptimum(_ p: Document.Point) -> Outcome {
        guard let (problem, θ) = exactProblem(p) else {
            return .undecided("the optimality check needs a scalar-output network and algebraic numbers")
        }
        return outcome(problem.localOptimum(θ), claimingOptimum: false)
    }

    /// The verdict on `is a local optimum` (`claimingOptimum`) or on `is not a local optimum`.
    func outcome(_ result: LocalOptimumResult, claimingOptimum: Bool) -> Outcome {
        switch result {
        case let .localOptimum(reason, explanation):
            return claimingOptimum ? .proved(reason, explanation: explanation)
                                   : .refuted("a local optimum: \(reason)", explanation: explanation)
        case let .notLocalOptimum(arc, reason, explanation):
            let evidence = "not a local optimum, witness found: \(arc.proofFileText(blocks: document.network?.blocks ?? [])) — \(reason)"
            let lines = explanation + ["direction d = \(Self.show(arc.direction)), correction z = \(Self.show(arc.correction))"]
            return claimingOptimum ? .refuted(evidence, explanation: lines) : .proved(evidence, explanation: lines)
        case .notKKT(let reason):
            return claimingOptimum ? .refuted(reason) : .proved(reason)
        case let .undecided(reason, explanation):
            return .undecided(reason, explanation: explanation)
        }
    }
}

extension DescentArc {
    /// The arc in proof-file syntax, to paste into a file: `parameter s in (0, s0)` and
    /// `point found(s): w1 = (…), …` with the network's blocks.
    func proofFileText(blocks: [ParameterBlock]) -> String {
        let entries = blocks.map { block in
            "\(block.name) = (" + block.range.map { point[$0].description }.joined(separator: ", ") + ")"
        }
        return "parameter \(parameter) in (0, \(upperBound)); point found(\(parameter)): " + entries.joined(separator: ", ")
    }
}
