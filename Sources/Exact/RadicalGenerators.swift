/// One set of generators for the radical numbers of a computation: each radical monomial that
/// occurs is a rational multiple of a power of one generator g = n^(1/L) (g^L = n, n an
/// integer), so the numbers are polynomials in few generators of small degree instead of
/// independent algebraic numbers — x, x², x³, x⁴ of an expanded power share one generator.
///
/// Construction: the monomials of all numbers (numerators and denominators), largest index
/// first (so 2^(1/4) is chosen before 2^(1/2) = (2^(1/4))²), each expressed as r·gʲ
/// (0 < j < L) by an earlier generator g when some power of g is a rational multiple of it
/// (exact monomial arithmetic), else a new generator. Soundness: every expression is an
/// identity of positive real numbers, m = r·gʲ, checked on the unique representation of
/// `RadicalMonomial`; what the generators are chosen as only affects efficiency.
public struct RadicalGenerators: Sendable {
    /// Generator i is radicands[i].n^(1/radicands[i].index), the positive real root.
    public let radicands: [(n: BigInt, index: Int)]
    /// Each monomial as (rational factor, generator, power).
    private let expressions: [RadicalMonomial: (factor: Rational, generator: Int, power: Int)]

    /// The generators of the radical numbers among `numbers` (others are ignored).
    public init(for numbers: [RealAlgebraic]) {
        var monomials: Set<RadicalMonomial> = []
        for case let r? in numbers.map(\.radicalForm) {
            for term in r.numerator.terms + r.denominator.terms where !term.monomial.isOne { monomials.insert(term.monomial) }
        }
        var generators: [RadicalMonomial] = [], expressions: [RadicalMonomial: (Rational, Int, Int)] = [:]
        let ordered = monomials.map { ($0.index, $0) }.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.map(\.1)
        for m in ordered {
            if let found = Self.power(of: generators, equalTo: m) {
                expressions[m] = found
            } else {
                expressions[m] = (.one, generators.count, 1)
                generators.append(m)
            }
        }
        radicands = generators.map(\.radicand)
        self.expressions = expressions
    }

    /// (r, i, j) with m = r·gᵢʲ, 0 < j < index of gᵢ, for the first generator that has one.
    private static func power(of generators: [RadicalMonomial], equalTo m: RadicalMonomial) -> (Rational, Int, Int)? {
        for (i, g) in generators.enumerated() where Set(m.primes).isSubset(of: g.primes) {
            var factor = Rational.one, power = RadicalMonomial.one
            for j in 1..<g.index {
                let (r, next) = power * g
                factor = factor * r
                power = next
                if power == m { return (factor.reciprocal, i, j) }
            }
        }
        return nil
    }

    /// A term c·Π gᵢ^(eᵢ) of a polynomial in the generators (exponents indexed by generator).
    public typealias Term = (coefficient: Rational, exponents: [Int])

    /// x = N/D as polynomials in the generators (terms with equal exponents may repeat), when x
    /// is rational or a radical number all of whose monomials are known; else `nil`.
    public func fraction(of x: RealAlgebraic) -> (numerator: [Term], denominator: [Term])? {
        guard let r = x.radicalForm, let n = terms(r.numerator), let d = terms(r.denominator) else { return nil }
        return (n, d)
    }

    private func terms(_ s: RadicalSum) -> [Term]? {
        var result: [Term] = []
        for term in s.terms {
            var exponents = [Int](repeating: 0, count: radicands.count)
            var c = term.coefficient
            if !term.monomial.isOne {
                guard let (r, i, j) = expressions[term.monomial] else { return nil }
                c = c * r
                exponents[i] = j
            }
            result.append((c, exponents))
        }
        return result
    }
}
