import Exact
import Foundation
import Networks
import Testing
@testable import GradientFlow

/// Monte Carlo sweeps: seeded initialisations, shards merged byte-identically, summaries.
@Suite struct SweepTests {
    static let network = Fixtures.theorem32Network

    /// GF on the quadratic fixture to t = 1/2 (cheap), from the first two entries of θ(0).
    static func sweep(_ shard: Shard, runs: Int = 7, initialization: Initialization = .xavier) -> SweepReport {
        SweepReport.run(label: "quadratic", sweep: MonteCarlo(baseSeed: 42, runs: runs), shard: shard,
                        network: Fixtures.quadratic.network, initialization: initialization) { θ0 in
            AdaptiveFlow(problem: Fixtures.quadratic,
                         controller: StepSizeController(relativeTolerance: 1e-8, absoluteTolerance: 1e-10),
                         rules: StoppingRules(maximumClock: 0.5), target: [1, -0.5]).run(from: θ0)
        }
    }

    @Test func shardsMergeToTheUnshardedJSONByteForByte() throws {
        let whole = Self.sweep(.all)
        #expect(whole.isComplete && whole.entries.map(\.run) == Array(0 ..< 7))
        let parts = (1 ... 3).map { Self.sweep(Shard(index: $0, count: 3)) }
        let merged = try SweepReport.merged([parts[2], parts[0], parts[1]])
        #expect(try merged.json() == whole.json())
        let partial = try SweepReport.merged([parts[1], parts[0]])
        #expect(!partial.isComplete && partial.shards.map(\.description) == ["1/3", "2/3"])
        #expect(throws: SweepReport.MergeError.self) { try SweepReport.merged([parts[0], parts[0]]) }
        #expect(throws: SweepReport.MergeError.self) {
            try SweepReport.merged([parts[0], Self.sweep(Shard(index: 2, count: 3), runs: 8)])
        }
        #expect(try SweepReport(json: whole.json()) == whole)
    }

    @Test func initialisationsHaveTheirStatedLaw() {
        var generator = SplitMix64(seed: 7)
        let sphere = Initialization.sphere(radius: 3).sample(for: Self.network, using: &generator)
        #expect(abs(Network.squaredNorm(sphere).squareRoot() - 3) < 1e-12, "seed 7")
        let balanced = Initialization.balanced.sample(for: Self.network, using: &generator)
        #expect(Self.network.neuronImbalances(balanced).joined().allSatisfy { abs($0) < 1e-12 }, "seed 7: \(balanced)")
        let base = Fixtures.theorem32Initial
        let noisy = Initialization.perturbation(of: base, standardDeviation: 1e-3).sample(for: Self.network, using: &generator)
        #expect(zip(noisy, base).allSatisfy { abs($0 - $1) < 1e-2 } && noisy != base, "seed 7")
        // Xavier on 2 → 2 → 1: hidden weights have variance 2/(2+2) = 1/2, output weights 2/(1+2).
        let draws = (0 ..< 4000).map { _ in Initialization.xavier.sample(for: Self.network, using: &generator) }
        let variance = { (k: Int) in draws.reduce(0) { $0 + $1[k] * $1[k] } / Double(draws.count) }
        #expect(abs(variance(0) - 0.5) < 0.05 && abs(variance(4) - 2.0 / 3) < 0.07, "seed 7: \(variance(0)), \(variance(4))")
        #expect(Initialization(parsing: "gaussian(0.5)", base: []) == .gaussian(standardDeviation: 0.5))
        #expect(Initialization(parsing: "perturb(1e-3)", base: base) == .perturbation(of: base, standardDeviation: 1e-3))
        #expect(Initialization(parsing: "sphere(-1)", base: []) == nil && Initialization(parsing: "uniform", base: []) == nil)
    }

    @Test func endingsGroupTheLimitDirections() {
        let report = Self.sweep(.all, runs: 5, initialization: .gaussian(standardDeviation: 1))
        // At t = 1/2 the runs have not converged: directions differ, each its own group.
        let endings = report.summary(radius: 1e-9).endings
        #expect(endings.map(\.count).reduce(0, +) == 5 && endings.count == 5)
        let one = report.summary(radius: 3)
        #expect(one.endings.map(\.count) == [5] && one.endings[0].firstRun == 0 && one.count == 5)
        let errors = report.entries.compactMap(\.last.directionError)
        #expect(errors.count == 5 && one.endings[0].directionErrors == errors.min()! ... errors.max()!)
    }

    @Test func wilsonIntervalMatchesTheFormula() {
        // 50 of 100 at 99%: [0.37528, 0.62472] (statsmodels proportion_confint, method="wilson").
        let ci = SweepReport.wilsonInterval(successes: 50, trials: 100)
        #expect(abs(ci.lowerBound - 0.37528) < 1e-5 && abs(ci.upperBound - 0.62472) < 1e-5, "\(ci)")
        #expect(SweepReport.wilsonInterval(successes: 0, trials: 10).lowerBound == 0)
    }
}

extension SweepTests {
    /// Paper 001 Thm 3.2's hypotheses hold with probability (atan(1/4)/π)²·½ ≈ 0.00304 under an
    /// isotropic init (w1 in the cone around (0, 1) active on both inputs, w2 in the opposite
    /// cone, v1 > 0); the parallel count equals the sequential one on the same seeds.
    @Test func signRegionCountsTheoremHypotheses() {
        let problem = Fixtures.theorem32(.exponential)
        let region = SignRegion(of: Fixtures.theorem32Initial, network: problem.network, data: problem.data)
        #expect(region.pattern == [[1, -1], [1, -1]] && region.outputSigns == [1, 0])
        let sweep = MonteCarlo(baseSeed: 11, runs: 5000), law = Initialization.gaussian(standardDeviation: 1)
        let hits = region.count(of: law, sweep: sweep, network: problem.network, data: problem.data)
        let sequential = (0 ..< sweep.runs).filter { r in
            var generator = SplitMix64(seed: sweep.seed(ofRun: r))
            return SignRegion(of: law.sample(for: problem.network, using: &generator), network: problem.network,
                              data: problem.data) == region
        }.count
        #expect(hits == sequential, "seed 11")
        let p = pow(atan(0.25) / Double.pi, 2) / 2
        #expect(SweepReport.wilsonInterval(successes: hits, trials: sweep.runs, z: 3.9).contains(p), "seed 11: \(hits) hits")
    }
}
