/// Greatest common divisors, square-free parts and resultants in Q[x].
///
/// The Euclidean algorithm runs on primitive integer multiples (the primitive remainder
/// sequence): scaling by nonzero constants does not change a gcd up to a unit, and keeps
/// coefficient growth in check.
extension Polynomial {
    /// The monic greatest common divisor (zero when both are zero), to completion whatever
    /// `Deadline` is bound.
    public static func gcd(_ p: Polynomial, _ q: Polynomial) -> Polynomial {
        Deadline.runningToCompletion { () throws(Unable) in try checkedGCD(p, q) }
    }

    /// p / gcd(p, p′): the same distinct roots, each simple. Keeps p's leading coefficient;
    /// constants and zero are returned unchanged. To completion whatever `Deadline` is bound.
    public var squareFreePart: Polynomial {
        Deadline.runningToCompletion { () throws(Unable) in try checkedSquareFreePart() }
    }

    /// `gcd(p, q)`; past a bound `Deadline`, throws `Unable` (checked per remainder step).
    public static func checkedGCD(_ p: Polynomial, _ q: Polynomial) throws(Unable) -> Polynomial {
        var a = p.primitive, b = q.primitive
        while !b.isZero {
            try Deadline.check(while: "computing the gcd of polynomials of degree \(a.degree) and \(b.degree)")
            (a, b) = (b, a.divided(by: b).remainder.primitive)
        }
        return a.isZero ? a : a.monic
    }

    /// `squareFreePart`; past a bound `Deadline`, throws `Unable`.
    public func checkedSquareFreePart() throws(Unable) -> Polynomial {
        guard degree > 1 else { return self }
        let g = try Polynomial.checkedGCD(self, derivative)
        return g.degree == 0 ? self : divided(by: g).quotient
    }

    /// Res(p, q) = a_m^{deg q} · Π_{p(α)=0} q(α), the Sylvester determinant; zero when p and
    /// q share a root or one is zero. Computed by the Euclidean recursion
    /// Res(p, q) = (−1)^{mn} · lc(q)^{m − deg r} · Res(q, r) with r = p mod q.
    public static func resultant(_ p: Polynomial, _ q: Polynomial) -> Rational {
        guard !p.isZero, !q.isZero else { return .zero }
        var a = p, b = q, result = Rational.one
        while true {
            let m = a.degree, n = b.degree
            if n == 0 { return result * b.leadingCoefficient.power(m) }
            if m == 0 { return result * a.leadingCoefficient.power(n) }
            let r = a.divided(by: b).remainder
            if r.isZero { return .zero }
            result *= b.leadingCoefficient.power(m - r.degree)
            if m % 2 == 1 && n % 2 == 1 { result = -result }
            (a, b) = (b, r)
        }
    }
}
