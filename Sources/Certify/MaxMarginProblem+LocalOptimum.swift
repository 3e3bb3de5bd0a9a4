import Exact
import Networks

/// The outcome of `localOptimum`.
public enum LocalOptimumResult: Sendable {
    case localOptimum(String)
    /// Not a KKT point, so not a local optimum: the constraints of problem (2) satisfy the
    /// Mangasarian–Fromovitz qualification for a homogeneous Φ (the direction θ raises every
    /// active margin), under which KKT is necessary for local optimality (Lyu–Li 2019).
    case notKKT(String)
    case undecided(String)
}

extension MaxMarginProblem where F == RealAlgebraic {
    /// For linear networks: a global optimum is a local one.
    func localOptimumOfLinear(_ θ: [F]) -> LocalOptimumResult {
        switch globalOptimum(θ) {
        case .optimal(_, let reason): return .localOptimum("a global optimum: \(reason)")
        case .notOptimal(_, _, let reason): return .undecided("not a global optimum (\(reason)); local optimality is not decided")
        case .infeasible(let i): return .notKKT("infeasible: constraint \(i + 1) fails")
        case .undecided(let reason): return .undecided(reason)
        }
    }

    /// Replays Theorem 4.3 of paper 001 (App. C.6): for a depth-2 ReLU network in 𝒩_no-share,
    /// a KKT point θ̃ of problem (2) at which every hidden neuron has a non-zero input on every
    /// example and every neuron is balanced (‖w̃_j‖ = |ṽ_j|, as at every limit of gradient
    /// flow by Lemma C.4) is a local optimum. Each hypothesis is checked exactly; when one
    /// fails the answer is undecided, never a guess.
    public func localOptimum(_ θ: [F]) -> LocalOptimumResult {
        if network.layers.allSatisfy({ $0.activation == .linear }) {
            return localOptimumOfLinear(θ)
        }
        guard network.depth == 2, network.layers[0].activation == .relu, network.homogeneityDegree != nil else {
            return .undecided("Theorem 4.3 covers depth-2 ReLU networks without skip or bias")
        }
        let indices = network.layers.flatMap { $0.weights.entries.compactMap { $0 } }
        guard Set(indices).count == indices.count else {
            return .undecided("Theorem 4.3 needs a network in 𝒩_no-share (no shared weights)")
        }
        for (i, example) in data.enumerated() {
            let zeros = network.zeroPreActivations(network.trace(θ, example.x))
            if let z = zeros.first { return .undecided("\(z) has input 0 on x\(i + 1); Theorem 4.3 needs non-zero inputs") }
        }
        for (j, (incoming, outgoing)) in neuronWeights(θ).enumerated() {
            guard incoming == outgoing else {
                return .undecided("hidden neuron \(j + 1) is not balanced (‖w‖² = \(incoming), v² = \(outgoing)); Theorem 4.3 applies to limits of gradient flow, which are balanced")
            }
        }
        switch isKKTPoint(θ) {
        case .kkt(let λ, _):
            return .localOptimum("Theorem 4.3 (paper 001, App. C.6): KKT with λ = (\(λ.map(\.description).joined(separator: ", "))), every neuron balanced, every hidden input non-zero")
        case .notKKT, .infeasible:
            return .notKKT("not a KKT point, and KKT is necessary for a local optimum of problem (2)")
        case .wrongMultipliers(let reason), .undecided(let reason):
            return .undecided(reason)
        }
    }
}
