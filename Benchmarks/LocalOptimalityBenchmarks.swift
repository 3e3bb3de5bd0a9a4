import Foundation
import Exact
import Networks
import Certify
import ProofFiles

/// Time of the automatic local-optimality decision (issue 13): `kkt is a local optimum` on
/// every seed KKT point of proofs/ (each file's point `kkt`, no witness given; best of 3 after
/// a warm-up), with the median and the worst; then a two-layer ReLU network with 16 hidden
/// neurons on 20 points in the plane with zero pre-activations.
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
        let how = outcome.evidence.hasPrefix("a global optimum") ? "global" : outcome.evidence.contains("witness found") ? "arc" : "second order"
        print(file.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%10.2f ms   ", milliseconds(best))
              + "\(outcome.status.rawValue == "proved" ? "local" : outcome.status.rawValue == "refuted" ? "not local" : "undecided") (\(outcome.status == .undecided ? String(outcome.evidence.prefix(60)) : how))")
    }
    let sorted = times.sorted()
    if !sorted.isEmpty {
        print(String(format: "seed KKT points: %d, median %.2f ms, worst %.2f ms", sorted.count, sorted[sorted.count / 2], sorted.last!))
    }
    let (problem, θ) = wideNetwork()
    let start = clock.now
    let decision = LocalOptimality(network: problem.network, data: problem.data, point: θ, free: Array(θ.indices)).decide()
    let verdict: String
    switch decision {
    case .localOptimum: verdict = "local"
    case .notLocalOptimum(let arc, _): verdict = "not local (arc of order \(arc.order))"
    case .infeasible: verdict = "infeasible"
    case .undecided(let reason, _): verdict = "undecided: \(reason.prefix(80))"
    }
    print("2-layer ReLU, 16 hidden, 20 points".padding(toLength: 36, withPad: " ", startingAt: 0)
          + String(format: "%10.2f ms   ", milliseconds(clock.now - start)) + verdict)
}

/// 20 points in the plane, labelled by the side of u = (1, 1/3), and 16 ReLU neurons: 8 near
/// u with v = 1, 8 near −u with v = −1, scaled so that the smallest margin is 1. Neuron 1 is
/// orthogonal to two of the points (zero pre-activations).
private func wideNetwork() -> (MaxMarginProblem<RealAlgebraic>, [RealAlgebraic]) {
    let q = { (n: Int, d: Int) in Rational(n, d) }
    var points: [[Rational]] = (0 ..< 18).map { i in [q(i % 6 - 3, 2), q((i * 7) % 11 - 5, 3)] }
    points = points.filter { $0[0] + $0[1] / 3 != 0 }
    let w0 = [q(1, 1), q(1, 4)]
    points.append([q(-1, 4), q(1, 1)].map { $0 * 2 })
    points.append([q(1, 4), q(-1, 1)].map { $0 * 3 })
    let data = points.prefix(20).map { x in
        LabeledPoint(x: x.map { RealAlgebraic($0) }, label: RealAlgebraic(x[0] + x[1] / 3 > 0 ? 1 : -1))
    }
    var θ: [Rational] = []
    var outgoing: [Rational] = []
    for j in 0 ..< 16 {
        let sign = j < 8 ? 1 : -1
        let w = j == 0 ? w0 : [q(sign * (8 + j % 3), 8), q(sign * (8 + j % 5), 24)]
        θ += w
        outgoing.append(Rational(sign))
    }
    θ += outgoing
    let network = Network.fullyConnected(widths: [2, 16, 1], activation: .relu)
    let problem = MaxMarginProblem(network: network, data: Array(data))
    let exact = θ.map { RealAlgebraic($0) }
    let γ = problem.margins(exact).min()!
    // Scale the output layer by 1/γ: every margin scales by 1/γ, the smallest becomes 1.
    let scaled = exact.enumerated().map { k, x in k >= 32 ? x / γ : x }
    return (problem, scaled)
}
