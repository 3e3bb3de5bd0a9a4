import Testing
@testable import ProofFiles

/// Families (issue 17): data, points and multipliers depending on declared parameters, claims
/// about them decided over the parameters, or undecided with the reason. The constructions are
/// ours: a linear predictor on data (a, 1), (−1, a) and a two-neuron relu network on (1, a).
@Suite struct FamilyClaimTests {
    static func check(_ body: String) -> Report.FileResult {
        Report.check(path: "t.proof", source: "title \"t\"\n\(body)\n", explain: false, simulator: nil)
    }

    /// Linear predictor ⟨W1, x⟩ on x1 = (a, 1), x2 = (−1, a), both labels 1: the KKT point of
    /// min ½‖W1‖² s.t. ⟨W1, xᵢ⟩ ≥ 1 has both constraints active, W1 = λ1 x1 + λ2 x2 with
    /// λ1 = λ2 = 1/(1 + a²).
    static let linear = """
        network fully-connected linear 2 -> 1
        parameter a in (0, 1/2)
        data x1 = (a, 1), y1 = 1
        data x2 = (-1, a), y2 = 1
        point w(a): W1 = ((a - 1)/(1 + a^2), (1 + a)/(1 + a^2))
        point w0: W1 = (-1, 2)
        """

    @Test(arguments: [
        ("w is feasible for all a", "proved"),
        ("dot(w.W1, x1) = dot(w.W1, x2) = 1 for all a", "proved"),
        ("norm(w)^2 = 2/(1 + a^2) for all a", "proved"),
        ("w is a KKT point with lambda = (1/(1 + a^2), 1/(1 + a^2)) for all a", "proved"),
        ("w is a KKT point with lambda = (1/(1 + a^2), 1/(1 + a^2)) for all a in (0, 2)", "proved"),
        ("w is a KKT point with lambda = (1/(1 + a^2), a/(1 + a^2)) for all a", "refuted"),
        ("w0 is feasible for all a", "proved"),
        ("w0 is feasible for all a in (0, 2)", "refuted"),
        // Optimality of a fixed point for a data family is not reduced to comparisons.
        ("w0 is a global optimum", "undecided"),
    ])
    func linearFamily(claim: String, verdict: String) {
        let result = Self.check(Self.linear + "\nclaim \(claim)")
        let c = result.claims.first
        #expect(result.error == nil && c?.verdict.rawValue == verdict, "\(claim): \(c?.evidence ?? result.error ?? "")")
    }

    /// Two relu neurons v1σ(⟨w1, x⟩) + v2σ(⟨w2, x⟩) on x1 = (1, a): k(a) is the balanced KKT
    /// point with the second neuron off (w2 = 0, v2 = 0), λ = 1/√(1 + a²). The second neuron's
    /// kink is at 0 on the whole family, but v2 = 0, so the gradient is unique; k2 (v2 = 1) has
    /// a Clarke choice there.
    static let relu = """
        network fully-connected relu 2 -> 2 -> 1
        parameter a in (1, 2)
        parameter eps in (0, 1/8)
        data x1 = (1, a), y1 = 1
        point k(a): w1 = ((1 + a^2)^(-3/4), a (1 + a^2)^(-3/4)), w2 = (0, 0), v = ((1 + a^2)^(-1/4), 0)
        point k2(a): w1 = ((1 + a^2)^(-3/4), a (1 + a^2)^(-3/4)), w2 = (0, 0), v = ((1 + a^2)^(-1/4), 1)
        point q(a, eps): w1 = ((1 + a^2)^(-3/4), a (1 + a^2)^(-3/4)), w2 = (eps, 0), v = ((1 + a^2)^(-1/4), eps)
        point r(a, eps): w1 = ((1 - eps) (1 + a^2)^(-3/4), a (1 - eps) (1 + a^2)^(-3/4)), w2 = (eps, 0), v = ((1 + a^2)^(-1/4), eps)
        point k0: w1 = (1, 1), w2 = (0, 0), v = (1, 0)
        """

    @Test(arguments: [
        ("k is feasible for all a", "proved"),
        ("k is a KKT point with lambda = (1/sqrt(1 + a^2)) for all a", "proved"),
        ("k is a KKT point with lambda = (1) for all a", "refuted"),
        ("k2 is a KKT point with lambda = (1/sqrt(1 + a^2)) for all a", "undecided"),
        // q is feasible but longer; r is shorter but infeasible: neither witnesses non-optimality.
        ("k is not a local optimum, witness q for all a, eps", "refuted"),
        ("k is not a local optimum, witness r for all a, eps", "refuted"),
        ("k0 is a local optimum", "undecided"),
    ])
    func reluFamily(claim: String, verdict: String) {
        let result = Self.check(Self.relu + "\nclaim \(claim)")
        let c = result.claims.first
        #expect(result.error == nil && c?.verdict.rawValue == verdict, "\(claim): \(c?.evidence ?? result.error ?? "")")
    }

    @Test func dataOnAnIntegerParameterIsAnError() {
        let result = Self.check("network fully-connected linear 2 -> 1\ninteger m >= 1\ndata x1 = (m, 1), y1 = 1")
        #expect(result.error?.contains("t.proof:4:") == true && result.error?.contains("declared real parameter") == true, "\(result.error ?? "no error")")
    }

    @Test func aFamilyClaimNeedsItsQuantifier() {
        let result = Self.check(Self.linear + "\nclaim w is feasible")
        #expect(result.error?.contains("depends on a") == true, "\(result.error ?? "no error")")
    }
}

/// A witness region whose ε-range is empty for some a proves nothing there.
@Suite struct FamilyWitnessRegionTests {
    @Test func anEmptyFibreDoesNotProveNonOptimality() {
        let body = """
            network fully-connected relu 2 -> 2 -> 1
            parameter a in (1, 2)
            parameter eps in (0, a - 3/2)
            data x1 = (1, a), y1 = 1
            point k(a): w1 = ((1 + a^2)^(-3/4), a (1 + a^2)^(-3/4)), w2 = (0, 0), v = ((1 + a^2)^(-1/4), 0)
            point q(a, eps): w1 = ((1 + a^2)^(-3/4), a (1 + a^2)^(-3/4)), w2 = (eps, 0), v = ((1 + a^2)^(-1/4), eps)
            claim k is not a local optimum, witness q for all a, eps
            """
        let result = Report.check(path: "t.proof", source: "title \"t\"\n\(body)\n", explain: false, simulator: nil)
        #expect(result.error == nil && result.claims.first?.verdict.rawValue == "refuted", "\(result.claims.first?.evidence ?? result.error ?? "")")
        #expect(result.claims.first?.evidence.contains("nonempty") == true, "\(result.claims.first?.evidence ?? "")")
    }
}
