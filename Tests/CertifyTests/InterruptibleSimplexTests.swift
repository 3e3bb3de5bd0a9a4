import Testing
import Exact
@testable import Certify

/// The simplex stops its pivots once a bound `Deadline` has passed: it throws `Unable` (no
/// answer at all, so nothing can be taken for one), and never traps; without a deadline it is
/// unchanged, and any answer it gives under a deadline is a verified certificate.
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

    static func pastDeadline<T>(_ body: () throws(Unable) -> T) throws(Unable) -> T {
        try Deadline.withDeadline(seconds: 1e-9) { () throws(Unable) -> T in
            while !Deadline.hasPassed {}
            return try body()
        }
    }

    @Test(arguments: 0..<4 as Range<UInt64>)
    func unablePastTheDeadline(seed: UInt64) throws {
        let lp = Self.program(seed: seed, rows: 3, columns: 6, Self.rational)
        #expect(throws: Unable.self, "seed \(seed)") { try Self.pastDeadline { () throws(Unable) in try lp.solve() } }
        #expect(lp.verify(try lp.solve()), "seed \(seed)")
    }

    /// A deadline passing in the middle of pivots over real algebraic numbers (whose
    /// comparisons and products run to completion) does not trap, and every answer given is a
    /// verified certificate.
    @Test func deadlineDuringAlgebraicPivots() throws {
        let lp = Self.program(seed: 7, rows: 2, columns: 4, Self.algebraic)
        for seconds in [1e-4, 1e-3, 1e-2] {
            Deadline.withDeadline(seconds: seconds) {
                do throws(Unable) {
                    #expect(lp.verify(try lp.solve()), "within \(seconds) s")
                } catch {
                    #expect(error.reason.hasPrefix("limit: time"), "\(error)")
                }
            }
        }
        #expect(lp.verify(try lp.solve()))
    }
}
