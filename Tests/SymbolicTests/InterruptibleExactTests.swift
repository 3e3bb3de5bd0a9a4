import Exact
import Testing
import ProofFiles
@testable import Symbolic

/// The deadline protocol (`Deadline`): past a bound deadline an exact operation either runs to
/// completion and answers exactly (the field operators, comparisons, signs; the field
/// operations' throwing forms throw instead), gives a weaker but
/// sound answer (factorization gives up), or throws `Unable` (root isolation and the prover's
/// long loops) — never a value that could be taken for an answer. A prover call ends soon
/// after its limit, never traps, and never turns a verdict into its opposite.
@Suite struct InterruptibleExactTests {
    /// Runs `body` under a deadline that has already passed.
    static func pastDeadline<T>(_ body: () throws(Unable) -> T) throws(Unable) -> T {
        try ResourceLimit.withDeadline(seconds: 1e-9) { () throws(Unable) -> T in
            while !Deadline.hasPassed {}
            return try body()
        }
    }

    /// Σ cᵢxⁱ.
    static func polynomial(_ c: Rational...) -> Polynomial { Polynomial(coefficients: c) }

    /// Past the deadline, factorization gives up ("not factored"), which is always sound.
    @Test func factorizationGivesUpPastTheDeadline() throws {
        // (x⁶ − 1)(x⁴ − 10x² + 1): five irreducible factors over Q.
        let p = Self.polynomial(-1, 0, 10, 0, -1, 0, 1, 0, -10, 0, 1)
        #expect(p.irreducibleFactors()?.count == 5)
        #expect(try Self.pastDeadline { p.irreducibleFactors() } == nil)
    }

    /// T₃₀, the Chebyshev polynomial of degree 30: 30 simple real roots in (−1, 1), all
    /// irrational but 0 … none rational (cos((2k − 1)π/60)).
    static let chebyshev30: Polynomial = {
        var (a, b) = (Polynomial.one, Polynomial(coefficients: [0, 1]))
        for _ in 2...30 { (a, b) = (b, Polynomial(coefficients: [0, 2]) * b - a) }
        return b
    }()

    /// Root isolation has no partial answer that is correct: past the deadline every entry
    /// point throws `Unable` (it does not return fewer roots); without one, all 30 are found.
    @Test func rootIsolationThrowsPastTheDeadline() throws {
        let p = Self.chebyshev30
        #expect(try p.realRoots.count == 30)
        #expect(try p.isolateRealRoots(in: Interval(lower: -2, upper: 2)).count == 30)
        let q = p * Self.polynomial(-1, 3)  // a rational root 1/3 too: splitting it off isolates
        #expect(try q.splittingOffRationalRoots.roots == [Rational(1, 3)])
        #expect(throws: Unable.self) { try Self.pastDeadline { () throws(Unable) in try p.realRoots } }
        #expect(throws: Unable.self) { try Self.pastDeadline { () throws(Unable) in try p.realRoots(in: Interval(lower: 0, upper: 1)) } }
        #expect(throws: Unable.self) { try Self.pastDeadline { () throws(Unable) in try p.isolateRealRoots(in: Interval(lower: -2, upper: 2)) } }
        #expect(throws: Unable.self) { try Self.pastDeadline { () throws(Unable) in try q.splittingOffRationalRoots } }
        #expect(throws: Unable.self) { try Self.pastDeadline { () throws(Unable) in try RealAlgebraic(root: 7, of: p) } }
        do {
            _ = try Self.pastDeadline { () throws(Unable) in try p.realRoots }
        } catch {
            #expect(error.reason.hasPrefix("limit: time 1e-09 s passed while ") && error.activity.contains("polynomial of degree 30") || error.activity.contains("polynomials of degree 30"), "\(error)")
        }
    }

    /// The field operations, comparisons, signs and printing run to completion past the
    /// deadline and give exactly what they give without one (the former placeholders: root
    /// selection, comparison of irrationals, the sign of a polynomial at a number, radical
    /// signs, decimal digits). Afterwards 2√2 + √c still has its minimal polynomial of degree 4
    /// (the composed sum has degree 8), so nothing unfactored was memoized.
    @Test(arguments: [Rational(3), Rational(5, 7)])
    func fieldOperationsRunToCompletionPastTheDeadline(c: Rational) throws {
        let a = RealAlgebraic(Rational(2)).root(2), b = RealAlgebraic(c).root(2)
        let cube = RealAlgebraic(c).root(3)
        let p = Self.polynomial(Rational(1, 7), 0, 0, 0, -3, 0, 0, 0, 0, 1)  // x⁹ − 3x⁴ + 1/7
        let root = try #require(try RealAlgebraic(root: 1, of: p))
        let operations: [() -> String] = [
            { (a * a.scaled(by: 2) + b).description },
            { (a * cube + b).power(3).root(2).description },
            { "\(a + b < cube)" },
            { (a + cube).description },
            { "\(p.sign(at: a + cube))" },
            { "\((root * cube + a).signum)" },
            { (root.shifted(by: Rational(1, 3)) * cube).description },
            { "\((a + b - cube).polynomialForm.description)" },
            { Polynomial.gcd(p, p.derivative).description },
        ]
        for (i, operation) in operations.enumerated() {
            let expected = operation()
            #expect(try Self.pastDeadline { operation() } == expected, "operation \(i), c = \(c)")
        }
        let sum = a.scaled(by: 2) + b
        #expect(sum.definingPolynomial.degree == 4, "2√2 + √\(c): \(sum)")
        let enclosure = sum.enclosure(bits: 40)
        let reference = 2 * 2.0.squareRoot() + Double(c).squareRoot()
        #expect(abs(Double(enclosure.lower) - reference) < 1e-9, "2√2 + √\(c): \(sum)")
    }

    /// The throwing forms of the field operations (`RealAlgebraic.sum`, `product`, `quotient`,
    /// `checkedPower`, `checkedRoot`; `Constant`'s; `Expr.exactValue`) give what the operators
    /// give without a deadline, and throw `Unable` past one where a composed polynomial or a root
    /// selection is needed (not for rationals, which never look at the clock).
    @Test func checkedFieldOperationsThrowPastTheDeadline() throws {
        let p = Self.polynomial(-1, -1, 0, 0, 0, 1)  // x⁵ − x − 1: irreducible, not a radical
        let root = try #require(try RealAlgebraic(root: 0, of: p))
        let cube = RealAlgebraic(Rational(3)).root(3).polynomialForm
        #expect(try RealAlgebraic.sum(root, cube) == root + cube)
        #expect(try RealAlgebraic.product(root, cube) == root * cube)
        #expect(try RealAlgebraic.quotient(root, cube) == root / cube)
        #expect(try root.checkedPower(3) == root.power(3))
        #expect(try root.checkedRoot(2) == root.root(2))
        #expect(throws: Unable.self) { try Self.pastDeadline { () throws(Unable) in try RealAlgebraic.sum(root, cube) } }
        #expect(throws: Unable.self) { try Self.pastDeadline { () throws(Unable) in try RealAlgebraic.product(root, cube) } }
        #expect(throws: Unable.self) { try Self.pastDeadline { () throws(Unable) in try root.checkedPower(3) } }
        #expect(throws: Unable.self) { try Self.pastDeadline { () throws(Unable) in try root.checkedRoot(2) } }
        #expect(try Self.pastDeadline { () throws(Unable) in try Constant.sum(Constant(Rational(1, 3)), Constant(2)) } == Constant(Rational(7, 3)))
        let x = Expr.parameter("x")
        let e = (x + Expr(Constant(cube))) * x
        #expect(try e.exactValue(at: ["x": Constant(root)]) == .exact(Constant((root + cube) * root)))
        #expect(throws: Unable.self) { try Self.pastDeadline { () throws(Unable) in try e.exactValue(at: ["x": Constant(root)]) } }
        // x² − α² at x = α: 0, which enclosures cannot show; exactly, α² needs a root selection.
        let zero = x * x - Expr(Constant(root * root))
        #expect(try zero.sign(at: ["x": Constant(root)]) == .sign(0, .exact))
        #expect(throws: Unable.self) { try Self.pastDeadline { () throws(Unable) in try zero.sign(at: ["x": Constant(root)]) } }
    }

    /// The prover's long primitives throw `Unable` past the deadline: signs by enclosures,
    /// series, pseudo-division, resultants and determinants.
    @Test func proverPrimitivesThrowPastTheDeadline() throws {
        let x = Expr.parameter("x")
        // e minus a rational 10^-60 from it: 64-bit enclosures do not settle the sign.
        let close = Expr.exp(.one) - Expr(Constant(Rational(parsing: "2.718281828459045235360287471352662497757247093699959574966")!))
        #expect(try close.sign() == .sign(1, .enclosure(bits: 256)))
        #expect(throws: Unable.self) { try Self.pastDeadline { () throws(Unable) in try close.sign() } }
        let e = Expr.exp(x) - .one
        #expect(try e.series(at: "x", terms: 4) != nil)
        #expect(throws: Unable.self) { try Self.pastDeadline { () throws(Unable) in try e.series(at: "x", terms: 4) } }
        let v = MultivariatePolynomial.variable(0), w = MultivariatePolynomial.variable(1)
        let f = v * v * w + v + MultivariatePolynomial(Rational(1)), g = v * v - w
        #expect(try MultivariatePolynomial.resultant(f, g, in: 0) != nil)
        #expect(throws: Unable.self) { try Self.pastDeadline { () throws(Unable) in try MultivariatePolynomial.resultant(f, g, in: 0) } }
        #expect(throws: Unable.self) { try Self.pastDeadline { () throws(Unable) in try f.pseudoRemainder(dividingBy: g, in: 0) } }
        let m = [[Polynomial(coefficients: [1, 1]), Polynomial(coefficients: [2])], [Polynomial(coefficients: [0, 3]), Polynomial(coefficients: [1])]]
        #expect(try MultivariatePolynomial.determinant(m) == Polynomial(coefficients: [1, -5]))
        #expect(throws: Unable.self) { try Self.pastDeadline { () throws(Unable) in try MultivariatePolynomial.determinant(m) } }
    }

    /// A prover entry point catches `Unable` and answers undecided with its reason.
    @Test func anEntryPointPastTheDeadlineIsUndecidedWithTheReason() throws {
        let (claim, r) = try Self.claim("x^5 - x - 1 > -2", "x in (0, 2)")
        #expect(Prover.decide(claim, over: r).verdict.isProved)
        let verdict = try Self.pastDeadline { Prover.decide(claim, over: r).verdict }
        guard case .undecided(let why) = verdict else { Issue.record("\(verdict)"); return }
        #expect(why.hasPrefix("limit: time 1e-09 s passed while "), "\(why)")
    }
}

extension InterruptibleExactTests {
    static func claim(_ text: String, _ range: String) throws -> (Claim, ParameterRange) {
        let r = try CommandLineText.range(range)
        return (try CommandLineText.claim(text, parameters: [r.name]), r)
    }

    /// 200 nested square roots of 2, a number of degree 2²⁰⁰ that Exact cannot fold, so
    /// its sign is sought by enclosures of growing precision (which took about 20 s,
    /// whatever the limit, before Exact and the enclosure loop checked the deadline).
    static let nestedRoots = String(repeating: "sqrt(", count: 200) + "2" + String(repeating: ")", count: 200)

    /// Claims whose proof spends its time inside Exact.
    static let slow: [(String, String)] = [
        (nestedRoots + " + eps > 1", "eps in (0, 1)"),
        // Signs at algebraic cut points of degree 6 whose composed sums grow to degree 36 and
        // beyond: the time goes into single field operations (it ran 18 s past a 2 s limit
        // before the prover's evaluation used the throwing forms).
        ("(eps - ((root(10,3)+root(10,3)+sqrt(2))/2))^4 >= 0", "eps in (root(10,3), root(10,3)+sqrt(2))"),
    ]

    /// A claim whose time goes into single exact steps ends soon after its limit, undecided
    /// with the limit as its reason (the bound is generous: a debug build on a loaded machine).
    @Test(arguments: slow)
    func slowClaimEndsNearItsLimit(text: String, range: String) throws {
        let (claim, r) = try Self.claim(text, range)
        let limit = 1.0
        let clock = ContinuousClock()
        var verdict: Verdict?
        let elapsed = clock.measure {
            verdict = ResourceLimit.withDeadline(seconds: limit) { Prover.decide(claim, over: r).verdict }
        }
        #expect(elapsed < .seconds(limit + 2), "\(text): \(elapsed)")
        guard case .undecided(let why)? = verdict else { Issue.record("\(text): \(String(describing: verdict))"); return }
        #expect(why.hasPrefix("limit: time"), "\(why)")
    }

    /// Claims decided without a limit (proved and refuted ones) that need algebraic numbers,
    /// factorization and root isolation.
    static let decided: [(String, String)] = [
        ("sqrt(1 - eps)^2 + 2*sqrt(eps/2)^2 = 1", "eps in (0, 1)"),
        ("relu(eps^2 + eps - 1) = 0", "eps in (0, 0.62)"),
        ("(1 + eps)^(2/5) + (1 - eps)^(2/5) < 2", "eps in (0, 1)"),
        ("2^(1/3)*eps^3 - 3^(1/2)*eps + 1/5 > 0", "eps in (0, 1)"),
        ("relu(1 - 2*sqrt(eps)) = 1 - 2*sqrt(eps)", "eps in (0, 1/2)"),
    ]

    /// With a tight limit (one that passes somewhere in the middle of the work, in
    /// factorization, root isolation or root selection), each verdict is the same as without
    /// one, or undecided by the limit; never the opposite.
    @Test(arguments: decided)
    func tightLimitsNeverFlipAVerdict(text: String, range: String) throws {
        let (claim, r) = try Self.claim(text, range)
        let unlimited = Prover.decide(claim, over: r).verdict
        #expect(unlimited.isProved || unlimited.isRefuted, "\(text): \(unlimited)")
        for seconds in [1e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1] {
            let limited = ResourceLimit.withDeadline(seconds: seconds) { Prover.decide(claim, over: r).verdict }
            switch limited {
            case .undecided(let why): #expect(why.hasPrefix("limit: time"), "\(text) at \(seconds) s: \(why)")
            default:
                #expect(limited.isProved == unlimited.isProved && limited.isRefuted == unlimited.isRefuted,
                        "\(text) at \(seconds) s: \(limited), unlimited \(unlimited)")
            }
        }
        // And the memo of root-defining factors was not spoilt for later callers.
        #expect(Prover.decide(claim, over: r).verdict.isProved == unlimited.isProved, "\(text)")
    }
}
