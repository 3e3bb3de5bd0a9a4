import Exact
import Networks

/// The dual constraint of a two-layer network at one hidden neuron, decided from above
/// exactly: with weights cᵢ (cᵢ = λᵢyᵢ in `MaxMarginProblem.dualCertificate`),
///
///     M ≤ 1,   M = sup over unit u of |h(u)|,   h(u) = Σᵢ cᵢ σ(⟨u, xᵢ⟩)
///
/// (the constraint of Pilanci–Ergen's convex dual of a two-layer ReLU network).
///
/// Method: σ is linear on each cell of the arrangement {⟨u, xᵢ⟩ = 0}. On the open cell where
/// exactly the inputs in A are positive, h(u) = ⟨g_A, u⟩ with
/// g_A = Σ_{i∈A} cᵢxᵢ + α Σ_{i∉A} cᵢxᵢ (α = σ'(0⁻)), so |h(u)| ≤ ‖g_A‖ there. The open cells
/// are dense and h is continuous, hence M² ≤ max ‖g_A‖² over the *realizable* A (some u has
/// ⟨u, xᵢ⟩ > 0 for i ∈ A and < 0 otherwise). Inputs with cᵢxᵢ = 0 do not change h and are
/// dropped first. Realizability is decided, by an exact LP, only for the A with ‖g_A‖² > 1,
/// largest first; an A is excluded only by a verified Farkas certificate. For a linear σ,
/// h(u) = ⟨Σcᵢxᵢ, u⟩ on the whole space (one cell) and the bound is exact.
///
/// The bound can be loose (‖g_A‖ > M when g_A points out of A's cell); then `check` reports
/// a violation that is not one of M ≤ 1 — never the other way round.
public struct DualConstraint<F: OrderedField>: Sendable {
    public let inputs: [[F]]
    public let weights: [F]
    public let activation: Activation

    /// A cell: the inputs positive on it (indices into `inputs`, among those with cᵢxᵢ ≠ 0)
    /// and ‖g_A‖².
    public struct Cell: Sendable {
        public let positive: [Int]
        public let squaredNorm: F

        /// A = {x1, x3, …}, the inputs numbered from 1.
        public var setDescription: String { "{" + positive.map { "x\($0 + 1)" }.joined(separator: ", ") + "}" }
    }

    public enum Check: Sendable {
        /// Every realizable cell has ‖g_A‖² ≤ 1, so M ≤ 1; `worst` is the largest ‖g_A‖² over
        /// the cells not excluded, an upper bound on M².
        case satisfied(worst: Cell)
        /// A realizable cell with ‖g_A‖² > 1, the largest: the bound does not show M ≤ 1.
        case violated(Cell)
        /// More than `maximumInputs` inputs with cᵢxᵢ ≠ 0 (2^n cells are enumerated).
        case tooManyInputs(Int)
    }

    public static var maximumInputs: Int { 12 }

    /// Precondition: one weight per input, inputs of one dimension.
    public init(inputs: [[F]], weights: [F], activation: Activation) {
        precondition(inputs.count == weights.count, "one weight per input")
        precondition(Set(inputs.map(\.count)).count <= 1, "inputs of one dimension")
        self.inputs = inputs
        self.weights = weights
        self.activation = activation
    }

    /// The inputs with cᵢxᵢ ≠ 0.
    var relevant: [Int] {
        inputs.indices.filter { !weights[$0].isZero && inputs[$0].contains { !$0.isZero } }
    }

    /// g_A = Σ_{i∈A} cᵢxᵢ + α Σ_{i∉A} cᵢxᵢ over the relevant inputs.
    public func gradient(onCell positive: [Int]) -> [F] {
        let α = F(activation.leftSlope)
        var g = Array(repeating: F.zero, count: inputs.first?.count ?? 0)
        for i in relevant {
            let c = positive.contains(i) ? weights[i] : α * weights[i]
            for k in g.indices { g[k] = g[k] + c * inputs[i][k] }
        }
        return g
    }

    /// Whether the open cell {u : ⟨u, xᵢ⟩ > 0 for i ∈ A, < 0 for the other relevant i} is
    /// non-empty (always, for a linear σ: its one cell is the whole space).
    func isRealizable(_ positive: [Int]) -> Bool {
        guard activation.hasKink else { return true }
        return LinearProgram<F>.hasStrictSolution(relevant.map { i in
            positive.contains(i) ? inputs[i] : inputs[i].map { -$0 }
        })
    }

    public func check() -> Check {
        let relevant = relevant
        guard relevant.count <= Self.maximumInputs else { return .tooManyInputs(relevant.count) }
        let sets = activation.hasKink
            ? (0 ..< 1 << relevant.count).map { mask in relevant.indices.filter { mask & 1 << $0 != 0 }.map { relevant[$0] } }
            : [relevant]
        let cells = sets.map { a in Cell(positive: a, squaredNorm: gradient(onCell: a).reduce(F.zero) { $0 + $1 * $1 }) }
        for cell in cells.sorted(by: { $0.squaredNorm > $1.squaredNorm }) {
            if cell.squaredNorm <= 1 { return .satisfied(worst: cell) }
            if isRealizable(cell.positive) { return .violated(cell) }
        }
        preconditionFailure("the open cells are dense, so one of them is realizable")
    }
}
