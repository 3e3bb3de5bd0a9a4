import Exact

/// How the sign of a number was settled.
public enum SignEvidence: Hashable, Sendable {
    /// Exact arithmetic (rational or real algebraic).
    case exact
    /// A rigorous enclosure excluding 0 at this many bits.
    case enclosure(bits: Int)
    /// 0 by the intermediate value theorem: the function is continuous at the point and has
    /// opposite signs on the two adjacent cells of a decomposition, with no zero inside them.
    case signChange
}

/// The sign of an expression at a point, three-valued.
public enum SignDecision: Hashable, Sendable {
    case sign(Int, SignEvidence)
    /// The expression is not defined at the point, or no value can be formed.
    case undefined
    /// Neither exact arithmetic nor enclosures up to the precision limit settle it (for example
    /// a transcendental expression whose value is 0).
    case undecided
}

extension Expr {
    /// The largest working precision `sign(at:)` tries for enclosures.
    public static let maximumEnclosureBits = 4096

    /// The sign at a point where parameters take exact values.
    ///
    /// Method (Arb/Calcium style): enclosures at a low precision first (cheap, and enough
    /// whenever the value is not close to 0); then exact folding when the value is algebraic
    /// (which also recognises 0); then enclosures at doubling precision up to
    /// `maximumEnclosureBits`. Sound: a sign is returned only when proved. Past the bound
    /// `Deadline`, throws `Unable` (between precisions).
    ///
    /// Without `exactArithmetic` only enclosures (up to `maximumBits`) are tried: exact
    /// arithmetic with algebraic numbers of high degree can be slow.
    public func sign(at values: [String: Constant] = [:], exactArithmetic: Bool = true,
                     maximumBits: Int = Expr.maximumEnclosureBits) throws(Unable) -> SignDecision {
        if let c = constantValue { return .sign(c.signum, .exact) }
        if let s = signOfConstantPowers { return .sign(s, .exact) }
        if let s = enclosureSign(at: values, bits: 64) { return .sign(s, .enclosure(bits: 64)) }
        guard exactArithmetic else {
            var bits = 128
            while bits <= maximumBits {
                try Deadline.check(while: "enclosing \(self) at \(bits) bits")
                if let s = enclosureSign(at: values, bits: bits) { return .sign(s, .enclosure(bits: bits)) }
                bits *= 2
            }
            return .undecided
        }
        switch try exactValue(at: values) {
        case .exact(let c): return .sign(c.signum, .exact)
        case .notConstant: return .undefined
        case .transcendental(let folded):
            var bits = 128
            while bits <= Expr.maximumEnclosureBits {
                try Deadline.check(while: "enclosing \(folded) at \(bits) bits")
                if let s = folded.enclosureSign(at: [:], bits: bits) { return .sign(s, .enclosure(bits: bits)) }
                bits *= 2
            }
            return .undecided
        }
    }

    /// The sign of a product a·Π bᵢ^(pᵢ/qᵢ) of powers of nonzero constants too large to fold
    /// (10^100000), exactly: a positive base gives a positive power; a negative one (qᵢ odd,
    /// else the power is undefined and this is `nil`) the sign (−1)^pᵢ. `nil` for other forms.
    var signOfConstantPowers: Int? {
        guard case .product(let a, let factors) = self else { return nil }
        var sign = a.signum
        for (base, exponent) in factors {
            guard let b = base.constantValue, let r = exponent.rationalValue, !b.isZero else { return nil }
            if b.signum < 0 {
                guard r.denominator.isOdd else { return nil }
                if r.numerator.isOdd { sign = -sign }
            }
        }
        return sign
    }

    /// The sign when an enclosure at this precision settles it.
    func enclosureSign(at values: [String: Constant], bits: Int) -> Int? {
        let intervals = values.mapValues { $0.enclosure(bits: bits) }
        guard let enclosure = enclosure(at: intervals, bits: bits), let s = enclosure.signum else { return nil }
        return s
    }
}
