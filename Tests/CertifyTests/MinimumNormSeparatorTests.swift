import Testing
import Exact
import Networks
@testable import Certify

/// The exact active-set separator against an independent check of its optimality conditions
/// (feasibility, and u a nonnegative combination of the tight zᵢ — an LP of our own), on
/// random data in the plane and in ℝ³, up to 40 points (seeded; the seed is in the message).
@Suite struct MinimumNormSeparatorTests {
    @Test(arguments: 1 ... 30)
    func activeSetOptimumSatisfiesKKT(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let dimension = Int(rng.next() % 2) + 2, count = Int(rng.next() % 40) + 1
        // A separable sample: labels from a hidden direction, points off its hyperplane.
        let hidden = (0 ..< dimension).map { _ in Rational(Int(rng.next() % 7) - 3) }
        var inputs: [[Rational]] = [], labels: [Rational] = []
        while inputs.count < count {
            let x = (0 ..< dimension).map { _ in Rational(Int(rng.next() % 21) - 10, Int(rng.next() % 3) + 1) }
            let side = zip(hidden, x).reduce(Rational.zero) { $0 + $1.0 * $1.1 }
            guard !side.isZero else { continue }
            inputs.append(x)
            labels.append(side.signum > 0 ? .one : -.one)
        }
        guard hidden.contains(where: { !$0.isZero }), let u = try MinimumNormSeparator.solve(inputs: inputs, labels: labels) else {
            #expect(hidden.allSatisfy { $0.isZero }, "seed \(seed): separable data, no separator"); return
        }
        let z = zip(inputs, labels).map { x, y in x.map { $0 * y } }
        let margins = z.map { MinimumNormSeparator.dot($0, u) }
        #expect(margins.allSatisfy { $0 >= 1 }, "seed \(seed)")
        let tight = z.indices.filter { margins[$0] == 1 }
        let rows = (0 ..< dimension).map { k in tight.map { z[$0][k] } }
        guard case .optimal = try LinearProgram(a: rows, b: u).solve() else { Issue.record("seed \(seed): u is not Σλᵢzᵢ with λ ≥ 0"); return }
    }

    @Test func inseparableDataHaveNoSeparator() throws {
        let inputs: [[Rational]] = [[1, 0], [1, 0]]
        #expect(try MinimumNormSeparator.solve(inputs: inputs, labels: [.one, -.one]) == nil)
    }
}
