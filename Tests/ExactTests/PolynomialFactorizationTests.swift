import Testing
@testable import Exact

/// x ↦ the polynomial with these integer coefficients, constant term first.
private func poly(_ c: [Int]) -> Polynomial { Polynomial(coefficients: c.map { Rational($0) }) }

/// Known irreducible polynomials over Q.
private let irreducibles: [String: Polynomial] = [
    "Φ5": poly([1, 1, 1, 1, 1]),
    "Φ7": poly([1, 1, 1, 1, 1, 1, 1]),
    "Φ12": poly([1, 0, -1, 0, 1]),
    "Φ15": poly([1, -1, 0, 1, -1, 1, 0, -1, 1]),
    "x²+1": poly([1, 0, 1]),
    "x³−2": poly([-2, 0, 0, 1]),
    "x⁴−2": poly([-2, 0, 0, 0, 1]),
    "x⁶−2": poly([-2, 0, 0, 0, 0, 0, 1]),
    "x²−3": poly([-3, 0, 1]),
    "3x²−5": poly([-5, 0, 3]),
    "√2+√3": poly([1, 0, -10, 0, 1]),
    "√2+√3+√5": poly([576, 0, -960, 0, 352, 0, -40, 0, 1]),
    "2x⁵+7x−3": poly([-3, 7, 0, 0, 0, 2]),
]

@Suite struct PolynomialFactorizationTests {
    /// The multiset of factors, as a sorted list of descriptions (order-free comparison).
    static func sorted(_ factors: [Polynomial]) -> [String] { factors.map(\.description).sorted() }

    @Test(arguments: [
        ["Φ5", "Φ7", "Φ12"], ["Φ15", "x²+1"], ["x³−2", "x⁴−2", "x²−3"], ["x⁶−2", "3x²−5"],
        ["√2+√3", "x²−3"], ["√2+√3+√5"], ["√2+√3+√5", "√2+√3", "2x⁵+7x−3"], ["x⁴−2"],
    ])
    func plantedIrreducibleFactorsAreRecovered(_ names: [String]) throws {
        let planted = names.map { irreducibles[$0]! }
        let product = planted.reduce(Polynomial.one, *) * Rational(-7, 3)
        let factors = try #require(product.irreducibleFactors(), "\(names)")
        #expect(Self.sorted(factors) == Self.sorted(planted), "\(names)")
        #expect(factors.reduce(Polynomial.one, *) == product.primitive, "\(names)")
    }

    /// √2 + √3 + √5 + √7 (degree 16) splits into 8 quadratics modulo every prime, so
    /// recombination needs up to C(8,1) + … + C(8,4) subsets: a low cap says "not factored".
    @Test func swinnertonDyerRespectsTheCap() throws {
        let s4 = try Polynomial.composedSum(irreducibles["√2+√3+√5"]!, poly([-7, 0, 1]))
        #expect(s4.irreducibleFactors(maximumCandidates: 3) == nil)
        let factors = try #require(s4.irreducibleFactors())
        #expect(factors == [s4.primitive])
        // (√2 + √3) − √3: the composed sum with −√3 has the factor x² − 2.
        let difference = try Polynomial.composedSum(irreducibles["√2+√3"]!, irreducibles["x²−3"]!).squareFreePart
        let parts = try #require(difference.irreducibleFactors())
        #expect(Self.sorted(parts) == Self.sorted([poly([-2, 0, 1]), poly([100, 0, -28, 0, 1])]))
    }

    @Test func notSquareFreeOrLinear() throws {
        #expect(poly([-2, 0, 1]).power(2).irreducibleFactors() == nil)
        #expect(poly([3, 6]).irreducibleFactors() == [poly([1, 2])])
        let withRationalRoots = poly([-1, 1]) * poly([2, 3]) * irreducibles["Φ5"]! * Polynomial.x
        let factors = try #require(withRationalRoots.irreducibleFactors())
        #expect(Self.sorted(factors) == Self.sorted([poly([-1, 1]), poly([2, 3]), irreducibles["Φ5"]!, .x]))
    }

    /// Seeded products of 2–4 random polynomials of degree 1–5: the factors multiply back to
    /// the input, and each planted polynomial is the product of some of them (each factor
    /// divides exactly one planted polynomial: the random ones need not be irreducible).
    @Test(arguments: 0..<12) func randomProducts(seed: UInt64) throws {
        var g = SplitMix64(seed: seed)
        let planted = (0..<(2 + Int(g.next() % 3))).map { _ in
            let degree = 1 + Int(g.next() % 5)
            return poly((0...degree).map { i in
                let c = Int(g.next() % 41) - 20
                return i == degree && c == 0 ? 1 : c
            }).primitive
        }
        let product = planted.reduce(Polynomial.one, *)
        guard product.squareFreePart.degree == product.degree else { return }  // repeated factor drawn
        let factors = try #require(product.irreducibleFactors(), "seed \(seed)")
        #expect(factors.reduce(Polynomial.one, *) == product.primitive, "seed \(seed)")
        for f in factors {
            let dividing = planted.filter { $0.divided(by: f).remainder.isZero }
            #expect(!dividing.isEmpty, "seed \(seed): \(f) divides no planted factor")
            #expect(f.irreducibleFactors() == [f], "seed \(seed): \(f) refactors")
        }
        #expect(factors.count >= planted.count, "seed \(seed)")
    }

    @Test func modularFactorsMultiplyBack() {
        var g = SplitMix64(seed: 7)
        let p: UInt64 = 1_048_573
        let f = ModularPolynomial(poly([576, 0, -960, 0, 352, 0, -40, 0, 1]).coefficients.map(\.numerator), modulus: p)
        let factors = f.irreducibleFactors(generator: &g)
        #expect(factors.count == 4 && factors.allSatisfy { $0.degree == 2 })
        #expect(factors.reduce(ModularPolynomial(constant: 1, modulus: p), *) == f)
    }
}
