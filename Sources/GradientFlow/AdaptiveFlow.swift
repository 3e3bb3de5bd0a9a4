import Foundation
import Networks

/// Gradient flow integrated by an adaptive one-step solver under a step-size controller,
/// with ReLU kinks located and stepped across explicitly.
///
/// Contract: each step is taken on the polynomial piece of the current activation region
/// (the field is frozen to the region's activity, so every stage is smooth and the error
/// estimate is valid). When a step's end lies in another region, the boundary is bracketed
/// by bisection to 2⁻³⁰ of the step; the flow is integrated up to the bracket's left end
/// under error control, steps across the bracket, and continues on the new region's piece.
/// When the fields on both sides of the crossed kink push towards it, the classical flow is
/// not defined there and the run follows the Filippov sliding flow along the kink (see
/// `KinkSurface`) until one side stops pushing. Repeated crossings with no regular
/// (kink-free) step between them — sliding along several kinks at once, which this
/// integrator does not follow — end the run with a failure instead of being smoothed over.
public struct AdaptiveFlow: Sendable {
    public var problem: FlowProblem
    public var solver: any StepSolver
    public var controller: StepSizeController
    public var rules: StoppingRules
    /// The direction the monitors compare θ/‖θ‖ with.
    public var target: [Double]?
    /// Record every this many accepted steps (and at every kink, and at the end).
    public var recordEvery: Int
    public var initialStepSize: Double
    public var maximumConsecutiveKinks = 50

    public init(problem: FlowProblem, solver: any StepSolver = RungeKutta.dormandPrince, controller: StepSizeController,
                rules: StoppingRules, target: [Double]? = nil, recordEvery: Int = 100, initialStepSize: Double = 1e-2) {
        self.problem = problem
        self.solver = solver
        self.controller = controller
        self.rules = rules
        self.target = target
        self.recordEvery = recordEvery
        self.initialStepSize = initialStepSize
    }

    /// Integrates from θ(0) = `initial` until a stopping rule fires or the run fails.
    public func run(from initial: [Double]) -> FlowResult {
        precondition(initial.count == problem.network.parameterCount, "initial point length")
        let monitor = FlowMonitor(problem: problem, target: target)
        var evaluations = 0
        var θ = initial, sample = problem.sample(at: initial)
        sample = problem.sample(at: initial, frozen: sample.activity)
        var mode = sample.activity
        var sliding: KinkSurface?
        func field(_ y: [Double]) -> FlowSample {
            evaluations += 1
            guard let sliding else { return problem.sample(at: y, frozen: mode) }
            evaluations += 1
            return sliding.slidingSample(at: y, mode: mode, problem: problem).sample
        }
        /// Whether `activity` leaves the current region (or, sliding, the current piece of the kink).
        func leaves(_ activity: [[[Bool]]]) -> Bool {
            sliding.map { !$0.agreeElsewhere(activity, mode) } ?? (activity != mode)
        }
        var clock = 0.0, logTime = -Double.infinity
        var h = initialStepSize, previousError = 1e-4
        var accepted = 0, rejected = 0, changes = 0, consecutiveKinks = 0, slides = 0
        var records = [monitor.record(step: 0, clock: 0, logTime: logTime, θ: θ, sample: sample, patternChanges: 0)]
        let q = solver.embeddedOrder

        func accept(_ step: SolverStep<FlowSample>, size: Double) {
            let end = step.endSample ?? field(step.state)
            switch problem.clock {
            case .plain: logTime = log(clock + size)
            case .lossNormalized:
                // dt = dτ/L with log L interpolated linearly over the step.
                logTime = LogSpace.add(logTime, log(size) + LogSpace.meanOfExponential(-sample.logLoss, -end.logLoss))
            }
            clock += size
            θ = step.state
            sample = end
            accepted += 1
        }
        func finish(_ outcome: FlowOutcome) -> FlowResult {
            let last = monitor.record(step: accepted, clock: clock, logTime: logTime, θ: θ, sample: sample,
                                      patternChanges: changes)
            if records.last != last { records.append(last) }
            return FlowResult(outcome: outcome, initial: initial, final: θ, records: records, acceptedSteps: accepted,
                              rejectedSteps: rejected, fieldEvaluations: evaluations, slidingSegments: slides)
        }
        func status() -> String {
            "at clock \(clock), log10 t = \(logTime / M_LN10), log10 L = \(sample.logLoss / M_LN10)"
        }

        while true {
            if let δ = rules.directionTolerance, let error = monitor.directionError(θ), error < δ {
                return finish(.reachedDirectionTolerance)
            }
            if let limit = rules.maximumLog10Time, logTime / M_LN10 >= limit { return finish(.reachedTimeLimit) }
            if let limit = rules.maximumClock, clock >= limit { return finish(.reachedTimeLimit) }
            if let limit = rules.maximumLog10Loss, sample.logLoss / M_LN10 < limit { return finish(.reachedLossLimit) }
            if accepted >= rules.maximumSteps {
                return finish(.failed(reason: "maximum number of steps (\(rules.maximumSteps)) reached \(status()); raise maximumSteps"))
            }
            if problem.clock == .plain && sample.logLoss == -.infinity { return finish(.reachedTimeLimit) }
            if let limit = rules.maximumClock { h = min(h, limit - clock) }
            guard h > 1e-14 * max(1, abs(clock)) else {
                return finish(.failed(reason: "step size underflow (h = \(h)) \(status()); loosen the tolerances or use a stiff solver (Rosenbrock23)"))
            }
            let trial = solver.step(from: θ, start: sample, size: h, field: field)
            let end = trial.endSample ?? field(trial.state)
            guard trial.state.allSatisfy(\.isFinite), end.velocity.allSatisfy(\.isFinite) else {
                rejected += 1
                h *= controller.minimumFactor
                continue
            }
            if leaves(end.activity) {
                let (before, crossing) = locateKink(from: θ, sample, size: h, leaves: leaves, field: field)
                if let before {
                    let norm = controller.errorNorm(before.step.error, old: θ, new: before.step.state)
                    guard norm <= 1 else {
                        rejected += 1
                        h = controller.nextStepSize(after: before.size, errorNorm: norm, previousErrorNorm: previousError,
                                                    embeddedOrder: q)
                        continue
                    }
                    accept(before.step, size: before.size)
                }
                let previous = sample, previousMode = mode
                accept(solver.step(from: θ, start: sample, size: crossing, field: field), size: crossing)
                mode = sample.activity
                var entered = false
                if let surface = sliding ?? KinkSurface(changedFrom: previousMode, to: mode, data: problem.data) {
                    let attracting = surface.attracts(at: θ, mode: mode, problem: problem)
                    entered = attracting && sliding == nil
                    sliding = attracting ? surface : nil
                }
                if entered { slides += 1 }
                sample = field(θ)
                changes += sample.activityChanges(from: previous)
                // Entering a slide is progress; any other crossing with no smooth step since the
                // last one counts towards the limit (crossing back and forth, or sliding on one
                // kink while chattering across another).
                consecutiveKinks = entered ? 0 : consecutiveKinks + 1
                records.append(monitor.record(step: accepted, clock: clock, logTime: logTime, θ: θ, sample: sample,
                                              patternChanges: changes))
                if consecutiveKinks > maximumConsecutiveKinks {
                    return finish(.failed(reason: "the activation pattern changed \(consecutiveKinks) times in a row with no "
                        + "smooth step between \(status()): the flow chatters across ReLU kinks (a Clarke sliding mode "
                        + "along several kinks at once, which this integrator does not follow); inspect the records or change the initialisation"))
                }
                continue
            }
            let norm = controller.errorNorm(trial.error, old: θ, new: trial.state)
            let proposal = controller.nextStepSize(after: h, errorNorm: norm, previousErrorNorm: previousError,
                                                   embeddedOrder: q)
            if norm <= 1 {
                accept(trial, size: h)
                previousError = max(norm, 1e-4)
                consecutiveKinks = 0
                if let surface = sliding {
                    let sides = surface.sides(at: θ, mode: mode, problem: problem)
                    if sides.inactiveRate <= 0 || sides.activeRate >= 0 {
                        // Sliding ends where one side stops pushing; continue on that side's piece.
                        mode = surface.setting(mode, active: sides.activeRate >= 0)
                        sliding = nil
                        sample = field(θ)
                    }
                }
                if accepted % recordEvery == 0 {
                    records.append(monitor.record(step: accepted, clock: clock, logTime: logTime, θ: θ, sample: sample,
                                                  patternChanges: changes))
                }
            } else {
                rejected += 1
            }
            h = proposal
        }
    }

    /// Brackets the first activity change on a step of size h from θ by bisection: returns the
    /// step to the bracket's left end (nil if that is 0) and the size of the step across.
    private func locateKink(from θ: [Double], _ start: FlowSample, size h: Double, leaves: ([[[Bool]]]) -> Bool,
                            field: ([Double]) -> FlowSample)
        -> (before: (step: SolverStep<FlowSample>, size: Double)?, crossing: Double) {
        var lo = 0.0, hi = h
        var before: (step: SolverStep<FlowSample>, size: Double)? = nil
        for _ in 0 ..< 30 {
            let mid = (lo + hi) / 2
            let step = solver.step(from: θ, start: start, size: mid, field: field)
            if !leaves((step.endSample ?? field(step.state)).activity) {
                lo = mid
                before = (step, mid)
            } else {
                hi = mid
            }
        }
        return (before, hi - lo)
    }
}
