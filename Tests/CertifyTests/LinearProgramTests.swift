import Testing
import Exact
@testable import Certify

@Suite struct LinearProgramTests {
    typealias LP = LinearProgram<Rational>

    @Test func findsTheOptimumWithADualCertificate() throws {
        // min −x − y  s.t.  x + 2y + s1 = 4,  3x + y + s2 = 6  (optimum x = 8/5, y = 6/5).
        let lp = LP(a: [[1, 2, 1, 0], [3, 1, 0, 1]], b: [4, 6], c: [-1, -1, 0, 0])
        guard case let .optimal(x, dual) = try lp.solve() else { Issue.record("not optimal"); return }
        #expect(x[0] == Rational(8, 5) && x[1] == Rational(6, 5))
        #expect(lp.verify(.optimal(x: x, dual: dual)))
    }

    @Test func certifiesInfeasibilityByFarkas() throws {
        // x + y = 1 and x + y = 2 cannot both hold.
        let lp = LP(a: [[1, 1], [1, 1]], b: [1, 2])
        guard case let .infeasible(y) = try lp.solve() else { Issue.record("not infeasible"); return }
        #expect(lp.verify(.infeasible(farkas: y)))
    }

    @Test func reportsAnUnboundedRay() throws {
        // min −x  s.t.  x − y = 1.
        let lp = LP(a: [[1, -1]], b: [1], c: [-1, 0])
        guard case .unbounded = try lp.solve() else { Issue.record("not unbounded"); return }
    }

    @Test func handlesRedundantAndNegativeRows() throws {
        // −x − y = −2 twice (redundant), x ≤ 3 via slack; min x.
        let lp = LP(a: [[-1, -1, 0], [-1, -1, 0], [1, 0, 1]], b: [-2, -2, 3], c: [1, 0, 0])
        guard case let .optimal(x, _) = try lp.solve() else { Issue.record("not optimal"); return }
        #expect(x[0] == 0 && x[1] == 2)
    }

    /// Random small programs: every answer's certificate verifies, and a feasible point built
    /// into the data is never declared infeasible.
    @Test(arguments: 0..<200 as Range<UInt64>)
    func randomProgramsHaveValidCertificates(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let m = Int.random(in: 1...4, using: &rng), n = Int.random(in: 1...6, using: &rng)
        func r() -> Rational { Rational(Int.random(in: -3...3, using: &rng), Int.random(in: 1...3, using: &rng)) }
        let a = (0..<m).map { _ in (0..<n).map { _ in r() } }
        let planted = (0..<n).map { _ in Rational(Int.random(in: 0...2, using: &rng)) }
        let feasible = Bool.random(using: &rng)
        let b = feasible ? a.map { zip($0, planted).reduce(Rational.zero) { $0 + $1.0 * $1.1 } }
                         : (0..<m).map { _ in r() }
        let lp = LP(a: a, b: b, c: (0..<n).map { _ in r() })
        let solution = try lp.solve()
        #expect(lp.verify(solution), "seed \(seed)")
        if feasible, case .infeasible = solution { Issue.record("planted point missed, seed \(seed)") }
    }
}
