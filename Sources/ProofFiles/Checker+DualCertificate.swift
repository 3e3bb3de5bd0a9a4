import Exact
import Networks
import Symbolic
import Certify

/// The `dual` certificate (docs/certificates.md) of a global optimum of problem (2) proved by
/// `MaxMarginProblem.dualCertificate` (weak duality for depth-2 networks without shared weights).
extension Checker {
    /// The certificate: the multipliers, labels and slope, and each hidden neuron's data
    /// restricted to its free coordinates, with a Gordan vector for every set A of data points
    /// whose bound ‖g_A‖² exceeds 1 (its open cell is empty; the checker tries every A). Nil
    /// when there is no dual certificate, more than `largestDualDataCount` data points, or an
    /// exceeding set whose cell is not shown empty.
    func dualCertificate(_ problem: MaxMarginProblem<RealAlgebraic>, at θ: [RealAlgebraic]) throws(Unable) -> Certificate? {
        let activation = problem.network.layers[0].activation
        switch activation {
        case .linear, .relu, .leakyRelu: break
        default: return nil
        }
        guard problem.data.count <= Self.largestDualDataCount, let neurons = problem.noShareNeurons,
              case .certified(let dual) = try problem.dualCertificate(θ) else { return nil }
        let c = zip(dual.multipliers, problem.data).map { $0 * $1.y[0] }
        let α = RealAlgebraic(activation.leftSlope)
        var restricted: [[[RealAlgebraic]]] = [], exclusions: [[Certificate.EmptyCell]] = []
        for (_, support) in neurons {
            let x = problem.data.map { p in support.map { p.x[$0] } }
            guard let empty = try Self.emptyCells(x, weights: c, slope: α) else { return nil }
            restricted.append(x)
            exclusions.append(empty)
        }
        let (point, constraints) = symbolicConstraints(θ, free: Array(θ.indices))
        return .dual(point: point, constraints: constraints, multipliers: dual.multipliers.map(Constant.init),
                     labels: problem.data.map { Constant($0.y[0]) }, slope: activation.leftSlope,
                     inputs: restricted.map { $0.map { $0.map(Constant.init) } }, excluded: exclusions)
    }

    /// The most data points of a dual certificate (the checker tries all 2ⁿ sets).
    static var largestDualDataCount: Int { 12 }

    /// For every set A (a side per data point) with ‖g_A‖² > 1, g_A = Σ_{i∈A} cᵢxᵢ + α Σ_{i∉A} cᵢxᵢ:
    /// μ ≥ 0 with Σμᵢ = 1 over the xᵢ ≠ 0 and Σ μᵢsᵢxᵢ = 0 (sᵢ = ±1 its side), an exact LP — the
    /// open cell {sᵢ⟨u, xᵢ⟩ > 0 for every xᵢ ≠ 0} is empty (Gordan). Nil when one is not found.
    static func emptyCells(_ x: [[RealAlgebraic]], weights c: [RealAlgebraic], slope α: RealAlgebraic) throws(Unable) -> [Certificate.EmptyCell]? {
        let n = x.count, dimension = x.first?.count ?? 0
        var cells: [Certificate.EmptyCell] = []
        for code in 0 ..< (1 << n) {
            let positive = (0 ..< n).map { code & (1 << $0) != 0 }
            let g = (0 ..< dimension).map { k in (0 ..< n).reduce(RealAlgebraic.zero) { $0 + (positive[$1] ? c[$1] : α * c[$1]) * x[$1][k] } }
            guard g.reduce(RealAlgebraic.zero, { $0 + $1 * $1 }) > 1 else { continue }
            let relevant = x.map { $0.contains { !$0.isZero } }
            let rows = (0 ..< dimension).map { k in (0 ..< n).map { positive[$0] ? x[$0][k] : -x[$0][k] } }
                + [relevant.map { $0 ? RealAlgebraic.one : .zero }]
            guard case .optimal(let μ, _) = try LinearProgram(a: rows, b: Array(repeating: .zero, count: dimension) + [.one]).solve() else {
                return nil
            }
            cells.append(Certificate.EmptyCell(positive: positive, weights: μ.map(Constant.init)))
        }
        return cells
    }
}
