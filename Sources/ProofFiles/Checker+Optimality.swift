import Exact
import Networks
import Symbolic
import Certify

extension Checker {
    /// Problem (2) over the real algebraic numbers, with θ's entries; nil (with the reason)
    /// when an entry is not an exact algebraic constant.
    func exactProblem(_ p: Document.Point) -> (MaxMarginProblem<RealAlgebraic>, [RealAlgebraic])? {
        guard let network = document.network, network.outputDimension == 1 else { return nil }
        func exact(_ v: [Expr]) -> [RealAlgebraic]? {
            let values = v.compactMap { $0.constantValue?.realAlgebraic }
            return values.count == v.count ? values : nil
        }
        guard let θ = exact(p.theta) else { return nil }
        var data: [LabeledPoint<RealAlgebraic>] = []
        for example in document.examples {
            guard let x = exact(example.x), let y = exact(example.y) else { return nil }
            data.append(LabeledPoint(x: x, y: y))
        }
        return (MaxMarginProblem(network: network, data: data), θ)
    }

    static func show(_ v: [RealAlgebraic]) -> String {
        "(" + v.map { Constant($0).description }.joined(separator: ", ") + ")"
    }

    func kkt(_ p: Document.Point, printed: [Expr]?) -> Outcome {
        guard let (problem, θ) = exactProblem(p) else {
            return .undecided("the KKT check needs a scalar-output network and algebraic numbers")
        }
        let λ = printed.map { $0.map { $0.constantValue!.realAlgebraic } }
        switch problem.isKKTPoint(θ, printed: λ) {
        case let .kkt(multipliers, _):
            let printedNote = λ == nil ? "" : " (the printed multipliers)"
            return .proved("KKT with λ = \(Self.show(multipliers))\(printedNote); exact LP over the Clarke subdifferential")
        case let .infeasible(i, margin):
            return .refuted("infeasible: y\(i + 1)Φ(θ; x\(i + 1)) = \(Constant(margin)) < 1")
        case .notKKT(let y):
            return .refuted("no λ ≥ 0 gives θ ∈ Σλᵢ∂°(yᵢΦ): Farkas vector \(Self.show(y))")
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
        switch problem.globalOptimum(θ) {
        case let .optimal(value, reason):
            return .proved("‖θ‖² = \(Constant(value)), the optimal value: \(reason)")
        case let .notOptimal(value, normSquared, reason):
            return .refuted("‖θ‖² = \(Constant(normSquared)) > \(Constant(value)), the optimal value: \(reason)")
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
        switch problem.localOptimum(θ) {
        case .localOptimum(let reason): return .proved(reason)
        case .notKKT(let reason): return .refuted(reason)
        case .undecided(let reason): return .undecided(reason)
        }
    }
}
