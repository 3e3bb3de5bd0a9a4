import Exact
import Foundation
import GradientFlow
import Networks

/// Gradient-flow benchmarks: paper 001 Thm 3.2 to a direction error of 10⁻⁶, and the
/// paper 003 §3.1 replay (288 runs of 3·10⁶ GD steps: generic GD per core, the batched kernel
/// per core and on all cores) and the same question for the adaptive flow.
func runFlowBenchmarks() {
    benchmarkTheorem32()
    benchmarkTimorReplay()
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
    print("Thm 3.2 (paper 001): \(result.outcome), direction error \(result.last.directionError!) at log10 t = "
        + "\(result.last.log10Time), ‖θ‖ = \(result.last.norm), \(result.acceptedSteps) steps, "
        + "\(result.fieldEvaluations) field evaluations, \(String(format: "%.3f", time)) s (target < 0.2 s); "
        + "KKT stationarity residual \(result.last.kkt?.stationarity ?? .nan)")
    var recorded = flow
    recorded.recordEvery = 1
    let plot = recorded.run(from: θ0).directionPlot(title: "Paper 001 Thm 3.2: gradient flow, exponential loss")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("thm32-direction.svg")
    if (try? plot.svg.write(to: file, atomically: true, encoding: .utf8)) != nil { print("  plot: \(file.path)") }
}

private func benchmarkTimorReplay() {
    let experiment = TimorExperiment()
    let (runs, steps) = (experiment.runs, experiment.steps)
    let initial = (0 ..< runs).map(experiment.initial(run:))
    let cores = ProcessInfo.processInfo.activeProcessorCount

    let generic = GradientDescent(problem: TimorExperiment.problem, learningRate: experiment.learningRate, steps: 20_000,
                                  recordEvery: 20_000)
    let genericTime = seconds { _ = generic.run(from: initial[0]) }
    let genericRate = Double(generic.steps) / genericTime
    print("Paper 003 §3.1, generic GD: \(Int(genericRate)) steps/s on one core; the 288-run replay would take "
        + "\(Int(Double(runs * steps) / genericRate)) s on one core")

    // One SIMD8 lane group runs on one core; 288 runs are 36 groups over all cores.
    let batched = BatchedReLUDescent(inputs: TimorExperiment.inputs, targets: TimorExperiment.targets)
    let probeSteps = 200_000
    let laneTime = seconds { _ = batched.run(from: Array(initial[0 ..< 8]), learningRate: experiment.learningRate, steps: probeSteps) }
    print("Paper 003 §3.1, batched GD (SIMD8): \(String(format: "%.1f", Double(8 * probeSteps) / laneTime / 1e6)) M run-steps/s "
        + "on one core")
    var gd: TimorOutcome!
    let replayTime = seconds { gd = experiment.replay() }
    print("Paper 003 §3.1 replay: \(runs) runs × \(steps) steps in \(String(format: "%.2f", replayTime)) s on \(cores) cores "
        + "(\(String(format: "%.1f", Double(runs * steps) / replayTime / 1e6)) M run-steps/s on all cores; target < 5 s on 2 cores); "
        + "\(gd.converged.count) runs reached loss < 1e-4 (paper: 79)")
    var flow: TimorOutcome!
    let flowTime = seconds { flow = experiment.adaptiveReplay() }
    let agree = zip(gd.runs, flow.runs).filter { ($0.loss < 1e-4) == ($1.loss < 1e-4) }.count
    print("Paper 003 §3.1, gradient flow (DP5(4) with kinks and sliding) to t = 300: \(String(format: "%.2f", flowTime)) s on "
        + "\(cores) cores, \(flow.converged.count) runs reached loss < 1e-4, agreeing with GD on \(agree) of \(runs)")
}
