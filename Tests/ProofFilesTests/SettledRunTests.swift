import Testing
@testable import ProofFiles

/// Flows toward a limit direction stop once their KKT candidate settles, not at their budget;
/// a time bound written in the file still bounds one run.
@Suite struct SettledRunTests {
    /// A leaky-ReLU network on four points whose flow creeps toward its limit direction in log t
    /// (run to its budget of 10⁵ steps it took a minute).
    static let creeping = """
        network fully-connected leaky-relu(1/3) 2 -> 2 -> 1
        data x1 = (3/4, 1/3), y1 = 1
        data x2 = (3/4, -1/3), y2 = 1
        data x3 = (-3/4, -1/3), y3 = -1
        data x4 = (-3/4, 1/3), y4 = -1
        point init: w1 = (1/10, 1/10), w2 = (-1/10, 1/20), v = (1/7, -1/9)
        flow gf: logistic from init
        """

    @Test func stopsOnceTheCandidateSettles() throws {
        let document = try Elaborator.elaborate(try ProofFileParser.parse(Self.creeping))
        let flow = try #require(document.flows["gf"])
        let run = FlowRunner(recordEvery: 1000).settledRun(flow)
        #expect(run.settled && run.steps < flow.maximumSteps / 10, "\(run.steps) steps, settled: \(run.settled)")
        // The limit found from the settled run is proved a KKT point.
        let findings = try LimitDiscovery.discover(path: "t.proof", source: Self.creeping)
        guard case let .found(_, _, result)? = findings.first?.status else {
            Issue.record("\(findings.first.map { "\($0.status)" } ?? "no finding")")
            return
        }
        #expect(result.claims.contains { $0.text == "limit is a KKT point" && $0.verdict == .proved })
    }

    @Test func aWrittenTimeBoundIsOneRun() throws {
        let source = Self.creeping.replacingOccurrences(of: "flow gf: logistic from init", with: "flow gf: logistic from init, until log10 t = 3")
        let document = try Elaborator.elaborate(try ProofFileParser.parse(source))
        let flow = try #require(document.flows["gf"])
        let run = FlowRunner(recordEvery: 1000).settledRun(flow)
        let whole = FlowRunner(recordEvery: 1000).run(FlowRequest(flow: flow))
        #expect(!run.settled && run.final == whole.final && run.steps == whole.acceptedSteps)
    }
}
