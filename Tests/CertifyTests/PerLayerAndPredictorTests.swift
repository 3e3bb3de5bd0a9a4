import Testing
import Exact
import Networks
@testable import Certify

/// Problems (4) and (3) on the paper's constructions: the verdicts Theorems 5.2–5.4 and
/// Remark 4.1 state, and the multipliers they print.
@Suite struct PerLayerAndPredictorTests {
    static func perLayer(_ c: PaperConstruction, layer: Int) -> PerLayerProblem<RealAlgebraic> {
        PerLayerProblem(c.problem, layer: layer, reference: c.point)!
    }

    /// Theorem 5.4 (Lemma C.6's point, every hidden input non-zero): each layer is a KKT point
    /// and a local optimum of problem (4); the last layer is also its global optimum.
    @Test(arguments: [0, 1])
    func lemmaC6IsALocalOptimumPerLayer(layer: Int) throws {
        let p = Self.perLayer(.lemmaC6, layer: layer)
        guard case .kkt = try p.isKKTPoint(p.referenceLayer) else { Issue.record("layer \(layer + 1) not KKT"); return }
        guard case .localOptimum = try p.localOptimum(p.referenceLayer) else { Issue.record("layer \(layer + 1) not local"); return }
        switch (layer, try p.globalOptimum(p.referenceLayer)) {
        case (1, .optimal), (0, .undecided): break
        case (_, let other): Issue.record("layer \(layer + 1): \(other)")
        }
    }

    @Test func lemmaC6PrintedMultipliersHoldForLayerOneOnly() throws {
        let p = Self.perLayer(.lemmaC6, layer: 0)
        let λ = PaperConstruction.lemmaC6.lambda
        guard case .kkt(let μ, _) = try p.isKKTPoint(p.referenceLayer, printed: λ) else { Issue.record("λ = (2, 2, 1) fails"); return }
        #expect(μ == λ)
        var wrong = λ
        wrong[2] = RealAlgebraic(2)
        guard case .wrongMultipliers = try p.isKKTPoint(p.referenceLayer, printed: wrong) else {
            Issue.record("λ = (2, 2, 2) accepted"); return
        }
    }

    /// Theorem 5.3: θ̃'s first layer is a (Clarke) KKT point of problem (4) but meets kinks,
    /// and it is not a local optimum: the engine finds an arc that moves layer 1 only, and
    /// the arc passes the exact re-check.
    @Test func theorem53FirstLayerIsKKTButNotLocal() throws {
        let c = PaperConstruction.theorem42part2
        let p = Self.perLayer(c, layer: 0)
        guard case .kkt(let λ, _) = try p.isKKTPoint(p.referenceLayer) else { Issue.record("not KKT"); return }
        #expect(λ.allSatisfy { $0.signum >= 0 })
        guard case .notLocalOptimum(let arc, _, _) = try p.localOptimum(p.referenceLayer) else { Issue.record("not refuted"); return }
        let engine = LocalOptimality(network: c.network, data: c.examples, point: c.point, free: p.coordinates)
        #expect(LocalOptimalityTests.confirm(arc, engine))
    }

    /// Theorem 5.2: for linear networks every layer is the global optimum of problem (4); a
    /// longer feasible layer is not.
    @Test(arguments: [0, 1])
    func theorem41LinearLayersAreGlobalOptima(layer: Int) throws {
        let p = Self.perLayer(.theorem41(.linear), layer: layer)
        guard case .optimal(let value, _) = try p.globalOptimum(p.referenceLayer) else { Issue.record("not optimal"); return }
        #expect(value == RealAlgebraic(1))
        let longer = [RealAlgebraic(1), RealAlgebraic(1)]
        guard case .notOptimal = try p.globalOptimum(longer) else { Issue.record("(1, 1) optimal"); return }
    }

    /// Remark 4.1: on x = (1, 2) the ℓ1 optimum is β* = (0, 1/2) with value 1/2 and λ = 1/2;
    /// the predictor (1, 0) of Thm 4.1's KKT point is feasible but not optimal, and not KKT.
    @Test func remark41PredictorProblem() throws {
        let p = L1PredictorProblem(inputs: [[RealAlgebraic(1), RealAlgebraic(2)]], labels: [RealAlgebraic(1)])
        let half = RealAlgebraic(Rational(1, 2))
        guard case .optimal(let value, _) = try p.globalOptimum([RealAlgebraic(0), half]) else {
            Issue.record("β* not optimal"); return
        }
        #expect(value == half)
        guard case .kkt(let λ, _) = try p.isKKTPoint([RealAlgebraic(0), half]) else { Issue.record("β* not KKT"); return }
        #expect(λ == [half])
        let predictor = [RealAlgebraic(1), RealAlgebraic(0)]
        guard case .notOptimal = try p.globalOptimum(predictor), case .notKKT = try p.isKKTPoint(predictor) else {
            Issue.record("(1, 0) certified"); return
        }
    }
}
