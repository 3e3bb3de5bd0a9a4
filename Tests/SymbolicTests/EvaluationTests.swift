import Exact
import Testing
import ProofFiles
@testable import Symbolic

/// Issue 2, item 7: comparisons of constants decided exactly (or by refinement for exp/log).
@Suite struct EvaluationTests {
    static let fiftyDigitsOfSqrt2 = "1.4142135623730950488016887242096980785696718753769"

    @Test(arguments: [
        ("(sqrt(2) + sqrt(3))^2 = 5 + 2*sqrt(6)", true),
        ("(sqrt(2) + sqrt(3))^2 = 5 + 2*sqrt(7)", false),
        ("(2^(1/3))^3 = 2", true),
        ("17 - 12*sqrt(2) > 0", true),
        ("17 - 12*sqrt(2) > 1/33", false),
        ("(3 - 2*sqrt(2))^2 = 17 - 12*sqrt(2)", true),
        ("sqrt(2) != \(fiftyDigitsOfSqrt2)", true),
        ("sqrt(2) > \(fiftyDigitsOfSqrt2)", true),
        ("sqrt(17)/4 > 1", true),
        ("4*e^(-4) < 1", true),
        ("4*e^(-1) < 1", false),
        ("2*(1/2)^(2/3) < (3/4)^(2/3) + (1/4)^(2/3)", false),
        ("2*(1/2)^(2/3) > (3/4)^(2/3) + (1/4)^(2/3)", true),
        ("exp(1)^2 = e^2 and log(e^3) = 3", true),
        ("relu(1 - sqrt(2)) = 0 and max(sqrt(2), 3/2) = 3/2", true),
    ])
    func comparisonsOfConstants(input: String, expected: Bool) throws {
        let claim = try CommandLineText.claim(input)
        let truth = try claim.truth(at: [:])
        #expect(truth == .holds ? expected : !expected, "\(input): \(truth)")
        if case .undecided = truth { Issue.record("undecided: \(input)") }
    }

    @Test func exactValues() throws {
        let (e, _) = try CommandLineText.expression("(sqrt(2) + sqrt(3))^2 - 2*sqrt(6)")
        #expect(try e.exactValue() == .exact(Constant(5)))
        let (phi, _) = try CommandLineText.expression("(1 + sqrt(5))/2")
        guard case .exact(.algebraic(let a)) = try phi.exactValue() else { Issue.record("not algebraic"); return }
        #expect(a.definingPolynomial.degree == 2)
        #expect(a.decimalString(significantDigits: 10).hasPrefix("1.618033988"))
    }

    @Test func undefinedValuesAreReported() throws {
        let claim = try CommandLineText.claim("sqrt(-1) = 0")
        guard case .fails(_, let undefined) = try claim.truth(at: [:]) else { Issue.record("not failing"); return }
        #expect(undefined)
    }

    @Test func enclosuresContainExactValues() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20 {
            let q = Rational(Int(rng.next() % 1000) + 1, 97)
            let (e, _) = try CommandLineText.expression("sqrt(x) + x^(2/3) - relu(1 - x)", parameters: ["x"])
            guard case .exact(let value) = try e.exactValue(at: ["x": Constant(q)]),
                  let box = e.enclosure(at: ["x": Interval(q)], bits: 40) else { Issue.record("no value at \(q)"); continue }
            let inside = (Expr(value) - Expr(box.lower)).constantValue!.signum >= 0
                && (Expr(box.upper) - Expr(value)).constantValue!.signum >= 0
            #expect(inside, "seed 7, x = \(q)")
        }
    }
}

extension EvaluationTests {
    /// The bottom-up exact value (throwing field operations, `Expr.algebraicValue`) equals the
    /// value substitution and canonical folding give, through every piecewise-linear function,
    /// radicals and a general algebraic constant, at rational and algebraic points.
    @Test func bottomUpValuesAgreeWithFolding() throws {
        let text = "max(x, 1 - x) + min(x^2, sqrt(2) x) - abs(x - 1/2) + lrelu(x - 1, 1/3) - relu(2^(1/3) - x) * (x^5 - x - 1)"
        let (e, _) = try CommandLineText.expression(text, parameters: ["x"])
        var rng = SplitMix64(seed: 11)
        var points = (0..<24).map { _ in Constant(Rational(Int(rng.next() % 600) - 200, 97)) }
        points += [Constant(RealAlgebraic(Rational(2)).root(3)), Constant(RealAlgebraic(Rational(1, 2))), Constant(Rational(1))]
        for x in points {
            let folded = e.substituting(["x": x]).constantValue
            #expect(try e.algebraicValue(at: ["x": x]) == folded, "seed 11, x = \(x)")
            #expect(try e.exactValue(at: ["x": x]) == folded.map(ExactValue.exact), "seed 11, x = \(x)")
        }
    }

    @Test func largeRootsAreEnclosedNotFolded() throws {
        let claim = try CommandLineText.claim("2^(1/1000) > 1 and 2^(1/1000) < 1 + 1/1000")
        #expect(try claim.truth(at: [:]) == .holds)
    }

    /// 64 nested square roots of 2: folded or enclosed, never an overflow or a hang.
    @Test func deeplyNestedRootsAreDecided() throws {
        let root = String(repeating: "sqrt(", count: 64) + "2" + String(repeating: ")", count: 64)
        #expect(try CommandLineText.claim(root + " > 1").truth(at: [:]) == .holds)
        // The false neighbours are refuted, never held: below 1, and above 1 + 2^(−64).
        for wrong in [root + " < 1", root + " > 1 + 1/18446744073709551616"] {
            guard case .fails = try CommandLineText.claim(wrong).truth(at: [:]) else { Issue.record("not refuted: \(wrong)"); continue }
        }
    }
}
