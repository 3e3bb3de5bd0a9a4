import Exact

/// The sparsity and sharing pattern of one weight matrix W ∈ ℝ^{rows×columns}: entry (i, j)
/// is a structural zero (`nil`) or the parameter θ[k] (`k`). Several entries may name the same
/// k (weight sharing, Vardi, Shamir, Srebro (2022) §2: the map g_l of the class 𝒩).
public struct WeightPattern: Hashable, Sendable {
    public let rows: Int
    public let columns: Int
    /// Row-major: `entries[i * columns + j]`.
    public let entries: [Int?]

    public init(rows: Int, columns: Int, entries: [Int?]) {
        precondition(rows > 0 && columns > 0 && entries.count == rows * columns, "pattern shape")
        self.rows = rows
        self.columns = columns
        self.entries = entries
    }

    /// The parameter index of W[i, j], or nil for a structural zero.
    public subscript(i: Int, j: Int) -> Int? { entries[i * columns + j] }

    /// The matrix W for the parameter vector θ.
    public func matrix<S: NetworkScalar>(_ θ: [S]) -> [[S]] {
        (0 ..< rows).map { i in (0 ..< columns).map { j in self[i, j].map { θ[$0] } ?? .zero } }
    }

    /// W·h.
    func apply<S: NetworkScalar>(_ θ: [S], to h: [S]) -> [S] {
        precondition(h.count == columns, "input of length \(h.count), expected \(columns)")
        return (0 ..< rows).map { i in
            var sum = S.zero
            for j in 0 ..< columns { if let k = self[i, j] { sum = sum + θ[k] * h[j] } }
            return sum
        }
    }
}

/// One layer h ↦ σ(W h + b).
public struct Layer: Hashable, Sendable {
    public let weights: WeightPattern
    public let activation: Activation
    /// The parameter index of the bias bᵢ of every neuron i (nil: that neuron has none, bᵢ = 0),
    /// or nil when the layer has no bias. Entries may repeat (a shared bias).
    public let bias: [Int?]?

    public init(weights: WeightPattern, activation: Activation, bias: [Int?]? = nil) {
        precondition(bias.map { $0.count == weights.rows } ?? true, "one bias entry per neuron")
        self.weights = weights
        self.activation = activation
        self.bias = bias
    }

    /// True when some neuron of the layer has a bias parameter.
    public var hasBias: Bool { bias?.contains { $0 != nil } ?? false }

    /// Every parameter index the layer reads (weights, then biases), with repetitions.
    public var parameterIndices: [Int] { weights.entries.compactMap { $0 } + (bias?.compactMap { $0 } ?? []) }

    /// W h + b.
    func preActivation<S: NetworkScalar>(_ θ: [S], _ h: [S]) -> [S] {
        let z = weights.apply(θ, to: h)
        guard let bias else { return z }
        return zip(z, bias).map { z, k in k.map { z + θ[$0] } ?? z }
    }
}

/// A named, contiguous block of θ (`w1`, `v`, `W1`, `u`, …), so points are written the way
/// the papers write them. `shape` is (rows, columns) for a matrix block, read row-major.
public struct ParameterBlock: Hashable, Sendable {
    public let name: String
    public let range: Range<Int>
    public let shape: (rows: Int, columns: Int)

    public init(name: String, range: Range<Int>, shape: (rows: Int, columns: Int)? = nil) {
        self.name = name
        self.range = range
        self.shape = shape ?? (1, range.count)
    }

    public static func == (a: ParameterBlock, b: ParameterBlock) -> Bool {
        a.name == b.name && a.range == b.range && a.shape == b.shape
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(range)
    }
}

/// A feed-forward network Φ(θ; x) = σ_m(W_m ⋯ σ_1(W_1 x + b_1) ⋯ + b_m) + U x + b with a flat
/// parameter vector θ (every bias optional, per layer and per neuron).
///
/// Every W_l is a `WeightPattern` into θ (fully connected, diagonal, sparse, shared /
/// convolutional). The optional skip connection U (outputs × inputs, also a pattern) and output
/// bias b make the network non-homogeneous, as in Vardi, Shamir, Srebro (ICLR 2022 submission) Thm 6.1 (Φ = v·w·x + u·x, or
/// Φ = v·w·x + b). The order of θ is the order of `blocks`; the convenience constructors in
/// `Network+Architectures.swift` document theirs.
public struct Network: Hashable, Sendable {
    public let layers: [Layer]
    /// U in Φ += U x (rows = output dimension, columns = input dimension).
    public let skip: WeightPattern?
    /// The parameter index of b_r for every output r, when Φ has an output bias.
    public let outputBias: [Int]?
    public let blocks: [ParameterBlock]

    public init(layers: [Layer], skip: WeightPattern? = nil, outputBias: [Int]? = nil,
                blocks: [ParameterBlock]) {
        precondition(!layers.isEmpty, "a network needs a layer")
        for (a, b) in zip(layers, layers.dropFirst()) {
            precondition(a.weights.rows == b.weights.columns, "layer shapes do not chain")
        }
        let count = blocks.map(\.range.upperBound).max() ?? 0
        precondition(blocks.map(\.range.count).reduce(0, +) == count, "blocks must tile θ")
        let used = layers.flatMap(\.parameterIndices)
            + (skip?.entries.compactMap { $0 } ?? []) + (outputBias ?? [])
        precondition(used.allSatisfy { (0 ..< count).contains($0) }, "pattern index outside θ")
        if let skip {
            precondition(skip.rows == layers.last!.weights.rows
                         && skip.columns == layers[0].weights.columns, "skip shape")
        }
        precondition(outputBias.map { $0.count == layers.last!.weights.rows } ?? true, "bias shape")
        self.layers = layers
        self.skip = skip
        self.outputBias = outputBias
        self.blocks = blocks
    }

    public var parameterCount: Int { blocks.map(\.range.upperBound).max() ?? 0 }
    public var inputDimension: Int { layers[0].weights.columns }
    public var outputDimension: Int { layers.last!.weights.rows }
    public var depth: Int { layers.count }

    /// L with Φ(αθ; x) = α^L Φ(θ; x) for all α > 0, or nil when a skip connection or a bias
    /// (of the output or of a hidden layer) makes Φ non-homogeneous. A layer's input has degree
    /// one more than the layer below's output (the weights), and its activation multiplies that
    /// by its own degree (1, or k for max{0, z}^k): L = depth when every activation has degree 1.
    public var homogeneityDegree: Int? {
        guard skip == nil, outputBias == nil, !layers.contains(where: \.hasBias) else { return nil }
        return layers.reduce(0) { degree, layer in (degree + 1) * layer.activation.degree }
    }

    /// Why Φ is not homogeneous ("a bias in layer 2", "a skip connection"), or nil when it is.
    public var inhomogeneity: String? {
        if let l = layers.firstIndex(where: \.hasBias) { return "a bias in layer \(l + 1)" }
        if skip != nil { return "a skip connection" }
        return outputBias != nil ? "an output bias" : nil
    }

    /// The block called `name`.
    public func block(_ name: String) -> ParameterBlock? { blocks.first { $0.name == name } }

    /// θ assembled from named blocks, e.g. `["w1": [0, 2], "w2": [0, 0], "v": [2, 0]]`.
    /// Precondition: every block is given once, with its length.
    public func parameters<S: NetworkScalar>(_ values: KeyValuePairs<String, [S]>) -> [S] {
        var θ = [S?](repeating: nil, count: parameterCount)
        for (name, value) in values {
            guard let block = block(name) else { preconditionFailure("no block named \(name)") }
            precondition(value.count == block.range.count,
                         "block \(name) has \(block.range.count) entries, got \(value.count)")
            for (k, x) in zip(block.range, value) { θ[k] = x }
        }
        precondition(!θ.contains { $0 == nil }, "every block must be given")
        return θ.map { $0! }
    }

    /// The entries of block `name` in θ.
    public func values<S>(of name: String, in θ: [S]) -> [S] {
        guard let block = block(name) else { preconditionFailure("no block named \(name)") }
        return Array(θ[block.range])
    }

    /// W_l for layer index l (0-based) at θ.
    public func weightMatrix<S: NetworkScalar>(_ l: Int, at θ: [S]) -> [[S]] { layers[l].weights.matrix(θ) }

    /// ‖θ‖² = Σ θ_k².
    public static func squaredNorm<S: NetworkScalar>(_ θ: [S]) -> S { θ.reduce(S.zero) { $0 + $1 * $1 } }
}
