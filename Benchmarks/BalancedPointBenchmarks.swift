import Exact
import ProofFiles

/// A seeded family of balanced KKT points mixing radicals of several indices: deep linear
/// chains d → 1 → … → 1 of depth L = 2, 3, 4 on random small-integer data x₁ (and an
/// inactive x₂ = 2x₁), with every layer of norm a = ‖x₁‖^(−1/L) (balanced: W₁ = a·x₁/‖x₁‖,
/// Wₖ = a), so the coordinates mix √n with n^(1/(2L)) (n = ‖x₁‖²). Its multipliers are
/// λ = (n^(−1/L), 0) (θ = λ₁∇Φ(θ; x₁), margin 1). Each point's claim with the true λ must be
/// proved and with 8/7·λ₁ refuted; prints the median and worst time per claim (goal: median
/// under 50 ms, worst under 1 s).
func runBalancedPointBenchmarks() {
    var generator = SplitMix64(seed: 14)
    var inputs: [Report.Input] = []
    for seed in 0..<20 {
        for depth in 2...4 {
            let x = (0..<3).map { _ in Int(generator.next() % 7) - 3 }
            let n = x.reduce(0) { $0 + $1 * $1 }
            guard n > 0 else { continue }
            let first = x.map { "\($0) a/sqrt(\(n))" }.joined(separator: ", ")
            let middle = (1..<(depth - 1)).map { "W\($0 + 1) = ((a))" }
            // Depth 2 names its blocks w, v; deeper networks W1, W2, ….
            let layers = depth == 2 ? "w = ((\(first))), v = (a)"
                : (["W1 = ((\(first)))"] + middle + ["W\(depth) = [(a)]"]).joined(separator: ", ")
            let source = """
            network fully-connected linear 3 \(String(repeating: "-> 1 ", count: depth - 1))-> 1
            data x1 = (\(x.map(String.init).joined(separator: ", "))), y1 = 1
            data x2 = (\(x.map { String(2 * $0) }.joined(separator: ", "))), y2 = 1
            let a = root(1/\(n), \(2 * depth))
            point p: \(layers)
            claim p is a KKT point with lambda = (root(1/\(n), \(depth)), 0)
            claim p is a KKT point with lambda = (8/7 root(1/\(n), \(depth)), 0) expect refuted

            """
            inputs.append(("balanced-\(seed)-depth\(depth).proof", source))
        }
    }
    let files = Report.check(inputs, explain: false)
    let claims = files.flatMap(\.claims)
    let wrong = files.filter { $0.error != nil }.count + claims.filter { !$0.ok }.count
    for file in files {
        for claim in file.claims where !claim.ok { print("  \(file.path):\(claim.line): \(claim.verdict), expected \(claim.expected): \(claim.evidence)") }
        if let error = file.error { print("  \(file.path): \(error)") }
    }
    let times = claims.map(\.seconds).sorted()
    guard !times.isEmpty else { print("balanced points: nothing checked"); return }
    print(String(format: "balanced points of depth 2–4: %d claims (%d not as expected); per claim median %.1f ms, worst %.1f ms",
                 claims.count, wrong, times[times.count / 2] * 1000, times.last! * 1000))
}
