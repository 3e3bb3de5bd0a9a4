import Networks
import Testing
@testable import Discovery

/// The max-margin point of a linear predictor Φ = w·x (degree 1) is the hard-margin SVM
/// solution; from a perturbed direction, LimitCandidate recovers it to machine precision with
/// the right active set and multipliers.
@Suite struct LimitCandidateTests {
    static func labeled(_ x: [Double], _ y: Double) -> LabeledPoint<Double> { LabeledPoint(x: x, y: [y]) }

    @Test func recoversTheSVMSolution() throws {
        // (1, 1) → +1 and (1, −1) → −1 are the support vectors: w = (0, 1) has margins 1, 1 and 5
        // (for (3, 5) → +1), and w = λ₁(1, 1) − λ₂(1, −1) with λ₁ = λ₂ = 1/2.
        let network = Network.fullyConnected(widths: [2, 1], activation: .linear)
        let data = [Self.labeled([1, 1], 1), Self.labeled([1, -1], -1), Self.labeled([3, 5], 1)]
        let candidate = try #require(LimitCandidate(direction: [0.001, 0.7], network: network, data: data))
        #expect(abs(candidate.theta[0]) < 1e-12 && abs(candidate.theta[1] - 1) < 1e-12, "\(candidate.theta)")
        #expect(candidate.active == [0, 1])
        #expect(abs(candidate.multipliers[0] - 0.5) < 1e-9 && abs(candidate.multipliers[1] - 0.5) < 1e-9, "\(candidate.multipliers)")
        #expect(candidate.residual < 1e-12)
    }

    @Test func needsPositiveMargins() {
        let network = Network.fullyConnected(widths: [2, 1], activation: .linear)
        #expect(LimitCandidate(direction: [1, 0], network: network, data: [Self.labeled([-1, 0], 1)]) == nil)
    }
}
