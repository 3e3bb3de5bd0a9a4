import Testing
import Exact
import Networks
@testable import Certify

/// The pieces the local-optimality engine tests: the realizable cells of the kink arrangement,
/// not 2^k sign choices, and no cap of 12 kinks. Constructions of our own.
@Suite struct LocalOptimalityPiecesTests {
    typealias R = RealAlgebraic

    /// A dead neuron (w₂ = 0, v₂ = 0) on n active examples (t, 1), t = −⌊n/2⌋, …: n kinks, all
    /// in w₂'s plane, whose n lines through 0 cut it into 2n cells — 2n pieces, not 2ⁿ.
    @Test(arguments: [3, 13])
    func deadNeuronOnManyExamplesHasTwoPiecesPerLine(n: Int) throws {
        let network = Network.fullyConnected(widths: [2, 2, 1], activation: .relu)
        let data = (0 ..< n).map { LabeledPoint(x: [R(Rational($0 - n / 2)), R(1)], label: R(1)) }
        let θ = [0, 1, 0, 0, 1, 0].map { R(Rational($0)) }
        let engine = LocalOptimality(network: network, data: data, point: θ, free: Array(θ.indices))
        guard let pieces = try engine.pieces() else { Issue.record("n = \(n): not enumerated"); return }
        #expect(pieces.count == 2 * n, "n = \(n)")
        #expect(pieces.allSatisfy { $0.sides.count == n })
        // Every piece is a cell: its sides are those of a direction of w₂ off every line.
        for piece in pieces {
            let rows = piece.sides.map { side in side.active ? data[side.kink.example].x : data[side.kink.example].x.map { -$0 } }
            #expect(try LinearProgram<R>.hasStrictSolution(rows))
        }
    }

    /// The same kinks seen by a linear kink that cannot move (problem (4) for layer 2): the
    /// dead neuron's input is constant, so there is one piece.
    @Test func kinksBelowTheMovingLayerAreNotPieces() throws {
        let network = Network.fullyConnected(widths: [2, 2, 1], activation: .relu)
        let data = (0 ..< 13).map { LabeledPoint(x: [R(Rational($0 - 6)), R(1)], label: R(1)) }
        let θ = [0, 1, 0, 0, 1, 0].map { R(Rational($0)) }
        let engine = LocalOptimality(network: network, data: data, point: θ, free: [4, 5])
        #expect(try engine.pieces()?.count == 1)
    }
}
