import Testing
@testable import ProofFiles

/// Discovery beyond one flow in one process: refinement past double precision, limit points
/// inside proof files, and surveys run in shards and merged.
@Suite struct LimitDiscoveryExtensionsTests {
    /// Φ = v·(w·x) on one example x = (5, 11): the max-margin point is balanced, w = s·x/‖x‖,
    /// v = s with s = 146^(−1/4), so w = (root(625/3112136, 4), root(14641/3112136, 4)): radicands
    /// with denominators of seven digits, which double precision cannot tell from chance.
    static let balancedLine = """
        network fully-connected linear 2 -> 1 -> 1
        data x1 = (5, 11), y1 = 1
        point init: w = (1/5, 1/3), v = 1/2
        flow gf: exponential from init, steps 20000
        """

    @Test func refinesPastDoublePrecisionAndRecognisesLargeRadicands() throws {
        let findings = try LimitDiscovery.discover(path: "t.proof", source: Self.balancedLine)
        let finding = try #require(findings.first)
        guard case let .found(point, _, result) = finding.status else {
            Issue.record("\(finding.status) \(finding.notes)")
            return
        }
        #expect(point == "point limit: w = (root(625/3112136, 4), root(14641/3112136, 4)), v = root(1/146, 4)", "\(point)")
        #expect(result.claims.contains { $0.text == "limit is a KKT point" && $0.verdict == .proved })
        let digits = finding.notes.compactMap { $0.split(separator: "refined to ").last.flatMap { Int($0.split(separator: " ")[0]) } }.first
        #expect((digits ?? 0) >= 50, "\(finding.notes)")
    }

    /// `point lim = limit of gf`: the limit is found when the file is read, then decided like
    /// any point; a flow without an exact limit makes the statement a located error.
    @Test func aLimitPointInAFile() throws {
        let source = Self.balancedLine + "\npoint lim = limit of gf\nclaim lim is feasible\nclaim lim is a KKT point\nclaim lim is a global optimum\n"
        let result = Report.check(path: "t.proof", source: source, explain: false)
        #expect(result.error == nil, "\(result.error ?? "")")
        #expect(result.claims.count == 3 && result.claims.allSatisfy { $0.verdict == .proved },
                "\(result.claims.map { "\($0.text): \($0.verdict) \($0.evidence)" })")
        // A wrong claim about the found point is refuted, not proved.
        let wrong = Report.check(path: "t.proof", source: Self.balancedLine + "\npoint lim = limit of gf\nclaim lim is a KKT point with lambda = 1\nclaim lim is a KKT point with lambda = 1/sqrt(146)\n", explain: false)
        #expect(wrong.claims.map(\.verdict) == [.refuted, .proved], "\(wrong.error ?? "") \(wrong.claims.map(\.evidence))")

        let biased = """
            network fully-connected linear 1 -> 1 -> 1 with bias b
            data x1 = (1), y1 = 1
            data x2 = (-1), y2 = -1
            point init: w = 1/2, v = 1/2, b = 0
            flow gf: exponential from init, steps 2000
            point lim = limit of gf
            """
        let error = try #require(Report.check(path: "t.proof", source: biased, explain: false).error)
        #expect(error.contains("t.proof:6:") && error.contains("not homogeneous"), "\(error)")
        let unknown = Report.check(path: "t.proof", source: "network fully-connected linear 2 -> 1\npoint lim = limit of gf\n", explain: false)
        #expect(unknown.error?.contains("not a flow") == true, "\(unknown.error ?? "")")
    }

    /// Shards 1/3, 2/3, 3/3 merged are the whole survey, run for run; missing or foreign shards
    /// are errors.
    @Test func shardsMergeIntoTheWholeSurvey() throws {
        let source = """
            network fully-connected linear 2 -> 1 -> 1
            data x1 = (1, 2), y1 = 1
            data x2 = (-1, 1), y2 = -1
            point init: w = (1/5, 1/3), v = 1/2
            flow gf: exponential from init, steps 5000
            """
        let whole = try LimitDiscovery.surveyRuns(source: source, flow: "gf", runs: 7, seed: 5, initialization: "perturb(0.05)")
        let parts = try (1...3).map { k in
            try LimitDiscovery.surveyRuns(source: source, flow: "gf", runs: 7, seed: 5, initialization: "perturb(0.05)",
                                          shard: .init(index: k, count: 3))
        }
        #expect(parts.map(\.outcomes.count) == [3, 2, 2])
        #expect(try LimitDiscovery.merged(parts.reversed()) == whole)
        #expect(throws: Diagnostic.self) { try LimitDiscovery.merged(Array(parts.prefix(2))) }
        #expect(throws: Diagnostic.self) { try LimitDiscovery.merged(parts + [parts[0]]) }
        let other = try LimitDiscovery.surveyRuns(source: source, flow: "gf", runs: 7, seed: 6, initialization: "perturb(0.05)",
                                                  shard: .init(index: 1, count: 3))
        #expect(throws: Diagnostic.self) { try LimitDiscovery.merged([other, parts[1], parts[2]]) }
        // Grouping the merged runs gives the same groups as the survey in one process.
        let merged = try LimitDiscovery.survey(try LimitDiscovery.merged(parts), path: "t.proof", source: source)
        let direct = try LimitDiscovery.survey(path: "t.proof", source: source, flow: "gf", runs: 7, seed: 5, initialization: "perturb(0.05)")
        #expect(merged.groups.map { "\($0.label) \($0.runs)" } == direct.groups.map { "\($0.label) \($0.runs)" })
        #expect(throws: Diagnostic.self) { try LimitDiscovery.survey(whole, path: "t.proof", source: source + "\n# edited\n") }
    }
}
