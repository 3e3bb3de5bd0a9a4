import Foundation
import Networks

/// One ReLU kink: the surface z(θ) = 0 where the input z of one neuron on one example changes
/// sign, and the Filippov flow along it. A first-layer neuron's input is linear in x, so on
/// examples with parallel inputs (x′ = c·x) it changes sign on the same surface: those
/// examples' activities flip with it (the same way iff c > 0).
///
/// On either side the flow follows its polynomial piece: f⁺ (neuron active, z > 0) or f⁻
/// (inactive). When both push towards the surface (ż < 0 along f⁺, ż > 0 along f⁻) the
/// classical flow is not defined there; the Clarke/Filippov flow slides along it with the one
/// convex combination that keeps ż = 0,
///     f = (1 − α) f⁻ + α f⁺,   α = ż⁻ / (ż⁻ − ż⁺)
/// (Filippov 1988, §2.4; small-step GD zigzags around this path). Sliding ends when one side
/// stops pushing (α reaches 0 or 1), where the combination meets that side's field.
public struct KinkSurface: Hashable, Sendable, CustomStringConvertible {
    /// The example whose input z defines the surface.
    public let example: Int
    public let layer: Int
    public let neuron: Int
    /// The examples whose activity of this neuron flips on the same surface, with the
    /// orientation (true: active iff z > 0); `example` is among them, oriented true.
    public let flips: [Int: Bool]

    public init(example: Int, layer: Int, neuron: Int, flips: [Int: Bool]? = nil) {
        self.example = example
        self.layer = layer
        self.neuron = neuron
        self.flips = flips ?? [example: true]
        precondition(self.flips[example] == true, "the defining example flips with its own input")
    }

    /// The surface crossed between activity maps `a` and `b`: the one neuron whose activity
    /// differs (on one example, or on examples with parallel inputs for a first-layer neuron);
    /// nil if nothing or more than one surface is crossed.
    init?(changedFrom a: [[[Bool]]], to b: [[[Bool]]], data: [LabeledPoint<Double>]) {
        var changed: [(example: Int, layer: Int, neuron: Int)] = []
        for i in a.indices { for l in a[i].indices { for n in a[i][l].indices where a[i][l][n] != b[i][l][n] {
            changed.append((i, l, n))
        } } }
        guard let first = changed.first,
              changed.allSatisfy({ $0.layer == first.layer && $0.neuron == first.neuron }),
              first.layer == 0 || changed.count == 1 else { return nil }
        let x = data[first.example].x, xx = x.reduce(0) { $0 + $1 * $1 }
        var flips: [Int: Bool] = [:]
        for entry in changed {
            let y = data[entry.example].x
            let c = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } / xx
            guard c != 0, zip(x, y).allSatisfy({ abs($1 - c * $0) <= 1e-12 * max(abs($1), 1) }) else { return nil }
            flips[entry.example] = c > 0
        }
        self.init(example: first.example, layer: first.layer, neuron: first.neuron, flips: flips)
    }

    public var description: String { "neuron \(neuron + 1) of layer \(layer + 1) on example \(example + 1)" }

    /// `activity` with this neuron on the side of the surface where z > 0 (`active`) or z < 0.
    func setting(_ activity: [[[Bool]]], active: Bool) -> [[[Bool]]] {
        var a = activity
        for (i, orientation) in flips { a[i][layer][neuron] = active == orientation }
        return a
    }

    /// True when `a` and `b` agree on every neuron but this one.
    func agreeElsewhere(_ a: [[[Bool]]], _ b: [[[Bool]]]) -> Bool {
        setting(a, active: false) == setting(b, active: false)
    }

    /// z(θ): this neuron's input on its example.
    func input(at θ: [Double], problem: FlowProblem) -> Double {
        problem.network.trace(θ, problem.data[example].x).preActivations[layer][neuron]
    }

    /// ż = ∇z·f at θ, by a central difference along f (exact up to rounding for a first-layer
    /// neuron, whose input is linear in θ).
    func rate(along f: [Double], at θ: [Double], problem: FlowProblem) -> Double {
        let speed = Network.squaredNorm(f).squareRoot()
        guard speed > 0 else { return 0 }
        let s = 1e-6 * max(1, Network.squaredNorm(θ).squareRoot()) / speed
        let ahead = zip(θ, f).map { $0 + s * $1 }, behind = zip(θ, f).map { $0 - s * $1 }
        return (input(at: ahead, problem: problem) - input(at: behind, problem: problem)) / (2 * s)
    }

    /// The two one-sided pieces at θ (the other neurons on `mode`'s pieces) and their ż.
    func sides(at θ: [Double], mode: [[[Bool]]], problem: FlowProblem)
        -> (inactive: FlowSample, active: FlowSample, inactiveRate: Double, activeRate: Double) {
        let off = problem.sample(at: θ, frozen: setting(mode, active: false))
        let on = problem.sample(at: θ, frozen: setting(mode, active: true))
        return (off, on, rate(along: off.velocity, at: θ, problem: problem), rate(along: on.velocity, at: θ, problem: problem))
    }

    /// Whether the flow slides here: both sides push towards the surface.
    func attracts(at θ: [Double], mode: [[[Bool]]], problem: FlowProblem) -> Bool {
        let s = sides(at: θ, mode: mode, problem: problem)
        return s.inactiveRate > 0 && s.activeRate < 0
    }

    /// The Filippov sliding field at θ, α clamped to [0, 1] (so it is continuous where sliding
    /// ends), with the actual activity at θ.
    func slidingSample(at θ: [Double], mode: [[[Bool]]], problem: FlowProblem) -> (sample: FlowSample, α: Double) {
        let s = sides(at: θ, mode: mode, problem: problem)
        let denominator = s.inactiveRate - s.activeRate
        let α = denominator > 0 ? min(1, max(0, s.inactiveRate / denominator)) : (s.activeRate >= 0 ? 1 : 0)
        let velocity = zip(s.inactive.velocity, s.active.velocity).map { (1 - α) * $0 + α * $1 }
        return (FlowSample(velocity: velocity, logLoss: (1 - α) * s.inactive.logLoss + α * s.active.logLoss,
                           margins: s.inactive.margins, activity: s.inactive.activity), α)
    }
}
