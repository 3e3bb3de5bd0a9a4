import Exact
import Networks
import Symbolic
import Certify

/// The pieces of a KKT certificate (docs/certificates.md, `kkt`): where an active constraint's
/// Clarke subdifferential has several elements, the subgradient λᵢgᵢ of the KKT answer split
/// into weighted gradients of *realized* pieces, each named by a direction on whose open cone
/// the constraint equals that piece (`ClarkeSubdifferential`, `MarginSubdifferential`).
extension Checker {
    /// For each constraint i with λᵢ ≠ 0 whose enumerated pieces have more than one gradient:
    /// weights wₚ ≥ 0 of its realizable pieces with Σwₚ = λᵢ and Σwₚ∇Pₚ = λᵢgᵢ (an exact LP;
    /// gᵢ is a convex combination of them by construction of the KKT answer); nil entries where
    /// the gradient is unique. Nil when a bracket cannot be rebuilt or the split is not found
    /// (then no certificate is written).
    func realizedPieces(_ λ: [RealAlgebraic], _ g: [[RealAlgebraic]], at θ: [RealAlgebraic],
                        free: [Int]) throws(Unable) -> [[Certificate.RealizedPiece]?]? {
        guard let network = document.network else { return nil }
        var result: [[Certificate.RealizedPiece]?] = []
        for (i, example) in document.examples.enumerated() {
            guard !λ[i].isZero else { result.append(nil); continue }
            guard let pieces = try brackets(network, at: θ, example: example, free: free) else { return nil }
            guard pieces.dropFirst().contains(where: { $0.gradient != pieces[0].gradient }) else { result.append(nil); continue }
            let realized = pieces.compactMap { p in p.direction.map { (gradient: p.gradient, direction: $0) } }
            let rows = free.indices.map { k in realized.map { $0.gradient[k] } } + [realized.map { _ in RealAlgebraic.one }]
            guard case .optimal(let w, _) = try LinearProgram(a: rows, b: g[i].map { λ[i] * $0 } + [λ[i]]).solve() else { return nil }
            let names = free.map(variableName)
            result.append(zip(realized, w).filter { !$0.1.isZero }.map { piece, weight in
                Certificate.RealizedPiece(direction: Assignment(Dictionary(uniqueKeysWithValues: zip(names, piece.direction.map(Constant.init)))),
                                          weight: Constant(weight))
            })
        }
        return result
    }

    /// Every enumerated piece of the example's margin at θ (coordinates `free` moving): its
    /// gradient over `free` and, when realizable, its direction. Nil past the enumeration's
    /// limit, for an inexact example, or for a class label with fixed coordinates.
    private func brackets(_ network: Network, at θ: [RealAlgebraic], example: Document.Example,
                          free: [Int]) throws(Unable) -> [(gradient: [RealAlgebraic], direction: [RealAlgebraic]?)]? {
        let x = example.x.compactMap { $0.constantValue?.realAlgebraic }
        let y = example.y.compactMap { $0.constantValue?.realAlgebraic }
        guard x.count == example.x.count, y.count == example.y.count else { return nil }
        guard example.classIndex == nil else {
            var point = LabeledPoint(x: x, y: y)
            point.classIndex = example.classIndex
            guard free == Array(θ.indices), let set = try MarginSubdifferential(network: network, at: θ, example: point) else { return nil }
            return set.outer.map { ($0.gradient, $0.realizingDirection) }
        }
        guard let set = try ClarkeSubdifferential(network: network, at: θ, input: x, free: free) else { return nil }
        return set.outer.map { pattern in (free.map { y[0] * pattern.gradient[$0] }, pattern.realizingDirection) }
    }
}
