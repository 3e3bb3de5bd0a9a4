import ArgumentParser
import Foundation
import GradientFlow
import ProofFiles

/// `margincert replay timor`: a paper's experiment replayed literally (numerical evidence, not
/// proof). Paper 003 §3.1: 288 runs of 3·10⁶ GD steps of size 10⁻⁴ from the stated init; how
/// many reach loss < 10⁻⁴ (the paper: 79), the stable ranks of both layers (Figure 1), and the
/// same question for the gradient flow itself, integrated adaptively to the same time t = 300.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a paper's experiment literally (evidence, not proof): timor (Timor, Vardi, Shamir (2022) §3.1).",
        discussion: """
            Examples:
              margincert replay timor --histogram ranks.svg
              margincert replay timor --quick            # 32 runs of 300000 steps (CI)
            Build with -Xswiftc -target-cpu -Xswiftc haswell on an AVX2 machine for the fast GD kernel.
            """)

    @Argument(help: "The experiment: timor (Timor, Vardi, Shamir (2022) §3.1).")
    var experiment: String

    @Flag(help: "A short run for CI: 32 runs of 300000 steps (t = 30).")
    var quick = false

    @Option(help: "The number of runs (default 288, the paper's).")
    var runs: Int?

    @Option(help: "GD steps per run (default 3000000, the paper's).")
    var steps: Int?

    @Option(help: "The base seed of the inits.")
    var seed: UInt64 = 2022

    @Flag(help: "Skip the adaptive gradient-flow replay.")
    var noFlow = false

    @Option(help: "Write the stable-rank histograms (both layers, converged GD runs) as SVG.")
    var histogram: String?

    @Option(help: "Write the stable-rank histograms of the converged gradient-flow runs as SVG.")
    var flowHistogram: String?

    @Option(help: "Write one CSV line per run: losses and stable ranks after GD and after the flow.")
    var csv: String?

    func run() throws {
        guard experiment == "timor" else { throw ValidationError("unknown experiment '\(experiment)'; known: timor") }
        let defaults = quick ? (runs: 32, steps: 300_000) : (runs: 288, steps: 3_000_000)
        let e = TimorExperiment(runs: runs ?? defaults.runs, steps: steps ?? defaults.steps, seed: seed)
        guard e.runs > 0, e.steps > 0 else { throw ValidationError("--runs and --steps must be positive") }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print(String(format: "Paper 003 §3.1 (Timor, Vardi, Shamir), replayed: %d runs × %d GD steps of size %g (t = %g), "
                     + "rows of W and columns of V uniform on the circle of radius %g, seed %llu", e.runs, e.steps,
                     e.learningRate, e.horizon, e.initRadius, e.seed))

        let progress = Progress(total: nil, label: "gradient descent")
        var gd: TimorOutcome!
        let gdTime = Self.seconds { gd = e.replay() }
        progress.finish()
        print(Self.summary(gd, method: "GD", paper: "the paper: 79 of 288"))
        print(String(format: "  wall time %.2f s on %d cores (%.1f M run-steps/s)", gdTime, cores,
                     Double(e.runs) * Double(e.steps) / gdTime / 1e6))
        if let histogram {
            try SimulateCommand.write(gd.stableRankHistogram(title: "Paper 003 Fig. 1 replayed: stable ranks after \(e.steps) GD steps, "
                + "\(gd.converged.count) of \(e.runs) runs with loss < \(e.lossThreshold)").svg, to: histogram)
        }
        var flow: TimorOutcome?
        if !noFlow {
            let progress = Progress(total: nil, label: "gradient flow")
            let flowTime = Self.seconds { flow = e.adaptiveReplay() }
            progress.finish()
            let f = flow!
            print(Self.summary(f, method: String(format: "gradient flow to t = %g (Dormand–Prince 5(4), rtol 1e-8, "
                + "atol 1e-12, kinks located, Filippov sliding along a kink)", e.horizon), paper: nil))
            var endings: [String: Int] = [:]
            for r in f.runs { endings[FlowRunner.describe(r.ending), default: 0] += 1 }
            print("  endings: " + endings.sorted { $0.key < $1.key }.map { "\($1) \($0)" }.joined(separator: "; "))
            let agree = zip(gd.runs, f.runs).filter { ($0.loss < e.lossThreshold) == ($1.loss < e.lossThreshold) }.count
            print(String(format: "  agrees with GD on %d of %d runs; wall time %.2f s on %d cores", agree, e.runs, flowTime, cores))
            if let flowHistogram {
                try SimulateCommand.write(f.stableRankHistogram(title: "Paper 003 §3.1, gradient flow to t = \(e.horizon): stable ranks, "
                    + "\(f.converged.count) of \(e.runs) runs with loss < \(e.lossThreshold)").svg, to: flowHistogram)
            }
        }
        if let csv {
            var lines = ["run,gd_loss,gd_srank_W,gd_srank_V" + (flow == nil ? "" : ",flow_loss,flow_srank_W,flow_srank_V")]
            for r in 0 ..< e.runs {
                var fields = [gd.runs[r].loss] + gd.runs[r].stableRanks
                if let flow { fields += [flow.runs[r].loss] + flow.runs[r].stableRanks }
                lines.append("\(r)," + fields.map { String(format: "%.17g", $0) }.joined(separator: ","))
            }
            try SimulateCommand.write(lines.joined(separator: "\n") + "\n", to: csv)
        }
    }

    /// How many runs reach the loss threshold, with a 99% Wilson interval, and their stable ranks.
    static func summary(_ outcome: TimorOutcome, method: String, paper: String?) -> String {
        let e = outcome.experiment, k = outcome.converged.count
        let ci = SweepReport.wilsonInterval(successes: k, trials: e.runs)
        var lines = [String(format: "%@: %d of %d runs reach loss < %g (%.1f%%, 99%% CI [%.1f%%, %.1f%%])", method, k, e.runs,
                            e.lossThreshold, 100 * Double(k) / Double(e.runs), 100 * ci.lowerBound, 100 * ci.upperBound)
                     + (paper.map { "; \($0)" } ?? "")]
        let ranks = outcome.converged.map(\.stableRanks)
        if !ranks.isEmpty {
            func span(_ l: Int) -> String {
                String(format: "[%.4f, %.4f]", ranks.map { $0[l] }.min()!, ranks.map { $0[l] }.max()!)
            }
            lines.append("  stable ranks of those runs: layer 1 (W) in \(span(0)), layer 2 (V) in \(span(1)) (rank 1 iff 1)")
        }
        return lines.joined(separator: "\n")
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
