import Foundation
import GradientFlow
import Networks
import Testing
@testable import ProofFiles

/// `experiment` statements and the claims about experiments: parsing, elaboration, located
/// errors, and verdicts judged from real runs (small ones) as evidence, never proofs.
@Suite struct ExperimentStatementTests {
    static let header = """
    network fully-connected leaky-relu(1/10) 2 -> 3 -> 1
    data x1 = (1, 1), y1 = 1
    data x2 = (-1, -1), y2 = 1
    data x3 = (1, -1), y3 = -1
    data x4 = (-1, 1), y4 = -1
    point init: w1 = (1, 0), w2 = (0, 1), w3 = (1, 1), v = (1, -1, 1)

    """

    static func document(_ body: String) throws -> Document {
        try Elaborator.elaborate(try ProofFileParser.parse(Self.header + body))
    }

    @Test func parsesTheStatementAndItsOptions() throws {
        let document = try Self.document("""
            experiment fit: square from sphere(1e-2) per neuron, runs 40, seed 7, solver gd(1/20), steps 300,
                report loss < 1e-3, stable ranks, limit groups
            experiment flow: exponential from perturb(1e-3) of init, runs 5, until t = 100, report margin
            claim fit reaches loss < 1e-3 in at least 3 of 40 runs
            claim fit has stable rank of layer 2 in [0.999999, 1.000001] where loss < 1e-3
            claim flow has normalized margin in (0, 1)
            claim flow has at most 5 limit groups
            """)
        let fit = try #require(document.experiments["fit"])
        #expect(fit.setup.runs == 40 && fit.setup.seed == 7 && fit.setup.initialization == .neuronSpheres(radius: 1e-2))
        #expect(fit.setup.method == .gradientDescent(learningRate: 0.05, steps: 300))
        #expect(fit.reports == [.loss(below: 1e-3), .stableRanks, .limitGroups])
        let flow = try #require(document.experiments["flow"])
        #expect(flow.setup.method == .flow(time: 100, maximumSteps: 200_000, stiff: true) && flow.setup.seed == 0)
        #expect(flow.setup.initialization == .perturbation(of: [1, 0, 0, 1, 1, 1, 1, -1, 1], standardDeviation: 1e-3))
        #expect(document.claims.map(\.kindName) == ["experiment", "experiment", "experiment", "experiment"])
        let evidence = document.claims.allSatisfy { $0.isEvidence }
        #expect(evidence)
    }

    /// (the lines after the header, line, column, part of the message).
    static let malformed: [(String, Int, Int, String)] = [
        ("experiment fit square from xavier, runs 4, solver gd(1e-2), steps 10", 7, 16, "expected ':', found 'square'"),
        ("experiment fit: square xavier", 7, 24, "expected 'from', found 'xavier'"),
        ("experiment fit: square from xavier, runs 4, solver gd(1e-2), steps 10, colour red", 7, 72, "unknown or repeated experiment option 'colour'"),
        ("experiment fit: square from xavier, runs 4, runs 5, solver gd(1e-2), steps 10", 7, 45, "unknown or repeated experiment option 'runs'"),
        ("experiment fit: square from xavier, runs 4, solver gd(1e-2), steps 10, report loss, stable ranks", 7, 83, "expected '<', found ','"),
        ("experiment fit: square from xavier, runs 4, solver gd(1e-2), steps 10, report histogram", 7, 79, "unknown report 'histogram'"),
        ("experiment fit: square from xavier per neuron, runs 4, solver gd(1e-2), steps 10", 7, 29, "'per neuron' goes with sphere(r)"),
        ("experiment fit: square from cauchy(1), runs 4, solver gd(1e-2), steps 10", 7, 29, "unknown initialisation law 'cauchy'"),
        ("experiment fit: square from xavier(2), runs 4, solver gd(1e-2), steps 10", 7, 29, "xavier takes no argument"),
        ("experiment fit: square from sphere, runs 4, solver gd(1e-2), steps 10", 7, 29, "sphere needs a radius"),
        ("experiment fit: square from perturb(1e-3), runs 4, solver gd(1e-2), steps 10", 7, 29, "perturb(σ) needs a point to perturb"),
        ("experiment fit: square from xavier, runs 0, solver gd(1e-2), steps 10", 7, 42, "the number of runs must be a whole number from 1"),
        ("experiment fit: square from xavier, runs 4, solver gd(1e-2)", 7, 1, "give the number of GD steps"),
        ("experiment fit: square from xavier, runs 4", 7, 1, "say how the runs move"),
        ("experiment fit: square from xavier, runs 4, solver gd(1e-2), steps 10, until t = 3", 7, 82, "gradient descent runs a number of steps"),
        ("experiment fit: square from xavier, runs 4, solver euler, until t = 3", 7, 1, "unknown solver 'euler'"),
        ("experiment fit: square from xavier, runs 4, until t = 3, report margin", 7, 1, "the normalized margin is reported for the"),
        ("experiment init: square from xavier, runs 4, until t = 3", 7, 1, "'init' is already defined"),
        ("experiment fit: square from xavier, runs 4, until t = 3\nclaim fit reaches loss < 1e-3 in 5 of 4 runs", 8, 1, "5 of 4 runs is more than all of them"),
        ("experiment fit: square from xavier, runs 4, until t = 3\nclaim fit reaches loss < 1e-3 in 2 of 4", 8, 40, "expected 'runs', found end of line"),
        ("experiment fit: square from xavier, runs 4, until t = 3\nclaim fit reaches loss < 1e-3 in some of 4 runs", 8, 34, "expected a whole number such as 74"),
        ("experiment fit: square from xavier, runs 4, until t = 3\nclaim fit has stable rank of layer 3 in [1, 2]", 8, 1, "layer 3 does not exist: the network has layers 1 to 2"),
        ("experiment fit: square from xavier, runs 4, until t = 3\nclaim fit has stable ranks in [2, 1]", 8, 31, "the range [2.0, 1.0] is empty"),
        ("experiment fit: square from xavier, runs 4, until t = 3\nclaim fit has normalized margin in [0, 1]", 8, 1, "the normalized margin is monitored"),
        ("experiment fit: square from xavier, runs 4, until t = 3\nclaim fit has at many 2 limit groups", 8, 18, "expected 'least' or 'most', found 'many'"),
        ("experiment fit: square from xavier, runs 4, until t = 3\nclaim fit reaches loss < 1e-3 in 2 of 4 runs for all eps", 8, 1, "takes no quantifier"),
    ]

    @Test(arguments: malformed)
    func reportsTheErrorWhereItIs(body: String, line: Int, column: Int, message: String) {
        let result = Report.check(path: "t.proof", source: Self.header + body, explain: false)
        guard let error = result.error else {
            Issue.record("no error for: \(body)")
            return
        }
        #expect(error.hasPrefix("t.proof:\(line):\(column): error: "), "\(error)")
        #expect(error.contains(message), "\(error)")
        #expect(Mutation.errorHint(error) != nil, "no hint: \(error)")
        #expect(result.claims.isEmpty)
    }

    /// Real runs: the verdicts are observations that follow the numbers, the counts are those
    /// of the runs, and a claim about a different number of runs is not observed.
    @Test func claimsAreJudgedFromTheRuns() throws {
        let body = """
            experiment fit: square from xavier, runs 24, seed 3, solver gd(1/20), steps 2000, report loss < 1e-2
            claim fit reaches loss < 1e-2 in at least 0 of 24 runs
            claim fit reaches loss < 1e-2 in at least 0 of 25 runs expect refuted
            claim fit has stable ranks in [0.99, 2]
            claim fit has stable rank of layer 2 in [0.999999, 1.000001]
            claim fit has stable ranks in [5, 6] expect refuted
            claim fit has at least 1 limit groups
            """
        let document = try Self.document(body)
        let result = FlowRunner().runExperiment(document.experiments["fit"]!.setup)!
        let reached = result.runs(reachingLossBelow: 1e-2).count
        let exact = "claim fit reaches loss < 1e-2 in \(reached) of 24 runs\nclaim fit reaches loss < 1e-2 in \(reached + 1) of 24 runs expect refuted\n"
        let file = Report.check(path: "t.proof", source: Self.header + body + "\n" + exact, explain: false, simulator: FlowRunner())
        #expect(file.error == nil, "\(file.error ?? "")")
        #expect(file.claims.map(\.verdict) == [.observed, .notObserved, .observed, .observed, .notObserved, .observed, .observed, .notObserved],
                "seed 3: \(file.claims.map(\.evidence))")
        let failing = file.claims.filter { !$0.ok }.map(\.text)
        #expect(failing.isEmpty, "\(failing)")
        #expect(file.claims[1].evidence.contains("the experiment ran 24 runs, the claim is about 25"))
        #expect(file.claims[6].evidence.contains("\(reached) of 24 runs reach loss < 0.01"))
    }

    @Test func withoutASimulatorExperimentClaimsAreUndecided() {
        let file = Report.check(path: "t.proof", source: Self.header + """
            experiment fit: square from xavier, runs 4, solver gd(1/20), steps 10
            claim fit reaches loss < 1e-2 in at least 0 of 4 runs
            """, explain: false, simulator: nil)
        #expect(file.claims.map(\.verdict) == [.undecided])
    }

    /// The example files in examples/experiments read and elaborate, with the experiments they state.
    @Test(arguments: ["tvs-sec3.1-stable-ranks.proof", "leaky-depth3-square-gd.proof"])
    func exampleFilesElaborate(name: String) throws {
        let document = try Elaborator.elaborate(try ProofFileParser.parse(try Self.example(name)))
        let evidence = document.claims.allSatisfy { $0.isEvidence }
        #expect(!document.experiments.isEmpty && evidence)
    }

    static func example(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../examples/experiments/" + name)
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The §3.1 file states the setting of the former `replay timor` exactly: the inputs are the
    /// doubles 1/sqrt(1 + 0.99·0.99)·(±1, 0.99) bit for bit, the law, seed, runs and steps as
    /// there (GradientFlowTests' `reproducesTheFormerKernel` checks the runs of this setting).
    @Test func theReplayFileStatesTheFormerSetting() throws {
        let document = try Elaborator.elaborate(try ProofFileParser.parse(try Self.example("tvs-sec3.1-stable-ranks.proof")))
        let gd = try #require(document.experiments["gd"]).setup
        let unit = 1 / (1 + 0.99 * 0.99).squareRoot()
        #expect(gd.problem.data.map(\.x) == [[unit, 0.99 * unit], [-unit, 0.99 * unit]] && gd.problem.data.map(\.y) == [[1, 0], [0, 1]])
        #expect(gd.initialization == .neuronSpheres(radius: 1e-4) && gd.seed == 2022 && gd.runs == 288)
        #expect(gd.method == .gradientDescent(learningRate: 1e-4, steps: 3_000_000) && gd.problem.loss == .square)
        #expect(gd.problem.network == .fullyConnected(widths: [2, 2, 2], activation: .relu))
    }

    /// The depth-3 leaky-ReLU experiment holds as written (its claims observed, the negative
    /// control not), run in full through `check`.
    @Test func theLeakyExampleHoldsAsWritten() throws {
        let file = Report.check(path: "leaky.proof", source: try Self.example("leaky-depth3-square-gd.proof"), explain: false,
                                simulator: FlowRunner(), timeLimit: 600)
        #expect(file.error == nil && file.claims.count == 6)
        let failing = file.claims.filter { !$0.ok }.map { "\($0.text): \($0.evidence)" }
        #expect(failing.isEmpty, "seed 7: \(failing)")
    }
}
