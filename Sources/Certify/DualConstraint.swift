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
/// dropped first. The realizable cells are enumerated incrementally over the arrangement
/// (`KinkArrangement`: a partial sign vector is extended only while its strict system has a
/// solution, an exact LP; a set A is excluded only by a verified Farkas certificate), so the
/// work grows with the realizable cells — 2n for n inputs in the plane, O(nᵈ⁻¹) in dimension d
/// — not with 2ⁿ. For a linear σ, h(u) = ⟨Σcᵢxᵢ, u⟩ on the whole space (one cell) and the
/// bound is exact.
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
        /// More than `maximumCells` realizable cells.
        case tooManyCells
    }

    /// The most realizable cells enumerated (`KinkArrangement.maximumSignVectors`).
    public static var maximumCells: Int { KinkArrangement<F>.maximumSignVectors }

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

    /// The realizable sets A: the open cells {u : ⟨u, xᵢ⟩ > 0 for i ∈ A, < 0 for the other
    /// relevant i} that are non-empty (one, all of them, for a linear σ); nil past `maximumCells`.
    func realizableSets() throws(Unable) -> [[Int]]? {
        let relevant = relevant
        guard activation.hasKink else { return [relevant] }
        let arrangement = KinkArrangement<F>(count: relevant.count, dimension: inputs.first?.count ?? 0,
                                             isLinear: { _ in true }, gradient: { k, _ in inputs[relevant[k]] })
        guard case .complete(let vectors) = try arrangement.enumerate() else { return nil }
        return vectors.map { vector in relevant.indices.filter { vector.sides[$0] == .positive }.map { relevant[$0] } }
    }

    public func check() throws(Unable) -> Check {
        guard let sets = try realizableSets() else { return .tooManyCells }
        let cells = sets.map { a in Cell(positive: a, squaredNorm: gradient(onCell: a).reduce(F.zero) { $0 + $1 * $1 }) }
        // Among equal norms, the cell with the fewest inputs, then the first by index.
        let ordered = cells.sorted {
            $0.positive.count != $1.positive.count ? $0.positive.count < $1.positive.count
                : $0.positive.lexicographicallyPrecedes($1.positive)
        }
        let worst = ordered.max { $0.squaredNorm < $1.squaredNorm }!
        return worst.squaredNorm <= 1 ? .satisfied(worst: worst) : .violated(worst)
    }
}
