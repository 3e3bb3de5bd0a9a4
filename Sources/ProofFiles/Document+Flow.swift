import Exact
import Networks
import Symbolic

extension Document {
    /// A `flow` statement, elaborated: the problem in `Double` (network, data, loss, θ(0)),
    /// the solver and the budget. Simulating it gives evidence, never a proof.
    public struct Flow: Sendable {
        public enum Solver: Sendable, Equatable, CustomStringConvertible {
            /// Rosenbrock23, L-stable: the default for the margin losses (the loss-normalised
            /// flow stiffens as ‖θ‖ grows).
            case rosenbrock
            /// Dormand–Prince 5(4): the default for the square loss.
            case dormandPrince
            /// Fixed-step gradient descent θ ← θ − η∇L, for literal replays.
            case gradientDescent(learningRate: Double)

            public var description: String {
                switch self {
                case .rosenbrock: "rosenbrock"
                case .dormandPrince: "dopri"
                case .gradientDescent(let η): "gd(\(η))"
                }
            }
        }

        public let name: String
        public let network: Network
        public let data: [LabeledPoint<Double>]
        public let loss: Loss
        /// The name of the initial point in the file.
        public let initialPoint: String
        /// θ(0), each exact entry rounded to the nearest double.
        public let initial: [Double]
        public let solver: Solver
        /// Stop once log₁₀ t reaches this (`until log10 t = …`).
        public var maximumLog10Time: Double?
        /// The budget of accepted steps (GD: the number of steps).
        public var maximumSteps: Int
        /// The adaptive solvers' error control: a step's error e is accepted when
        /// RMS_n(e_n / (atol + rtol·|θ_n|)) ≤ 1 (`rtol`, `atol` in the file; atol here is
        /// absolute, already scaled by θ(0)'s scale when the file wrote it relative).
        public var relativeTolerance = Flow.defaultRelativeTolerance
        public var absoluteTolerance = Flow.defaultAbsoluteTolerance

        /// `rtol` when a file gives none: about six correct digits per step, enough for the
        /// direction errors of 10⁻⁶ that flow claims ask for, and cheap for the stiff solver.
        public static let defaultRelativeTolerance = 1e-6
        /// `atol` when a file gives none, relative to θ(0)'s scale max_n |θ_n(0)|: entries
        /// 10⁹ times smaller than the largest are resolved absolutely, whatever the init's scale.
        public static let defaultAbsoluteTolerance = 1e-9
    }

    /// The doubles nearest to the entries of a fixed point θ (algebraic entries: the midpoint
    /// of a 2⁻⁶⁴-wide enclosure, then rounded); nil when an entry is not a constant.
    public static func doubles(_ theta: [Expr]) -> [Double]? {
        var values: [Double] = []
        for entry in theta {
            guard let c = entry.constantValue else { return nil }
            values.append(Double(c.rationalValue ?? c.enclosure(bits: 64).midpoint))
        }
        return values
    }
}

extension Document {
    /// The first `converges in direction` claim about the flow `name`: its target point and
    /// tolerance (what `simulate` and the HTML report measure the flow against).
    public func convergenceClaim(of name: String) -> (target: Point, tolerance: Double)? {
        for claim in claims {
            if case let .flowDirection(g, p, t) = claim.kind, g.name == name { return (p, t) }
        }
        return nil
    }
}
