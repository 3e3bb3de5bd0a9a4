import Exact
import Foundation
import Synchronization
import Testing
@testable import GradientFlow

/// Streamed sweeps: entries consumed in run order through a bounded reorder buffer, written
/// as JSON one at a time, byte-identical to the in-memory report whatever the thread count.
@Suite struct SweepStreamTests {
    static let runs = 50

    /// Entries written by `SweepJSONWriter` as `stream` hands them over, with the summary
    /// accumulated alongside.
    static func streamed(_ shard: Shard, threads: Int) throws -> (json: Data, summary: SweepSummary) {
        let sweep = MonteCarlo(baseSeed: 42, runs: runs)
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-stream-\(getpid())-\(shard.index)-\(shard.count)-\(threads).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var summary = SweepSummary(label: "quadratic", baseSeed: sweep.baseSeed, runs: runs, shards: shard.listed(in: runs))
        let writer = try SweepJSONWriter(path: path, label: "quadratic", baseSeed: sweep.baseSeed, runs: runs,
                                         shards: summary.shards)
        try SweepReport.stream(sweep: sweep, shard: shard, network: Fixtures.quadratic.network,
                               initialization: .gaussian(standardDeviation: 1), threads: threads, Self.flow) { entry in
            summary.add(entry)
            try writer.append(entry)
        }
        try writer.finish()
        return (try Data(contentsOf: URL(fileURLWithPath: path)), summary)
    }

    /// GD on the quadratic fixture, 20 steps (cheap in debug).
    @Sendable static func flow(_ θ0: [Double]) -> FlowResult {
        GradientDescent(problem: Fixtures.quadratic, learningRate: 0.1, steps: 20, target: [1, -0.5]).run(from: θ0)
    }

    @Test(arguments: [Shard.all, Shard(index: 2, count: 3), Shard(index: 3, count: 60)])
    func streamedJSONIsTheInMemoryJSON(shard: Shard) throws {
        let report = SweepReport.run(label: "quadratic", sweep: MonteCarlo(baseSeed: 42, runs: Self.runs), shard: shard,
                                     network: Fixtures.quadratic.network, initialization: .gaussian(standardDeviation: 1),
                                     Self.flow)
        #expect(report.entries.count == shard.runCount(of: Self.runs), "seed 42, shard \(shard)")
        let one = try Self.streamed(shard, threads: 1), two = try Self.streamed(shard, threads: 2)
        #expect(one.json == (try report.json()) + Data("\n".utf8), "seed 42, shard \(shard)")
        #expect(two.json == one.json, "seed 42, shard \(shard): 1 and 2 threads differ")
        let memory = report.summary()
        #expect(one.summary.count == memory.count && one.summary.endings == memory.endings
                && one.summary.outcomes.map(\.count) == memory.outcomes.map(\.count), "seed 42, shard \(shard)")
        #expect(two.summary.endings == one.summary.endings, "seed 42, shard \(shard)")
    }

    /// Items are consumed once each, in order, and no item starts before the one `window`
    /// places earlier was consumed, even when early items are the slowest.
    @Test(arguments: [1, 2, 4])
    func reorderBufferIsBoundedAndOrdered(threads: Int) {
        let consumed = Mutex(0)
        var order: [Int] = []
        let window = 3
        produceInParallel(count: 200, threads: threads, window: window) { i in
            if i % 7 == 0 { usleep(200) }
            return (i, consumed.withLock { $0 })
        } consumeInOrder: { i, value in
            order.append(i)
            #expect(value.0 == i && value.0 < value.1 + window, "item \(i) started when \(value.1) were consumed")
            consumed.withLock { $0 = i + 1 }
        }
        #expect(order == Array(0 ..< 200))
    }

    @Test func aFailingConsumerStopsTheSweep() {
        struct Full: Error {}
        var seen = 0
        #expect(throws: Full.self) {
            try produceInParallel(count: 1000, threads: 2, window: 4) { $0 } consumeInOrder: { i, _ throws(Full) in
                seen += 1
                if i == 10 { throw Full() }
            }
        }
        #expect(seen == 11)
    }
}
