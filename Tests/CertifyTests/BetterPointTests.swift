import Testing
import Exact
import Networks
@testable import Certify

/// Refuting a global optimum with a found point: every point returned is re-checked here by
/// exact evaluation, and a certified optimum never gets one.
@Suite struct BetterPointTests {
    typealias R = RealAlgebraic

    /// Feasible (every margin ≥ 1) and strictly shorter, in exact arithmetic.
    static func confirm(_ p: MaxMarginProblem<R>, _ better: [R], than θ: [R]) -> Bool {
        p.network.margins(better, on: p.data).allSatisfy { $0 >= 1 } && Network.squaredNorm(better) < Network.squaredNorm(θ)
    }

    /// KKT points that are not global optima (Thm 3.2, Thm 4.1 ReLU, Lemma C.6's local optimum).
    @Test(arguments: [PaperConstruction.theorem32, .theorem41(.relu), .lemmaC6])
    func paperPointsThatAreNotGlobalGetABetterPoint(_ c: PaperConstruction) throws {
        guard let better = try c.problem.betterPoint(than: c.point) else { Issue.record("\(c): none found"); return }
        #expect(Self.confirm(c.problem, better, than: c.point))
    }

    /// Our leaky-ReLU example: slope 1/2, x1 = (1, 1/4), x2 = (−1, 1/4), at w1 = (0, 2),
    /// w2 = 0, v = (2, 0) (a KKT point, both margins 1, ‖θ‖² = 8).
    @Test func leakyReLUKKTPointGetsABetterPoint() throws {
        let network = Network.fullyConnected(widths: [2, 2, 1], activation: .leakyRelu(slope: Rational(1, 2)))
        let q = { (n: Int, d: Int) in R(Rational(n, d)) }
        let p = MaxMarginProblem(network: network, data: [LabeledPoint(x: [q(1, 1), q(1, 4)], label: q(1, 1)),
                                                          LabeledPoint(x: [q(-1, 1), q(1, 4)], label: q(1, 1))])
        let θ = [q(0, 1), q(2, 1), q(0, 1), q(0, 1), q(2, 1), q(0, 1)]
        guard let better = try p.betterPoint(than: θ) else { Issue.record("none found"); return }
        #expect(Self.confirm(p, better, than: θ))
    }

    /// Certified optima get no better point, whatever the seed (the check is exact).
    @Test(arguments: 1 ... 3)
    func certifiedOptimaGetNone(seed: Int) throws {
        let chain = MaxMarginProblem(network: .fullyConnected(widths: [1, 1, 1, 1], activation: .relu),
                                     data: [LabeledPoint(x: [R(Rational(1))], label: R(Rational(1)))])
        #expect(try chain.betterPoint(than: [R(Rational(1)), R(Rational(1)), R(Rational(1))], seed: UInt64(seed)) == nil, "seed \(seed)")
        let leaky = MaxMarginProblem(network: .fullyConnected(widths: [2, 1, 1], activation: .leakyRelu(slope: Rational(1, 2))),
                                     data: [LabeledPoint(x: [R(Rational(1)), R(Rational(0))], label: R(Rational(1)))])
        let optimum = [R(Rational(1)), R(Rational(0)), R(Rational(1))]
        guard case .optimal = try leaky.globalOptimum(optimum) else { Issue.record("not certified"); return }
        #expect(try leaky.betterPoint(than: optimum, seed: UInt64(seed)) == nil, "seed \(seed)")
    }
}
