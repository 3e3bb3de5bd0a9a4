import Exact
import Networks
import Testing
@testable import GradientFlow

@Suite struct KKTResidualTests {
    /// Paper 001 Thm 3.2: θ̃ = 2∇q₁ + 2∇q₂ with both margins 1, so θ̃ is a KKT point; a point
    /// off the KKT direction has a clearly positive residual.
    @Test func theorem32KKTPoint() throws {
        let problem = Fixtures.theorem32(.exponential)
        let kkt = try #require(problem.network.kktResidual(Fixtures.theorem32Target, on: problem.data))
        #expect(kkt.stationarity < 1e-12 && abs(kkt.complementarity) < 1e-12)
        #expect(zip(kkt.multipliers, [2.0, 2]).allSatisfy { abs($0 - $1) < 1e-12 })
        let off = try #require(problem.network.kktResidual(Fixtures.theorem32Initial, on: problem.data))
        #expect(off.stationarity > 0.1)
        #expect(problem.network.kktResidual([0, 0, 0, 0, 0, 0], on: problem.data) == nil)
    }

    /// The multipliers are non-negative even when the unconstrained fit wants a negative one.
    @Test func multipliersStayNonNegative() {
        let λ = nonNegativeLeastSquares(columns: [[1, 0], [1, 1]], target: [0, 1])
        #expect(λ.allSatisfy { $0 >= 0 })
        // Best fit of (0, 1) by a(1, 0) + b(1, 1), a, b ≥ 0: a = 0, b = 1/2.
        #expect(abs(λ[0]) < 1e-12 && abs(λ[1] - 0.5) < 1e-12)
    }
}
