import Exact
import Foundation
import GradientFlow
import Networks
import ProofFiles

/// Gradient-flow benchmarks: Vardi, Shamir, Srebro (2022) Thm 3.2 to a direction error of 10⁻⁶, and
/// the batched GD kernel on the experiments of examples/experiments.
func runFlowBenchmarks() {
    benchmarkTheorem32()
    benchmarkBatchedDescent()
}

private func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

private func benchmarkTheorem32() {
    let problem = FlowProblem(network: .fullyConnected(widths: [2, 2, 1], activation: .relu),
                              data: [LabeledPoint(x: [1, 0.25], label: 1), LabeledPoint(x: [-1, 0.25], label: 1)],
                              loss: .exponential)
    let net = problem.network
    let flow = AdaptiveFlow(problem: problem, solver: Rosenbrock23(),
                            controller: StepSizeController(relativeTolerance: 1e-6, absoluteTolerance: 1e-9),
                            rules: StoppingRules(directionTolerance: 1e-6, maximumSteps: 1_000_000),
                            target: net.parameters(["w1": [0.0, 2], "w2": [0.0, 0], "v": [2.0, 0]]))
    let θ0 = net.parameters(["w1": [0.1, 0.6], "w2": [0.1, -0.8], "v": [0.4, 0.3]])
    var result: FlowResult!
    let time = (0 ..< 3).map { _ in seconds { result = flow.run(from: θ0) } }.min()!
    print("Vardi, Shamir, Srebro (2022), Thm 3.2: \(result.outcome), direction error \(result.last.directionError!) at log10 t = "
        + "\(result.last.log10Time), ‖θ‖ = \(result.last.norm), \(result.acceptedSteps) steps, "
        + "\(result.fieldEvaluations) field evaluations, \(String(format: "%.3f", time)) s (target < 0.2 s); "
        + "KKT stationarity residual \(result.last.kkt?.stationarity ?? .nan)")
    var recorded = flow
    recorded.recordEvery = 1
    let plot = recorded.run(from: θ0).directionPlot(title: "Vardi, Shamir, Srebro (2022) Thm 3.2: gradient flow, exponential loss")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("thm32-direction.svg")
    if (try? plot.svg.write(to: file, atomically: true, encoding: .utf8)) != nil { print("  plot: \(file.path)") }
}

/// The experiment `gd` of examples/experiments/tvs-sec3.1-stable-ranks.proof (288 runs × 3·10⁶ GD
/// steps on a 2×2×2 ReLU network, square loss): the scalar GD per core, the batched kernel on one
/// lane group and on all cores (target < 4.6 s on 2 cores, goal 2.5 s); then the same kernel on a
/// depth-3 leaky-ReLU network (examples/experiments/leaky-depth3-square-gd.proof).
func benchmarkBatchedDescent() {
    guard let file = experiments("tvs-sec3.1-stable-ranks.proof"), let gd = file.experiments["gd"] else { return }
    let e = gd.setup, cores = ProcessInfo.processInfo.activeProcessorCount
    guard case let .gradientDescent(η, steps) = e.method, let kernel = BatchedDescent(problem: e.problem) else { return }
    let initial = (0 ..< e.runs).map(e.initial(run:))
    let generic = GradientDescent(problem: e.problem, learningRate: η, steps: 20_000, recordEvery: 20_000)
    let genericTime = seconds { _ = generic.run(from: initial[0]) }
    let genericRate = Double(generic.steps) / genericTime
    print("2×2×2 ReLU, square loss, scalar GD: \(Int(genericRate)) steps/s on one core; 288 × 3·10⁶ steps would take "
        + "\(Int(Double(e.runs * steps) / genericRate)) s on one core")
    let probeSteps = 200_000
    let laneTime = seconds { _ = kernel.run(from: Array(initial[0 ..< 8]), learningRate: η, steps: probeSteps) }
    print("2×2×2 ReLU, batched GD kernel (SIMD8): \(String(format: "%.1f", Double(8 * probeSteps) / laneTime / 1e6)) M run-steps/s on one core")
    var result: ExperimentResult!
    let time = seconds { result = e.run() }
    print("experiment gd (\(e.runs) runs × \(steps) steps): \(String(format: "%.2f", time)) s on \(cores) cores "
        + "(\(String(format: "%.1f", Double(e.runs * steps) / time / 1e6)) M run-steps/s; target < 4.6 s on 2 cores, goal 2.5 s); "
        + "\(result.runs(reachingLossBelow: 1e-4).count) runs reached loss < 1e-4 (74 before the generic kernel)")
    guard let deep = experiments("leaky-depth3-square-gd.proof")?.experiments["fit"],
          case let .gradientDescent(η3, steps3) = deep.setup.method else { return }
    let deepTime = seconds { _ = deep.setup.run() }
    print("experiment fit (2→3→3→1 leaky ReLU, 4 examples, \(deep.setup.runs) runs × \(steps3) steps of \(η3)): "
        + "\(String(format: "%.3f", deepTime)) s (\(String(format: "%.1f", Double(deep.setup.runs * steps3) / deepTime / 1e6)) M run-steps/s on \(cores) cores)")
}

/// An example experiment file, elaborated (nil, with a message, when it cannot be read).
private func experiments(_ name: String) -> Document? {
    let path = "examples/experiments/" + name
    guard let source = try? String(contentsOfFile: path, encoding: .utf8),
          let document = try? Elaborator.elaborate(try ProofFileParser.parse(source)) else {
        print("cannot read \(path) (run the benchmarks from the repository's root)")
        return nil
    }
    return document
}
