import Exact

extension Expr {
    /// The Puiseux series at `name` → 0⁺, with about `terms` terms per composed series; nil
    /// when the method does not apply (another parameter, a symbolic exponent, exp of a
    /// nonzero constant, log of something not 1 + o(1), a kink argument whose leading term is
    /// unknown, an undefined power). Past the bound `Deadline`, throws `Unable` (series
    /// coefficients can grow huge).
    public func series(at name: String, terms count: Int) throws(Unable) -> PuiseuxSeries? {
        try Deadline.check(while: "expanding \(self) in a series at \(name) = 0")
        switch self {
        case .constant(let c): return PuiseuxSeries(constant: c)
        case .parameter(let p): return p == name ? .variable : nil
        case .sum(let c, let summands):
            var total = PuiseuxSeries(constant: c)
            for (term, a) in Expr.inPrintedOrder(summands) {
                guard let s = try term.series(at: name, terms: count) else { return nil }
                total = total + s.scaled(by: a)
            }
            return total
        case .product(let a, let factors):
            var total = PuiseuxSeries(constant: a)
            for (base, exponent) in Expr.inPrintedOrder(factors) {
                guard let r = exponent.rationalValue, let b = try base.series(at: name, terms: count),
                      let p = try b.power(r, terms: count) else { return nil }
                total = total * p
            }
            return total
        case .apply(.exp, let args):
            return try args[0].series(at: name, terms: count)?.exponential(terms: count)
        case .apply(.log, let args):
            return try args[0].series(at: name, terms: count)?.logarithm(terms: count)
        case .apply:
            guard let kink = kinkArgument, let k = try kink.series(at: name, terms: count) else { return nil }
            let s = k.isExactlyZero ? 0 : (k.leadingTerm?.coefficient.signum ?? 2)
            guard s != 2 else { return nil }
            return try branch(forSign: s).series(at: name, terms: count)
        }
    }
}

extension Prover {
    /// For small ε with exp or log: each condition is decided by the sign of the leading term
    /// of its difference's Puiseux series at 0⁺ (more terms are tried up to 32); a condition
    /// without one (exp(g) with g → ±∞ at 0⁺) may be proved on some (0, δ] by
    /// `ExponentialEndBound`.
    static func decideForSmallBySeries(_ claim: Claim, parameter: String) throws(Unable) -> ProverReport {
        var explanation: [String] = []
        var failing: Comparison?
        var boundedNearZero = false
        for condition in claim.conditions {
            var sign: Int?
            var count = 4
            while sign == nil && count <= 32 {
                guard let s = try condition.difference.series(at: parameter, terms: count) else { break }
                if s.isExactlyZero {
                    sign = 0
                    explanation.append("\(condition): lhs − rhs is exactly 0 near 0")
                } else if let (e, c) = s.leadingTerm {
                    sign = c.signum
                    explanation.append("\(condition): lhs − rhs = \(c)·\(parameter)^(\(e)) + …")
                }
                count *= 2
            }
            if sign == nil, let bound = try ExponentialEndBound(of: condition, parameter, at: .zero, isLower: true, width: .one) {
                explanation.append(bound.text)
                boundedNearZero = true
                continue
            }
            if sign == nil, let bound = try ExponentialEndBound(of: Comparison(condition.lhs, condition.relation.negation, condition.rhs),
                                                            parameter, at: .zero, isLower: true, width: .one) {
                explanation.append(bound.text)
                if failing == nil { failing = condition }
                continue
            }
            guard let sign else {
                return ProverReport(verdict: .undecided("no leading term of the series of \(condition.difference) at \(parameter) = 0"),
                                    explanation: { [explanation] in explanation })
            }
            if !condition.relation.holds(forSign: sign), failing == nil { failing = condition }
        }
        if let failing {
            // The leading term shows failure on some (0, δ); look for an exact witness 2^(−k).
            for k in stride(from: 4, through: 64, by: 4) {
                let x = Constant(Rational.one.timesPowerOfTwo(-k))
                let truth = try claim.truth(at: [parameter: x])
                if case .fails = truth {
                    return ProverReport(verdict: .refuted(witness: [parameter: x], failingSet: [], reason: truth.text), explanation: { [explanation] in explanation })
                }
            }
            return ProverReport(verdict: .undecided("\(failing) fails for all small \(parameter) > 0 by its leading term, "
                + "but no witness 2^(-k), k ≤ 64, was confirmed"), explanation: { [explanation] in explanation })
        }
        let how = boundedNearZero ? "; exp(g) with g → ±∞ bounded by truncated Taylor polynomials near 0" : ""
        return ProverReport(verdict: .proved("leading terms of the series at \(parameter) = 0 have the required signs" + how),
                            explanation: { [explanation] in explanation })
    }
}
