import Exact
import Testing
@testable import GradientFlow

@Suite struct ButcherTableauTests {
    let dp = ButcherTableau.dormandPrince

    @Test func treeCounts() {
        #expect((1 ... 6).map { RootedTree.all(order: $0).count } == [1, 1, 2, 4, 9, 20])
        #expect(RootedTree.all(order: 3).map(\.density).sorted() == [3, 6])
    }

    /// Exactly: b has order 5, b̂ order 4 and not 5 (so the check can fail).
    @Test func dormandPrinceOrderConditions() {
        #expect(dp.satisfiesRowSumCondition)
        #expect(dp.isFirstSameAsLast)
        #expect(dp.violatedOrderConditions(weights: dp.b, upTo: dp.order).isEmpty)
        #expect(dp.violatedOrderConditions(weights: dp.embeddedB, upTo: dp.embeddedOrder).isEmpty)
        #expect(!dp.violatedOrderConditions(weights: dp.embeddedB, upTo: 5).isEmpty)
        #expect(!dp.violatedOrderConditions(weights: dp.b, upTo: 6).isEmpty)
    }

    /// A one-entry typo in the tableau is caught.
    @Test func perturbedWeightsFail() {
        var b = dp.b
        b[2] += Rational(1, 1_000_000)
        #expect(dp.violatedOrderConditions(weights: b, upTo: 1).count == 1)
    }
}
