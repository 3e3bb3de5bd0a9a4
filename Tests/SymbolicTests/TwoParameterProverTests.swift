import Exact
import Testing
import ProofFiles
@testable import Symbolic

/// Issue 17: claims over a region of two parameters, decided by cylindrical decomposition.
@Suite struct TwoParameterProverTests {
    static func decide(_ claim: String, _ region: String) throws -> (Claim, ParameterRegion, Verdict) {
        let r = try CommandLineText.region(region)
        let c = try CommandLineText.claim(claim, parameters: Set(r.names))
        return (c, r, Prover.decide(c, over: r).verdict)
    }

    /// Whether the exact point lies in the region (checked directly, not by the prover).
    static func contains(_ region: ParameterRegion, _ point: Assignment) throws -> Bool {
        guard let a = point[region.outer.name], region.outer.contains(a.realAlgebraic),
              let fibre = region.fibre, point[fibre.name] != nil else { return false }
        func sign(_ e: Expr) throws -> Int? {
            guard case .exact(let v) = try e.exactValue(at: point.values) else { return nil }
            return v.signum
        }
        if let l = fibre.lower, let s = try sign(.parameter(fibre.name) - l.value), s < 0 || (s == 0 && !l.closed) { return false }
        if let u = fibre.upper, let s = try sign(u.value - .parameter(fibre.name)), s < 0 || (s == 0 && !u.closed) { return false }
        return true
    }

    @Test(arguments: [
        // True claims touching their bound along a curve (inside, or on a closed end).
        ("sqrt(a*eps) <= (a + eps)/2", "a in (0, 1), eps in (0, 1)"),
        ("a^2 + eps^2 <= 1", "a in (0, 1), eps in (0, sqrt(1 - a^2)]"),
        ("sqrt(a*eps) <= a/2", "a in (0, 1/2), eps in (0, a/4]"),
        ("sqrt(a*eps) < a", "a in (0, 1/2), eps in (0, a/4)"),
        ("eps^2 >= 2*a*eps - a^2", "a in [-1, 1], eps in [a^3, 2]"),
        // relu, max and abs switching along curves inside the region.
        ("relu(eps - a^2) + a^2 = max(eps, a^2)", "a in (-1, 1), eps in (0, 1)"),
        ("abs(eps - a) + abs(eps - a^2) >= a - a^2", "a in (0, 1), eps in (0, 1)"),
        ("relu(eps - a^2 + 1/2) < 3/2", "a in (0, 2), eps in (0, 1)"),
        ("relu(eps - a) + relu(a - eps) = abs(eps - a)", "a in (0, 2), eps in (0, 1)"),
        // Radicals of both parameters, unbounded sides.
        ("sqrt(a + eps) < sqrt(a) + sqrt(eps)", "a >= 1, eps >= 1"),
        ("relu(eps - a^2) + sqrt(a*eps) >= sqrt(a)", "a >= 2, eps >= 1"),
        ("sqrt(a*eps) - relu(sqrt(a) - sqrt(eps)) <= (a + eps)/2", "a in (0, 4), eps in (a/2, 2*a)"),
        // The isolated zero of the first term lies off the zeros of the second.
        ("sqrt((eps - 3/4)^2 + (a - 1/2)^2) + sqrt(eps - a) > 0", "a in (0, 1), eps in [a, 1]"),
        // Two radicals and two kinks; the supremum 0.44082… is approached as a → 1.
        ("relu(sqrt(a*eps) - eps) + relu(sqrt(a + eps) - 1) < 0.441", "a in (0, 1), eps in (0, a)"),
    ])
    func proved(claim: String, region: String) throws {
        let (_, _, verdict) = try Self.decide(claim, region)
        #expect(verdict.isProved, "\(claim) over \(region): \(verdict)")
    }

    @Test(arguments: [
        // Near-misses: the region's boundary curve moved outwards by 10^-20.
        ("a^2 + eps^2 < 1", "a in (0, 1), eps in (0, sqrt(1 - a^2) + 10^(-20))"),
        ("sqrt(a*eps) <= a/2", "a in (0, 1/2), eps in (0, a/4 + 10^(-20)]"),
        ("relu(eps - a^2 + 1/2) < 3/2", "a in (0, 2), eps in (0, 1 + 10^(-20))"),
        ("a^2 + eps^2 <= 1", "a in (0, 1), eps in (0, sqrt(1 + 10^(-20) - a^2)]"),
        // Equalities that hold only on a curve.
        ("eps = a^2", "a in (0, 1), eps in (0, 1)"),
        ("sqrt(a*eps) = (a + eps)/2", "a in (0, 1), eps in (0, 1)"),
        ("relu(eps - a) = eps - a", "a in (0, 1), eps in (a^2, 1)"),
        // Strict versions of the true claims above, failing on their touching curves.
        ("sqrt(a*eps) < (a + eps)/2", "a in (0, 1), eps in (0, 1)"),
        ("abs(eps - a) + abs(eps - a^2) > a - a^2", "a in (0, 1), eps in (0, 1)"),
        ("eps > a^3 - 1", "a in (0, 2), eps in (a^2, 2*a)"),
        ("relu(sqrt(a*eps) - eps) + relu(sqrt(a + eps) - 1) < 0.44", "a in (0, 1), eps in (0, a)"),
        // Failing at one isolated point only: inside, and on a closed boundary curve.
        ("sqrt((eps - 3/4)^2 + (a - 1/2)^2) > 0", "a in (0, 1), eps in [a, 1]"),
        ("abs(eps - 3/4) + abs(a - 1/2) > 0", "a in (0, 1), eps in [a, 1]"),
        ("sqrt(eps - a) + (a - 1/2)^2 > 0", "a in (0, 1), eps in [a, 1]"),
        ("(eps - a^2 - 1/2)^2 + (a^2 - 2)^2*(a - 1/3)^4 > 0", "a in (0, 1), eps in [a, 1]"),
        // Failing at one point of a section along which another conjugate of the left side
        // vanishes (sqrt(eps) -> -sqrt(eps) on eps = a^2): Lemma 2 of docs/cylindrical-decomposition.md.
        ("sqrt(eps - a^2) + a*(a - 1/2)^2 + (a - 1/2)^2*sqrt(eps) > 0", "a in (1/4, 1), eps in [a^2, 1]"),
        ("root(eps - a^2, 3) + a*(a - 1/2)^2 + (a - 1/2)^2*sqrt(eps) > 0", "a in (1/4, 1), eps in [a^2, 1]"),
        // Failing on a vertical line at an irrational a, where the polynomial vanishes identically (nullification).
        ("(a^2 - 2)*(eps^2 + 1) != 0", "a in (1, 2), eps in (0, 1)"),
        ("(a^2 - 2)*eps + (a^2 - 2)^2 + relu(a - 3/2) > 0", "a in (1, 2), eps in (0, 1)"),
    ])
    func refutedAtAnExactPoint(claim: String, region: String) throws {
        let (c, r, verdict) = try Self.decide(claim, region)
        guard case .refuted(let witness, _, _) = verdict else { Issue.record("\(claim) over \(region): \(verdict)"); return }
        #expect(try Self.contains(r, witness), "\(witness) lies outside \(region)")
        guard case .fails = try c.truth(at: witness.values) else { Issue.record("\(claim) holds at \(witness)"); return }
    }

    @Test func theTouchingPointOfASectionIsTheWitness() throws {
        let (_, _, verdict) = try Self.decide("sqrt(eps - a^2) + a*(a - 1/2)^2 + (a - 1/2)^2*sqrt(eps) > 0",
                                              "a in (1/4, 1), eps in [a^2, 1]")
        guard case .refuted(let witness, _, _) = verdict else { Issue.record("\(verdict)"); return }
        #expect(witness["a"] == Constant(Rational(1, 2)) && witness["eps"] == Constant(Rational(1, 4)), "\(witness)")
    }

    @Test func radicalBasesIncludeOddRoots() throws {
        let e = try CommandLineText.expression("root(eps - a, 3) + sqrt(a*eps) + (a + 2)^(-2)", parameters: ["a", "eps"]).0
        let bases = e.radicalBases.map(\.description)
        #expect(Set(bases) == Set(["eps - a", "a*eps"].map { try! CommandLineText.expression($0, parameters: ["a", "eps"]).0.description }), "\(bases)")
    }

    @Test func criticalValuesAreAlgebraicAndTheirFibresAreDecided() throws {
        // The kink curve eps = a^2 - 1/2 meets eps = 0 at a = 1/sqrt(2) and eps = 1 at sqrt(3/2).
        let r = try CommandLineText.region("a in (0, 2), eps in (0, 1)")
        let report = Prover.decide(try CommandLineText.claim("relu(eps - a^2 + 1/2) < 3/2", parameters: Set(r.names)), over: r)
        #expect(report.verdict.isProved)
        let header = report.explanation.first ?? ""
        #expect(header.contains("sqrt(2)") && header.contains("sqrt(6)"), "\(header)")
    }

    @Test(arguments: [
        ("exp(a) > eps", "a in (0, 1), eps in (0, 1)", "algebraic"),
        ("a + eps + c > 0", "a in (0, 1), eps in (0, 1)", "another parameter, c"),
        ("eps > 0", "a in (-1, 1), eps in (0, sqrt(a))", "not defined"),
    ])
    func undecidedWithTheReason(claim: String, region: String, reason: String) throws {
        let r = try CommandLineText.region(region)
        let verdict = Prover.decide(try CommandLineText.claim(claim, parameters: Set(r.names).union(["c"])), over: r).verdict
        guard case .undecided(let why) = verdict else { Issue.record("\(claim): \(verdict)"); return }
        #expect(why.contains(reason), "\(why)")
    }

    @Test func emptyFibresHoldVacuously() throws {
        // For a > 1 the fibre (a, 1) is empty; below, eps > a suffices.
        let (_, _, verdict) = try Self.decide("eps > a", "a in (0, 2), eps in (a, 1)")
        #expect(verdict.isProved, "\(verdict)")
    }
}

@Suite struct ParameterRegionTests {
    @Test func readsBothForms() throws {
        let r = try CommandLineText.region("a in (0, 1/2), eps in (0, a/4]")
        #expect(r.outer == ParameterRange("a", lower: .init(.zero, closed: false), upper: .init(Constant(Rational(1, 2)), closed: false)))
        #expect(r.fibre?.name == "eps" && r.fibre?.upper?.closed == true && r.fibre?.lower?.closed == false)
        let q = try CommandLineText.region("a >= 2, b > 1")
        #expect(q.outer.lower == .init(Constant(2), closed: true) && q.outer.upper == nil)
        #expect(q.fibre?.lower?.closed == false && q.fibre?.upper == nil)
        let one = try CommandLineText.region("eps in (0, 1/9)")
        let range = try CommandLineText.range("eps in (0, 1/9)")
        #expect(one.fibre == nil && one.outer == range)
    }
}
