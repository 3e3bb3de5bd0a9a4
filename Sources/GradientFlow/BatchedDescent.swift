import Exact
import Foundation
import Networks

/// Fixed-step gradient descent θ ← θ − η∇L(θ) on many independent runs of one small network
/// at once, for the square loss L(θ) = ½ Σᵢ ‖Φ(θ; xᵢ) − yᵢ‖²: eight runs per `LaneGroup`, lane
/// groups spread over all cores.
///
/// Networks: any depth, any sparsity and weight-sharing pattern (`WeightPattern`), linear,
/// ReLU and leaky-ReLU layers, without skip connection or output bias, up to
/// `maximumParameters` parameters and `maximumWidth` neurons per layer (`init` answers nil
/// otherwise, and then `GradientDescent` runs one run at a time). σ'(z) at z ≤ 0 is the left
/// slope (σ'(0) = 0 for ReLU), as in `GradientDescent`.
///
/// Every lane computes, in this order and without fused operations: the pre-activations
/// zᵢ = Σⱼ Wᵢⱼhⱼ (over the pattern's entries in increasing j, starting from the first term), the
/// residuals e = Φ − y, the gradient accumulated example by example from zero
/// (∂L/∂θ_k += δzᵢ hⱼ for each entry (i, j) naming θ_k, δ_prev,j = Σᵢ Wᵢⱼ δzᵢ in increasing i),
/// then θ_k −= η g_k (`descendDepthTwo`, the specialisation for small fully connected depth-2
/// networks, does the same operations). So a run's iterates do not depend on the lane, the group or the core it
/// ran on, and they equal `GradientDescent`'s up to rounding (checked at construction on a test
/// point: a network this kernel would not differentiate as `Network` does is refused).
public struct BatchedDescent: Sendable {
    /// The largest layer width and parameter count the kernel takes (its buffers live in
    /// each core's cache).
    public static let maximumWidth = 64
    public static let maximumParameters = 1024

    public let problem: FlowProblem
    let plan: [LayerPlan]

    /// One layer's entries, by row (the forward pass and the gradient) and by column (the
    /// backward pass), as (neuron, parameter) pairs.
    struct LayerPlan: Sendable {
        let rows: Int
        let columns: Int
        /// 0: linear, 1: ReLU, 2: leaky ReLU (slope `slope`).
        let kind: Int
        let slope: Double
        /// True when W is dense with consecutive parameters, row-major from `rowParameters[0]`
        /// (a fully connected layer): the passes then index θ directly.
        let dense: Bool
        /// Row i's entries are `rowStarts[i] ..< rowStarts[i + 1]` of `rowColumns`/`rowParameters`.
        let rowStarts: [Int]
        let rowColumns: [Int]
        let rowParameters: [Int]
        /// Column j's entries are `columnStarts[j] ..< columnStarts[j + 1]` of `columnRows`/`columnParameters`.
        let columnStarts: [Int]
        let columnRows: [Int]
        let columnParameters: [Int]
    }

    /// The kernel for `problem`, or nil when it does not apply: a loss other than the square
    /// loss, a skip connection or an output bias, a layer wider than `maximumWidth`, more than
    /// `maximumParameters` parameters, or a gradient that differs from `Network`'s at a test point.
    public init?(problem: FlowProblem) {
        let network = problem.network
        guard problem.loss == .square, problem.clock == .plain, network.skip == nil, network.outputBias == nil,
              network.parameterCount <= Self.maximumParameters,
              network.layers.allSatisfy({ $0.weights.rows <= Self.maximumWidth && $0.weights.columns <= Self.maximumWidth }),
              problem.data.allSatisfy({ $0.x.count == network.inputDimension && $0.y.count == network.outputDimension })
        else { return nil }
        let plans = network.layers.compactMap(Self.plan)
        guard plans.count == network.layers.count else { return nil }
        self.problem = problem
        self.plan = plans
        guard agreesWithNetwork() else { return nil }
    }

    /// The layer's plan; nil for an activation the kernel does not know (powers of the ReLU).
    static func plan(_ layer: Layer) -> LayerPlan? {
        let w = layer.weights
        var rowStarts = [0], rowColumns: [Int] = [], rowParameters: [Int] = []
        for i in 0 ..< w.rows {
            for j in 0 ..< w.columns { if let k = w[i, j] { rowColumns.append(j); rowParameters.append(k) } }
            rowStarts.append(rowColumns.count)
        }
        var columnStarts = [0], columnRows: [Int] = [], columnParameters: [Int] = []
        for j in 0 ..< w.columns {
            for i in 0 ..< w.rows { if let k = w[i, j] { columnRows.append(i); columnParameters.append(k) } }
            columnStarts.append(columnRows.count)
        }
        let kind: Int, slope: Double
        switch layer.activation {
        case .linear: (kind, slope) = (0, 1)
        case .relu: (kind, slope) = (1, 0)
        case .leakyRelu(let α): (kind, slope) = (2, Double(α))
        case .reluPower: return nil
        }
        let first = w.entries[0] ?? -1
        let dense = first >= 0 && w.entries.indices.allSatisfy { w.entries[$0] == first + $0 }
        return LayerPlan(rows: w.rows, columns: w.columns, kind: kind, slope: slope, dense: dense, rowStarts: rowStarts,
                         rowColumns: rowColumns, rowParameters: rowParameters, columnStarts: columnStarts,
                         columnRows: columnRows, columnParameters: columnParameters)
    }

    /// One step of size 10⁻³ from a seeded Gaussian point agrees with `GradientDescent`'s to
    /// 10⁻⁹ relative.
    func agreesWithNetwork() -> Bool {
        var generator = SplitMix64(seed: 0x5EED)
        let θ = Initialization.gaussian(standardDeviation: 1).sample(for: problem.network, using: &generator)
        let batched = run(from: [θ], learningRate: 1e-3, steps: 1)[0]
        let scalar = GradientDescent(problem: problem, learningRate: 1e-3, steps: 1, recordEvery: 1).run(from: θ).final
        let scale = max(1, scalar.map(abs).max() ?? 0)
        return zip(batched, scalar).allSatisfy { abs($0 - $1) <= 1e-9 * scale }
    }

    /// The final θ of every run after `steps` steps θ ← θ − η∇L(θ), each run from its own θ(0).
    public func run(from initial: [[Double]], learningRate η: Double, steps: Int) -> [[Double]] {
        let n = problem.network.parameterCount, width = LaneGroup.count
        precondition(initial.allSatisfy { $0.count == n } && steps >= 0, "each run has \(n) parameters")
        let groups = (initial.count + width - 1) / width
        let results = Slots<[LaneGroup]>(count: groups)
        DispatchQueue.concurrentPerform(iterations: groups) { g in
            var θ = [LaneGroup](repeating: .zero, count: n)
            for lane in 0 ..< width where g * width + lane < initial.count {
                for k in 0 ..< n { θ[k][lane] = initial[g * width + lane][k] }
            }
            results.store(descendDepthTwo(θ, learningRate: η, steps: steps) ?? descend(θ, learningRate: η, steps: steps), at: g)
        }
        return initial.indices.map { r in (0 ..< n).map { results.values[r / width]![$0][r % width] } }
    }

    /// `steps` GD steps on one lane group. The workspace holds, in order: θ, the gradient, the
    /// inputs and targets of every example (broadcast to all lanes), then per layer its
    /// pre-activations and activations, and two rows of back-propagated errors.
    func descend(_ start: [LaneGroup], learningRate η: Double, steps: Int) -> [LaneGroup] {
        let n = start.count, network = problem.network
        let (inputs, outputs) = (network.inputDimension, network.outputDimension)
        let examples = problem.data.count
        let widths = plan.map(\.rows)
        let widest = max(inputs, widths.max()!)
        let exampleBase = 2 * n, layerBase = exampleBase + examples * (inputs + outputs)
        let errorBase = layerBase + 2 * widths.reduce(0, +)
        let workspace = UnsafeMutablePointer<LaneGroup>.allocate(capacity: errorBase + 2 * widest)
        defer { workspace.deallocate() }
        workspace.initialize(repeating: .zero, count: errorBase + 2 * widest)
        for k in 0 ..< n { workspace[k] = start[k] }
        for (e, example) in problem.data.enumerated() {
            let at = exampleBase + e * (inputs + outputs)
            for j in 0 ..< inputs { workspace[at + j] = LaneGroup(repeating: example.x[j]) }
            for r in 0 ..< outputs { workspace[at + inputs + r] = LaneGroup(repeating: example.y[r]) }
        }
        let θ = workspace, gradient = workspace + n
        let rate = LaneGroup(repeating: η)
        withPlanPointers(workspace: workspace + layerBase) { layers in
            for _ in 0 ..< steps {
                for k in 0 ..< n { gradient[k] = .zero }
                for e in 0 ..< examples {
                    let x = workspace + exampleBase + e * (inputs + outputs), y = x + inputs
                    // Forward: z = W h_in, h = σ(z).
                    var input = x
                    for l in layers.indices {
                        let layer = layers[l], z = layer.preActivations, h = z + layer.rows
                        for i in 0 ..< layer.rows {
                            var sum = LaneGroup.zero
                            if layer.dense {
                                let row = θ + layer.rowParameters[0] + i * layer.columns
                                sum = row[0] * input[0]
                                for j in 1 ..< layer.columns { sum += row[j] * input[j] }
                            } else if layer.rowStarts[i] < layer.rowStarts[i + 1] {
                                let (from, to) = (layer.rowStarts[i], layer.rowStarts[i + 1])
                                sum = θ[layer.rowParameters[from]] * input[layer.rowColumns[from]]
                                for t in from + 1 ..< to { sum += θ[layer.rowParameters[t]] * input[layer.rowColumns[t]] }
                            }
                            z[i] = sum
                            h[i] = Self.activate(sum, layer.kind, layer.slope)
                        }
                        input = h
                    }
                    // The residual e = Φ − y is the output's error; back-propagate it.
                    var error = workspace + errorBase, spare = error + widest
                    for r in 0 ..< outputs { error[r] = input[r] - y[r] }
                    for l in layers.indices.reversed() {
                        let layer = layers[l], z = layer.preActivations
                        let below = l == 0 ? x : layers[l - 1].preActivations + layers[l - 1].rows
                        for i in 0 ..< layer.rows { error[i] = Self.pullback(error[i], at: z[i], layer.kind, layer.slope) }
                        for i in 0 ..< layer.rows {
                            if layer.dense {
                                let row = gradient + layer.rowParameters[0] + i * layer.columns, δ = error[i]
                                for j in 0 ..< layer.columns { row[j] += δ * below[j] }
                            } else {
                                for t in layer.rowStarts[i] ..< layer.rowStarts[i + 1] {
                                    gradient[layer.rowParameters[t]] += error[i] * below[layer.rowColumns[t]]
                                }
                            }
                        }
                        guard l > 0 else { break }
                        for j in 0 ..< layer.columns {
                            var sum = LaneGroup.zero
                            if layer.dense {
                                let column = θ + layer.rowParameters[0] + j
                                sum = column[0] * error[0]
                                for i in 1 ..< layer.rows { sum += column[i * layer.columns] * error[i] }
                            } else if layer.columnStarts[j] < layer.columnStarts[j + 1] {
                                let (from, to) = (layer.columnStarts[j], layer.columnStarts[j + 1])
                                sum = θ[layer.columnParameters[from]] * error[layer.columnRows[from]]
                                for t in from + 1 ..< to { sum += θ[layer.columnParameters[t]] * error[layer.columnRows[t]] }
                            }
                            spare[j] = sum
                        }
                        swap(&error, &spare)
                    }
                }
                for k in 0 ..< n { θ[k] -= rate * gradient[k] }
            }
        }
        return (0 ..< n).map { θ[$0] }
    }

    /// σ(z) lane by lane.
    @inline(__always)
    static func activate(_ z: LaneGroup, _ kind: Int, _ slope: Double) -> LaneGroup {
        switch kind {
        case 0: z
        case 1: z.replacing(with: .zero, whereNonPositive: z)
        default: z.replacing(with: slope * z, whereNonPositive: z)
        }
    }

    /// δ·σ'(z) lane by lane (σ'(z) for z ≤ 0 is the left slope).
    @inline(__always)
    static func pullback(_ δ: LaneGroup, at z: LaneGroup, _ kind: Int, _ slope: Double) -> LaneGroup {
        switch kind {
        case 0: δ
        case 1: δ.replacing(with: .zero, whereNonPositive: z)
        default: δ.replacing(with: slope * δ, whereNonPositive: z)
        }
    }

    /// The plan as unsafe buffers for the inner loops (no bounds checks, no reference counting),
    /// each layer's pre-activations z (then its activations h) laid out from `workspace` on.
    func withPlanPointers(workspace: UnsafeMutablePointer<LaneGroup>, _ body: (UnsafeBufferPointer<LayerPointers>) -> Void) {
        let flat = plan.map { [$0.rowStarts, $0.rowColumns, $0.rowParameters, $0.columnStarts, $0.columnRows, $0.columnParameters] }
        let storage = flat.map { $0.map { array in
            let p = UnsafeMutablePointer<Int>.allocate(capacity: max(1, array.count))
            p.initialize(from: array, count: array.count)
            return p
        } }
        defer { for layer in storage { for p in layer { p.deallocate() } } }
        var offset = 0
        let layers = zip(plan, storage).map { layer, p in
            defer { offset += 2 * layer.rows }
            return LayerPointers(rows: layer.rows, columns: layer.columns, kind: layer.kind, slope: layer.slope, dense: layer.dense,
                                 preActivations: workspace + offset, rowStarts: p[0], rowColumns: p[1], rowParameters: p[2],
                                 columnStarts: p[3], columnRows: p[4], columnParameters: p[5])
        }
        layers.withUnsafeBufferPointer(body)
    }

    struct LayerPointers {
        let rows: Int
        let columns: Int
        let kind: Int
        let slope: Double
        let dense: Bool
        let preActivations: UnsafeMutablePointer<LaneGroup>
        let rowStarts: UnsafeMutablePointer<Int>
        let rowColumns: UnsafeMutablePointer<Int>
        let rowParameters: UnsafeMutablePointer<Int>
        let columnStarts: UnsafeMutablePointer<Int>
        let columnRows: UnsafeMutablePointer<Int>
        let columnParameters: UnsafeMutablePointer<Int>
    }
}
