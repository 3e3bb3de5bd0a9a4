import Exact

/// The algebraic constants of an expression as elements of one field with few generators, for
/// radical elimination: expanding (√(x + 1) − α)⁴ leaves α, α², α³, α⁴ as four separate
/// constants, and a generator with its own defining polynomial for each makes the resultants'
/// degrees multiply. Here:
/// - a constant outside the radical field that is no rational multiple of a power of another
///   such constant is a *root* (a generator with its defining polynomial);
/// - every constant that is r·βᵏ (r rational, 1 ≤ k ≤ `largestPower`) for a root β is that
///   power of β's generator — radical constants too (α² = 1 + 2^(1/3)/2 for α = √(1 + 2^(1/3)/2));
/// - the other radical constants are polynomials in the shared radical generators
///   (`RadicalGenerators`: 10^(1/9), 10^(2/9), … are powers of one generator).
///
/// Soundness: each identity c = r·βᵏ is verified exactly (`RealAlgebraic` equality, after an
/// enclosure proposes r), and the radical ones hold by construction; every generator's relation
/// holds at its true value, which is all elimination needs (see `RadicalElimination`).
struct ConstantField {
    /// Roots: irrational, not radical, none a rational multiple of a power of another.
    let roots: [RealAlgebraic]
    /// The roots' enclosures, which propose ratios before any exact power is computed.
    private let enclosures: [Interval]
    let radicals: RadicalGenerators

    /// Powers of a root tried (expanded powers of sums go up to 8).
    static let largestPower = 8

    /// How a constant is written in the field.
    enum Form {
        /// factor · roots[root]^power.
        case rootPower(root: Int, factor: Rational, power: Int)
        /// N/D in the radical generators.
        case radical(numerator: [RadicalGenerators.Term], denominator: [RadicalGenerators.Term])
    }

    /// The field of the algebraic constants occurring in `e` (at any depth), in printed order.
    init(constantsOf e: Expr) {
        var constants: [RealAlgebraic] = []
        e.visit { node in
            let found: [Constant]
            switch node {
            case .constant(let c): found = [c]
            case .sum(let c, let terms): found = [c] + Expr.inPrintedOrder(terms).map(\.value)
            case .product(let a, _): found = [a]
            case .parameter, .apply: found = []
            }
            for case .algebraic(let a) in found where !constants.contains(a) { constants.append(a) }
        }
        let general = constants.filter { !$0.isRadical }
        let enclosures = general.map { $0.enclosure(bits: Self.precision) }
        var roots = general.indices.filter { i in
            !general.indices.contains { j in
                j != i && (2...Self.largestPower).contains { k in
                    Self.ratio(general[i], enclosures[i], general[j], enclosures[j], k) != nil
                }
            }
        }
        // Mutual powers cannot all be non-roots (|c| = |r|·|d|ᵏ with k ≥ 2 both ways makes
        // both radicals of rationals); keep the first if it happened anyway.
        if roots.isEmpty && !general.isEmpty { roots = [0] }
        self.roots = roots.map { general[$0] }
        self.enclosures = roots.map { enclosures[$0] }
        radicals = RadicalGenerators(for: constants)
    }

    /// c in the field, or nil when it is neither a power of a root nor radical (then it needs
    /// a generator of its own).
    func form(of c: RealAlgebraic) -> Form? {
        if !roots.isEmpty {
            let enclosure = c.enclosure(bits: Self.precision)
            for (i, root) in roots.enumerated() {
                for k in 1...Self.largestPower {
                    if let r = Self.ratio(c, enclosure, root, enclosures[i], k) { return .rootPower(root: i, factor: r, power: k) }
                }
            }
        }
        return radicals.fraction(of: c).map { .radical(numerator: $0.numerator, denominator: $0.denominator) }
    }

    /// Bits of the enclosures that propose ratios.
    static let precision = 64

    /// r with c = r·dᵏ exactly (c and d given with enclosures), for a rational r of at most
    /// `largestRatioBits` bits proposed by the enclosures of c/dᵏ; else nil. dᵏ is computed
    /// exactly only for a proposed r.
    static func ratio(_ c: RealAlgebraic, _ x: Interval, _ d: RealAlgebraic, _ y: Interval, _ k: Int) -> Rational? {
        guard let q = x / y.power(k) else { return nil }
        let r = q.lower < q.upper ? CellDecomposition.simplest(between: q.lower, q.upper) : q.lower
        guard !r.isZero, r.numerator.bitWidth + r.denominator.bitWidth <= largestRatioBits else { return nil }
        return c == d.power(k).scaled(by: r) ? r : nil
    }

    /// Ratios with larger numerator and denominator are not tried (a power of a constant
    /// times a small rational is what expansions produce).
    static let largestRatioBits = 32
}
