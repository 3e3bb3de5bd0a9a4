import Foundation
import Exact
import Networks
import Certify
import ProofFiles

/// Time of the automatic local-optimality decision (issue 13): `kkt is a local optimum` on
/// every seed KKT point of proofs/ (each file's point `kkt`, no witness given; best of 3 after
/// a warm-up), with the median and the worst; then a two-layer ReLU network with 16 hidden
/// neurons on 20 points in the plane: a KKT point without kinks, and one with 6 kinks.
func runLocalOptimalityBenchmarks() {
    print("Local optimality, decided automatically (best of 3)")
    let clock = ContinuousClock()
    func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15
    }
    var times: [Double] = []
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: "proofs")) ?? []).filter { $0.hasSuffix(".proof") }.sorted()
    for file in files {
        guard let text = try? String(contentsOfFile: "proofs/\(file)", encoding: .utf8), text.contains("point kkt:") else { continue }
        let source = text + "\nclaim [benchmark] kkt is a local optimum\n"
        guard let syntax = try? ProofFileParser.parse(source), let document = try? Elaborator.elaborate(syntax),
              let claim = document.claims.last else { continue }
        let checker = Checker(document)
        var best = Duration.seconds(1_000)
        var outcome = checker.check(claim)
        for _ in 0 ..< 3 {
            let start = clock.now
            outcome = checker.check(claim)
            best = min(best, clock.now - start)
        }
        times.append(milliseconds(best))
        let evidence = outcome.evidence.description
        let how = if case .descentArc = outcome.evidence { "arc" } else { evidence.hasPrefix("a global optimum") ? "global" : "second order" }
        print(file.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%10.2f ms   ", milliseconds(best))
              + "\(outcome.status.rawValue == "proved" ? "local" : outcome.status.rawValue == "refuted" ? "not local" : "undecided") (\(outcome.status == .undecided ? String(evidence.prefix(60)) : how))")
    }
    let sorted = times.sorted()
    if !sorted.isEmpty {
        print(String(format: "seed KKT points: %d, median %.2f ms, worst %.2f ms", sorted.count, sorted[sorted.count / 2], sorted.last!))
    }
    for (label, (problem, θ)) in [("16 hidden, 20 points, no kink", splitLocalOptimum()),
                                  ("16 hidden, 20 points, 6 kinks", splitDeadNeurons())] {
        let start = clock.now
        let decision = Deadline.runningToCompletion { () throws(Unable) in
            try LocalOptimality(network: problem.network, data: problem.data, point: θ, free: Array(θ.indices)).decide()
        }
        let verdict: String
        switch decision {
        case .localOptimum(let pieces): verdict = "local (\(pieces.count) pieces)"
        case .notLocalOptimum(let arc, _): verdict = "not local (arc of order \(arc.order))"
        case .infeasible: verdict = "infeasible"
        case .undecided(let reason, _): verdict = "undecided: \(reason.prefix(80))"
        }
        print(label.padding(toLength: 36, withPad: " ", startingAt: 0)
              + String(format: "%10.2f ms   ", milliseconds(clock.now - start)) + verdict)
    }
}

/// Twenty examples: `active` and points of a grid where |Φ(θ; x)| > 1, labelled by the sign of Φ.
private func examples(_ active: [[Rational]], _ network: Network, _ θ: [RealAlgebraic]) -> [LabeledPoint<RealAlgebraic>] {
    var data = active.map { LabeledPoint(x: $0.map { RealAlgebraic($0) }, label: RealAlgebraic(1)) }
    for i in 0 ..< 200 where data.count < 20 {
        let x = [Rational(i % 7 - 3, 2), Rational((i * 5) % 9 - 4, 2)].map { RealAlgebraic($0) }
        let value = network(θ, x)[0]
        if value.magnitude > 1 { data.append(LabeledPoint(x: x, label: RealAlgebraic(value.signum > 0 ? 1 : -1))) }
    }
    return data
}

/// Thm 3.2's KKT point (w = (0, 2), v = 2 on x1 = (1, 1/4), x2 = (−1, 1/4)) with its neuron
/// split into 13 copies scaled by aₖ (twelve 1/4, one 1/2; Σaₖ² = 1) and 3 dead neurons
/// (w = 0, v = 0: input 0 on both active examples, 6 kinks, 64 pieces).
private func splitDeadNeurons() -> (MaxMarginProblem<RealAlgebraic>, [RealAlgebraic]) {
    let scales = Array(repeating: Rational(1, 4), count: 12) + [Rational(1, 2)]
    let w = scales.map { [Rational.zero, 2 * $0] } + Array(repeating: [Rational.zero, .zero], count: 3)
    let v = scales.map { 2 * $0 } + Array(repeating: Rational.zero, count: 3)
    let θ = (w.flatMap { $0 } + v).map { RealAlgebraic($0) }
    let network = Network.fullyConnected(widths: [2, 16, 1], activation: .relu)
    return (MaxMarginProblem(network: network, data: examples([[1, Rational(1, 4)], [-1, Rational(1, 4)]], network, θ)), θ)
}

/// A KKT point of a two-layer ReLU network with 16 hidden neurons on 20 points in the plane:
/// Lemma C.6's local optimum (w = (0, 2), v = 2 and w = (0, −1), v = 1 on x1 = (1, 1/4),
/// x2 = (−1, 1/4), x3 = (0, −1)) with its two neurons split into 7 and 9 copies scaled by aₖ,
/// Σaₖ² = 1 in each group (copies keep every margin, ‖θ‖ and the KKT conditions, with the
/// same λ), and 17 slack points.
private func splitLocalOptimum() -> (MaxMarginProblem<RealAlgebraic>, [RealAlgebraic]) {
    let q = { (n: Int, d: Int) in Rational(n, d) }
    let first = [q(1, 2), q(1, 2), q(1, 2), q(1, 4), q(1, 4), q(1, 4), q(1, 4)]
    let second = Array(repeating: q(1, 3), count: 9)
    let w = first.map { [Rational.zero, 2 * $0] } + second.map { [Rational.zero, -$0] }
    let v = first.map { 2 * $0 } + second
    let θ = (w.flatMap { $0 } + v).map { RealAlgebraic($0) }
    let network = Network.fullyConnected(widths: [2, 16, 1], activation: .relu)
    return (MaxMarginProblem(network: network, data: examples([[1, q(1, 4)], [-1, q(1, 4)], [0, -1]], network, θ)), θ)
}
