import Exact

/// A rooted tree, the index of one Runge–Kutta order condition (Butcher 1963): a method has
/// order p iff bᵀΦ(t) = 1/γ(t) for every rooted tree t with at most p vertices.
public struct RootedTree: Hashable, Sendable, CustomStringConvertible {
    /// The subtrees hanging from the root, in canonical (sorted) order.
    public let children: [RootedTree]

    public init(children: [RootedTree]) { self.children = children.sorted { $0.description < $1.description } }

    public static let leaf = RootedTree(children: [])

    /// |t|, the number of vertices.
    public var order: Int { 1 + children.reduce(0) { $0 + $1.order } }

    /// γ(t) = |t| · Π γ(children), the density.
    public var density: Int { order * children.reduce(1) { $0 * $1.density } }

    /// Bracket notation: `τ` for the leaf, `[τ τ]` for a root with two leaves.
    public var description: String { children.isEmpty ? "τ" : "[" + children.map(\.description).joined(separator: " ") + "]" }

    /// The trees with n vertices (1, 1, 2, 4, 9, 20, … of them), each once.
    public static func all(order n: Int) -> [RootedTree] {
        precondition(n >= 1, "order")
        guard n > 1 else { return [.leaf] }
        var seen = Set<RootedTree>()
        return all(order: n - 1).flatMap { $0.withLeafAddedEverywhere() }.filter { seen.insert($0).inserted }
    }

    /// Every tree obtained by attaching one new leaf to one vertex.
    func withLeafAddedEverywhere() -> [RootedTree] {
        [RootedTree(children: children + [.leaf])] + children.indices.flatMap { i in
            children[i].withLeafAddedEverywhere().map { grown in
                var rest = children
                rest[i] = grown
                return RootedTree(children: rest)
            }
        }
    }
}

extension ButcherTableau {
    /// The stage vector Φ(t): Φ_i(τ) = 1, Φ_i([t_1 … t_k]) = Π_j (A Φ(t_j))_i.
    func elementaryWeights(_ t: RootedTree) -> [Rational] {
        t.children.reduce([Rational](repeating: 1, count: stageCount)) { product, child in
            let φ = elementaryWeights(child)
            return a.indices.map { i in product[i] * a[i].indices.reduce(Rational.zero) { $0 + a[i][$1] * φ[$1] } }
        }
    }

    /// The rooted trees with at most `maximumOrder` vertices whose condition
    /// Σ_i weights_i Φ_i(t) = 1/γ(t) fails, decided exactly. Empty iff `weights` (with this
    /// A) have order ≥ `maximumOrder`.
    public func violatedOrderConditions(weights: [Rational], upTo maximumOrder: Int) -> [RootedTree] {
        (1 ... maximumOrder).flatMap(RootedTree.all(order:)).filter { t in
            zip(weights, elementaryWeights(t)).reduce(Rational.zero) { $0 + $1.0 * $1.1 } != Rational(1, t.density)
        }
    }

    /// True when c_i = Σ_j a_ij for every stage (the row-sum condition the order conditions
    /// above assume).
    public var satisfiesRowSumCondition: Bool {
        zip(a, c).allSatisfy { row, ci in row.reduce(Rational.zero, +) == ci }
    }
}
