import Exact

/// `for small eps` with a second parameter a ranging over an interval A, in its two readings:
/// - pointwise: for each a ∈ A there is ε₀(a) > 0 such that the claim holds for every
///   ε ∈ (0, ε₀(a));
/// - uniformly: there is one ε₀ > 0 such that the claim holds for every a ∈ A and ε ∈ (0, ε₀).
///
/// Pointwise, by the cylindrical decomposition of A × (0, 1) (`Prover+TwoParameters.swift`):
/// over an open cell C of A free of critical values, the sector of the cylinder just above the
/// section ε = 0 (ε is a target: the region's lower end) is (0, ξ(a)) with ξ the lowest section
/// above 0, and the claim's truth is constant on it (docs/cylindrical-decomposition.md). For
/// a ∈ C, "holds for all small ε" is the truth on that sector, so it is decided at one sample
/// of C by the one-parameter `decideForSmall`; the closed ends of A and the critical values are
/// decided directly. A failure at one a refutes both readings (it fails on a whole (0, c) there).
///
/// Uniformly: pointwise first; then ε₀ = 2⁻¹, 2⁻², …, 2⁻¹² are tried: a proof over the region
/// A × (0, ε₀) proves the claim uniformly with that ε₀. If none is proved, undecided (the
/// pointwise verdict is reported): the lowest section may approach ε = 0 at an end of A.
extension Prover {
    public static func decideForSmall(_ claim: Claim, parameter eps: String, each range: ParameterRange,
                                      uniformly: Bool) -> ProverReport {
        let decided = claim.withSymbolicPowerContentDividedOut
        return ResourceLimit.limiting { () throws(Unable) in
            let fibre = ParameterRegion.Fibre(eps, lower: .init(.zero, closed: false), upper: .init(.one, closed: false))
            let pointwise = try decideWithoutLimit(decided, over: ParameterRegion(range, fibre: fibre), fibre) { c, _ in
                decideForSmall(c, parameter: eps)
            }
            guard uniformly, pointwise.verdict.isProved else { return pointwise }
            for k in 1...largestUniformExponent {
                try Deadline.check(while: "trying a uniform bound 2^-\(k) for \(eps)")
                let bound = Expr(Rational(1, 1 << k))
                let strip = ParameterRegion(range, fibre: .init(eps, lower: .init(.zero, closed: false), upper: .init(bound, closed: false)))
                let report = decide(decided, over: strip)
                if case .proved(let how) = report.verdict {
                    let lines = report.explanation
                    return ProverReport(verdict: .proved("uniformly in \(range.name), ε₀ = 2^-\(k): holds on \(strip); \(how)"),
                                        explanation: { lines })
                }
            }
            return ProverReport(verdict: .undecided("holds for small \(eps) at each \(range.name) (ε₀ depending on \(range.name)), "
                + "but not shown on \(range) × (0, 2^-\(largestUniformExponent)): no uniform ε₀ found"),
                                explanation: { [lines = pointwise.explanation] in lines })
        }
    }

    /// The smallest uniform bound tried is 2^-this.
    static let largestUniformExponent = 12
}
