import Exact
import Testing
import ProofFiles
@testable import Symbolic

/// Issue 3: claims for all ε in a range, for small ε, and for integers.
@Suite struct ProverTests {
    static func report(_ claim: String, _ range: String) throws -> ProverReport {
        let r = try CommandLineText.range(range)
        return Prover.decide(try CommandLineText.claim(claim, parameters: [r.name]), over: r)
    }

    @Test(arguments: [
        ("2*relu(1/2 - eps) + sqrt(2*eps)*relu(sqrt(2*eps)) = 1", "eps in (0, 1/9)"),
        ("8 - 4*eps + 17*eps^2/4 < 8", "eps in (0, 1/9)"),
        ("sqrt(1 - eps)^2 + 2*sqrt(eps/2)^2 = 1", "eps in (0, 1)"),
        ("relu(eps^2 + eps - 1) = 0", "eps in (0, (sqrt(5) - 1)/2]"),
        ("relu(1 - 2*sqrt(eps)) = 1 - 2*sqrt(eps)", "eps in (0, 1/4]"),
    ])
    func provedRangeClaims(claim: String, range: String) throws {
        let verdict = try Self.report(claim, range).verdict
        #expect(verdict.isProved, "\(claim) for \(range): \(verdict)")
    }

    @Test func refutedWithWitness() throws {
        let verdict = try Self.report("2*relu(1/2 - eps) + sqrt(2*eps)*relu(sqrt(2*eps) - 1/4) >= 1", "eps in (0, 1/9)").verdict
        guard case .refuted(let witness, let failing, _) = verdict else { Issue.record("\(verdict)"); return }
        #expect(witness["eps"]?.rationalValue != nil)
        // 1 − 2ε < 1 below 1/32, 1 − √(2ε)/4 < 1 above: it fails everywhere.
        #expect(failing.map(\.description) == ["(0, 1/9)"])
    }

    @Test func refutedOnExactInterval() throws {
        let verdict = try Self.report("relu(1 - 2*sqrt(eps)) = 1 - 2*sqrt(eps)", "eps in (0, 1/2)").verdict
        guard case .refuted(_, let failing, _) = verdict else { Issue.record("\(verdict)"); return }
        #expect(failing.map(\.description) == ["(1/4, 1/2)"])
    }

    @Test func refutedPastAnAlgebraicEnd() throws {
        let verdict = try Self.report("relu(eps^2 + eps - 1) = 0", "eps in (0, 0.62)").verdict
        guard case .refuted(let witness, let failing, _) = verdict else { Issue.record("\(verdict)"); return }
        #expect(failing.count == 1 && failing[0].upper == RealAlgebraic(Rational(62, 100)))
        #expect(witness["eps"]?.rationalValue.map { $0 > Rational(618, 1000) } == true)
    }
}

@Suite struct SmallAndIntegerProverTests {
    @Test(arguments: [
        ("(1 + eps)^(2/3) + (1 - eps)^(2/3) < 2", true),
        ("(1 + eps)^(2/3) + (1 - eps)^(2/3) > 2", false),
        ("sqrt(eps) > 10*eps", true),
        ("relu(eps - eps^2) = eps - eps^2", true),
    ])
    func smallParameter(claim: String, holds: Bool) throws {
        let verdict = Prover.decideForSmall(try CommandLineText.claim(claim, parameters: ["eps"]), parameter: "eps").verdict
        #expect(holds ? verdict.isProved : verdict.isRefuted, "\(claim): \(verdict)")
    }

    @Test(arguments: [
        ("(2/m)*(2/m - 1) < 0", "m >= 3", true),
        ("(2/m)*(2/m - 1) < 0", "m >= 2", false),
        ("(m - 7/2)^2 > 1/5", "m >= 1", true),
        ("(m - 7/2)^2 > 1/3", "m >= 1", false),
    ])
    func integerParameter(claim: String, bounds: String, holds: Bool) throws {
        let p = try CommandLineText.integerParameter(bounds)
        let verdict = Prover.decideForIntegers(try CommandLineText.claim(claim, parameters: [p.name]), parameters: [p]).verdict
        #expect(holds ? verdict.isProved : verdict.isRefuted, "\(claim) for \(bounds): \(verdict)")
    }

    @Test(arguments: ["eps in (1, 0)", "eps in (1/2, 1/2)", "eps in (0, 1", "eps in (0, sqrt(-1))"])
    func malformedRanges(text: String) {
        #expect(throws: Diagnostic.self) { try CommandLineText.range(text) }
    }
}

@Suite struct TranscendentalProverTests {
    @Test(arguments: [
        ("exp(-eps) < 1 - eps + eps^2/2", true),
        ("exp(-eps) > 1 - eps", true),
        ("log(1 + eps) < eps - eps^2/3", true),
        ("log(1 + eps) > eps - eps^2/3", false),
        ("(1 + eps)^(2/3) + (1 - eps)^(2/3) < 2 + exp(eps) - exp(eps)", true),
    ])
    func smallParameterBySeries(claim: String, holds: Bool) throws {
        let verdict = Prover.decideForSmall(try CommandLineText.claim(claim, parameters: ["eps"]), parameter: "eps").verdict
        #expect(holds ? verdict.isProved : verdict.isRefuted, "\(claim): \(verdict)")
    }

    @Test func subdivisionProvesAndRefutes() throws {
        let range = try CommandLineText.range("eps in (1/2, 2)")
        let proved = Prover.decide(try CommandLineText.claim("4*exp(-4*eps) < 1/2 + eps/4", parameters: ["eps"]), over: range).verdict
        #expect(proved.isProved, "\(proved)")
        let refuted = Prover.decide(try CommandLineText.claim("exp(eps) < 5", parameters: ["eps"]), over: range).verdict
        guard case .refuted(let witness, _, _) = refuted, let w = witness["eps"]?.rationalValue else { Issue.record("\(refuted)"); return }
        #expect(w > Rational(16, 10) && w < 2)
    }

    @Test func derivativesMatchDifferenceQuotientsInTheLimit() throws {
        let (f, _) = try CommandLineText.expression("x^3 + sqrt(x) + exp(2*x) + log(x)", parameters: ["x"])
        let (expected, _) = try CommandLineText.expression("3*x^2 + 1/(2*sqrt(x)) + 2*exp(2*x) + 1/x", parameters: ["x"])
        let d = try #require(f.derivative(withRespectTo: "x"))
        #expect(d == expected, "\(d)")
        let (kinked, _) = try CommandLineText.expression("relu(x - 1)", parameters: ["x"])
        #expect(kinked.derivative(withRespectTo: "x") == nil)
    }
}

@Suite struct SeveralIntegerParametersTests {
    static func verdict(_ claim: String, _ bounds: [String]) throws -> Verdict {
        var parameters: [IntegerParameter] = []
        for b in bounds { parameters.append(try CommandLineText.integerParameter(b, known: parameters.map(\.name))) }
        return Prover.decideForIntegers(try CommandLineText.claim(claim, parameters: Set(parameters.map(\.name))), parameters: parameters).verdict
    }

    @Test(arguments: [
        ("(1/B)^((k' - k)*k/k') * (1/B)^(-k*(k' - k)/k') = 1", ["k >= 2", "k' > k", "B >= 1"], true),
        ("k'/k > 1", ["k >= 2", "k' > k"], true),
        ("(k' - k)*(k' + k) > 0", ["k >= 2", "k' > k"], true),
        ("relu(k - k') = 0 and max(k, k') = k'", ["k >= 2", "k' > k"], true),
        ("k'/k > 3/2", ["k >= 2", "k' > k"], false),
        ("k*k' < 20", ["k >= 2", "k' > k"], false),
    ])
    func severalParameters(claim: String, bounds: [String], holds: Bool) throws {
        let v = try Self.verdict(claim, bounds)
        #expect(holds ? v.isProved : v.isRefuted, "\(claim): \(v)")
    }

    @Test func witnessesRespectTheBounds() throws {
        guard case .refuted(let witness, _, _) = try Self.verdict("k'/k > 3/2", ["k >= 2", "k' > k"]) else {
            Issue.record("not refuted"); return
        }
        let k = try #require(witness["k"]?.rationalValue), k2 = try #require(witness["k'"]?.rationalValue)
        #expect(k >= 2 && k2 > k && k2 / k <= Rational(3, 2))
    }

    @Test func singleParameterUsesTheCellMethod() throws {
        #expect(try Self.verdict("(2/m)*(2/m - 1) < 0", ["m >= 3"]).isProved)
        #expect(try Self.verdict("(2/m)*(2/m - 1) < 0", ["m > 1"]).isRefuted)
    }
}

@Suite struct SeriesTests {
    @Test func binomialSeriesOfAFractionalPower() throws {
        let (e, _) = try CommandLineText.expression("(1 + eps)^(2/3) + (1 - eps)^(2/3) - 2", parameters: ["eps"])
        let s = try #require(try e.series(at: "eps", terms: 4))
        let (exponent, coefficient) = try #require(s.leadingTerm)
        #expect(exponent == 2 && coefficient == Constant(Rational(-2, 9)), "\(s)")
    }

    @Test func puiseuxExponentsOfRoots() throws {
        let (e, _) = try CommandLineText.expression("sqrt(2*eps + eps^2) - sqrt(2)*sqrt(eps)", parameters: ["eps"])
        let s = try #require(try e.series(at: "eps", terms: 4))
        let (exponent, _) = try #require(s.leadingTerm)
        #expect(exponent == Rational(3, 2), "\(s)")
    }
}

@Suite struct TightEndTests {
    /// Paper claims tight at ε = 0 (Vardi–Shamir–Srebro Thm 5.1, m = 5): the radicals and the
    /// algebraic constant exceed radical elimination, so subdivision with Taylor expansions at
    /// the end decides them.
    @Test(arguments: [
        ("5*((1 + eps)/2)^(2/5) + 5*((1 - eps)/2)^(2/5) < 10*(1/2)^(2/5)", "eps in (0, 1)", true),
        ("exp(eps) > 1 + eps", "eps in (0, 1)", true),
        ("exp(eps) >= 1 + eps", "eps in [0, 1)", true),
        ("exp(eps) < 1 + eps + eps^2/2 + eps^3/7", "eps in (0, 1/2)", false),
    ])
    func tightAtAnEnd(claim: String, range: String, holds: Bool) throws {
        let r = try CommandLineText.range(range)
        let verdict = Prover.decide(try CommandLineText.claim(claim, parameters: [r.name]), over: r).verdict
        #expect(holds ? verdict.isProved : !verdict.isProved, "\(claim): \(verdict)")
    }
}
