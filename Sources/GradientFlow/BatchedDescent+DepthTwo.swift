/// The batched kernel specialised to fully connected depth-2 networks of small widths:
/// Φ(x) = σ₂(W₂ σ₁(W₁ x)) with W₁ ∈ ℝ^{H×I}, W₂ ∈ ℝ^{O×H} and I, H, O ≤ `depthTwoMaximumWidth`.
///
/// The widths are compile-time constants (integer generic parameters), so every loop below
/// unrolls and θ, the gradient and the activations stay in registers instead of a workspace.
/// It performs, lane by lane, exactly the operations of `descend` in the same order (the
/// pre-activations, the residual, the gradient accumulated example by example from zero, the
/// back-propagated error, then θ −= η g), so its iterates are bit for bit those of the general
/// kernel (tested); it is only faster.
extension BatchedDescent {
    /// Widths up to this take the specialised kernel (each triple of widths is one instantiation).
    static let depthTwoMaximumWidth = 4

    /// `steps` GD steps on one lane group when the network is fully connected of depth 2 with
    /// widths ≤ `depthTwoMaximumWidth`; nil otherwise.
    func descendDepthTwo(_ start: [LaneGroup], learningRate η: Double, steps: Int) -> [LaneGroup]? {
        guard plan.count == 2, plan.allSatisfy(\.dense),
              [plan[0].columns, plan[0].rows, plan[1].rows].allSatisfy({ $0 <= Self.depthTwoMaximumWidth })
        else { return nil }
        return InputWidth(run: DepthTwoRun(kernel: self, start: start, learningRate: η, steps: steps)).visit(width: plan[0].columns)
    }

    /// One lane group's descent, once the widths are types.
    struct DepthTwoRun {
        let kernel: BatchedDescent
        let start: [LaneGroup]
        let learningRate: Double
        let steps: Int

        func callAsFunction<let I: Int, let H: Int, let O: Int>(_: Width<I>.Type, _: Width<H>.Type, _: Width<O>.Type) -> [LaneGroup] {
            let (first, second) = (kernel.plan[0], kernel.plan[1])
            let (at1, at2) = (first.rowParameters[0], second.rowParameters[0])
            var W1 = DenseWeights<H, I>(start, from: at1), W2 = DenseWeights<O, H>(start, from: at2)
            let inputs = kernel.problem.data.flatMap(\.x), targets = kernel.problem.data.flatMap(\.y)
            let rate = LaneGroup(repeating: learningRate)
            let (σ1, σ2) = (LaneActivation(first), LaneActivation(second))
            // The examples stay scalars, broadcast to the lanes where used (copying lane vectors
            // per example cost a sixth of the time).
            inputs.withUnsafeBufferPointer { inputs in targets.withUnsafeBufferPointer { targets in
                for _ in 0 ..< steps {
                    var g1 = DenseWeights<H, I>.zero, g2 = DenseWeights<O, H>.zero
                    for e in 0 ..< kernel.problem.data.count {
                        var x = LaneVector<I>(repeating: .zero)
                        for j in 0 ..< I { x[j] = LaneGroup(repeating: inputs[e * I + j]) }
                        let z1 = W1.times(x)
                        var h1 = LaneVector<H>(repeating: .zero)
                        for i in 0 ..< H { h1[i] = σ1.apply(z1[i]) }
                        let z2 = W2.times(h1)
                        var e2 = LaneVector<O>(repeating: .zero)
                        for r in 0 ..< O { e2[r] = σ2.pullback(σ2.apply(z2[r]) - LaneGroup(repeating: targets[e * O + r]), at: z2[r]) }
                        g2.accumulate(e2, times: h1)
                        var e1 = W2.transposeTimes(e2)
                        for j in 0 ..< H { e1[j] = σ1.pullback(e1[j], at: z1[j]) }
                        g1.accumulate(e1, times: x)
                    }
                    W1.descend(rate, along: g1)
                    W2.descend(rate, along: g2)
                }
            } }
            var θ = start
            W1.store(into: &θ, from: at1)
            W2.store(into: &θ, from: at2)
            return θ
        }
    }

    struct InputWidth: WidthVisitor {
        let run: DepthTwoRun
        func visit<let I: Int>(_: Width<I>.Type) -> [LaneGroup] { HiddenWidth<I>(run: run).visit(width: run.kernel.plan[0].rows) }
    }
    struct HiddenWidth<let I: Int>: WidthVisitor {
        let run: DepthTwoRun
        func visit<let H: Int>(_: Width<H>.Type) -> [LaneGroup] { OutputWidth<I, H>(run: run).visit(width: run.kernel.plan[1].rows) }
    }
    struct OutputWidth<let I: Int, let H: Int>: WidthVisitor {
        let run: DepthTwoRun
        func visit<let O: Int>(_: Width<O>.Type) -> [LaneGroup] { run(Width<I>.self, Width<H>.self, Width<O>.self) }
    }

    /// A layer's activation as `activate` and `pullback` apply it.
    struct LaneActivation {
        let kind: Int
        let slope: Double
        init(_ layer: LayerPlan) { (kind, slope) = (layer.kind, layer.slope) }
        @inline(__always) func apply(_ z: LaneGroup) -> LaneGroup { BatchedDescent.activate(z, kind, slope) }
        @inline(__always) func pullback(_ δ: LaneGroup, at z: LaneGroup) -> LaneGroup { BatchedDescent.pullback(δ, at: z, kind, slope) }
    }
}

/// N lane groups: a vector of width N for eight runs at once.
typealias LaneVector<let N: Int> = InlineArray<N, LaneGroup>

/// A dense R×C weight matrix of lane groups (row-major, as θ stores a fully connected layer).
struct DenseWeights<let R: Int, let C: Int> {
    var rows: InlineArray<R, LaneVector<C>>

    static var zero: DenseWeights { DenseWeights(rows: .init(repeating: .init(repeating: .zero))) }

    init(rows: InlineArray<R, LaneVector<C>>) { self.rows = rows }

    /// The entries θ[at ..< at + R·C], row-major.
    init(_ θ: [LaneGroup], from at: Int) { rows = .init { i in LaneVector<C> { j in θ[at + i * C + j] } } }

    func store(into θ: inout [LaneGroup], from at: Int) {
        for i in 0 ..< R { for j in 0 ..< C { θ[at + i * C + j] = rows[i][j] } }
    }

    /// W x, each entry summed over j increasing from the first term.
    @inline(__always) func times(_ x: LaneVector<C>) -> LaneVector<R> {
        var product = LaneVector<R>(repeating: .zero)
        for i in 0 ..< R {
            var sum = rows[i][0] * x[0]
            for j in 1 ..< C { sum += rows[i][j] * x[j] }
            product[i] = sum
        }
        return product
    }

    /// Wᵀ e, each entry summed over i increasing from the first term.
    @inline(__always) func transposeTimes(_ e: LaneVector<R>) -> LaneVector<C> {
        var product = LaneVector<C>(repeating: .zero)
        for j in 0 ..< C {
            var sum = rows[0][j] * e[0]
            for i in 1 ..< R { sum += rows[i][j] * e[i] }
            product[j] = sum
        }
        return product
    }

    /// self += δ bᵀ, entry by entry.
    @inline(__always) mutating func accumulate(_ δ: LaneVector<R>, times b: LaneVector<C>) {
        for i in 0 ..< R { for j in 0 ..< C { rows[i][j] += δ[i] * b[j] } }
    }

    /// self −= rate · g, entry by entry.
    @inline(__always) mutating func descend(_ rate: LaneGroup, along g: DenseWeights) {
        for i in 0 ..< R { for j in 0 ..< C { rows[i][j] -= rate * g.rows[i][j] } }
    }
}

/// A width as a type, to turn a run-time width into a compile-time one.
enum Width<let N: Int> {}

/// A computation generic over one width (Swift has no generic closures).
protocol WidthVisitor {
    associatedtype Result
    func visit<let N: Int>(_: Width<N>.Type) -> Result
}

extension WidthVisitor {
    /// `visit` at the width `n`. Precondition: 1 ≤ n ≤ `BatchedDescent.depthTwoMaximumWidth`.
    func visit(width n: Int) -> Result {
        switch n {
        case 1: visit(Width<1>.self)
        case 2: visit(Width<2>.self)
        case 3: visit(Width<3>.self)
        case 4: visit(Width<4>.self)
        default: preconditionFailure("width \(n) is not specialised")
        }
    }
}
