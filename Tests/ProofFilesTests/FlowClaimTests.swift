import Testing
@testable import ProofFiles

/// Flow statements and flow claims: parsing, elaboration, and verdicts judged from a scripted
/// simulator (the real integrators live in GradientFlow and are exercised by `margincert check`).
@Suite struct FlowClaimTests {
    static let header = """
    network fully-connected relu 2 -> 2 -> 1
    data x1 = (1, 1/4), y1 = 1
    data x2 = (-1, 1/4), y2 = 1
    point init: w1 = (1/10, 1/2), w2 = (1/10, -1/2), v = (1/2, 3/10)
    point kkt: w1 = (0, 2), w2 = (0, 0), v = (2, sqrt(2))

    """

    /// Replays a fixed trace and remembers the requests it was given.
    struct Scripted: FlowSimulator {
        let margins: [Double]
        let finalDirectionError: Double

        func simulate(_ request: FlowRequest) -> FlowTrace {
            let states = margins.enumerated().map { k, γ in
                FlowTrace.State(log10Time: Double(k), log10Loss: -Double(k), norm: Double(k + 1),
                                directionError: request.target == nil ? nil : finalDirectionError * Double(margins.count - k),
                                normalizedMargin: γ)
            }
            return FlowTrace(states: states, steps: margins.count, ending: "scripted", completed: true)
        }
    }

    static func results(_ claims: String, _ simulator: (any FlowSimulator)?) -> [Report.ClaimResult] {
        let file = Report.check(path: "t.proof", source: header + claims, explain: false, simulator: simulator)
        #expect(file.error == nil, "\(file.error ?? "")")
        return file.claims
    }

    @Test func parsesTheFlowStatementAndItsOptions() throws {
        let document = try Elaborator.elaborate(try ProofFileParser.parse(Self.header + """
            flow gf: logistic from init, solver gd(1e-4), until log10 t = 10^3, steps 2000
            flow plain: exponential from init
            """))
        let gf = try #require(document.flows["gf"])
        #expect(gf.loss == .logistic && gf.solver == .gradientDescent(learningRate: 1e-4))
        #expect(gf.maximumLog10Time == 1000 && gf.maximumSteps == 2000 && gf.initial == [0.1, 0.5, 0.1, -0.5, 0.5, 0.3])
        let plain = try #require(document.flows["plain"])
        #expect(plain.solver == .rosenbrock && plain.maximumSteps == 100_000
                && plain.maximumLog10Time == Elaborator.defaultLog10TimeLimit)
        #expect(Document.doubles(document.points["kkt"]!.theta)![5] == 2.0.squareRoot())
    }

    /// rtol and atol: atol scales with θ(0)'s largest entry (1/2 for init, 3·10⁻⁸ for small)
    /// unless written `absolute`; the defaults scale the same way.
    @Test(arguments: [
        ("exponential from init", 1e-6, 1e-9 / 2),
        ("exponential from init, rtol 1e-8, atol 1e-12", 1e-8, 1e-12 / 2),
        ("exponential from init, atol 1e-12 relative", 1e-6, 1e-12 / 2),
        ("exponential from init, atol 1e-12 absolute, rtol 1/1000", 1e-3, 1e-12),
        ("square from small, solver dopri", 1e-6, 1e-9 * 3e-8),
        ("square from small, atol 1e-9 absolute", 1e-6, 1e-9),
    ])
    func toleranceOptions(_ options: String, rtol: Double, atol: Double) throws {
        let document = try Elaborator.elaborate(try ProofFileParser.parse(Self.header + """
            point small: w1 = (1e-8, 2e-8), w2 = (-3e-8, 1e-8), v = (1e-8, 1e-8)
            flow f: \(options)
            """))
        let f = try #require(document.flows["f"])
        #expect(f.relativeTolerance == rtol && abs(f.absoluteTolerance - atol) <= 1e-15 * atol, "\(f.relativeTolerance), \(f.absoluteTolerance)")
    }

    /// The tolerances reach the integrator: from an init of scale 10⁻⁸, an absolute atol of
    /// 10⁻⁹ barely controls the error, and the default (scaled to 10⁻¹⁷) takes more steps.
    @Test func theScaledToleranceControlsASmallInit() throws {
        let document = try Elaborator.elaborate(try ProofFileParser.parse(Self.header + """
            point small: w1 = (1e-8, 2e-8), w2 = (-3e-8, 1e-8), v = (1e-8, 1e-8)
            flow loose: square from small, atol 1e-9 absolute, until log10 t = 1
            flow scaled: square from small, until log10 t = 1
            """))
        let runs = try ["loose", "scaled"].map { FlowRunner().run(FlowRequest(flow: try #require(document.flows[$0]))) }
        #expect(runs[1].acceptedSteps > runs[0].acceptedSteps, "\(runs.map(\.acceptedSteps))")
    }

    @Test(arguments: [
        ("flow gf: exponential from nowhere", "unknown point 'nowhere'"),
        ("flow gf: cubic from init", "unknown loss 'cubic'"),
        ("flow gf: exponential from init, solver euler", "unknown solver 'euler'"),
        ("flow gf: exponential from init, steps 0", "the number of steps must be positive"),
        ("flow gf: exponential from init, steps 10, steps 20", "unknown or repeated flow option 'steps'"),
        ("flow gf: exponential from init, solver gd", "expected '('"),
        ("flow gf: exponential from init, rtol 0", "rtol must be positive"),
        ("flow gf: exponential from init, atol -1e-9", "atol must be positive"),
        ("flow gf: exponential from init, atol 1e-9 absolutely", "unknown name 'absolutely'"),
        ("flow gf: exponential from init, rtol 1e-6, rtol 1e-7", "unknown or repeated flow option 'rtol'"),
        ("flow gf: logistic from init, solver gd(1e-4), atol 1e-9", "rtol and atol are for the adaptive solvers"),
        ("flow init: exponential from init", "'init' is already defined"),
        ("claim gf converges in direction to kkt within 1e-6", "unknown flow 'gf'"),
        ("flow gf: exponential from init\nclaim gf converges in direction to kkt within 0", "the tolerance must be positive"),
        ("flow gf: exponential from init\nclaim gf has rising normalized margin", "expected 'decreasing' or 'increasing'"),
        ("flow gf: square from init\nclaim gf has decreasing normalized margin", "the normalized margin is monitored"),
    ])
    func rejectsMalformedFlows(_ source: String, _ message: String) {
        #expect(throws: Diagnostic.self) { try Elaborator.elaborate(try ProofFileParser.parse(Self.header + source)) }
        do {
            _ = try Elaborator.elaborate(try ProofFileParser.parse(Self.header + source))
        } catch {
            #expect(error.message.contains(message), "\(source): \(error.message)")
        }
    }

    @Test func verdictsAreEvidenceAndFollowTheTrace() {
        let claims = """
            flow gf: exponential from init
            claim gf converges in direction to kkt within 1e-6
            claim gf converges in direction to kkt within 1e-9 expect refuted
            claim gf has increasing normalized margin
            claim gf has decreasing normalized margin expect refuted
            claim gf reaches loss < 1e-3
            claim gf reaches loss < 1e-5
            """
        let results = Self.results(claims, Scripted(margins: [0.1, 0.2, 0.3, 0.3, 0.4], finalDirectionError: 5e-7))
        #expect(results.map(\.verdict.rawValue) == ["observed", "not-observed", "observed", "not-observed", "observed", "not-observed"])
        #expect(results.map(\.expected.rawValue) == ["observed", "not-observed", "observed", "not-observed", "observed", "observed"])
        #expect(results.map(\.ok) == [true, true, true, true, true, false])
        #expect(results.map(\.kind) == ["flow-direction", "flow-direction", "flow-margin", "flow-margin", "flow-loss", "flow-loss"])
        #expect(results[0].evidence.contains("5e-07 < 1e-06"))
        var report = Report()
        report.add(FileResult(path: "t.proof", title: nil, error: nil, claims: results))
        #expect(report.summary.observed == 3 && report.summary.not_observed == 3 && report.summary.proved == 0)
        #expect(report.summary.failed == 1 && !report.allOK)
        #expect(report.json(times: false).contains("\"observed\" : 3"))
        #expect(report.text().contains("3 observed, 3 not observed"))
    }

    @Test func aDipAgainstTheTrendIsNotObserved() {
        let results = Self.results("flow gf: exponential from init\nclaim gf has increasing normalized margin",
                                   Scripted(margins: [0.1, 0.3, 0.2, 0.4], finalDirectionError: 1))
        #expect(results.map(\.verdict.rawValue) == ["not-observed"] && results[0].evidence.contains("then"))
    }

    @Test func withoutASimulatorFlowClaimsAreUndecided() {
        let results = Self.results("flow gf: exponential from init\nclaim gf reaches loss < 1", nil)
        #expect(results.map(\.verdict.rawValue) == ["undecided"] && !results[0].ok)
    }
}

typealias FileResult = Report.FileResult
