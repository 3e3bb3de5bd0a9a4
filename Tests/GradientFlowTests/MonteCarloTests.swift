import Exact
import Testing
@testable import GradientFlow

@Suite struct MonteCarloTests {
    static let sweep = MonteCarlo(baseSeed: 42, runs: 7)

    /// Each run: GF on the quadratic fixture to t = 1 from a random initialisation.
    static func run(_ run: Int, _ generator: inout SplitMix64) -> FlowResult {
        let start = [Double.random(in: -2 ... 2, using: &generator), Double.random(in: -2 ... 2, using: &generator)]
        return AdaptiveFlow(problem: Fixtures.quadratic,
                            controller: StepSizeController(relativeTolerance: 1e-8, absoluteTolerance: 1e-10),
                            rules: StoppingRules(maximumClock: 1)).run(from: start)
    }

    @Test func shardsMergeToTheWholeSweep() throws {
        let whole = Self.sweep.execute(Self.run)
        #expect(whole.isComplete && whole.entries.allSatisfy { $0.outcome == .reachedTimeLimit })
        let parts = (1 ... 3).map { Self.sweep.execute(shard: Shard(index: $0, count: 3), Self.run) }
        #expect(parts.map { $0.entries.map(\.run) } == [[0, 3, 6], [1, 4], [2, 5]])
        let merged = try #require(MonteCarloReport.merged(parts))
        #expect(merged.entries == whole.entries && merged.isComplete)
        #expect(MonteCarloReport.merged([parts[0], parts[0]]) == nil)
        #expect(MonteCarloReport.merged([parts[0], MonteCarlo(baseSeed: 1, runs: 7).execute(shard: Shard(index: 2, count: 3), Self.run)]) == nil)
    }

    @Test func shardParsing() {
        #expect(Shard(parsing: "2/5") == Shard(index: 2, count: 5))
        #expect(Shard(parsing: "0/5") == nil && Shard(parsing: "6/5") == nil && Shard(parsing: "x") == nil)
    }
}
