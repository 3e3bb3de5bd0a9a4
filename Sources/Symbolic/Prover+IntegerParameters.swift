import Exact

/// An integer parameter with bounds that may involve the parameters declared before it:
/// `k >= 2`, then `k' > k` (that is, k′ ≥ k + 1).
public struct IntegerParameter: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    /// name ≥ lowerBound.
    public let lowerBound: Expr
    /// name ≤ upperBound, if bounded above.
    public let upperBound: Expr?

    public init(_ name: String, lowerBound: Expr, upperBound: Expr? = nil) {
        self.name = name
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    public var description: String {
        "\(name) >= \(lowerBound)" + (upperBound.map { " and \(name) <= \($0)" } ?? "")
    }

    /// Reads `m >= 3`, `k' > k`, `2 <= k and k <= 10`: the parameter is the first name in the
    /// text that is not in `known` (earlier parameters, which the bounds may use). Strict
    /// bounds become non-strict ones shifted by 1, as the values are integers. A lower bound
    /// is required.
    public static func parse(_ text: String, known: [String] = []) throws(ParseError) -> IntegerParameter {
        let names = identifiers(in: text)
        guard let name = names.first(where: { !known.contains($0) }) else {
            throw ParseError(column: 1, message: "expected bounds on a new integer parameter, such as 'm >= 3'")
        }
        let claim = try Parser.claim(text, parameters: Set(known + [name]))
        var lower: Expr?, upper: Expr?
        for c in claim.comparisons {
            let (bound, relation): (Expr, Relation)
            if c.lhs == .parameter(name), !c.rhs.parameters.contains(name) {
                (bound, relation) = (c.rhs, c.relation)
            } else if c.rhs == .parameter(name), !c.lhs.parameters.contains(name) {
                (bound, relation) = (c.lhs, c.relation.mirrored)
            } else {
                throw ParseError(column: 1, message: "each bound must compare \(name) with an expression in earlier parameters")
            }
            switch relation {
            case .greaterOrEqual: lower = bound
            case .greater: lower = bound + .one
            case .lessOrEqual: upper = bound
            case .less: upper = bound - .one
            case .equal: (lower, upper) = (bound, bound)
            case .notEqual: throw ParseError(column: 1, message: "'!=' is not a bound")
            }
        }
        guard let lower else { throw ParseError(column: 1, message: "\(name) needs a lower bound, such as '\(name) >= 1'") }
        return IntegerParameter(name, lowerBound: lower, upperBound: upper)
    }

    private static func identifiers(in text: String) -> [String] {
        var result: [String] = [], current = ""
        for ch in text + " " {
            if ch.isLetter || ch == "_" || (!current.isEmpty && (ch.isNumber || ch == "'")) {
                current.append(ch)
            } else if !current.isEmpty {
                if current != "and" { result.append(current) }
                current = ""
            }
        }
        return result
    }
}

extension Prover {
    /// Decides `claim` for all integer values of several parameters.
    ///
    /// One parameter with constant bounds: the exact cell decomposition
    /// (`decideForIntegers(_:over:)`). Several: substitute each parameter as its lower bound
    /// plus a new variable tᵢ ≥ 0; a condition whose difference becomes a rational function
    /// P/Q of the tᵢ holds everywhere when the coefficient signs of P and Q settle its sign
    /// on the whole orthant tᵢ ≥ 0 (a polynomial with nonnegative coefficients and a positive
    /// constant term is positive there); kinks take the branch their arguments' signs settle
    /// the same way. Upper bounds only shrink the set, so they are not needed to prove. When
    /// this does not prove the claim, small values tᵢ ≤ 5 are searched for an exact witness.
    public static func decideForIntegers(_ claim: Claim, parameters: [IntegerParameter]) -> ProverReport {
        ResourceLimit.limiting { decideForIntegersWithoutLimit(claim.withSymbolicPowerContentDividedOut, parameters: parameters) }
    }

    private static func decideForIntegersWithoutLimit(_ claim: Claim, parameters: [IntegerParameter]) -> ProverReport {
        if parameters.count == 1, let lower = parameters[0].lowerBound.constantValue {
            let p = parameters[0]
            let upper = p.upperBound?.constantValue
            if p.upperBound == nil || upper != nil {
                if let upper, (upper - lower).signum < 0 {
                    return ProverReport(verdict: .proved("the range of \(p.name) is empty"))
                }
                let range = ParameterRange(p.name, lower: .init(lower, closed: true), upper: upper.map { .init($0, closed: true) })
                return decideForIntegers(claim, over: range)
            }
        }
        if let other = claim.parameters.subtracting(parameters.map(\.name)).sorted().first {
            return ProverReport(verdict: .undecided("the claim has a parameter that is not an integer parameter, \(other)"))
        }
        let shifts = parameters.indices.map { "t\($0)_" }
        var values: [String: Expr] = [:]
        for (p, t) in zip(parameters, shifts) {
            values[p.name] = p.lowerBound.substituting(values) + .parameter(t)
        }
        if let reason = orthantProofFailure(claim, values: values, shifts: shifts) {
            if let witness = smallIntegerWitness(claim, parameters) {
                return ProverReport(verdict: .refuted(witness: Assignment(witness), failingSet: [],
                                                      reason: claim.truth(at: witness).text))
            }
            return ProverReport(verdict: .undecided(reason))
        }
        return ProverReport(verdict: .proved("exact: with each parameter written as its lower bound plus t ≥ 0, "
            + "the coefficient signs of every numerator and denominator settle every condition"))
    }

    /// Why the orthant argument does not prove the claim, or nil when it does.
    private static func orthantProofFailure(_ claim: Claim, values: [String: Expr], shifts: [String]) -> String? {
        var branches: [Expr: Int] = [:]
        for condition in claim.conditions {
            var failure: String?
            condition.difference.substituting(values).visit { node in
                guard failure == nil, let kink = node.kinkArgument, branches[kink] == nil else { return }
                guard let signs = orthantSigns(kink, shifts, branches), !(signs.contains(1) && signs.contains(-1)) else {
                    failure = "the sign of \(kink) is not settled by coefficient signs"
                    return
                }
                branches[kink] = signs.contains(1) ? 1 : signs.contains(-1) ? -1 : 0
            }
            if let failure { return failure }
            let difference = condition.difference.substituting(values)
            guard let signs = orthantSigns(difference, shifts, branches),
                  signs.allSatisfy({ condition.relation.holds(forSign: $0) }) else {
                return "coefficient signs do not settle \(condition)"
            }
        }
        return nil
    }

    /// The signs e can take on the orthant tᵢ ≥ 0 when it is a rational function there whose
    /// numerator and denominator have coefficients of one sign each; nil otherwise.
    private static func orthantSigns(_ e: Expr, _ shifts: [String], _ branches: [Expr: Int]) -> Set<Int>? {
        var elimination = RadicalElimination(parameters: shifts, branches: branches)
        guard let (p, q) = elimination.fraction(e), elimination.relations.isEmpty,
              let sp = polynomialSigns(p), let sq = polynomialSigns(q) else { return nil }
        return Set(sp.flatMap { a in sq.filter { $0 != 0 }.map { a * $0 } })
    }

    /// {0} for 0; {s} when every coefficient has sign s or 0 and the constant term is nonzero;
    /// {0, s} when the constant term is 0; nil for mixed signs.
    private static func polynomialSigns(_ p: MultivariatePolynomial) -> Set<Int>? {
        if p.isZero { return [0] }
        let signs = Set(p.terms.values.map(\.signum))
        guard signs.count == 1, let s = signs.first else { return nil }
        return p.terms[[]] == nil ? [0, s] : [s]
    }

    /// The first failing point of the grid where each parameter runs over its lower bound plus
    /// 0…5 (within its upper bound).
    static func smallIntegerWitness(_ claim: Claim, _ parameters: [IntegerParameter]) -> [String: Constant]? {
        func search(_ i: Int, _ point: [String: Constant]) -> [String: Constant]? {
            if ResourceLimit.isExceeded { return nil }
            if i == parameters.count {
                if case .fails = claim.truth(at: point) { return point }
                return nil
            }
            let p = parameters[i]
            guard case .exact(let lower) = p.lowerBound.exactValue(at: point), let l = lower.rationalValue else { return nil }
            let start = Rational(l.ceiling)
            for k in 0...5 {
                let value = Constant(start + Rational(k))
                if let u = p.upperBound, case .exact(let upper) = u.exactValue(at: point), (upper - value).signum < 0 { break }
                var next = point
                next[p.name] = value
                if let found = search(i + 1, next) { return found }
            }
            return nil
        }
        return search(0, [:])
    }
}
