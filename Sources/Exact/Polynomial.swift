/// A univariate polynomial a₀ + a₁x + … + aₙxⁿ with exact rational coefficients.
///
/// Contract: `coefficients` run from the constant term up and never end in a zero, so two
/// polynomials are equal exactly when their coefficient arrays are; the zero polynomial has
/// no coefficients and degree −1. Everything is exact except `evaluate(_: Interval)`, which
/// returns a valid enclosure.
public struct Polynomial: Hashable, Sendable, CustomStringConvertible {
    /// a₀, a₁, …, aₙ with aₙ ≠ 0 (empty for the zero polynomial).
    public private(set) var coefficients: [Rational]

    /// The polynomial Σ coefficients[i]·xⁱ (trailing zeros are dropped).
    public init(coefficients: [Rational]) {
        var c = coefficients
        while let last = c.last, last.isZero { c.removeLast() }
        self.coefficients = c
    }

    /// The constant polynomial c.
    public init(_ c: Rational) { self.init(coefficients: [c]) }

    /// The polynomial x.
    public static let x = Polynomial(coefficients: [0, 1])
    public static let zero = Polynomial(coefficients: [])
    public static let one = Polynomial(Rational.one)

    /// The degree, −1 for the zero polynomial.
    public var degree: Int { coefficients.count - 1 }
    public var isZero: Bool { coefficients.isEmpty }
    /// aₙ, or 0 for the zero polynomial.
    public var leadingCoefficient: Rational { coefficients.last ?? .zero }

    /// p(x), by Horner's rule.
    public func callAsFunction(_ x: Rational) -> Rational {
        coefficients.reversed().reduce(Rational.zero) { $0 * x + $1 }
    }

    /// An interval containing p(t) for every t in `x` (Horner's rule in interval arithmetic).
    public func evaluate(_ x: Interval) -> Interval {
        coefficients.reversed().reduce(Interval(Rational.zero)) { $0 * x + Interval($1) }
    }

    /// p′.
    public var derivative: Polynomial {
        Polynomial(coefficients: coefficients.indices.dropFirst().map { coefficients[$0] * Rational($0) })
    }

    /// The positive rational c such that p/c has coprime integer coefficients (0 for p = 0).
    public var content: Rational {
        var numerators = BigInt.zero, denominators = BigInt.one
        for a in coefficients {
            numerators = BigInt.gcd(numerators, a.numerator)
            denominators = BigInt.lcm(denominators, a.denominator)
        }
        return isZero ? .zero : Rational(numerators, denominators)
    }

    /// ±p/content: coprime integer coefficients and a positive leading coefficient
    /// (the zero polynomial stays zero).
    public var primitive: Polynomial {
        guard !isZero else { return self }
        let c = content
        return self * (leadingCoefficient.signum > 0 ? c.reciprocal : -c.reciprocal)
    }

    /// p/aₙ. Precondition: p ≠ 0.
    public var monic: Polynomial {
        precondition(!isZero, "the zero polynomial has no monic multiple")
        return self * leadingCoefficient.reciprocal
    }

    /// p(q(x)), by Horner's rule.
    public func composed(with q: Polynomial) -> Polynomial {
        var result = Polynomial.zero
        for a in coefficients.reversed() { result = result * q + Polynomial(a) }
        return result
    }

    /// Terms from the highest degree down, e.g. `x^2 - 2`, `(3/2)x^3 + x - 1/4`.
    public var description: String {
        guard !isZero else { return "0" }
        var text = ""
        for i in coefficients.indices.reversed() where !coefficients[i].isZero {
            let a = coefficients[i]
            let magnitude = a.magnitude
            text += text.isEmpty ? (a.signum < 0 ? "-" : "") : (a.signum < 0 ? " - " : " + ")
            let power = i == 0 ? "" : i == 1 ? "x" : "x^\(i)"
            let factor = magnitude.isInteger || i == 0 ? magnitude.description : "(\(magnitude))"
            text += (magnitude == .one && i > 0) ? power : factor + power
        }
        return text
    }
}

/// A polynomial with integer coefficients, for fast exact sign evaluation at rationals.
///
/// Built from a `Polynomial` by multiplying with a *positive* constant, so signs agree
/// with the rational polynomial everywhere.
struct IntegerPolynomial: Sendable {
    let coefficients: [BigInt]

    init(_ p: Polynomial) {
        let scale = p.isZero ? Rational.one : p.content.reciprocal
        coefficients = p.coefficients.map { ($0 * scale).numerator }
    }

    var degree: Int { coefficients.count - 1 }

    /// The sign of p(r): v^n·p(u/v) = Σ aᵢ uⁱ vⁿ⁻ⁱ evaluated by homogeneous Horner (v > 0).
    func sign(at r: Rational) -> Int {
        guard var acc = coefficients.last else { return 0 }
        let u = r.numerator
        if r.isInteger {
            for a in coefficients.dropLast().reversed() { acc = acc * u + a }
            return acc.signum
        }
        let v = r.denominator
        var vPower = BigInt.one
        for a in coefficients.dropLast().reversed() {
            vPower *= v
            acc = acc * u + a * vPower
        }
        return acc.signum
    }
}
