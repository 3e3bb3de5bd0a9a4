import Exact
import Testing
import ProofFiles
@testable import Symbolic

/// Issue 7 item 3: no prover call outlives its deadline; past it the answer is undecided.
@Suite struct ResourceLimitTests {
    static let limit = 1.0

    /// Claims on which the prover, unlimited, works for seconds (debug build).
    static let pathological: [(String, String)] = [
        ((1...5).map { "(eps + 1/\($0))^(1/3)" }.joined(separator: " + ") + " != 4", "eps in (0, 1)"),
        ((1...12).map { "sqrt(eps + 1/\($0))" }.joined(separator: " + ") + " != 9", "eps in (0, 1)"),
    ]

    @Test(arguments: pathological)
    func undecidedOnceTheLimitPasses(claim: String, range: String) throws {
        let r = try CommandLineText.range(range)
        let parsed = try CommandLineText.claim(claim, parameters: [r.name])
        let clock = ContinuousClock()
        var verdict: Verdict?
        let elapsed = clock.measure {
            verdict = ResourceLimit.withDeadline(seconds: Self.limit) { Prover.decide(parsed, over: r).verdict }
        }
        // Not a timing test: the bound only catches a hang (an uninterruptible exact step may
        // overrun the deadline a little on a loaded machine).
        #expect(elapsed < .seconds(30 * Self.limit), "\(claim): \(elapsed)")
        guard case .undecided(let why)? = verdict else { Issue.record("\(claim): \(String(describing: verdict))"); return }
        #expect(why.hasPrefix("limit: time"), "\(why)")
    }

    @Test func deadlineIsScopedAndCannotBeExtended() {
        #expect(!Deadline.hasPassed)
        ResourceLimit.withDeadline(seconds: 0.001) {
            while !Deadline.hasPassed {}
            // A longer nested limit does not lift the enclosing one.
            ResourceLimit.withDeadline(seconds: 100) {
                #expect(Deadline.hasPassed)
                #expect(throws: Unable.self) { try Deadline.check(while: "testing") }
            }
        }
        #expect(!Deadline.hasPassed)
        #expect(ResourceLimit.deadline == nil)
        // Without a bound deadline, a check never throws.
        #expect(throws: Never.self) { try Deadline.check(while: "testing") }
    }

    @Test func quickClaimsAreUnaffected() throws {
        let r = try CommandLineText.range("eps in (0, 1/9)")
        let claim = try CommandLineText.claim("8 - 4*eps + 17*eps^2/4 < 8", parameters: ["eps"])
        #expect(ResourceLimit.withDeadline(seconds: 5) { Prover.decide(claim, over: r).verdict.isProved })
    }

    /// An eliminated polynomial of degree above `largestEliminatedDegree` is refused.
    @Test func sizeGuard() {
        let x = MultivariatePolynomial.variable(0)
        #expect(x.power(ResourceLimit.largestEliminatedDegree).isWithinSizeLimits)
        #expect(!x.power(ResourceLimit.largestEliminatedDegree + 1).isWithinSizeLimits)
        let huge = MultivariatePolynomial(Rational.one.timesPowerOfTwo(ResourceLimit.largestCoefficientBits))
        #expect(!huge.isWithinSizeLimits)
    }
}
