import Exact

/// The architectures of papers 001–004, each with its parameter order.
extension Network {
    /// A fully connected network with `widths` = [d_0, d_1, …, d_m]: hidden layers use
    /// `activation`, the output layer is linear (Vardi, Shamir, Srebro (2022) §2).
    ///
    /// θ order: W_1, …, W_m, each row-major. Blocks: for depth 2 with scalar output
    /// (Φ = Σ_l v_l σ(w_lᵀx)) they are the hidden neurons' incoming vectors `w1`, …, `wk` (or
    /// `w` when k = 1) and `v`, as in Vardi, Shamir, Srebro (2022); otherwise the matrices `W1`, …, `Wm`.
    public static func fullyConnected(widths: [Int], activation: Activation) -> Network {
        precondition(widths.count >= 2 && widths.allSatisfy { $0 > 0 }, "widths")
        var next = 0
        var layers: [Layer] = []
        var blocks: [ParameterBlock] = []
        let paperNames = widths.count == 3 && widths[2] == 1
        for l in 1 ..< widths.count {
            let (rows, columns) = (widths[l], widths[l - 1])
            let start = next
            layers.append(Layer(weights: WeightPattern(rows: rows, columns: columns,
                                                       entries: (0 ..< rows * columns).map { start + $0 }),
                                activation: l == widths.count - 1 ? .linear : activation))
            next += rows * columns
            if paperNames && l == 1 {
                for r in 0 ..< rows {
                    blocks.append(ParameterBlock(name: rows == 1 ? "w" : "w\(r + 1)",
                                                 range: start + r * columns ..< start + (r + 1) * columns))
                }
            } else {
                blocks.append(ParameterBlock(name: paperNames ? "v" : "W\(l)", range: start ..< next,
                                             shape: (rows, columns)))
            }
        }
        return Network(layers: layers, blocks: blocks)
    }

    /// A diagonal network of depth m on ℝ^d (Vardi, Shamir, Srebro (2022) §2): h_j = σ(diag(w_j) h_{j−1}) for
    /// j < m and Φ = w_mᵀ h_{m−1}. θ order and blocks: `w1`, …, `wm`, each in ℝ^d.
    public static func diagonal(dimension d: Int, depth m: Int, activation: Activation) -> Network {
        precondition(d > 0 && m >= 2, "diagonal network shape")
        let layers = (0 ..< m).map { j in
            let base = j * d
            return j == m - 1
                ? Layer(weights: WeightPattern(rows: 1, columns: d, entries: (0 ..< d).map { base + $0 }),
                        activation: .linear)
                : Layer(weights: WeightPattern(rows: d, columns: d, entries: (0 ..< d * d).map { e in
                      e / d == e % d ? base + e / d : nil
                  }), activation: activation)
        }
        let blocks = (0 ..< m).map { ParameterBlock(name: "w\($0 + 1)", range: $0 * d ..< ($0 + 1) * d) }
        return Network(layers: layers, blocks: blocks)
    }

    /// A network in 𝒩_no-share with the sparsity `masks[l][i][j]` (true = a free weight):
    /// hidden layers use `activation`, the last is linear. θ order: the free weights of each
    /// layer row-major; blocks `u1`, …, `um` (the vectors u^(l) of Vardi, Shamir, Srebro (2022) §2).
    public static func sparse(masks: [[[Bool]]], activation: Activation) -> Network {
        var next = 0
        var layers: [Layer] = []
        var blocks: [ParameterBlock] = []
        for (l, mask) in masks.enumerated() {
            let start = next
            let entries: [Int?] = mask.flatMap { row in
                row.map { free -> Int? in
                    guard free else { return nil }
                    defer { next += 1 }
                    return next
                }
            }
            layers.append(Layer(weights: WeightPattern(rows: mask.count, columns: mask.first?.count ?? 0,
                                                       entries: entries),
                                activation: l == masks.count - 1 ? .linear : activation))
            blocks.append(ParameterBlock(name: "u\(l + 1)", range: start ..< next))
        }
        return Network(layers: layers, blocks: blocks)
    }

    /// A depth-2 convolutional network with one filter w ∈ ℝ^k on p disjoint patches
    /// (Vardi, Shamir, Srebro (2022) Thm 4.4): Φ(θ; x) = Σ_j v_j σ(wᵀ x^{(j)}), x^{(j)} = (x_{(j−1)k+1}, …, x_{jk}).
    /// θ order and blocks: `w` (k entries, shared by all patches), `v` (p entries).
    public static func convolution(patchSize k: Int, patches p: Int, activation: Activation) -> Network {
        precondition(k > 0 && p > 0, "convolution shape")
        let first = WeightPattern(rows: p, columns: p * k, entries: (0 ..< p * p * k).map { e in
            let (row, column) = (e / (p * k), e % (p * k))
            return column / k == row ? column % k : nil
        })
        let second = WeightPattern(rows: 1, columns: p, entries: (0 ..< p).map { k + $0 })
        return Network(layers: [Layer(weights: first, activation: activation),
                                Layer(weights: second, activation: .linear)],
                       blocks: [ParameterBlock(name: "w", range: 0 ..< k),
                                ParameterBlock(name: "v", range: k ..< k + p)])
    }

    /// The same network plus a skip connection Φ += U x, U a full outputs × inputs matrix
    /// appended to θ as block `name`.
    public func addingSkipConnection(named name: String = "u") -> Network {
        let start = parameterCount, rows = outputDimension, columns = inputDimension
        return Network(layers: layers,
                       skip: WeightPattern(rows: rows, columns: columns,
                                           entries: (0 ..< rows * columns).map { start + $0 }),
                       outputBias: outputBias,
                       blocks: blocks + [ParameterBlock(name: name, range: start ..< start + rows * columns,
                                                        shape: (rows, columns))])
    }

    /// The same network plus an output bias Φ += b, appended to θ as block `name`.
    public func addingOutputBias(named name: String = "b") -> Network {
        let start = parameterCount
        return Network(layers: layers, skip: skip, outputBias: (0 ..< outputDimension).map { start + $0 },
                       blocks: blocks + [ParameterBlock(name: name, range: start ..< start + outputDimension)])
    }

    /// Vardi, Shamir, Srebro (ICLR 2022 submission) Thm 6.1: the depth-2 linear network of width 1 on ℝ with a skip connection,
    /// Φ(θ; x) = v·w·x + u·x, θ = [w, v, u].
    public static let scalarLinearWithSkip =
        fullyConnected(widths: [1, 1, 1], activation: .linear).addingSkipConnection(named: "u")

    /// The bias variant of Thm 6.1 (Vardi, Shamir, Srebro (ICLR 2022 submission), remark after the theorem): Φ = v·w·x + b,
    /// θ = [w, v, b].
    public static let scalarLinearWithBias =
        fullyConnected(widths: [1, 1, 1], activation: .linear).addingOutputBias(named: "b")
}
