import ArgumentParser
import Foundation
import GradientFlow
import ProofFiles

/// `margincert experiment FILE`: runs the experiments of a proof file (numerical evidence,
/// not proof), prints what each reports, and judges the claims about them.
struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Run a proof file's experiments (evidence, not proof) and judge the claims about them.",
        discussion: """
            Examples:
              margincert experiment examples/experiments/relu-2x2-square-gd.proof --histogram ranks.svg
              margincert experiment FILE --runs 32 --steps 300000     # shortened (claims shown, not judged)
            The runs have no time limit here (margincert check applies its per-claim --time-limit).
            Build with -Xswiftc -target-cpu -Xswiftc haswell on an AVX2 machine for the fastest GD kernel.
            """)

    @Argument(help: "A proof file with experiment statements.")
    var file: String

    @Option(help: "Run only this experiment of the file.")
    var experiment: String?

    @Option(help: "Override the number of runs (the claims are then shown, not judged).")
    var runs: Int?

    @Option(help: "Override the number of GD steps (the claims are then shown, not judged).")
    var steps: Int?

    @Option(help: "Write the stable-rank histograms of the reported runs as SVG (one file per experiment: NAME is inserted before .svg when there are several).")
    var histogram: String?

    @Option(help: "Write one CSV line per run: its final loss and the stable rank of every layer.")
    var csv: String?

    func run() throws {
        let document = try SimulateCommand.load(file)
        var chosen = document.experiments.values.sorted { $0.location.line < $1.location.line }
        if let experiment {
            chosen = chosen.filter { $0.name == experiment }
            guard !chosen.isEmpty else { throw ValidationError("the file has no experiment '\(experiment)'") }
        }
        guard !chosen.isEmpty else { throw ValidationError("the file has no experiment statement") }
        if let runs, runs <= 0 { throw ValidationError("--runs must be positive") }
        if let steps, steps <= 0 { throw ValidationError("--steps must be positive") }
        let shortened = runs != nil || steps != nil
        let runner = FlowRunner(), cores = ProcessInfo.processInfo.activeProcessorCount
        var allHold = true
        for var e in chosen {
            e.setup = try Self.overridden(e.setup, runs: runs, steps: steps)
            let setup = e.setup
            print("experiment \(e.name): \(setup.runs) runs of \(setup.method) from \(setup.initialization), "
                  + "\(setup.problem.loss) loss, seed \(setup.seed)")
            let progress = Progress(total: nil, label: "experiment \(e.name)")
            let start = DispatchTime.now().uptimeNanoseconds
            let result = runner.runExperiment(setup)!
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            progress.finish()
            var reported = result.runs
            for item in e.reports {
                switch item {
                case .loss(let bound):
                    reported = result.runs(reachingLossBelow: bound)
                    print("  " + Checker.reachedText(reported.count, of: result.runs.count, bound: bound, result: result))
                case .stableRanks:
                    let layers = setup.problem.network.layers.indices
                    print("  stable ranks of those \(reported.count) runs: " + layers.map { l in
                        "layer \(l + 1) in \(Checker.rangeText(ExperimentResult.range(of: reported) { $0.stableRanks[l] }))"
                    }.joined(separator: ", ") + " (rank 1 iff 1)")
                case .limitGroups:
                    let groups = result.limitGroups(of: reported).endings
                    print("  \(groups.count) limit groups of those runs (directions within 0.01), sizes "
                          + groups.prefix(12).map { "\($0.count)" }.joined(separator: ", ") + (groups.count > 12 ? ", …" : ""))
                case .normalizedMargin:
                    print("  normalized margin γ of those runs in \(Checker.rangeText(ExperimentResult.range(of: reported, \.normalizedMargin)))")
                }
            }
            var rate = ""
            if case .gradientDescent = setup.method {
                rate = String(format: " (%.3g M run-steps/s)", Double(result.runs.map(\.steps).reduce(0, +)) / seconds / 1e6)
            }
            print(String(format: "  wall time %.2f s on %d cores", seconds, cores) + rate)
            if let histogram {
                let path = chosen.count == 1 ? histogram : histogram.replacingOccurrences(of: ".svg", with: "-\(e.name).svg")
                try SimulateCommand.write(result.stableRankHistogram(of: reported, title: "experiment \(e.name): stable ranks of "
                    + "\(reported.count) of \(result.runs.count) runs after \(setup.method)").svg, to: path)
            }
            if let csv {
                let path = chosen.count == 1 ? csv : csv.replacingOccurrences(of: ".csv", with: "-\(e.name).csv")
                let header = ["run", "loss"] + setup.problem.network.layers.indices.map { "srank_\($0 + 1)" }
                let lines = result.runs.map { r in
                    "\(r.run)," + ([r.loss] + r.stableRanks).map { String(format: "%.17g", $0) }.joined(separator: ",")
                }
                try SimulateCommand.write(([header.joined(separator: ",")] + lines).joined(separator: "\n") + "\n", to: path)
            }
            allHold = judgeClaims(about: e, in: document, runner: runner, shortened: shortened) && allHold
        }
        if !allHold { throw ExitCode(1) }
    }

    /// Prints the claims about `e` with their verdicts; false when one is not as expected.
    func judgeClaims(about e: Document.Experiment, in document: Document, runner: FlowRunner, shortened: Bool) -> Bool {
        var allHold = true
        for claim in document.claims {
            guard case .experiment(let about, let measured) = claim.kind, about.name == e.name else { continue }
            let outcome = Checker.judge(measured, on: runner.runExperiment(e.setup)!)
            let expected: Outcome.Status = claim.syntax.expectRefuted ? .notObserved : .observed
            let mark = shortened ? "·" : outcome.status == expected ? "✓" : "✗"
            print("  \(mark) line \(claim.syntax.location.line): claim \(claim.syntax.text): \(outcome.status.rawValue) — \(outcome.evidence)")
            allHold = allHold && (shortened || outcome.status == expected)
        }
        return allHold
    }

    /// `setup` with the runs or the GD steps replaced.
    static func overridden(_ setup: GradientFlow.Experiment, runs: Int?, steps: Int?) throws -> GradientFlow.Experiment {
        var method = setup.method
        if let steps {
            guard case .gradientDescent(let η, _) = method else {
                throw ValidationError("--steps shortens gradient descent; this experiment runs the flow to a time")
            }
            method = .gradientDescent(learningRate: η, steps: steps)
        }
        return GradientFlow.Experiment(problem: setup.problem, initialization: setup.initialization, runs: runs ?? setup.runs,
                                       seed: setup.seed, method: method, stopBelowLoss: setup.stopBelowLoss)
    }
}
