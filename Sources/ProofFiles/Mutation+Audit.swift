import Exact
import Symbolic

extension Mutation {
    static func describe(_ claim: ClaimSyntax) -> String {
        switch claim.assertion {
        case .chain(let terms, let relations):
            var text = "\(terms[0].parenthesized)"
            for (r, t) in zip(relations, terms.dropFirst()) { text += " \(r.rawValue) \(t.parenthesized)" }
            if case let .forAllIntegers(name, bound, _) = claim.quantifier {
                text += " for all \(name) \(bound.isStrict ? ">" : ">=") \(bound.value.parenthesized)"
            }
            return text
        default:
            return claim.text
        }
    }

    /// An exact point where a claim the checker proved is false, or nil: the claim is
    /// evaluated exactly (substitution and constant folding, not the prover's cell
    /// decomposition) at 50 rational points spread over its range and near its ends. Past a
    /// bound `Deadline`, throws `Unable`.
    public static func audit(_ claim: ElaboratedClaim, in document: Document) throws(Unable) -> String? {
        guard let c = auditableClaim(claim, in: document) else { return nil }
        switch claim.quantifier {
        case .none:
            if case .fails = try c.truth(at: [:]) { return "the claim itself" }
            return nil
        case .forAll(let range):
            for q in samples(in: range) {
                if case .fails = try c.truth(at: [range.name: Constant(q)]) { return "\(range.name) = \(q)" }
            }
            return nil
        case .forSmall(let name):
            let tiny = (1 ... 4).map { Rational(1).timesPowerOfTwo(-40 * $0) }
            for q in tiny {
                guard case .fails = try c.truth(at: [name: Constant(q)]) else { return nil }
            }
            return "\(name) = 2^-40, …, 2^-160"
        case let .forSmallEach(name, range, _):
            // Some a at which the claim fails at every tiny ε (so for no ε₀(a)).
            let tiny = (1 ... 4).map { Rational(1).timesPowerOfTwo(-40 * $0) }
            for a in samples(in: range).enumerated().filter({ $0.offset % 4 == 0 }).map(\.element) {
                var fails = true
                for q in tiny where fails {
                    if case .fails = try c.truth(at: [range.name: Constant(a), name: Constant(q)]) { continue }
                    fails = false
                }
                if fails { return "\(range.name) = \(a), \(name) = 2^-40, …, 2^-160" }
            }
            return nil
        case .forAllRegion(let region):
            // A grid: samples of the first parameter, and of the second over each.
            for a in samples(in: region.outer).enumerated().filter({ $0.offset % 4 == 0 }).map(\.element) {
                guard case .range(let fibre)? = try region.fibreRange(at: Constant(a)) else { continue }
                for b in samples(in: fibre).enumerated().filter({ $0.offset % 4 == 0 }).map(\.element) {
                    let point = [region.outer.name: Constant(a), fibre.name: Constant(b)]
                    if case .fails = try c.truth(at: point) { return Assignment(point).description }
                }
            }
            return nil
        case .forIntegers(let range):
            // The least integer of the range: ⌈b⌉ when closed at b, ⌊b⌋ + 1 when open.
            let start = range.lower.map { $0.closed ? $0.value.ceiling : $0.value.floor + BigInt.one } ?? BigInt(0)
            for k in 0 ..< 20 {
                let m = Rational(start + BigInt(k))
                guard range.contains(RealAlgebraic(m)) else { break }
                if case .fails = try c.truth(at: [range.name: Constant(m)]) { return "\(range.name) = \(m)" }
            }
            return nil
        }
    }

    /// The claim in the parameters that a proved verdict asserts, when there is one: the
    /// comparisons themselves; the constraints of problem (2) for feasibility; for a witness
    /// family, its feasibility and ‖θ'(ε)‖² < ‖θ̃‖² (the limit ε → 0 is checked at ε = 0 by the
    /// checker itself). Nil for KKT and optimality claims, which have no such form.
    static func auditableClaim(_ claim: ElaboratedClaim, in document: Document) -> Claim? {
        switch claim.kind {
        case .comparisons(let comparisons):
            return comparisons
        case .feasible(let p):
            return Checker(document).feasibilityClaim(p)
        case let .notLocalOptimum(p, witness?):
            let feasible = Checker(document).feasibilityClaim(witness)
            let shorter = Comparison(Checker.squaredNorm(witness.theta), .less, Checker.squaredNorm(p.theta))
            return Claim(feasible.comparisons + [shorter], domain: feasible.domain)
        default:
            return nil
        }
    }

    /// Rational points of the range, spread evenly and crowding both ends, and its closed
    /// rational ends.
    static func samples(in range: ParameterRange) -> [Rational] {
        let lo = range.lower.map { $0.value.enclosure(bits: 64).upper } ?? (range.upper.map { $0.value.enclosure(bits: 64).lower - 10 } ?? -10)
        let hi = range.upper.map { $0.value.enclosure(bits: 64).lower } ?? lo + 20
        guard lo < hi else { return [] }
        let width = hi - lo
        var points = (1 ..< 40).map { lo + width * Rational($0, 40) }
        for j in 2 ... 6 {
            let step = width / Rational(BigInt(10).power(j))
            points += [lo + step, hi - step]
        }
        for end in [range.lower, range.upper] {
            if let end, end.closed, let q = end.value.rationalValue { points.append(q) }
        }
        return points.filter { range.contains(RealAlgebraic($0)) }
    }
}
