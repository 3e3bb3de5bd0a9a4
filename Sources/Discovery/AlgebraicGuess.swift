import Exact
import Foundation

/// A guess of the exact value of a number known to about 14 digits: a rational, c·r^(1/k)
/// (a rational times a real root of a rational), or a root of a quadratic. Written in
/// proof-file syntax, so the guess is then verified by exact evaluation of what is built from
/// it; recognition itself proves nothing.
public enum AlgebraicGuess: Hashable, Sendable, CustomStringConvertible {
    case rational(Rational)
    /// coefficient · radicand^(1/index), radicand > 0 and not a perfect index-th power.
    case root(coefficient: Rational, radicand: Rational, index: Int)
    /// (−b + sign·√(b² − 4ac)) / (2a), a root of a·x² + b·x + c with a > 0.
    case quadratic(a: BigInt, b: BigInt, c: BigInt, sign: Int)

    /// The expression in proof-file syntax.
    public var description: String {
        switch self {
        case .rational(let q): return q.description
        case let .root(c, r, k):
            let radical = k == 2 ? "sqrt(\(r))" : "root(\(r), \(k))"
            if c == Rational.one { return radical }
            if c == -Rational.one { return "-" + radical }
            return "\(c.isInteger ? c.description : "(\(c))")*\(radical)"
        case let .quadratic(a, b, c, sign):
            let discriminant = b * b - BigInt(4) * a * c
            return "(\(-b) \(sign < 0 ? "-" : "+") sqrt(\(discriminant)))/\(BigInt(2) * a)"
        }
    }

    /// The value in double precision.
    public var approximation: Double {
        switch self {
        case .rational(let q): return Double(q)
        case let .root(c, r, k): return Double(c) * pow(Double(r), 1 / Double(k))
        case let .quadratic(a, b, c, sign):
            let d = Double(Rational(b * b - BigInt(4) * a * c)).squareRoot()
            let (aa, bb) = (Double(Rational(a)), Double(Rational(b)))
            return (-bb + Double(sign) * d) / (2 * aa)
        }
    }

    /// The simplest guess within `tolerance` (relative, at least absolute for |x| < 1): a
    /// rational with denominator ≤ 10⁴; ±r^(1/k) for k = 2, 3, 4, 6, 8 with xᵏ a rational of
    /// denominator ≤ 10³ (≤ 10⁵ when it fits to 10⁻¹⁵); a quadratic irrational with coefficients ≤ 10³ (an integer relation
    /// among 1, x, x²). nil when none fits. The bounds keep chance matches rare at 12 digits:
    /// about 3·10⁷ rationals of denominator ≤ 10⁴ lie in a unit interval, so a random x is
    /// within 10⁻¹² of one with probability below 10⁻⁴.
    public static func recognize(_ x: Double, tolerance: Double = 1e-12) -> AlgebraicGuess? {
        guard x.isFinite else { return nil }
        let scale = max(1, abs(x))
        if let q = simplestRational(near: x, tolerance: tolerance * scale, largestDenominator: 10_000) { return .rational(q) }
        // Radicands of denominator ≤ 10³ at the given tolerance, then ≤ 10⁵ at 10⁻¹⁵ (balanced
        // points give r = 2048/35937); each bound keeps the chance of a spurious match small.
        for (largest, fit) in [(1000.0, tolerance), (100_000.0, min(tolerance, 1e-15))] {
            for k in [2, 3, 4, 6, 8] {
                let power = pow(abs(x), Double(k))
                guard let q = simplestRational(near: power, tolerance: fit * Double(k) * max(1, power), largestDenominator: largest),
                      q.signum > 0 else { continue }
                let guess = AlgebraicGuess.root(coefficient: x < 0 ? -Rational.one : Rational.one, radicand: q, index: k)
                if abs(guess.approximation - x) <= tolerance * scale * 10 { return guess }
            }
        }
        if let p = IntegerRelation.polynomial(vanishingAt: x, degree: 2, scale: 1e13, tolerance: tolerance, largestCoefficient: 1000),
           p[2].signum != 0 {
            var (a, b, c) = (p[2], p[1], p[0])
            if a.signum < 0 { (a, b, c) = (-a, -b, -c) }
            if (b * b - BigInt(4) * a * c).signum > 0 {
                for sign in [1, -1] {
                    let guess = AlgebraicGuess.quadratic(a: a, b: b, c: c, sign: sign)
                    if abs(guess.approximation - x) <= tolerance * scale * 100 { return guess }
                }
            }
        }
        return nil
    }

    /// The rational with the least denominator (≤ `largestDenominator`) within `tolerance` of
    /// x, by continued fractions; nil when there is none.
    static func simplestRational(near x: Double, tolerance: Double, largestDenominator: Double) -> Rational? {
        var (h0, h1) = (0.0, 1.0), (k0, k1) = (1.0, 0.0)
        var rest = x
        for _ in 0..<40 {
            let a = rest.rounded(.down)
            (h0, h1) = (h1, a * h1 + h0)
            (k0, k1) = (k1, a * k1 + k0)
            if k1 > largestDenominator { return nil }
            if abs(h1 / k1 - x) <= tolerance, let n = Int(exactly: h1), let d = Int(exactly: k1) {
                return Rational(BigInt(n), BigInt(d))
            }
            let fraction = rest - a
            if fraction == 0 { return nil }
            rest = 1 / fraction
        }
        return nil
    }
}

