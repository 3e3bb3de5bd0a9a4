import Testing
@testable import ProofFiles

/// `margincert discover` from a flow to an exact, checked limit point — and no point at all
/// when the limit is not recognised or the network is not homogeneous.
@Suite struct LimitDiscoveryTests {
    static let twoNeurons = """
        title "two ReLU neurons, two examples"
        network fully-connected relu 2 -> 2 -> 1
        data x1 = (1, 1/4), y1 = 1
        data x2 = (-1, 1/4), y2 = 1
        point init: w1 = (1/10, 1/2), w2 = (1/10, -1/2), v = (1/2, 3/10)
        claim init.v[1] > 0
        flow gf: exponential from init, solver rosenbrock, steps 100000
        """

    @Test func findsTheLimitAndWritesAFileThatPasses() throws {
        let findings = try LimitDiscovery.discover(path: "t.proof", source: Self.twoNeurons)
        guard case let .found(point, source, result)? = findings.first?.status else {
            Issue.record("\(findings.first.map { "\($0.status)" } ?? "no finding")")
            return
        }
        #expect(point == "point limit: w1 = (0, 2), w2 = (0, 0), v = (2, 0)")
        #expect(result.error == nil && result.claims.allSatisfy(\.ok), "\(result.claims.map { "\($0.text): \($0.verdict)" })")
        #expect(result.claims.contains { $0.text == "limit is a KKT point" && $0.verdict == .proved })
        #expect(!source.contains("claim init.v[1] > 0"), "the file's own claims are left out")
        // The written file, checked again from its text, passes.
        let again = Report.check(path: "found.proof", source: source, explain: false)
        #expect(again.error == nil && again.claims.allSatisfy(\.ok))
    }

    /// One example x = (1, a) with a = √2 + ∛3 (degree 6): the max-margin w = x/‖x‖² has
    /// entries of degree 6, beyond what is recognised; no point is claimed.
    @Test func anUnrecognisedLimitIsNotAPoint() throws {
        let source = """
            network fully-connected linear 2 -> 1
            data x1 = (1, sqrt(2) + root(3, 3)), y1 = 1
            point init: W1 = [(1/2, 1/2)]
            flow gf: exponential from init
            """
        let findings = try LimitDiscovery.discover(path: "t.proof", source: source)
        guard case .notFound(let reason)? = findings.first?.status else {
            Issue.record("a point was claimed: \(findings.first.map { "\($0.status)" } ?? "")")
            return
        }
        #expect(reason.contains("not recognised"), "\(reason)")
    }

    @Test func aNetworkWithABiasIsNotHomogeneous() throws {
        let source = """
            network fully-connected linear 1 -> 1 -> 1 with bias b
            data x1 = (1), y1 = 1
            data x2 = (-1), y2 = -1
            point init: w = 1/2, v = 1/2, b = 0
            flow gf: exponential from init, steps 2000
            """
        let findings = try LimitDiscovery.discover(path: "t.proof", source: source)
        guard case .notFound(let reason)? = findings.first?.status else {
            Issue.record("a point was claimed")
            return
        }
        #expect(reason.contains("not homogeneous"), "\(reason)")
    }

    @Test func aFileWithoutFlowsIsAnError() {
        #expect(throws: Diagnostic.self) { try LimitDiscovery.discover(path: "t.proof", source: "network fully-connected linear 2 -> 1\n") }
    }
}
