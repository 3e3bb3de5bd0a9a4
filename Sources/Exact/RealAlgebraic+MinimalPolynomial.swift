/// Minimal polynomials for real algebraic numbers.
///
/// Every polynomial that defines new numbers (a composed sum or product, a root or power
/// transform, a polynomial whose real roots are asked for) is factored over Q
/// (`irreducibleFactors`, Zassenhaus) when its square-free part has degree
/// 4…`largestFactoredDegree`: each irrational root is then defined by the irreducible factor
/// that vanishes at it, its minimal polynomial, so degrees stop growing along chains of
/// operations, and linear factors give the rational roots directly. Degrees 2 and 3 need no
/// factoring (without rational roots they are irreducible). When factoring is out of range or
/// gives up (its recombination cap), the square-free part with its rational roots split off
/// defines the roots instead: a multiple of the minimal polynomial, which is still sound.
///
/// Soundness does not rest on irreducibility: the factors multiply exactly to the square-free
/// part (each was found by exact division), they are pairwise coprime, and a root is assigned
/// to a factor only when that factor's Sturm count in the root's interval is one and every
/// other factor's is zero.
extension RealAlgebraic {
    /// The largest degree that is factored; above it a non-minimal polynomial is kept
    /// (a distinct-degree factorization alone costs about n³·log p operations).
    static let largestFactoredDegree = 32
}

/// The polynomials that define the roots of a polynomial, as `RealAlgebraic` stores them.
struct RootDefiningFactors: Sendable {
    /// The distinct rational roots.
    let rationals: [Rational]
    /// Pairwise coprime, square-free, primitive polynomials without rational roots, with
    /// their Sturm chains; their roots are the irrational roots of the polynomial. Each is
    /// irreducible (a minimal polynomial) when the polynomial was factored.
    let irrationals: [(polynomial: Polynomial, chain: SturmChain)]

    /// Past a bound `Deadline`, factoring gives up (sound), and if the rational roots cannot
    /// be split off in time, throws `Unable`. Precondition: p ≠ 0.
    init(_ p: Polynomial) throws(Unable) {
        let s = try p.checkedSquareFreePart().primitive
        if (4...RealAlgebraic.largestFactoredDegree).contains(s.degree), let factors = s.irreducibleFactors(),
           factors.reduce(Polynomial.one, *) == s {  // checked here: the roots' soundness rests on it
            rationals = factors.filter { $0.degree == 1 }.map { -$0.coefficients[0] / $0.coefficients[1] }.sorted()
            irrationals = try factors.filter { $0.degree > 1 }.map { f throws(Unable) in (f, try SturmChain(f)) }
        } else {
            let (roots, rest, chain) = try s.splittingOffRationalRootsWithChain
            rationals = roots
            irrationals = chain.map { [(rest, $0)] } ?? []
        }
    }

    /// The number of distinct roots in the closed interval (counting stops at 2) and, when
    /// it is exactly one, that root, defined by its factor (an irreducible factor of degree
    /// ≥ 2 has no rational root, so the interval's ends are not roots and it changes sign).
    func soleRoot(in interval: Interval) -> (count: Int, root: RealAlgebraic?) {
        var found: RealAlgebraic?, count = 0
        for r in rationals where interval.contains(r) {
            count += 1
            found = RealAlgebraic(r)
        }
        for (polynomial, chain) in irrationals where count <= 1 {
            let inside = chain.count(in: interval)
            count += inside
            if inside == 1 { found = RealAlgebraic(irrationalRootOf: polynomial, in: interval) }
        }
        return (count, count == 1 ? found : nil)
    }

    /// Isolating intervals of all roots in `range`, increasing. Past a bound `Deadline`,
    /// throws `Unable`.
    func roots(in range: Interval) throws(Unable) -> [RealAlgebraic] {
        var irrational: [RealAlgebraic] = []
        for (polynomial, chain) in irrationals {
            irrational += try chain.isolateRoots(in: range).map { RealAlgebraic(irrationalRootOf: polynomial, in: $0) }
        }
        return (rationals.filter(range.contains).map(RealAlgebraic.init) + irrational).sorted()
    }
}
