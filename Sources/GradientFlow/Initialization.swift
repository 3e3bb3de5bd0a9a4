import Exact
import Foundation
import Networks

/// Random initialisations θ(0) for Monte Carlo sweeps, drawn from a seeded generator (so a
/// run is reproduced from its seed alone).
public enum Initialization: Sendable, Equatable, CustomStringConvertible {
    /// θ_k ~ N(0, σ²) independently.
    case gaussian(standardDeviation: Double)
    /// Glorot/Xavier normal: each weight of a layer W ∈ ℝ^{rows×columns} ~ N(0, 2/(rows + columns))
    /// (a shared weight drawn once, for its first entry); skip weights likewise, biases 0.
    case xavier
    /// Uniform on the sphere ‖θ‖ = r.
    case sphere(radius: Double)
    /// Every neuron's weight vector uniform on the sphere of radius r, independently: the rows
    /// of the first layer (each first-layer neuron's incoming weights), then the columns of
    /// every later layer (each lower neuron's outgoing weights), in order. A circle is drawn by
    /// its angle φ = 2π·u (u uniform on [0, 1) with 53 bits, one draw), a larger sphere as a
    /// normalised Gaussian vector, a 1-sphere as ±r. Shared entries are drawn at their first
    /// occurrence, structural zeros skipped; skip weights and biases are 0. (For a depth-2
    /// network: the rows of W and the columns of V, as in Timor, Vardi, Shamir (2022) §3.1.)
    case neuronSpheres(radius: Double)
    /// Balanced two-layer init: hidden weights Xavier, then every outgoing weight
    /// a_k = s_k‖w_k‖ with a uniform random sign s_k (‖w_k‖² − a_k² = 0, Vardi, Shamir, Srebro (2022) Lemma C.3).
    case balanced
    /// θ(0) + N(0, σ²) noise on every entry: the robustness of a symmetric stated init.
    case perturbation(of: [Double], standardDeviation: Double)

    /// Reads `gaussian(σ)`, `xavier`, `sphere(r)`, `sphere(r) per neuron`, `balanced` or
    /// `perturb(σ)` (around `base`).
    public init?(parsing text: String, base: [Double]) {
        let perNeuron = " per neuron"
        if text.hasSuffix(perNeuron) {
            guard case .sphere(let r)? = Initialization(parsing: String(text.dropLast(perNeuron.count)), base: base) else { return nil }
            self = .neuronSpheres(radius: r)
            return
        }
        func argument(_ name: String) -> Double? {
            guard text.hasPrefix(name + "("), text.hasSuffix(")") else { return nil }
            return Double(text.dropFirst(name.count + 1).dropLast()).flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
        }
        switch text {
        case "xavier": self = .xavier
        case "balanced": self = .balanced
        default:
            if let σ = argument("gaussian") { self = .gaussian(standardDeviation: σ) }
            else if let r = argument("sphere") { self = .sphere(radius: r) }
            else if let σ = argument("perturb") { self = .perturbation(of: base, standardDeviation: σ) }
            else { return nil }
        }
    }

    public var description: String {
        switch self {
        case .gaussian(let σ): "gaussian(\(σ))"
        case .xavier: "xavier"
        case .sphere(let r): "sphere(\(r))"
        case .neuronSpheres(let r): "sphere(\(r)) per neuron"
        case .balanced: "balanced"
        case let .perturbation(base, σ): "perturb(\(σ)) of \(base)"
        }
    }

    /// A standard normal deviate (Box–Muller; two uniforms per call, so the stream of draws
    /// is the same on every platform).
    static func normal(using generator: inout SplitMix64) -> Double {
        let u = Double.random(in: Double.ulpOfOne ..< 1, using: &generator)
        let v = Double.random(in: 0 ..< 1, using: &generator)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// One draw of θ(0) for `network`.
    /// Precondition: `.balanced` needs a depth-2 network; `.perturbation` a base of θ's length.
    public func sample(for network: Network, using generator: inout SplitMix64) -> [Double] {
        let n = network.parameterCount
        switch self {
        case .gaussian(let σ):
            return (0 ..< n).map { _ in σ * Self.normal(using: &generator) }
        case .sphere(let r):
            var θ = [Double](repeating: 0, count: n)
            while Network.squaredNorm(θ) == 0 { θ = (0 ..< n).map { _ in Self.normal(using: &generator) } }
            let norm = Network.squaredNorm(θ).squareRoot()
            return θ.map { r * $0 / norm }
        case let .perturbation(base, σ):
            precondition(base.count == n, "perturbation base length")
            return base.map { $0 + σ * Self.normal(using: &generator) }
        case .xavier:
            return Self.xavier(network, using: &generator)
        case .neuronSpheres(let r):
            return Self.neuronSpheres(network, radius: r, using: &generator)
        case .balanced:
            precondition(network.depth == 2, "a balanced init needs a two-layer network")
            var θ = Self.xavier(network, using: &generator)
            let hidden = network.layers[0].weights, output = network.layers[1].weights
            for k in 0 ..< hidden.rows {
                let incoming = (0 ..< hidden.columns).compactMap { hidden[k, $0] }
                let norm = incoming.reduce(0) { $0 + θ[$1] * θ[$1] }.squareRoot()
                for r in 0 ..< output.rows {
                    guard let index = output[r, k] else { continue }
                    θ[index] = (generator.next() & 1 == 0 ? 1 : -1) * norm
                }
            }
            return θ
        }
    }

    static func xavier(_ network: Network, using generator: inout SplitMix64) -> [Double] {
        var θ = [Double?](repeating: nil, count: network.parameterCount)
        for pattern in network.layers.map(\.weights) + (network.skip.map { [$0] } ?? []) {
            let σ = (2 / Double(pattern.rows + pattern.columns)).squareRoot()
            for case let k? in pattern.entries where θ[k] == nil { θ[k] = σ * normal(using: &generator) }
        }
        return θ.map { $0 ?? 0 }
    }

    static func neuronSpheres(_ network: Network, radius r: Double, using generator: inout SplitMix64) -> [Double] {
        var θ = [Double](repeating: 0, count: network.parameterCount), drawn = Set<Int>()
        let patterns = network.layers.map(\.weights)
        let vectors = (0 ..< patterns[0].rows).map { i in (0 ..< patterns[0].columns).compactMap { patterns[0][i, $0] } }
            + patterns.dropFirst().flatMap { w in (0 ..< w.columns).map { j in (0 ..< w.rows).compactMap { w[$0, j] } } }
        for vector in vectors {
            let fresh = vector.filter { drawn.insert($0).inserted }
            switch fresh.count {
            case 0: continue
            case 1: θ[fresh[0]] = generator.next() & 1 == 0 ? r : -r
            case 2:
                let φ = 2 * Double.pi * Double(generator.next() >> 11) * 0x1p-53
                (θ[fresh[0]], θ[fresh[1]]) = (r * cos(φ), r * sin(φ))
            default:
                var v = [Double](repeating: 0, count: fresh.count)
                while Network.squaredNorm(v) == 0 { v = fresh.map { _ in normal(using: &generator) } }
                let norm = Network.squaredNorm(v).squareRoot()
                for (k, x) in zip(fresh, v) { θ[k] = r * x / norm }
            }
        }
        return θ
    }
}
