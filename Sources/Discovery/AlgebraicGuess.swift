import Exact
import Foundation

/// A guess of the exact value of a number known approximately (`Approximation`): a rational,
/// a sum c₀ + Σ cᵢ·rᵢ^(1/kᵢ) of rational multiples of radicals (one term: a radical c·r^(1/k)),
/// or a root of a quadratic. Written in proof-file syntax, so the guess is then verified by
/// exact evaluation of what is built from it; recognition itself proves nothing.
///
/// The searches are sized by the precision, so that a chance match is rare: n integers of
/// height H fit a number known to d digits by chance with probability about H^n·10^(−d), and
/// each search keeps H^n ≤ 10^(d−6) (d − 5 for rationals).
public enum AlgebraicGuess: Hashable, Sendable, CustomStringConvertible {
    case rational(Rational)
    /// constant + Σ coefficient·radical; radicals distinct.
    case radicalSum(constant: Rational, terms: [Term])
    /// (−b + sign·√(b² − 4ac)) / (2a), a root of a·x² + b·x + c with a > 0.
    case quadratic(a: BigInt, b: BigInt, c: BigInt, sign: Int)

    public struct Term: Hashable, Sendable {
        public let coefficient: Rational
        public let radical: Radical
    }

    /// The expression in proof-file syntax.
    public var description: String {
        switch self {
        case .rational(let q): return q.description
        case let .radicalSum(constant, terms):
            var text = constant.isZero ? "" : constant.description
            for term in terms {
                let c = term.coefficient
                let magnitude = c.magnitude == .one ? term.radical.description
                    : "\(c.magnitude.isInteger ? c.magnitude.description : "(\(c.magnitude))")*\(term.radical)"
                text += text.isEmpty ? (c.signum < 0 ? "-" : "") + magnitude : (c.signum < 0 ? " - " : " + ") + magnitude
            }
            return text
        case let .quadratic(a, b, c, sign):
            let discriminant = b * b - BigInt(4) * a * c
            return "(\(-b) \(sign < 0 ? "-" : "+") sqrt(\(discriminant)))/\(BigInt(2) * a)"
        }
    }

    /// The radicals the guess uses.
    public var radicals: [Radical] {
        if case .radicalSum(_, let terms) = self { return terms.map(\.radical) }
        return []
    }

    /// The value to within 2^−bits (a few units).
    public func value(bits: Int) -> Rational {
        switch self {
        case .rational(let q): return q
        case let .radicalSum(constant, terms):
            return terms.reduce(constant) { $0 + $1.coefficient * $1.radical.value(bits: bits + 8) }
        case let .quadratic(a, b, c, sign):
            let root = Radical(Rational(b * b - BigInt(4) * a * c), index: 2).value(bits: bits + 8)
            return (Rational(-b) + Rational(sign) * root) / Rational(BigInt(2) * a)
        }
    }

    /// The value in double precision.
    public var approximation: Double { Double(value(bits: 80)) }

    /// The simplest guess that fits x within about four times its error: a rational (or, for
    /// ±r^(1/k), a rational |x|^k) of denominator ≤ 10^`denominatorDigits`; ±r^(1/k)
    /// (k = 2 … 12); a quadratic irrational; with at least 25 digits, c₀ + Σ cᵢ·ρᵢ over the
    /// radicals ρ of `pool` and their powers. nil when none fits.
    public static func recognize(_ x: Approximation, pool: [Radical] = []) -> AlgebraicGuess? {
        let digits = Double(x.digits)
        if let q = simplestRational(near: x.value, error: x.error, largestDenominatorDigits: max(4, denominatorDigits(x.error))) {
            return .rational(q)
        }
        for k in [2, 3, 4, 5, 6, 8, 9, 10, 12] {
            let magnitude = x.value.magnitude
            let y = Approximation(magnitude.power(k), error: Rational(k) * max(magnitude, .one).power(k - 1) * x.error)
            guard let r = simplestRational(near: y.value, error: y.error, largestDenominatorDigits: denominatorDigits(y.error)),
                  r.signum > 0, let radical = Radical(r, index: k).power(1) else { continue }
            let guess = AlgebraicGuess.radicalSum(constant: .zero, terms: [Term(coefficient: x.value.signum < 0 ? -.one : .one, radical: radical)])
            if guess.fits(x) { return guess }
        }
        if let guess = quadratic(x), guess.fits(x) { return guess }
        if digits >= 25, let guess = radicalSum(x, pool: pool), guess.fits(x) { return guess }
        return nil
    }

    /// log₁₀ of the largest denominator worth trying for a number known to an absolute error
    /// e: rationals of denominator ≤ Q lie about 1/Q² apart, so one falls within 4e of x by chance
    /// with probability about 8e·Q², kept at 10⁻⁵.
    static func denominatorDigits(_ error: Rational) -> Double { (-Approximation.log10(error) - 5) / 2 }

    /// |guess − x| ≤ 4·error.
    func fits(_ x: Approximation) -> Bool {
        let bits = Int(-Approximation.log10(x.error) / log10(2.0)) + 16
        return (value(bits: max(bits, 64)) - x.value).magnitude <= Rational(4) * x.error
    }

    /// A root of an integer quadratic of height ≤ 10^((d−6)/3), by an integer relation among 1, x, x².
    static func quadratic(_ x: Approximation) -> AlgebraicGuess? {
        let height = BigInt(10).power(max(1, (x.digits - 6) / 3))
        guard let p = IntegerRelation.polynomial(vanishingAt: x, degree: 2, largestCoefficient: height), !p[2].isZero else { return nil }
        var (a, b, c) = (p[2], p[1], p[0])
        if a.signum < 0 { (a, b, c) = (-a, -b, -c) }
        guard (b * b - BigInt(4) * a * c).signum > 0 else { return nil }
        let guesses = [1, -1].map { AlgebraicGuess.quadratic(a: a, b: b, c: c, sign: $0) }
        return guesses.min { ($0.value(bits: 64) - x.value).magnitude < ($1.value(bits: 64) - x.value).magnitude }
    }

    /// c₀ + Σ cᵢ·ρᵢ by an integer relation among x, 1 and the radicals ρᵢ: those of `pool`,
    /// their powers, √2, √3, √5, and the products of two square roots among them.
    static func radicalSum(_ x: Approximation, pool: [Radical]) -> AlgebraicGuess? {
        var basis: [Radical] = []
        func add(_ r: Radical?) { if let r, !basis.contains(r) { basis.append(r) } }
        for r in pool { for j in 1..<r.index { add(r.power(j)) } }
        for p in [2, 3, 5] { add(Radical(Rational(p), index: 2)) }
        let squareRoots = basis.filter { $0.index == 2 }
        for (i, r) in squareRoots.enumerated() { for s in squareRoots[(i + 1)...] { add(Radical(r.radicand * s.radicand, index: 2).power(1)) } }
        guard basis.count <= 16 else { return nil }
        let bits = Int(Double(x.digits) / log10(2.0)) + 16
        let values = [x.value, .one] + basis.map { $0.value(bits: bits) }
        let height = BigInt(10).power(max(1, (x.digits - 6) / values.count))
        guard let c = IntegerRelation.relation(among: values, digits: x.digits, largestCoefficient: height), !c[0].isZero else { return nil }
        let denominator = Rational(-c[0])
        let terms = zip(c.dropFirst(2), basis).filter { !$0.0.isZero }.map { Term(coefficient: Rational($0.0) / denominator, radical: $0.1) }
        let constant = Rational(c[1]) / denominator
        return terms.isEmpty ? .rational(constant) : .radicalSum(constant: constant, terms: terms)
    }

    /// The integer polynomial of least degree ≤ `degreeBound` (height within the precision)
    /// that vanishes at x as far as its digits tell, for a report when no closed form fits.
    public static func minimalPolynomial(of x: Approximation, degreeBound: Int) -> [BigInt]? {
        for d in 1...max(1, degreeBound) {
            let height = BigInt(10).power(max(1, (x.digits - 6) / (d + 1)))
            if let p = IntegerRelation.polynomial(vanishingAt: x, degree: d, largestCoefficient: height), !p[d].isZero { return p }
        }
        return nil
    }

    /// The rational with the least denominator (at most 10^`largestDenominatorDigits`) within
    /// four times `error` of x, by the convergents of its continued fraction; nil when there is none.
    static func simplestRational(near x: Rational, error: Rational, largestDenominatorDigits: Double) -> Rational? {
        let largest = Rational(BigInt(10).power(Int(largestDenominatorDigits.rounded(.down))))
        let tolerance = Rational(4) * error
        var (h0, h1) = (BigInt.zero, BigInt.one), (k0, k1) = (BigInt.one, BigInt.zero)
        var rest = x
        for _ in 0..<200 {
            let a = rest.floor
            (h0, h1) = (h1, a * h1 + h0)
            (k0, k1) = (k1, a * k1 + k0)
            if Rational(k1) > largest { return nil }
            let convergent = Rational(h1, k1)
            if (convergent - x).magnitude <= tolerance { return convergent }
            let fraction = rest - Rational(a)
            if fraction.isZero { return nil }
            rest = fraction.reciprocal
        }
        return nil
    }
}
