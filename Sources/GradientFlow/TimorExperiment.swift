import Exact
import Foundation
import Networks

/// Paper 003 (Timor, Vardi, Shamir) §3.1, as stated: the depth-2 ReLU network V σ(W x) with
/// W, V ∈ ℝ^{2×2}, the square loss ½Σ‖N(xᵢ) − yᵢ‖² on x₁, x₂ = (±1, 0.99)/‖(1, 0.99)‖ with
/// targets y₁ = e₁, y₂ = e₂, every row of W and every column of V uniform on the circle of
/// radius 10⁻⁴, and 3·10⁶ full-batch GD steps of size 10⁻⁴ from each of 288 such inits
/// ("79 converged to negligible loss (defined as < 10⁻⁴)").
///
/// Run r's init is drawn from its own seed (`MonteCarlo.seed(ofRun:)`), so results do not
/// depend on the core count or on which runs are replayed together.
public struct TimorExperiment: Sendable {
    public var runs: Int
    public var steps: Int
    public var learningRate: Double
    /// The radius of the circles the rows of W and the columns of V are drawn on.
    public var initRadius: Double
    /// "Negligible loss".
    public var lossThreshold: Double
    public var seed: UInt64

    /// The paper's settings (288 runs, 3·10⁶ steps of 10⁻⁴, radius 10⁻⁴, threshold 10⁻⁴).
    public init(runs: Int = 288, steps: Int = 3_000_000, learningRate: Double = 1e-4, initRadius: Double = 1e-4,
                lossThreshold: Double = 1e-4, seed: UInt64 = 2022) {
        precondition(runs > 0 && steps >= 0 && learningRate > 0 && initRadius > 0 && lossThreshold > 0, "experiment settings")
        self.runs = runs
        self.steps = steps
        self.learningRate = learningRate
        self.initRadius = initRadius
        self.lossThreshold = lossThreshold
        self.seed = seed
    }

    static let unit = 1 / (1 + 0.99 * 0.99).squareRoot()
    /// x₁ = (1, 0.99)/‖·‖, x₂ = (−1, 0.99)/‖·‖.
    public static let inputs: [SIMD2<Double>] = [[unit, 0.99 * unit], [-unit, 0.99 * unit]]
    /// y₁ = e₁, y₂ = e₂.
    public static let targets: [SIMD2<Double>] = [[1, 0], [0, 1]]
    public static let network = Network.fullyConnected(widths: [2, 2, 2], activation: .relu)
    public static var data: [LabeledPoint<Double>] {
        zip(inputs, targets).map { LabeledPoint(x: [$0.x, $0.y], y: [$1.x, $1.y]) }
    }
    /// The square-loss flow problem on the plain clock t (GD step k is t = kη).
    public static var problem: FlowProblem { FlowProblem(network: network, data: data, loss: .square) }

    /// GD's horizon as flow time: t = steps·η (300 for the paper's settings).
    public var horizon: Double { Double(steps) * learningRate }

    /// θ(0) of run r (W row-major, then V row-major).
    public func initial(run r: Int) -> [Double] {
        var generator = SplitMix64(seed: MonteCarlo(baseSeed: seed, runs: runs).seed(ofRun: r))
        func circle() -> (Double, Double) {
            let φ = 2 * Double.pi * Double(generator.next() >> 11) * 0x1p-53
            return (initRadius * cos(φ), initRadius * sin(φ))
        }
        let (row0, row1, column0, column1) = (circle(), circle(), circle(), circle())
        return [row0.0, row0.1, row1.0, row1.1, column0.0, column1.0, column0.1, column1.1]
    }

    /// The literal replay: `steps` GD steps from every run's init (batched over SIMD lanes and
    /// all cores).
    public func replay() -> TimorOutcome {
        let initials = (0 ..< runs).map(initial(run:))
        let finals = BatchedReLUDescent(inputs: Self.inputs, targets: Self.targets)
            .run(from: initials, learningRate: learningRate, steps: steps)
        return TimorOutcome(experiment: self, runs: zip(initials, finals).map { θ0, θ in
            TimorRun(initial: θ0, final: θ, loss: Self.loss(θ), ending: .completedSteps)
        })
    }

    /// The same question for the gradient flow itself: every run integrated adaptively
    /// (Dormand–Prince 5(4), kinks located and crossed, Filippov sliding along a kink) to
    /// t = `horizon`; the run stops early once the loss is below a thousandth of the
    /// threshold (the loss never increases along the flow), in parallel over all cores.
    public func adaptiveReplay(relativeTolerance: Double = 1e-8, absoluteTolerance: Double = 1e-12,
                               maximumSteps: Int = 200_000) -> TimorOutcome {
        let flow = AdaptiveFlow(problem: Self.problem, solver: RungeKutta.dormandPrince,
                                controller: StepSizeController(relativeTolerance: relativeTolerance,
                                                               absoluteTolerance: absoluteTolerance),
                                rules: StoppingRules(maximumSteps: maximumSteps, maximumClock: horizon,
                                                     maximumLog10Loss: log10(lossThreshold) - 3),
                                recordEvery: Int.max, initialStepSize: 1e-3)
        let slots = Slots<TimorRun>(count: runs)
        DispatchQueue.concurrentPerform(iterations: runs) { r in
            let θ0 = initial(run: r)
            let result = flow.run(from: θ0)
            slots.store(TimorRun(initial: θ0, final: result.final, loss: Self.loss(result.final), ending: result.outcome), at: r)
        }
        return TimorOutcome(experiment: self, runs: slots.values.map { $0! })
    }

    /// ½Σ‖N(xᵢ) − yᵢ‖² at θ.
    public static func loss(_ θ: [Double]) -> Double {
        BatchedReLUDescent(inputs: inputs, targets: targets).loss(θ)
    }
}

/// One run of the experiment: where it started and ended.
public struct TimorRun: Sendable {
    public let initial: [Double]
    public let final: [Double]
    public let loss: Double
    public let ending: FlowOutcome

    /// The stable ranks ‖W‖_F²/‖W‖_σ² of (W, V) at the end.
    public var stableRanks: [Double] { TimorExperiment.network.stableRanks(final) }
}

/// The runs of a replay and what the paper asks of them.
public struct TimorOutcome: Sendable {
    public let experiment: TimorExperiment
    public let runs: [TimorRun]

    /// The runs that reached loss < threshold.
    public var converged: [TimorRun] { runs.filter { $0.loss < experiment.lossThreshold } }

    /// The paper's Figure 1: histograms of the stable ranks of both layers over the converged
    /// runs, on [1, 2] (a 2×2 matrix has stable rank in [1, 2]; rank 1 iff it is 1).
    public func stableRankHistogram(title: String) -> Histogram {
        let ranks = converged.map(\.stableRanks)
        return Histogram(title: title, xLabel: "stable rank ‖W‖_F² / ‖W‖_σ²", range: 1 ... 2, bins: 20,
                         series: [.init(label: "layer 1 (W)", values: ranks.map { $0[0] }),
                                  .init(label: "layer 2 (V)", values: ranks.map { $0[1] })])
    }
}
