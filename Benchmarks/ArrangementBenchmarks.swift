import Foundation
import Exact
import Networks
import Certify

/// Time of the exact checks on 40 data points in the plane (issue 18, item 7): the minimum-norm
/// separator (active-set QP), the KKT LP and the dual certificate of a two-layer ReLU network
/// whose 40 examples are all active, plus a third, dead neuron with input 0 on every example.
/// Each runs once to warm up, then the best of three is printed with its verdict.
func runArrangementBenchmarks() {
    print("40 points in the plane (best of 3)")
    let clock = ContinuousClock()
    func time(_ label: String, _ body: () -> String) {
        var verdict = body(), best = Duration.seconds(1_000)
        for _ in 0 ..< 3 {
            let start = clock.now
            verdict = body()
            best = min(best, clock.now - start)
        }
        let ms = Double(best.components.seconds) * 1e3 + Double(best.components.attoseconds) * 1e-15
        print(label.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%10.2f ms   ", ms) + verdict)
    }
    // 40 points with labels from the direction (2, 1), at least 1/2 off its line.
    var rng = SplitMix64(seed: 2026)
    var inputs: [[Rational]] = [], labels: [Rational] = []
    while inputs.count < 40 {
        let x = [Rational(Int(rng.next() % 41) - 20, 4), Rational(Int(rng.next() % 41) - 20, 4)]
        let side = 2 * x[0] + x[1]
        guard side.magnitude >= Rational(1, 2) else { continue }
        inputs.append(x)
        labels.append(side.signum > 0 ? .one : -.one)
    }
    time("minimum-norm separator") {
        guard let u = Deadline.runningToCompletion({ () throws(Unable) in try MinimumNormSeparator.solve(inputs: inputs, labels: labels) }) else { return "none" }
        return "u* = (\(u.map(\.description).joined(separator: ", ")))"
    }
    // Φ = Σⱼ vⱼ relu(wⱼ·x), w1 = (0, 1), v1 = 1, w2 = (0, −1), v2 = −1, w3 = 0, v3 = 0: the
    // points (t, 1) (label 1) and (t, −1) (label −1), t = −19/4, −17/4, …, 19/4, all at margin 1.
    let ts = (0 ..< 20).map { Rational(2 * $0 - 19, 4) }
    let data = ts.map { LabeledPoint(x: [RealAlgebraic($0), RealAlgebraic(1)], label: RealAlgebraic(1)) }
        + ts.map { LabeledPoint(x: [RealAlgebraic($0), RealAlgebraic(-1)], label: RealAlgebraic(-1)) }
    let problem = MaxMarginProblem(network: .fullyConnected(widths: [2, 3, 1], activation: .relu), data: data)
    let θ = [0, 1, 0, -1, 0, 0, 1, -1, 0].map { RealAlgebraic($0) }
    time("KKT LP, 3 hidden (one dead)") {
        switch Deadline.runningToCompletion({ () throws(Unable) in try problem.isKKTPoint(θ) }) {
        case .kkt(let λ, _): "KKT, Σλ = \(λ.reduce(RealAlgebraic(0), +))"
        case .notKKT: "not KKT"
        case .infeasible, .wrongMultipliers: "infeasible"
        case .undecided(let reason): "undecided: \(reason.prefix(60))"
        }
    }
    time("dual certificate, 3 hidden") {
        switch Deadline.runningToCompletion({ () throws(Unable) in try problem.dualCertificate(θ) }) {
        case .certified: "certified (global optimum)"
        case .exceeded(_, let neuron, let cell): "exceeded at neuron \(neuron + 1), ‖g_A‖² = \(cell.squaredNorm)"
        case .undecided(let reason): "undecided: \(reason.prefix(60))"
        }
    }
    let weights = data.map { $0.y[0] * RealAlgebraic(Rational(1, 20)) }
    time("dual constraint, 40 inputs") {
        switch Deadline.runningToCompletion({ () throws(Unable) in try DualConstraint(inputs: data.map(\.x), weights: weights, activation: .relu).check() }) {
        case .satisfied(let cell): "M² ≤ \(cell.squaredNorm) ≤ 1"
        case .violated(let cell): "a realizable cell has ‖g_A‖² = \(cell.squaredNorm) > 1"
        case .tooManyCells: "too many cells"
        }
    }
}
