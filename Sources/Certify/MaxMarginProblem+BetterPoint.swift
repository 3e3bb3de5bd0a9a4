import Exact
import Networks
import Foundation

extension MaxMarginProblem where F == RealAlgebraic {
    /// A feasible point of problem (2) strictly shorter than θ, found by a search and then
    /// verified exactly (every margin ≥ 1 and ‖θ′‖² < ‖θ‖², in exact arithmetic); nil when the
    /// search finds none. The search may be heuristic; the answer is checked.
    ///
    /// Two sources, cheapest first:
    /// 1. for a positively homogeneous network of degree L, a floating-point search (seeded
    ///    (1+1) evolution strategy from θ, perturbations of θ and random points) minimizing the
    ///    scale-free ratio ‖θ′‖²/γ(θ′)^{2/L}, γ the smallest margin; its best point is rounded to
    ///    rationals and scaled by a rational c with c^L·γ ≥ 1 (then c·θ′ is feasible, as
    ///    Φ(cθ′) = c^L Φ(θ′));
    /// 2. the local engine's arc, when θ is not a local optimum: θ(s₀/2).
    /// Past a bound `Deadline`, throws `Unable` (see `LinearProgram.solve`).
    public func betterPoint(than θ: [F], seed: UInt64 = 1) throws(Unable) -> [F]? {
        if let degree = network.homogeneityDegree, let candidate = searchedPoint(near: θ, degree: degree, seed: seed),
           isBetter(candidate, than: θ) {
            return candidate
        }
        let engine = LocalOptimality(network: network, data: data, point: θ, free: Array(θ.indices))
        if !hasClassLabels, case .notLocalOptimum(let arc, _) = try engine.decide() {
            let candidate = arc.point(at: arc.upperBound / 2)
            if isBetter(candidate, than: θ) { return candidate }
        }
        return nil
    }

    /// Every margin ≥ 1 and ‖θ′‖² < ‖θ‖², exactly.
    func isBetter(_ candidate: [F], than θ: [F]) -> Bool {
        margins(candidate).allSatisfy { $0 >= 1 } && Network.squaredNorm(candidate) < Network.squaredNorm(θ)
    }

    /// The search of source 1, its best point made exact and feasible; nil when no point with
    /// a positive smallest margin and a smaller ratio than θ's is found.
    func searchedPoint(near θ: [F], degree: Int, seed: UInt64) -> [F]? {
        let double = { (x: F) in Double(x.enclosure(bits: 64).lower) }
        let start = θ.map(double)
        let examples = data.map { $0.map(double) }
        func ratio(_ v: [Double]) -> Double {
            guard let γ = network.margins(v, on: examples).min(), γ > 0 else { return .infinity }
            return Network.squaredNorm(v) / pow(γ, 2 / Double(degree))
        }
        var rng = SplitMix64(seed: seed)
        func normal() -> Double {
            let u = (Double(rng.next() >> 11) + 0.5) / Double(1 << 53), v = Double(rng.next() >> 11) / Double(1 << 53)
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
        let scale = max(Network.squaredNorm(start).squareRoot() / Double(max(start.count, 1)).squareRoot(), 1e-3)
        var best = (point: start, value: ratio(start))
        let target = best.value
        for restart in 0 ..< 24 {
            var current = restart == 0 ? start
                : restart < 12 ? start.map { $0 + scale * normal() } : start.map { _ in scale * normal() }
            var value = ratio(current), step = 0.3 * scale
            for _ in 0 ..< 400 {
                let candidate = current.map { $0 + step * normal() }
                let r = ratio(candidate)
                if r < value { (current, value, step) = (candidate, r, step * 1.5) } else { step *= 0.9 }
            }
            if value < best.value { best = (current, value) }
        }
        guard best.value < target * (1 - 1e-6) else { return nil }
        // Exact: round (short numbers first), then scale by a rational c ≥ γ^(−1/L).
        for bits in [3, 6, 10, 16, 24] {
            let grid = Double(1 << bits)
            let rounded = best.point.map { F(Rational(Int(($0 * grid).rounded()), 1 << bits)) }
            guard let γ = margins(rounded).min(), γ.signum > 0 else { continue }
            let c = F(Rational(Int((pow(double(γ), -1 / Double(degree)) * grid).rounded(.up)) + 1, 1 << bits))
            var power = F.one
            for _ in 0 ..< degree { power = power * c }
            let candidate = rounded.map { c * $0 }
            if power * γ >= 1 && isBetter(candidate, than: θ) { return candidate }
        }
        return nil
    }
}
