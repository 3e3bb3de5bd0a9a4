/// Integer powers and real k-th roots of real algebraic numbers.
///
/// αⁿ is the root of a polynomial whose roots are the n-th powers of the roots of α's
/// polynomial (`raisingRoots`), selected inside the interval power of α's interval.
/// α^(1/k) is the root of p(xᵏ) inside the k-th root of α's interval, its ends rounded
/// outward to dyadic rationals. A rational q^(1/k) is rational exactly when numerator and
/// denominator are k-th powers; otherwise q is reduced to the largest perfect power first,
/// so the defining polynomial x^m − r is irreducible (Capelli), hence minimal.
extension RealAlgebraic {
    /// selfⁿ for any integer n, to completion whatever `Deadline` is bound.
    /// Precondition: self ≠ 0 when n < 0.
    public func power(_ n: Int) -> RealAlgebraic {
        Deadline.runningToCompletion { () throws(Unable) in try checkedPower(n) }
    }

    /// The real k-th root (k ≥ 1: the nonnegative one for even k), to completion whatever
    /// `Deadline` is bound. Precondition: self ≥ 0 or k odd.
    public func root(_ k: Int) -> RealAlgebraic {
        Deadline.runningToCompletion { () throws(Unable) in try checkedRoot(k) }
    }

    /// selfⁿ for any integer n; past a bound `Deadline`, throws `Unable`.
    /// Precondition: self ≠ 0 when n < 0.
    public func checkedPower(_ n: Int) throws(Unable) -> RealAlgebraic {
        if n < 0 { return try reciprocal.checkedPower(-n) }
        switch storage {
        case .rational(let q): return RealAlgebraic(q.power(n))
        case .radical(let r): return RealAlgebraic(radical: r.power(n))
        case .irrational(let p, var r):
            if n <= 1 { return n == 0 ? 1 : self }
            return try RealAlgebraic.root(of: .power(p, n)) { bits in
                r.refine(bits: bits)
                return r.interval.power(n)
            }
        }
    }

    /// The real k-th root (k ≥ 1: the nonnegative one for even k); past a bound `Deadline`,
    /// throws `Unable`. Precondition: self ≥ 0 or k odd.
    public func checkedRoot(_ k: Int) throws(Unable) -> RealAlgebraic {
        precondition(k >= 1, "root index must be positive")
        if k > Self.largestRootIndex {   // a defining polynomial of degree ≥ k: past the size limit
            BigInt.sizeLimitExceeded("a root of index \(k) (more than \(Self.largestRootIndex)) as an exact algebraic number")
        }
        precondition(k % 2 == 1 || signum >= 0, "even root of a negative number")
        switch storage {
        case .rational(let q): return RealAlgebraic.root(k, of: q)
        case .radical(let r):
            if let root = r.root(k) { return RealAlgebraic(radical: root) }
            return try polynomialForm.checkedRoot(k)
        case .irrational(let p, var r):
            if k == 1 { return self }
            return try RealAlgebraic.root(of: .root(p, k)) { bits in
                r.refine(bits: bits)
                let lower = k % 2 == 0 ? Rational.max(r.lower, .zero) : r.lower
                return Interval(lower: lower.rootBound(k, bits: bits, roundingUp: false),
                                upper: r.upper.rootBound(k, bits: bits, roundingUp: true))
            }
        }
    }

    /// The largest index `root` takes: the k-th root has a defining polynomial of degree up to
    /// k·deg p, and past this index the size limit applies (the process ends with status 5,
    /// see `BigInt+Limits.swift`; in a `check` worker the claim is undecided, "limit: size").
    public static let largestRootIndex = 4096

    /// q^(1/k) for a rational q (q ≥ 0 or k odd): a radical number when q factors
    /// (`RadicalSum.root(_:of:)`), else `polynomialRoot`.
    static func root(_ k: Int, of q: Rational) -> RealAlgebraic {
        if let r = RadicalSum.root(k, of: q) { return RealAlgebraic(radical: RadicalFraction(r)) }
        return polynomialRoot(k, of: q)
    }

    /// q^(1/k) for a rational q (q ≥ 0 or k odd) as a root of x^m·den − num.
    static func polynomialRoot(_ k: Int, of q: Rational) -> RealAlgebraic {
        // The largest d | k with q a perfect d-th power: q^(1/k) = (q^(1/d))^(1/(k/d)).
        let d = (1...k).reversed().first { k % $0 == 0 && q.exactRoot($0) != nil }!
        let r = q.exactRoot(d)!, m = k / d
        if m == 1 { return RealAlgebraic(r) }
        // |r|^(1/m) = (|num|·den^(m−1))^(1/m) / den, strictly between s/den and (s+1)/den.
        let den = r.denominator
        let s = Rational((r.numerator.magnitude * den.power(m - 1)).root(m).root)
        let positive = Interval(lower: s / Rational(den), upper: (s + 1) / Rational(den))
        let interval = r.signum > 0 ? positive : -positive
        let p = Polynomial(coefficients: [Rational(-r.numerator)]
            + Array(repeating: .zero, count: m - 1) + [Rational(den)])
        return RealAlgebraic(irrationalRootOf: p, in: interval)
    }
}

extension Rational {
    /// The rational r with rᵏ = self (k ≥ 1; the nonnegative one for even k), if any.
    func exactRoot(_ k: Int) -> Rational? {
        if signum < 0 {
            guard k % 2 == 1, let r = (-self).exactRoot(k) else { return nil }
            return -r
        }
        let n = numerator.root(k), d = denominator.root(k)
        return n.exact && d.exact ? Rational(n.root, d.root) : nil
    }

    /// A dyadic bound on self^(1/k) with `bits` fractional bits: below it (`roundingUp`
    /// false) or above it. For negative self (k odd) the bound of −|self|^(1/k).
    func rootBound(_ k: Int, bits: Int, roundingUp: Bool) -> Rational {
        if signum < 0 { return -(-self).rootBound(k, bits: bits, roundingUp: !roundingUp) }
        let scaled = timesPowerOfTwo(k * bits)
        let (r, exact) = (roundingUp ? scaled.ceiling : scaled.floor).root(k)
        return Rational(roundingUp && !exact ? r + 1 : r).timesPowerOfTwo(-bits)
    }
}
