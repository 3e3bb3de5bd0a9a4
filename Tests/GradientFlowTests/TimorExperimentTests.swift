import Foundation
import Networks
import Testing
@testable import GradientFlow

@Suite struct TimorExperimentTests {
    /// Every row of W and column of V is on the circle of radius 10⁻⁴; inits depend on the run
    /// and seed only.
    @Test(arguments: [0, 7, 287])
    func initsAreOnTheStatedCircles(run: Int) {
        let e = TimorExperiment()
        let θ = e.initial(run: run)
        let pieces = [(θ[0], θ[1]), (θ[2], θ[3]), (θ[4], θ[6]), (θ[5], θ[7])]
        #expect(pieces.allSatisfy { abs(($0.0 * $0.0 + $0.1 * $0.1).squareRoot() - 1e-4) < 1e-18 }, "run \(run), seed \(e.seed)")
        #expect(θ == TimorExperiment(runs: 1000).initial(run: run) && θ != TimorExperiment(seed: 1).initial(run: run))
    }

    /// A short replay: GD and the adaptive flow agree run by run on reaching the threshold, and
    /// the histogram counts every converged run in both layers.
    @Test func shortReplaysAgree() {
        let e = TimorExperiment(runs: 8, steps: 2_000, lossThreshold: 0.9999)
        let gd = e.replay(), flow = e.adaptiveReplay()
        #expect(gd.runs.count == 8 && flow.runs.allSatisfy { $0.ending.succeeded })
        for (a, b) in zip(gd.runs, flow.runs) { #expect(abs(a.loss - b.loss) < 1e-6, "seed \(e.seed): \(a.loss) vs \(b.loss)") }
        let histogram = gd.stableRankHistogram(title: "t")
        #expect(histogram.series.map { histogram.counts($0).bins.reduce(0, +) } == [gd.converged.count, gd.converged.count])
    }
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
