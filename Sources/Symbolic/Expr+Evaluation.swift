import Exact

/// The exact value of an expression at given parameter values.
public enum ExactValue: Hashable, Sendable {
    /// The exact (rational or real algebraic) value.
    case exact(Constant)
    /// The value is not computed exactly: it involves exp or log, or a constant power too
    /// large to fold (2^(1/1000)); use `enclosure(at:bits:)` on the folded expression.
    case transcendental(Expr)
    /// A parameter has no value, or an operation is undefined (an even root of a negative
    /// number, division by zero); the residual expression says which.
    case notConstant(Expr)
}

extension Expr {
    /// The exact value with the given parameter values: computed bottom-up with the exact
    /// operations that throw past a bound `Deadline` (`algebraicValue(at:)`) when the
    /// expression is algebraic there; else by substitution and constant folding (which leaves
    /// exp and log, undefined powers and powers too large to fold). Past a bound `Deadline`,
    /// throws `Unable`.
    public func exactValue(at values: [String: Constant] = [:]) throws(Unable) -> ExactValue {
        if let c = try algebraicValue(at: values) { return .exact(c) }
        let folded = substituting(values)
        if let c = folded.constantValue { return .exact(c) }
        if folded.parameters.isEmpty && !folded.hasUndefinedPower { return .transcendental(folded) }
        return .notConstant(folded)
    }

    /// The value as an exact constant, computed bottom-up with `Constant.sum`, `product` and
    /// `checkedPower` (which throw `Unable` past a bound `Deadline`). `nil` when a node has no
    /// value this way: a parameter without a value, exp or log (but exp 0 = 1, log 1 = 0), an
    /// undefined power, or one the canonical form leaves symbolic (`foldsPower`). Where it
    /// answers, the answer is the value substitution and folding give.
    func algebraicValue(at values: [String: Constant]) throws(Unable) -> Constant? {
        switch self {
        case .constant(let c):
            return c
        case .parameter(let name):
            return values[name]
        case .sum(let c, let terms):
            var total = c
            for (term, a) in terms {
                guard let t = try term.algebraicValue(at: values) else { return nil }
                total = try Constant.sum(total, try Constant.product(a, t))
            }
            return total
        case .product(let a, let factors):
            var total = a
            for (base, exponent) in factors {
                guard let b = try base.algebraicValue(at: values), let r = try exponent.algebraicValue(at: values)?.rationalValue
                else { return nil }
                if b.isZero && r.signum > 0 { return .zero }
                guard Expr.foldsPower(of: b, to: r), let p = try b.checkedPower(r) else { return nil }
                total = try Constant.product(total, p)
            }
            return total
        case .apply(let f, let args):
            var x: [Constant] = []
            for arg in args {
                guard let value = try arg.algebraicValue(at: values) else { return nil }
                x.append(value)
            }
            switch f {
            case .relu: return x[0].signum >= 0 ? x[0] : .zero
            case .leakyRelu(let slope): return x[0].signum >= 0 ? x[0] : try Constant.product(Constant(slope), x[0])
            case .abs: return x[0].signum < 0 ? -x[0] : x[0]
            case .max, .min:
                let first = try Constant.sum(x[0], -x[1]).signum >= 0
                return first == (f == .max) ? x[0] : x[1]
            case .exp: return x[0].isZero ? .one : nil
            case .log: return x[0].isOne ? .zero : nil
            }
        }
    }

    /// Whether an unevaluated constant power is undefined: an even root of a negative number
    /// or a negative power of 0. (Other unevaluated constant powers are merely too large.)
    private var hasUndefinedPower: Bool {
        var undefined = false
        visit { node in
            guard case .product(_, let factors) = node else { return }
            for (base, exponent) in factors {
                guard let c = base.constantValue, let r = exponent.rationalValue else { continue }
                if (c.signum < 0 && !r.denominator.isOdd) || (c.isZero && r.signum < 0) { undefined = true }
            }
        }
        return undefined
    }

    /// A rigorous enclosure: an interval containing the value at every parameter point of the
    /// given intervals where the expression is defined. `nil` when no enclosure is found at this
    /// precision (a divisor or a logarithm's argument not bounded away from 0, a parameter
    /// without a value). Even roots see only the nonnegative part of their argument's
    /// enclosure, which is sound wherever the expression is defined; definedness itself is a
    /// separate question (`Claim.domain`).
    ///
    /// `bits` sets the working precision of roots, exp, log and algebraic constants.
    public func enclosure(at values: [String: Interval], bits: Int) -> Interval? {
        switch self {
        case .constant(let c):
            return c.enclosure(bits: bits)
        case .parameter(let name):
            return values[name]
        case .sum(let c, let terms):
            var total = c.enclosure(bits: bits)
            for (term, a) in terms {
                guard let t = term.enclosure(at: values, bits: bits) else { return nil }
                total = total + a.enclosure(bits: bits) * t
            }
            return total.roundedOutward(bits: bits + 16)
        case .product(let a, let factors):
            var total = a.enclosure(bits: bits)
            for (base, exponent) in factors {
                guard let b = base.enclosure(at: values, bits: bits),
                      let e = exponent.enclosure(at: values, bits: bits),
                      let p = Expr.power(b, e, bits: bits) else { return nil }
                total = total * p
            }
            return total.roundedOutward(bits: bits + 16)
        case .apply(let f, let args):
            var enclosures: [Interval] = []
            for arg in args {
                guard let x = arg.enclosure(at: values, bits: bits) else { return nil }
                enclosures.append(x)
            }
            return Expr.apply(f, enclosures, bits: bits)
        }
    }

    /// An enclosure of b^e: the real power for a point rational exponent, exp(e·log b) else.
    private static func power(_ b: Interval, _ e: Interval, bits: Int) -> Interval? {
        guard e.isPoint else {
            guard b.lower.signum > 0 else { return nil }
            return exponential(e * b.log(bits: bits), bits: bits)
        }
        let r = e.lower
        guard let p = r.numerator.intValue, let q = r.denominator.intValue,
              p.magnitude <= Expr.largestFoldedExponent * 16 else { return nil }
        var x = b
        if q % 2 == 0 {
            guard x.upper.signum >= 0 else { return nil }
            x = Interval(lower: Rational.max(x.lower, .zero), upper: x.upper)
        }
        var powered = x.power(Swift.abs(p))
        if p < 0 {
            guard let inverse = powered.reciprocal else { return nil }
            powered = inverse
        }
        return powered.root(q, bits: bits)
    }

    /// exp over an interval; nil beyond `Interval.maximumExpArgument` (ends of astronomical size).
    private static func exponential(_ x: Interval, bits: Int) -> Interval? {
        guard Rational.max(x.lower.magnitude, x.upper.magnitude) <= Interval.maximumExpArgument else { return nil }
        return x.exp(bits: bits)
    }

    private static func apply(_ f: Function, _ x: [Interval], bits: Int) -> Interval? {
        func clampedBelow(_ i: Interval, _ slope: Rational) -> Interval {
            // x ↦ x for x ≥ 0, slope·x else, is monotone for slope ≥ 0.
            let lo = i.lower.signum >= 0 ? i.lower : slope * i.lower
            let hi = i.upper.signum >= 0 ? i.upper : slope * i.upper
            return Interval(lower: Rational.min(lo, hi), upper: Rational.max(lo, hi))
        }
        switch f {
        case .relu: return clampedBelow(x[0], .zero)
        case .leakyRelu(let slope):
            if slope.signum >= 0 { return clampedBelow(x[0], slope) }
            return clampedBelow(x[0], .zero).hull(Interval(slope) * x[0])
        case .abs:
            let m = Rational.max(x[0].lower.magnitude, x[0].upper.magnitude)
            let low = x[0].signum == nil ? Rational.zero : Rational.min(x[0].lower.magnitude, x[0].upper.magnitude)
            return Interval(lower: low, upper: m)
        case .max:
            return Interval(lower: Rational.max(x[0].lower, x[1].lower), upper: Rational.max(x[0].upper, x[1].upper))
        case .min:
            return Interval(lower: Rational.min(x[0].lower, x[1].lower), upper: Rational.min(x[0].upper, x[1].upper))
        case .exp:
            return exponential(x[0], bits: bits)
        case .log:
            guard x[0].lower.signum > 0 else { return nil }
            return x[0].log(bits: bits)
        }
    }
}
