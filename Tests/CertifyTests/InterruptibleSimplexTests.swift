import Testing
import Exact
@testable import Certify

/// The simplex stops its pivots once a bound `Deadline` has passed: it answers a placeholder
/// that no certificate check accepts, and never traps; without a deadline it is unchanged.
@Suite struct InterruptibleSimplexTests {
    /// Random LPs min cᵀx, A x = b, x ≥ 0 over exact numbers: rationals, and real algebraic
    /// numbers (√2 and √3 entries), whose arithmetic stops early too past the deadline.
    static func program<F: OrderedField>(seed: UInt64, rows m: Int, columns n: Int,
                                          _ entry: (inout SplitMix64) -> F) -> LinearProgram<F> {
        var generator = SplitMix64(seed: seed)
        return LinearProgram(a: (0..<m).map { _ in (0..<n).map { _ in entry(&generator) } },
                             b: (0..<m).map { _ in entry(&generator) },
                             c: (0..<n).map { _ in entry(&generator) })
    }

    static func rational(_ g: inout SplitMix64) -> Rational { Rational(Int(g.next() % 19) - 9, Int(g.next() % 4) + 1) }

    static let roots = [RealAlgebraic(Rational(2)).root(2), RealAlgebraic(Rational(3)).root(2)]
    static func algebraic(_ g: inout SplitMix64) -> RealAlgebraic {
        RealAlgebraic(rational(&g)) + roots[Int(g.next() % 2)].scaled(by: rational(&g))
    }

    static func pastDeadline<T>(_ body: () -> T) -> T {
        Deadline.withDeadline(seconds: 1e-9) {
            while !Deadline.isExceeded {}
            return body()
        }
    }

    @Test(arguments: 0..<4 as Range<UInt64>)
    func placeholderPastTheDeadline(seed: UInt64) {
        let lp = Self.program(seed: seed, rows: 3, columns: 6, Self.rational)
        #expect(!lp.verify(Self.pastDeadline { lp.solve() }), "seed \(seed): a placeholder must not pass verify")
        #expect(lp.verify(lp.solve()), "seed \(seed)")
    }

    /// A deadline passing in the middle of pivots over real algebraic numbers (whose
    /// comparisons and products may then be placeholders) does not trap, and an answer
    /// given before it passed is a verified certificate.
    @Test func deadlineDuringAlgebraicPivots() {
        let lp = Self.program(seed: 7, rows: 2, columns: 4, Self.algebraic)
        for seconds in [1e-4, 1e-3, 1e-2] {
            Deadline.withDeadline(seconds: seconds) {
                let solution = lp.solve()
                if !Deadline.isExceeded { #expect(lp.verify(solution), "within \(seconds) s") }
            }
        }
        #expect(lp.verify(lp.solve()))
    }
}
