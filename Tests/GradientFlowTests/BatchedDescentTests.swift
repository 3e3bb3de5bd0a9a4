import Exact
import Foundation
import Networks
import Testing
@testable import GradientFlow

/// The generic batched GD kernel against the scalar `GradientDescent`, on networks of several
/// depths, activations and weight patterns (sparse, shared), with partial lane groups.
@Suite struct BatchedDescentTests {
    static let networks: [Network] = [
        .fullyConnected(widths: [2, 2, 2], activation: .relu),
        .fullyConnected(widths: [2, 3, 3, 1], activation: .leakyRelu(slope: Rational(1, 10))),
        .fullyConnected(widths: [3, 5, 2], activation: .linear),
        .diagonal(dimension: 3, depth: 3, activation: .relu),
        .convolution(patchSize: 2, patches: 3, activation: .relu),
        .sparse(masks: [[[true, false], [true, true], [false, true]], [[true, true, false]]],
                activation: .leakyRelu(slope: Rational(1, 5))),
    ]

    /// Seeded data: inputs and targets N(0, 1) (four examples).
    static func problem(_ network: Network, seed: UInt64) -> FlowProblem {
        var generator = SplitMix64(seed: seed)
        let data = (0 ..< 4).map { _ in
            LabeledPoint<Double>(x: (0 ..< network.inputDimension).map { _ in Initialization.normal(using: &generator) },
                                 y: (0 ..< network.outputDimension).map { _ in Initialization.normal(using: &generator) })
        }
        return FlowProblem(network: network, data: data, loss: .square)
    }

    @Test(arguments: networks.indices)
    func matchesScalarDescent(index: Int) throws {
        let seed = UInt64(index)
        let problem = Self.problem(Self.networks[index], seed: seed)
        let kernel = try #require(BatchedDescent(problem: problem), "network \(index)")
        var generator = SplitMix64(seed: seed + 100)
        let starts = (0 ..< 11).map { _ in Initialization.gaussian(standardDeviation: 0.5).sample(for: problem.network, using: &generator) }
        let batched = kernel.run(from: starts, learningRate: 1e-2, steps: 300)
        for (run, start) in starts.enumerated() {
            let scalar = GradientDescent(problem: problem, learningRate: 1e-2, steps: 300, recordEvery: 300).run(from: start).final
            let gap = zip(scalar, batched[run]).map { abs($0 - $1) }.max()!
            #expect(gap < 1e-12 * max(1, scalar.map(abs).max()!), "network \(index), seed \(seed), run \(run): gap \(gap)")
        }
    }

    /// Margin losses, skip connections, output biases and layers wider than the documented
    /// size go to the scalar path.
    @Test func refusesWhatItDoesNotCover() {
        let network = Network.fullyConnected(widths: [2, 2, 1], activation: .relu)
        let data = [LabeledPoint<Double>(x: [1, 0.25], label: 1)]
        #expect(BatchedDescent(problem: FlowProblem(network: network, data: data, loss: .exponential)) == nil)
        let biased = Network(layers: network.layers, outputBias: [6], blocks: network.blocks + [ParameterBlock(name: "b", range: 6 ..< 7)])
        #expect(BatchedDescent(problem: FlowProblem(network: biased, data: data, loss: .square)) == nil)
        let wide = Network.fullyConnected(widths: [2, BatchedDescent.maximumWidth + 1, 1], activation: .relu)
        #expect(BatchedDescent(problem: FlowProblem(network: wide, data: data, loss: .square)) == nil)
        #expect(BatchedDescent(problem: FlowProblem(network: network, data: data, loss: .square)) != nil)
    }

    /// Fully connected layers take the direct-indexing path, sparse and shared ones the
    /// indexed path (both are checked against the scalar GD above).
    @Test func denseLayersAreRecognised() throws {
        let kinds = try Self.networks.enumerated().map { index, network in
            try #require(BatchedDescent(problem: Self.problem(network, seed: UInt64(index)))).plan.map(\.dense)
        }
        #expect(kinds[0] == [true, true] && kinds[1] == [true, true, true] && kinds[2] == [true, true])
        #expect(kinds[3] == [false, false, true] && kinds[4][0] == false && kinds[5] == [false, false])
    }

    /// The specialisation for fully connected depth-2 networks gives, bit for bit, the general
    /// kernel's iterates, for every triple of widths it covers and each activation (seeded data
    /// and inits; one lane group).
    @Test(arguments: [Activation.relu, .linear, .leakyRelu(slope: Rational(1, 10))])
    func depthTwoSpecialisationIsExact(activation: Activation) throws {
        let m = BatchedDescent.depthTwoMaximumWidth
        for inputs in 1 ... m { for hidden in 1 ... m { for outputs in 1 ... m {
            let network = Network.fullyConnected(widths: [inputs, hidden, outputs], activation: activation)
            let seed = UInt64(100 * inputs + 10 * hidden + outputs)
            let kernel = try #require(BatchedDescent(problem: Self.problem(network, seed: seed)))
            var generator = SplitMix64(seed: seed)
            var start = [LaneGroup](repeating: .zero, count: network.parameterCount)
            for k in start.indices { for lane in 0 ..< LaneGroup.count { start[k][lane] = Initialization.normal(using: &generator) } }
            let special = try #require(kernel.descendDepthTwo(start, learningRate: 1e-2, steps: 50))
            let general = kernel.descend(start, learningRate: 1e-2, steps: 50)
            let same = zip(special, general).allSatisfy { a, b in (0 ..< LaneGroup.count).allSatisfy { a[$0].bitPattern == b[$0].bitPattern } }
            #expect(same, "widths \(inputs)-\(hidden)-\(outputs), \(activation), seed \(seed)")
        } } }
        // Deeper, wider or sparse networks are left to the general kernel.
        for network in [Self.networks[1], Self.networks[3], .fullyConnected(widths: [5, 2, 1], activation: activation)] {
            let kernel = try #require(BatchedDescent(problem: Self.problem(network, seed: 1)))
            #expect(kernel.descendDepthTwo([LaneGroup](repeating: .zero, count: network.parameterCount), learningRate: 1e-2, steps: 1) == nil)
        }
    }
}
