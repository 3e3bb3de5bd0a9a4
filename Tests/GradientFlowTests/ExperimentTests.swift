import Exact
import Foundation
import Networks
import Testing
@testable import GradientFlow

@Suite struct ExperimentTests {
    /// Every row of W and column of V is on the circle of radius 10⁻⁴; inits depend on the run
    /// and seed only.
    @Test(arguments: [0, 7, 287])
    func initsAreOnTheStatedCircles(run: Int) {
        let e = TwoByTwoSquareFixture.experiment()
        let θ = e.initial(run: run)
        let pieces = [(θ[0], θ[1]), (θ[2], θ[3]), (θ[4], θ[6]), (θ[5], θ[7])]
        #expect(pieces.allSatisfy { abs(($0.0 * $0.0 + $0.1 * $0.1).squareRoot() - 1e-4) < 1e-18 }, "run \(run), seed \(e.seed)")
        #expect(θ == TwoByTwoSquareFixture.experiment(runs: 1000).initial(run: run)
                && θ != TwoByTwoSquareFixture.experiment(seed: 1).initial(run: run))
    }

    /// Per neuron on a wider network: the first layer's rows and the later layers' columns
    /// each have norm r (spheres of dimension 3 and 4, and single entries ±r).
    @Test func neuronSpheresOnADeeperNetwork() {
        let network = Network.fullyConnected(widths: [3, 4, 2, 1], activation: .relu)
        var generator = SplitMix64(seed: 11)
        let θ = Initialization.neuronSpheres(radius: 0.5).sample(for: network, using: &generator)
        let w = network.layers.map { $0.weights.matrix(θ) }
        let rows = w[0].map { $0.reduce(0) { $0 + $1 * $1 } }
        let columns = w.dropFirst().flatMap { m in m[0].indices.map { j in m.reduce(0) { $0 + $1[j] * $1[j] } } }
        #expect((rows + columns).allSatisfy { abs($0 - 0.25) < 1e-15 }, "seed 11: \(rows + columns)")
        #expect(Initialization(parsing: "sphere(0.5) per neuron", base: []) == .neuronSpheres(radius: 0.5))
    }

    /// A short experiment: GD (batched) and the adaptive flow to the same time agree run by
    /// run, and the histogram counts every converged run in both layers.
    @Test func descentAndFlowAgree() {
        let gd = TwoByTwoSquareFixture.experiment(runs: 8, steps: 2_000).run()
        let flow = Experiment(problem: TwoByTwoSquareFixture.problem, initialization: .neuronSpheres(radius: 1e-4), runs: 8,
                              seed: 2022, method: .flow(time: 0.2, maximumSteps: 200_000, stiff: false)).run()
        #expect(gd.runs.count == 8 && flow.runs.allSatisfy { $0.outcome.succeeded })
        for (a, b) in zip(gd.runs, flow.runs) { #expect(abs(a.loss - b.loss) < 1e-6, "seed 2022: \(a.loss) vs \(b.loss)") }
        let converged = gd.runs(reachingLossBelow: 0.9999)
        let histogram = gd.stableRankHistogram(of: converged, title: "t")
        #expect(histogram.series.map { histogram.counts($0).bins.reduce(0, +) } == [converged.count, converged.count])
    }

    /// The generic kernel reproduces, bit for bit, the final losses and stable ranks that the
    /// former hand-specialised 2×2×2 kernel gave (`margincert replay timor --runs 8 --steps 300000
    /// --no-flow --csv`, seed 2022, before it was replaced; run 4 reaches loss 7·10⁻²⁵).
    @Test func reproducesTheFormerKernel() {
        let result = TwoByTwoSquareFixture.experiment(runs: 8, steps: 300_000).run()
        let lines = result.runs.map { r in
            "\(r.run)," + ([r.loss] + r.stableRanks).map { String(format: "%.17g", $0) }.joined(separator: ",")
        }
        #expect(lines == Self.formerKernel, "seed 2022")
    }

    static let formerKernel = [
        "0,0.5,1.0000000019675224,1.0000000000143734",
        "1,0.5,1.0000000098836213,1.0000000011740484",
        "2,0.5,1.0000000066017305,1.000000008486944",
        "3,0.5,1.0000000000632345,1.000000002398205",
        "4,6.8403331933488207e-25,1.9800409326727655,1.999999999956465",
        "5,1,1.7444179623907312,1.000071346612637",
        "6,0.5,1.0000000033895218,1.0000000061410068",
        "7,0.5,1.0000000073160893,1.0000000057653344",
    ]
}

@Suite struct HistogramTests {
    /// Bins are half-open except the last; values outside the range are counted apart.
    @Test func countsValuesInBins() {
        let h = Histogram(title: "a & b", xLabel: "x", range: 1 ... 2, bins: 4,
                          series: [.init(label: "s", values: [1, 1.2, 1.25, 1.99, 2, 2.5, .nan])])
        let counts = h.counts(h.series[0])
        #expect(counts.bins == [2, 1, 0, 2] && counts.outside == 2)
        #expect(h.svg.contains("a &amp; b") && h.svg.contains("2 outside the range"))
        #expect(h.svg.components(separatedBy: "<rect class=\"bar\"").count - 1 == 3)
    }
}
