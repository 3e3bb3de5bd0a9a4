import ArgumentParser
import Exact
import Foundation
import GradientFlow
import Networks
import ProofFiles

/// `margincert simulate <file.proof>`: runs the file's flows (numerical evidence, not proofs).
///
/// One run per flow from its stated θ(0), or with `--runs N` a seeded Monte Carlo sweep from
/// random initialisations (`--init`), parallel over all cores, shardable with `--shard k/n`
/// and merged with `margincert merge`. The direction target and tolerance default to the
/// file's `converges in direction` claim about the flow.
/// Exit status: 0 when every run ended as asked (tolerance, time or step budget reached),
/// 1 when some run stopped early, 2 on malformed input.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate the gradient flows of a proof file (evidence, not proof).",
        discussion: """
            Examples:
              margincert simulate examples/vss-thm3.2-flow.proof --plot thm32.svg --trajectory fig1.svg
              margincert simulate examples/vss-thm3.2-flow.proof --runs 100 --init 'perturb(1e-3)' --seed 1
              margincert simulate f.proof --runs 1000 --init xavier --shard 2/4 --out part2.json
            """)

    @Argument(help: "A proof file with at least one flow statement.")
    var file: String

    @Option(help: "Run only this flow (default: every flow of the file).")
    var flow: String?

    @Option(help: "Measure the direction error against this point (default: the file's convergence claim).")
    var target: String?

    @Option(help: "Stop once the direction error is below this (default: the file's convergence claim).")
    var tolerance: Double?

    @Option(help: "Override the flow's budget of accepted steps.")
    var steps: Int?

    @Option(help: "Compare the normalized margin reached with this point's (e.g. a witness of a larger margin; single runs).")
    var compare: String?

    @Option(help: "Write the records as CSV (single runs).")
    var csv: String?

    @Option(help: "Write the result as JSON (single runs).")
    var json: String?

    @Option(help: "Write an SVG of the direction error and γ against log10 t, every flow run (single runs).")
    var plot: String?

    @Option(help: "Write an SVG of the neuron paths u_k = v_k w_k / ‖θ‖² with the data and the limit, every flow run (two-layer nets on 2-D data; single runs).")
    var trajectory: String?

    @Option(help: "Monte Carlo: the number of runs from random initialisations.")
    var runs: Int?

    @Option(help: "Monte Carlo: the base seed.")
    var seed: UInt64 = 1

    @Option(help: "Monte Carlo: xavier, gaussian(σ), sphere(r), balanced or perturb(σ) (noise around the flow's θ(0)).")
    var `init`: String = "xavier"

    @Option(help: "Monte Carlo: run only shard k of n (k/n).")
    var shard: String = "1/1"

    @Option(help: "Monte Carlo: write the sweep's JSON here, run by run (merge shards with margincert merge).")
    var out: String?

    @Option(help: "Monte Carlo without simulating: count the draws in this point's sign region (activation pattern, output signs of active neurons) and print the fraction with a 99% CI.")
    var regionOf: String?

    func run() throws {
        let document = try Self.load(file)
        let flows = document.flows.values.sorted { $0.name < $1.name }.filter { flow == nil || $0.name == flow }
        guard !flows.isEmpty else {
            throw ValidationError(flow.map { "the file has no flow '\($0)'" } ?? "the file has no flow statement")
        }
        if let regionOf {
            guard flows.count == 1 else { throw ValidationError("counting runs one flow: choose it with --flow") }
            return try countRegion(of: regionOf, flows[0], in: document)
        }
        var allEnded = true
        var plots = Plots()
        for f in flows {
            let request = try self.request(for: f, in: document)
            if runs == nil {
                allEnded = try single(request, in: document, plots: &plots) && allEnded
            } else {
                guard flows.count == 1 else { throw ValidationError("a sweep runs one flow: choose it with --flow") }
                allEnded = try sweep(request) && allEnded
            }
        }
        if let plot, !plots.flows.isEmpty { try Self.write(stackedSVG(plots.flows), to: plot) }
        if let trajectory, !plots.paths.isEmpty { try Self.write(stackedSVG(plots.paths), to: trajectory) }
        if !allEnded { throw ExitCode(1) }
    }

    /// The plots of every flow run, written at the end as small multiples (one file each for
    /// `--plot` and `--trajectory`).
    struct Plots {
        var flows: [LinePlot] = []
        var paths: [LinePlot] = []
    }

    /// Reads and elaborates a proof file; a malformed file prints its diagnostic and exits 2.
    static func load(_ path: String) throws -> Document {
        let source = try SourceFile.text(of: path)
        do {
            return try Elaborator.elaborate(try ProofFileParser.parse(source))
        } catch {
            print(error.rendered(path: path, source: source))
            throw ExitCode(2)
        }
    }

    /// The flow with its target: `--target`/`--tolerance`, else the file's first
    /// `converges in direction` claim about it.
    func request(for flow: Document.Flow, in document: Document) throws -> FlowRequest {
        var f = flow
        if let steps {
            guard steps > 0 else { throw ValidationError("--steps must be positive") }
            f.maximumSteps = steps
        }
        let claimed = document.convergenceClaim(of: f.name)
        var targetPoint = claimed?.target
        let δ = tolerance ?? claimed?.tolerance
        if let target {
            guard let p = document.points[target] else { throw ValidationError("the file has no point '\(target)'") }
            targetPoint = p
        }
        let values = try targetPoint.map { p in
            guard let v = Document.doubles(p.theta), v.contains(where: { $0 != 0 }) else {
                throw ValidationError("the target \(p.name) must be a fixed nonzero point")
            }
            return v
        }
        return FlowRequest(flow: f, target: values, directionTolerance: values == nil ? nil : δ)
    }

    /// One run from the flow's θ(0): prints where it ended, writes the CSV and JSON, and adds
    /// its plots to `plots`.
    func single(_ request: FlowRequest, in document: Document, plots: inout Plots) throws -> Bool {
        let f = request.flow
        let progress = Progress(total: nil, label: "simulating \(f.name)")
        let result = FlowRunner().run(request)
        progress.finish()
        let last = result.last
        func format(_ x: Double?) -> String { x.map { String(format: "%.6g", $0) } ?? "—" }
        print("flow \(f.name): \(f.loss) loss from \(f.initialPoint), solver \(f.solver)")
        print("  ended: \(FlowRunner.describe(result.outcome))")
        if let δ = request.directionTolerance {
            print("  direction error: \(format(last.directionError)) (tolerance \(format(δ)))")
        } else if last.directionError != nil {
            print("  direction error: \(format(last.directionError))")
        }
        print("  normalized margin γ: \(format(last.normalizedMargin))")
        if let compare {
            guard let point = document.points[compare], let θ = Document.doubles(point.theta) else {
                throw ValidationError("the file has no fixed point '\(compare)'")
            }
            let γ = f.network.normalizedMargin(θ, on: f.data)
            print("  compared with \(compare): γ(\(compare)) = \(format(γ)); reached γ / γ(\(compare)) = "
                  + format(last.normalizedMargin.map { $0 / γ }))
        }
        print("  log10 t: \(format(last.log10Time)), log10 L: \(format(last.log10Loss)), ‖θ‖: \(format(last.norm))")
        print("  steps: \(result.acceptedSteps) accepted, \(result.rejectedSteps) rejected, "
              + "\(result.fieldEvaluations) field evaluations, \(last.patternChanges) activation changes")
        if let csv { try Self.write(result.csv(), to: path(csv, for: f, of: document)) }
        if let json { try Self.write(String(decoding: try result.json(), as: UTF8.self) + "\n", to: path(json, for: f, of: document)) }
        if plot != nil { plots.flows += f.plots(of: result, request) }
        if trajectory != nil {
            guard let paths = f.network.neuronPathPlot(FlowRunner().states(request, steps: result.acceptedSteps),
                                                       title: "\(f.name): neuron paths uₖ = vₖ wₖ / ‖θ‖²", data: f.data,
                                                       target: request.target) else {
                throw ValidationError("--trajectory needs a two-layer network on 2-D inputs with one output")
            }
            plots.paths.append(paths)
        }
        return result.outcome.succeeded
    }

    /// A Monte Carlo sweep of the flow from random initialisations.
    func sweep(_ request: FlowRequest) throws -> Bool {
        guard let runs, runs > 0 else { throw ValidationError("--runs must be positive") }
        guard let shard = Shard(parsing: self.shard) else { throw ValidationError("--shard must be k/n with 1 ≤ k ≤ n") }
        let f = request.flow
        guard let initialization = Initialization(parsing: self.`init`, base: f.initial) else {
            throw ValidationError("--init must be xavier, gaussian(σ), sphere(r), balanced or perturb(σ)")
        }
        if initialization == .balanced && f.network.depth != 2 { throw ValidationError("--init balanced needs a two-layer network") }
        let label = "\((file as NSString).lastPathComponent) flow \(f.name), init \(self.`init`), solver \(f.solver), "
            + "steps \(f.maximumSteps), until log10 t = \(f.maximumLog10Time.map { String(format: "%g", $0) } ?? "none"), "
            + "tolerance \(request.directionTolerance.map { "\($0)" } ?? "none")"
        let progress = Progress(total: shard.runCount(of: runs), label: "runs")
        let runner = FlowRunner(recordEvery: 1_000_000)
        var summary = SweepSummary(label: label, baseSeed: seed, runs: runs, shards: shard.listed(in: runs))
        let writer = try out.map { path in
            do {
                return try SweepJSONWriter(path: path, label: label, baseSeed: seed, runs: runs, shards: summary.shards)
            } catch {
                throw ValidationError("cannot write \(path): \(error.localizedDescription)")
            }
        }
        do {
            try SweepReport.stream(sweep: MonteCarlo(baseSeed: seed, runs: runs), shard: shard, network: f.network,
                                   initialization: initialization) { θ0 in
                defer { progress.advance() }
                return runner.run(request, from: θ0)
            } consume: { entry in
                summary.add(entry)
                try writer?.append(entry)
            }
            try writer?.finish()
        } catch {
            throw ValidationError("cannot write \(out ?? ""): \(error.localizedDescription)")
        }
        progress.finish()
        print(Self.summary(of: summary))
        return summary.allSucceeded
    }

    /// The fraction of `--runs` draws of `--init` that satisfy the sign conditions of `point`
    /// (e.g. a theorem's hypotheses on its stated initialisation), with a 99% Wilson interval.
    func countRegion(of name: String, _ f: Document.Flow, in document: Document) throws {
        guard let runs, runs > 0 else { throw ValidationError("--region-of needs --runs") }
        guard shard == "1/1" else { throw ValidationError("--region-of counts the whole sweep; leave out --shard") }
        guard let point = document.points[name], let θ = Document.doubles(point.theta) else {
            throw ValidationError("the file has no fixed point '\(name)'")
        }
        guard let initialization = Initialization(parsing: self.`init`, base: f.initial) else {
            throw ValidationError("--init must be xavier, gaussian(σ), sphere(r), balanced or perturb(σ)")
        }
        let region = SignRegion(of: θ, network: f.network, data: f.data)
        let progress = Progress(total: nil, label: "sampling \(runs) initialisations")
        let hits = region.count(of: initialization, sweep: MonteCarlo(baseSeed: seed, runs: runs), network: f.network,
                                data: f.data)
        progress.finish()
        let ci = SweepReport.wilsonInterval(successes: hits, trials: runs)
        print("region of \(name): activation pattern \(region.pattern.map { $0.map(String.init).joined(separator: " ") }.joined(separator: " | ")), "
              + "output signs of active neurons \(region.outputSigns.map(String.init).joined(separator: " "))")
        print(String(format: "  %d of %d draws (%@, seed %llu): fraction %.5f, 99%% Wilson CI [%.5f, %.5f]", hits, runs,
                     self.`init`, seed, Double(hits) / Double(runs), ci.lowerBound, ci.upperBound))
    }

    /// Where the runs ended: outcomes, then the limit directions grouped.
    static func summary(of report: SweepReport) -> String { summary(of: report.summary()) }

    /// Where the runs ended: outcomes (grouped by the first 60 characters of their
    /// description), then the 8 largest groups of limit directions.
    static func summary(of summary: SweepSummary) -> String {
        let n = summary.count
        var lines = ["sweep: \(summary.label)", "  seed \(summary.baseSeed), \(n) of \(summary.runs) runs (shards "
                     + summary.shards.map(\.description).joined(separator: ", ") + ")"]
        guard n > 0 else { return lines.joined(separator: "\n") }
        var outcomes: [String: Int] = [:]
        for (outcome, count) in summary.outcomes {
            outcomes[FlowRunner.describe(outcome).prefix(60).description, default: 0] += count
        }
        if summary.otherOutcomes > 0 {
            outcomes["other outcomes (more than \(summary.capacity) distinct ones)"] = summary.otherOutcomes
        }
        for (what, count) in outcomes.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            let ci = SweepReport.wilsonInterval(successes: count, trials: n)
            lines.append(String(format: "  %d (%.2f%%, 99%% CI [%.2f%%, %.2f%%]): ", count, 100 * Double(count) / Double(n),
                                100 * ci.lowerBound, 100 * ci.upperBound) + what)
        }
        lines.append("  limit directions (runs grouped within \(summary.radius)):")
        for ending in summary.endings.prefix(8) {
            let direction = ending.direction.map { String(format: "%.4f", $0) }.joined(separator: ", ")
            let γ = ending.margins.map { String(format: "γ ∈ [%.5g, %.5g]", $0.lowerBound, $0.upperBound) } ?? "γ —"
            let error = ending.directionErrors.map { String(format: ", direction error to target ∈ [%.3g, %.3g]", $0.lowerBound, $0.upperBound) } ?? ""
            lines.append("    \(ending.count) runs → θ/‖θ‖ = (\(direction)), \(γ)\(error) (first: run \(ending.firstRun))")
        }
        if summary.ungrouped > 0 {
            lines.append("    \(summary.ungrouped) runs in no group (more than \(summary.capacity) groups)")
        }
        return lines.joined(separator: "\n")
    }

    /// `path` for flow `f`'s output: as given when one flow runs, else with "-NAME" before its
    /// extension (`out.csv` → `out-gf.csv`), so that no flow's output overwrites another's.
    func path(_ path: String, for f: Document.Flow, of document: Document) -> String {
        guard flow == nil && document.flows.count > 1 else { return path }
        let url = URL(fileURLWithPath: path), ext = url.pathExtension
        let stem = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
        return stem + "-" + f.name + (ext.isEmpty ? "" : "." + ext)
    }

    static func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
