import Exact

/// Whether a claim holds at a point, three-valued, with the reason when it does not.
public enum Truth: Hashable, Sendable {
    case holds
    /// The comparison that fails; `undefined` when it is a domain condition (the claim's
    /// expressions are not defined at the point).
    case fails(Comparison, undefined: Bool)
    case undecided(Comparison)

    public var isHolds: Bool { self == .holds }
}

extension Comparison {
    /// Whether the comparison holds at the point: `nil` when its sign cannot be settled.
    /// A comparison with an undefined side does not hold.
    /// Past the bound `Deadline`, throws `Unable`.
    public func holds(at values: [String: Constant]) throws(Unable) -> Bool? {
        switch try difference.sign(at: values) {
        case .sign(let s, _): relation.holds(forSign: s)
        case .undefined: false
        case .undecided: nil
        }
    }
}

extension Claim {
    /// The truth given a way to decide the sign of each condition (in order: domain
    /// conditions, then comparisons), stopping at the first that fails or is undecided.
    func truth(deciding decide: (Int, Comparison) throws(Unable) -> SignDecision) throws(Unable) -> Truth {
        for (i, condition) in conditions.enumerated() {
            switch try decide(i, condition) {
            case .sign(let s, _) where condition.relation.holds(forSign: s): continue
            case .sign, .undefined: return .fails(condition, undefined: i < domain.count)
            case .undecided: return .undecided(condition)
            }
        }
        return .holds
    }

    /// The truth at a point: every domain condition, then every comparison, must hold. Past
    /// the bound `Deadline`, throws `Unable`.
    public func truth(at values: [String: Constant]) throws(Unable) -> Truth {
        for condition in domain {
            switch try condition.holds(at: values) {
            case true?: continue
            case false?: return .fails(condition, undefined: true)
            case nil: return .undecided(condition)
            }
        }
        for comparison in comparisons {
            switch try comparison.holds(at: values) {
            case true?: continue
            case false?: return .fails(comparison, undefined: false)
            case nil: return .undecided(comparison)
            }
        }
        return .holds
    }
}
