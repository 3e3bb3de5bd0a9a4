import Testing
import Symbolic
@testable import ProofFiles

/// `Report.check(…, certify: true)` attaches a certificate to every proved or refuted claim
/// (docs/certificates.md): the cut points and samples of a decomposition, the exact
/// counterexample of a refutation, the parts of a compound claim, or why there is none.
@Suite struct CertificateWritingTests {
    static let file = """
    title "certificates"
    network fully-connected relu 2 -> 2 -> 1
    data x1 = (1, 1/4), y1 = 1
    data x2 = (-1, 1/4), y2 = 1
    parameter eps in (0, 1)
    claim relu(eps^2 - 1/2) + 1/2 >= eps^2 for all eps
    claim eps^2 - 2 != 0 for all eps in (1, 2) expect refuted
    claim sqrt(2) sqrt(3) = sqrt(6)
    claim eps^3 < eps^2 for small eps
    point kkt: w1 = (0, 2), w2 = (0, 0), v = (2, 0)
    claim kkt is a KKT point
    parameter s in (0, 1/9)
    point p(s): w1 = (s/2, 2 - 2 s), w2 = (-sqrt(2 s), 0), v = (2, sqrt(2 s))
    claim kkt is not a local optimum, witness p
    """

    static func certificates(certify: Bool = true) -> [JSONValue?] {
        Report.check([(path: "c.proof", source: file)], explain: false, certify: certify, simulator: nil)[0].claims.map(\.certificate)
    }

    static func field(_ value: JSONValue?, _ key: String) -> JSONValue? {
        guard case .object(let object)? = value else { return nil }
        return object[key]
    }

    @Test func everyProvedOrRefutedClaimHasOne() {
        let c = Self.certificates()
        #expect(Self.field(c[0], "kind") == .string("over-range"))
        // The cut point 1/√2: a root of 2x² − 1 (primitive, constant term first) with its interval.
        guard case .array(let cuts)? = Self.field(c[0], "cut_points"), cuts.count == 1 else {
            Issue.record("one cut point expected: \(String(describing: c[0]))"); return
        }
        #expect(Self.field(cuts[0], "root_of") == .array([.string("-1"), .string("0"), .string("2")]))
        guard case .array(let samples)? = Self.field(c[0], "samples") else { Issue.record("no samples"); return }
        #expect(samples.count == 2)
        // The refutation's counterexample is √2, exactly, and the conditions fail there.
        #expect(Self.field(c[1], "kind") == .string("at-point") && Self.field(c[1], "holds") == .bool(false))
        #expect(Self.field(Self.field(Self.field(c[1], "assignment"), "eps"), "root_of") == .array([.string("-2"), .string("0"), .string("1")]))
        #expect(Self.field(c[2], "kind") == .string("at-point") && Self.field(c[2], "holds") == .bool(true))
        // For small eps: the first cell (0, 1), where it holds throughout.
        #expect(Self.field(c[3], "kind") == .string("over-range"))
        // KKT: the constraints as expressions in named variables, the point, λ = (2, 2).
        #expect(Self.field(c[4], "kind") == .string("kkt"))
        #expect(Self.field(c[4], "multipliers") == .array([.string("2"), .string("2")]))
        #expect(Self.field(Self.field(c[4], "point"), "w1[2]") == .string("2"))
        guard case .array(let parts)? = Self.field(c[5], "parts") else { Issue.record("no parts"); return }
        #expect(parts.count == 3)
    }

    /// The kinds written for optimality (our construction): Φ = v relu(⟨w, x⟩) on one example
    /// x = (1, 0), y = 1, at w = (1, 0), v = 1 (KKT with λ = 1 = ½‖θ‖²): a global optimum by
    /// the dual certificate, a per-layer global optimum by convexity (Φ is linear in v); the
    /// ℓ1 predictor β = (1/2, 0) of the data x = (2, 1) is optimal by its KKT point (λ = 1/2).
    @Test func optimalityCertificatesHaveTheirKinds() {
        let source = """
        title "optimality certificates"
        network fully-connected relu 2 -> 1 -> 1
        data x1 = (1, 0), y1 = 1
        point p: w = (1, 0), v = (1)
        claim p is a global optimum
        claim p is a global optimum of the per-layer problem for layer 2
        claim p is a KKT point with lambda = (2) expect refuted
        """
        let c = Report.check([(path: "o.proof", source: source)], explain: false, certify: true, simulator: nil)[0].claims.map(\.certificate)
        guard c.count == 3 else { Issue.record("three claims expected: \(c)"); return }
        #expect(Self.field(c[0], "kind") == .string("dual"))
        #expect(Self.field(c[0], "multipliers") == .array([.string("1")]))
        #expect(Self.field(c[1], "kind") == .string("convex-kkt"))
        #expect(Self.field(Self.field(c[1], "certificate"), "kind") == .string("kkt"))
        // Wrong printed multipliers: a Farkas vector with one offset per constraint.
        #expect(Self.field(c[2], "kind") == .string("not-kkt"))
        #expect(Self.field(c[2], "printed") == .array([.string("2")]))
        guard case .array(let offsets)? = Self.field(c[2], "offsets") else { Issue.record("no offsets: \(String(describing: c[2]))"); return }
        #expect(offsets.count == 1)
        let predictor = """
        title "l1 certificates"
        network diagonal linear dimension 2 depth 2
        data x1 = (2, 1), y1 = 1
        let b = (1/2, 0)
        claim b is a KKT point of the l1 predictor problem with lambda = 1/2
        claim b is a global optimum of the l1 predictor problem
        """
        let d = Report.check([(path: "l.proof", source: predictor)], explain: false, certify: true, simulator: nil)[0].claims.map(\.certificate)
        guard d.count == 2 else { Issue.record("two claims expected: \(d)"); return }
        #expect(Self.field(d[0], "objective") == .string("l1"))
        #expect(Self.field(d[1], "kind") == .string("convex-kkt"))
    }

    /// Claims over integers (our construction): 3^(−1/n)(n² − 7)(n² − 8) > 0 has the content
    /// 3^(−1/n) and the cut points √7, √8, between which no integer lies; each element of the
    /// decomposition of [1, ∞) lists its least integer. The global optimum of a fully-connected
    /// linear network (Φ = Σⱼvⱼ⟨wⱼ, x⟩ on x = (1, 0)) by its closed form: u* = (1, 0) with α = 1.
    @Test func integerAndLinearOptimumCertificatesHaveTheirKinds() {
        let source = """
        title "integer and linear certificates"
        integer n >= 1
        claim 3^(-1/n) (n^2 - 7) (n^2 - 8) > 0 for all n
        claim 2^(1/n) (n - 5/2) (n - 7/2) > 0 for all n expect refuted
        """
        let c = Report.check([(path: "i.proof", source: source)], explain: false, certify: true, simulator: nil)[0].claims.map(\.certificate)
        guard c.count == 2 else { Issue.record("two claims expected: \(c)"); return }
        #expect(Self.field(c[0], "kind") == .string("over-integers"))
        guard case .array(let contents)? = Self.field(c[0], "contents"), case .array(let cuts)? = Self.field(c[0], "cut_points"),
              case .array(let integers)? = Self.field(c[0], "integers") else { Issue.record("fields missing: \(String(describing: c[0]))"); return }
        #expect(contents.last != .null && cuts.count == 2)
        #expect(integers.map { Self.field($0, "least") } == ["1", "2", nil, nil, nil, "3"].map { $0.map(JSONValue.string) })
        #expect(Self.field(c[1], "kind") == .string("at-point") && Self.field(Self.field(c[1], "assignment"), "n") == .string("3"))
        let linear = """
        title "linear optimum"
        network fully-connected linear 2 -> 2 -> 1
        data x1 = (1, 0), y1 = 1
        point p: w1 = (1, 0), w2 = (0, 0), v = (1, 0)
        claim p is a global optimum
        """
        let d = Report.check([(path: "l.proof", source: linear)], explain: false, certify: true, simulator: nil)[0].claims.map(\.certificate)
        #expect(Self.field(d.first ?? nil, "kind") == .string("linear-optimum"))
        #expect(Self.field(d.first ?? nil, "separator") == .array([.string("1"), .string("0")]))
        #expect(Self.field(d.first ?? nil, "weights") == .array([.string("1")]))
    }

    /// The JSON report carries the evidence as data: the counterexample's exact value, λ, the
    /// Farkas vector, the better point (`evidence_data`), next to its text.
    @Test func evidenceIsDataInTheReport() {
        let source = Self.file + """

        point far: w1 = (0, 4), w2 = (0, 0), v = (1, 0)
        claim far is a KKT point expect refuted
        claim far is a global optimum expect refuted
        """
        let claims = Report.check([(path: "c.proof", source: source)], explain: false, simulator: nil)[0].claims
        let data = claims.map(\.evidence_data)
        #expect(Self.field(data[1], "kind") == .string("counterexample"))
        #expect(Self.field(Self.field(Self.field(data[1], "witness"), "eps"), "root_of") == .array([.string("-2"), .string("0"), .string("1")]))
        #expect(Self.field(data[2], "kind") == .string("exact"))
        #expect(Self.field(data[4], "multipliers") == .array([.string("2"), .string("2")]))
        #expect(Self.field(data[5], "kind") == .string("parts"))
        // Not KKT: a Farkas vector y with yᵀθ < 0, one entry per parameter.
        guard case .array(let y)? = Self.field(data[6], "vector") else { Issue.record("no Farkas vector: \(String(describing: data[6]))"); return }
        #expect(Self.field(data[6], "kind") == .string("farkas") && y.count == 6)
        #expect(claims[6].evidence.hasPrefix("no λ ≥ 0 gives"))
        #expect(Self.field(data[7], "kind") == .string("better-point"))
        guard case .array(let v)? = Self.field(Self.field(data[7], "point"), "v") else { Issue.record("no better point: \(String(describing: data[7]))"); return }
        #expect(v.count == 2)
    }

    /// Two parameters (our construction): relu(w² − 2uw + 1) + 2uw ≥ w² + 1 over u ∈ (0, 2),
    /// w ∈ (0, 3 − u) has the critical values 1 (the discriminant 4u² − 4) and a root of
    /// 3u² − 12u + 10 (w² − 2uw + 1 meets w = 3 − u): an `over-region` certificate with both as
    /// cut points, one sample per cell, a fibre per sample and per cut point. A KKT point of a
    /// data family x = (a), y = 1 (Φ = v relu(w x), w = v = 1/√a, λ = 1/a): `kkt-family` with
    /// θ(a) and λ(a) as expressions; a wrong λ names the parameter value where it fails.
    @Test func twoParametersAndDataFamiliesHaveTheirKinds() {
        let plane = """
        title "plane"
        network fully-connected relu 2 -> 2 -> 1
        data x1 = (1, 1/4), y1 = 1
        parameter u in (0, 2)
        parameter w in (0, 3 - u)
        claim relu(w^2 - 2 u w + 1) + 2 u w >= w^2 + 1 for all u, w
        claim w^2 + 1 >= 2 u w for all u, w expect refuted
        """
        let c = Report.check([(path: "p.proof", source: plane)], explain: false, certify: true, simulator: nil)[0].claims.map(\.certificate)
        #expect(Self.field(c[0], "kind") == .string("over-region"))
        guard case .array(let cuts)? = Self.field(c[0], "cut_points"), case .array(let fibres)? = Self.field(c[0], "fibres") else {
            Issue.record("cut points and fibres expected: \(String(describing: c[0]))"); return
        }
        #expect(cuts.count == 2 && cuts[0] == .string("1") && fibres.count == 5)
        #expect(Self.field(cuts[1], "root_of") == .array(["10", "-12", "3"].map(JSONValue.string)))
        #expect(Self.field(c[1], "kind") == .string("at-point") && Self.field(c[1], "holds") == .bool(false))
        let family = """
        title "family"
        network fully-connected relu 1 -> 1 -> 1
        parameter a in (0, 2]
        data x1 = (a), y1 = 1
        point k(a): w = (1/sqrt(a)), v = (1/sqrt(a))
        claim k is a KKT point with lambda = (1/a) for all a
        claim k is a KKT point with lambda = (2/a) for all a expect refuted
        """
        let d = Report.check([(path: "f.proof", source: family)], explain: false, certify: true, simulator: nil)[0].claims.map(\.certificate)
        #expect(Self.field(d[0], "kind") == .string("kkt-family") && Self.field(d[0], "counterexample") == nil)
        #expect(Self.field(d[1], "kind") == .string("kkt-family") && Self.field(d[1], "counterexample") != nil)
        guard case .object(let point)? = Self.field(d[0], "point") else { Issue.record("no point: \(String(describing: d[0]))"); return }
        #expect(point.keys.sorted() == ["v[1]", "w[1]"])
    }

    @Test func noneUnlessAsked() {
        #expect(Self.certificates(certify: false).allSatisfy { $0 == nil })
    }

    @Test func theSummaryCountsTypedVerdicts() {
        var report = Report()
        report.add(Report.check(path: "c.proof", source: Self.file, explain: false, simulator: nil))
        let s = report.summary
        #expect([s.claims, s.proved, s.refuted, s.expected_refuted, s.undecided, s.expected_undecided, s.failed] == [6, 5, 1, 1, 0, 0, 0])
    }
}
