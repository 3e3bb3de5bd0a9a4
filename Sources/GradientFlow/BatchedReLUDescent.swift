import Foundation

/// Fixed-step gradient descent on many independent runs of the depth-2 ReLU network
/// N_{W,V}(x) = V σ(W x) with W, V ∈ ℝ^{2×2} and the square loss L = ½ Σ_i ‖N(x_i) − y_i‖²
/// (Timor, Vardi, Shamir (2022) §2–3.1), eight runs per `SIMD8<Double>` lane group and lane groups spread over
/// all cores: a hand-specialised forward/backward pass for paper-faithful Monte Carlo replays.
///
/// It computes, run for run, what `GradientDescent` computes on
/// `Network.fullyConnected(widths: [2, 2, 2], activation: .relu)` (σ'(0) = 0), up to the
/// rounding of fused operations. θ order per run: W row-major, then V row-major.
public struct BatchedReLUDescent: Sendable {
    public let inputs: [SIMD2<Double>]
    public let targets: [SIMD2<Double>]

    public init(inputs: [SIMD2<Double>], targets: [SIMD2<Double>]) {
        precondition(inputs.count == targets.count && !inputs.isEmpty, "dataset")
        self.inputs = inputs
        self.targets = targets
    }

    typealias Lanes = SIMD8<Double>

    /// The final θ of every run after `steps` steps θ ← θ − η∇L(θ), each run from its own
    /// initial θ (8 entries each).
    public func run(from initial: [[Double]], learningRate η: Double, steps: Int) -> [[Double]] {
        precondition(initial.allSatisfy { $0.count == 8 }, "each run has 8 parameters")
        let groups = (initial.count + Lanes.scalarCount - 1) / Lanes.scalarCount
        let results = Slots<[Lanes]>(count: groups)
        DispatchQueue.concurrentPerform(iterations: groups) { g in
            var θ = [Lanes](repeating: .zero, count: 8)
            for lane in 0 ..< Lanes.scalarCount where g * Lanes.scalarCount + lane < initial.count {
                for k in 0 ..< 8 { θ[k][lane] = initial[g * Lanes.scalarCount + lane][k] }
            }
            results.store(descend(θ, learningRate: η, steps: steps), at: g)
        }
        return initial.indices.map { r in (0 ..< 8).map { results.values[r / Lanes.scalarCount]![$0][r % Lanes.scalarCount] } }
    }

    /// The square loss at one run's θ.
    public func loss(_ θ: [Double]) -> Double {
        zip(inputs, targets).reduce(0) { sum, example in
            let (x, y) = example
            let h0 = max(0, θ[0] * x.x + θ[1] * x.y), h1 = max(0, θ[2] * x.x + θ[3] * x.y)
            let e0 = θ[4] * h0 + θ[5] * h1 - y.x, e1 = θ[6] * h0 + θ[7] * h1 - y.y
            return sum + (e0 * e0 + e1 * e1) / 2
        }
    }

    /// `steps` GD steps on one lane group.
    func descend(_ start: [Lanes], learningRate η: Double, steps: Int) -> [Lanes] {
        var (w00, w01, w10, w11) = (start[0], start[1], start[2], start[3])
        var (v00, v01, v10, v11) = (start[4], start[5], start[6], start[7])
        let rate = Lanes(repeating: η)
        // The examples broadcast to all lanes once: (x₀, x₁, y₀, y₁) per example.
        let examples = zip(inputs, targets).map { x, y in
            (Lanes(repeating: x.x), Lanes(repeating: x.y), Lanes(repeating: y.x), Lanes(repeating: y.y))
        }
        examples.withUnsafeBufferPointer { examples in
            for _ in 0 ..< steps {
                var (gw00, gw01, gw10, gw11) = (Lanes.zero, Lanes.zero, Lanes.zero, Lanes.zero)
                var (gv00, gv01, gv10, gv11) = (Lanes.zero, Lanes.zero, Lanes.zero, Lanes.zero)
                for (x0, x1, y0, y1) in examples {
                    let z0 = w00 * x0 + w01 * x1, z1 = w10 * x0 + w11 * x1
                    let off0 = z0 .<= 0, off1 = z1 .<= 0
                    let h0 = z0.replacing(with: 0, where: off0), h1 = z1.replacing(with: 0, where: off1)
                    let e0 = v00 * h0 + v01 * h1 - y0, e1 = v10 * h0 + v11 * h1 - y1
                    gv00 += e0 * h0; gv01 += e0 * h1; gv10 += e1 * h0; gv11 += e1 * h1
                    let d0 = (v00 * e0 + v10 * e1).replacing(with: 0, where: off0)
                    let d1 = (v01 * e0 + v11 * e1).replacing(with: 0, where: off1)
                    gw00 += d0 * x0; gw01 += d0 * x1; gw10 += d1 * x0; gw11 += d1 * x1
                }
                w00 -= rate * gw00; w01 -= rate * gw01; w10 -= rate * gw10; w11 -= rate * gw11
                v00 -= rate * gv00; v01 -= rate * gv01; v10 -= rate * gv10; v11 -= rate * gv11
            }
        }
        return [w00, w01, w10, w11, v00, v01, v10, v11]
    }
}
