import Exact

/// The `overRegion` certificate of a two-parameter proof (`Prover.decideWithoutLimit(_:over:_:certifying:lift:)`).
extension Prover {
    /// The critical values, one rational sample per cell of the first parameter a, and each
    /// fibre's `overRange` certificate (nil for an empty fibre), in the order of `abscissae`;
    /// or why there is none. `fibres` holds the fibres decided exactly; each of `uncertified`
    /// (proved by enclosures) is decided exactly once more by `lift`, which does not throw: past
    /// the deadline it is undecided, and the proof stands uncertified (the verdict never changes).
    ///
    /// Each fibre over x is also cut at the real roots of Res_a(m, P) for every elimination
    /// polynomial P (m: x's defining polynomial; P(x, b) for a rational x): a checker that
    /// eliminates the radicals of a and x meets those roots for their conjugates, and over a cut
    /// point or an end the claim may simplify so that a kink's sign change no longer shows.
    static func overRegionCertificate(_ claim: Claim, _ region: ParameterRegion, _ decomposition: CylindricalDecomposition,
                                      _ critical: [RealAlgebraic], _ abscissae: [Constant], _ decided: [Constant: Certificate?],
                                      _ uncertifiedFibres: [(Constant, Claim, ParameterRange)],
                                      _ lift: (Claim, ParameterRange) -> ProverReport) -> Certificate {
        let a = region.outer.name
        var fibres = decided
        for (x, fibreClaim, r) in uncertifiedFibres {
            let exact = lift(fibreClaim, r)
            guard case .overRange? = exact.certificate else {
                return .notCertified("a fibre of the cylindrical decomposition has no cells to certify (over \(a) = \(x): \(exact.verdict))")
            }
            fibres[x] = exact.certificate
        }
        if let l = region.outer.lower, let u = region.outer.upper, l.value == u.value {
            return .notCertified("a region whose first parameter ranges over one point")
        }
        for x in abscissae {
            guard case let .overRange(conditions, range, cuts, _)?? = fibres[x] else { continue }
            let roots: [RealAlgebraic]
            do {
                roots = try CylindricalDecomposition.realRoots(of: decomposition.fibrePolynomials(over: x.realAlgebraic), inside: range)
            } catch {
                return .notCertified("a fibre of the cylindrical decomposition has no cells to certify (over \(a) = \(x): \(error.reason))")
            }
            let points = Set(cuts + roots).sorted()
            let ends = [range.lower?.value.realAlgebraic] + points.map { Optional($0) } + [range.upper?.value.realAlgebraic]
            fibres[x] = .overRange(conditions: conditions, range: range, cutPoints: points,
                                   samples: (0..<(ends.count - 1)).map { CellDecomposition.rational(between: ends[$0], ends[$0 + 1]) })
        }
        let offset = region.outer.lower?.closed == true ? 1 : 0
        let samples = stride(from: offset, to: abscissae.count, by: 2).prefix(critical.count + 1).compactMap { abscissae[$0].rationalValue }
        return .overRegion(conditions: claim.conditions, region: region, cutPoints: critical, samples: samples,
                           fibres: abscissae.map { fibres[$0] ?? nil })
    }
}
