import Exact
import Foundation
import Networks

/// The region of θ-space an initialisation lies in, as a theorem's hypotheses state it: the
/// activation pattern (the sign of every kinked neuron's input on every example) and, for a
/// two-layer network, the signs of the output weights of the hidden neurons active on some
/// example (an idle neuron's output weight never moves and does not matter).
///
/// Vardi, Shamir, Srebro (2022) Thm 3.2 assumes ⟨w1, xᵢ⟩ > 0, ⟨w2, xᵢ⟩ < 0 (i = 1, 2) and v1 > 0: exactly the
/// sign region of its stated initialisation.
public struct SignRegion: Hashable, Sendable {
    /// [example] the activation pattern (−1, 0, 1 per kinked neuron).
    public let pattern: [[Int8]]
    /// [hidden neuron] the sign of its output weight(s) if it is active on some example, else 0
    /// (2 when a vector output gives it weights of both signs).
    public let outputSigns: [Int8]

    public init(of θ: [Double], network: Network, data: [LabeledPoint<Double>]) {
        let traces = data.map { network.trace(θ, $0.x) }
        pattern = traces.map(network.activationPattern)
        guard network.depth == 2 else { outputSigns = []; return }
        let active = traces.map(network.activeNeurons)
        let output = network.layers[1].weights
        outputSigns = (0 ..< output.columns).map { k in
            guard active.contains(where: { $0[0][k] }) else { return 0 }
            let signs = Set((0 ..< output.rows).compactMap { output[$0, k] }.map { Int8(θ[$0] > 0 ? 1 : θ[$0] < 0 ? -1 : 0) })
            return signs.count == 1 ? signs.first! : 2
        }
    }

    /// The number of draws r = 0 ..< runs (each from its own `sweep` seed) that land in this
    /// region, counted in parallel in blocks with a fixed reduction order.
    public func count(of initialization: Initialization, sweep: MonteCarlo, network: Network,
                      data: [LabeledPoint<Double>]) -> Int {
        let blockSize = 4096, blocks = (sweep.runs + blockSize - 1) / blockSize
        let slots = Slots<Int>(count: blocks)
        DispatchQueue.concurrentPerform(iterations: blocks) { b in
            var hits = 0
            for r in b * blockSize ..< min(sweep.runs, (b + 1) * blockSize) {
                var generator = SplitMix64(seed: sweep.seed(ofRun: r))
                let θ = initialization.sample(for: network, using: &generator)
                if SignRegion(of: θ, network: network, data: data) == self { hits += 1 }
            }
            slots.store(hits, at: b)
        }
        return slots.values.reduce(0) { $0 + $1! }
    }
}
