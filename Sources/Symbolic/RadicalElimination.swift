import Exact

/// Where a function of one parameter x can vanish on a piece, found by eliminating radicals.
enum ZeroSet {
    /// The function is 0 at every point of the piece where it is defined.
    case identicallyZero
    /// Every zero on the piece is a real root of this nonzero polynomial in x.
    case rootsOf(Polynomial)
    /// The function is a·x + b with constants a ≠ 0 and b: its only zero is −b/a, computed
    /// exactly in the constants' field (no elimination, whose polynomial would have the degree
    /// of the field: 4096 for x + 2^(1/64) + 3^(1/64)).
    case only(RealAlgebraic)
}

/// Turns an algebraic expression in parameters x₁, …, x_k (variables 0…k−1; one parameter x
/// for the zero sets) into a fraction P/Q of polynomials in them and generators y₁, …, yₙ
/// (variables k…k+n−1), and eliminates the generators.
///
/// Generators: a base b with rational powers b^(p/q) becomes one y = b^(1/L), L the least
/// common denominator of its exponents in the expression (`sharing`), with the relation
/// Q_b·y^L − P_b = 0 (b = P_b/Q_b), so b^(p/q) = y^(pL/q); the algebraic constants are elements
/// of one field (`ConstantField`: powers of a few roots, each with its defining polynomial as
/// relation, and polynomials in shared radical generators n^(1/L) with y^L − n = 0); a
/// constant outside it becomes y with its own defining polynomial. Piecewise-linear nodes (relu, max, …) take the branch given by the sign of
/// their kink argument on the piece. A generator's relation mentions only x and earlier
/// generators (relations are triangular).
///
/// Soundness: at every point of the piece where the expression is defined, substituting the
/// true real values of the generators makes every relation vanish and P/Q equal the
/// expression. Hence (1) if P reduces to 0 modulo the relations (pseudo-division, whose
/// multipliers are nonzero where defined), the expression is identically 0; (2) otherwise the
/// successive resultants R(x) of P with the relations vanish at every zero of the expression.
struct RadicalElimination {
    let parameters: [String]
    /// The sign of each kink argument on the piece.
    let branches: [Expr: Int]
    private(set) var relations: [MultivariatePolynomial] = []
    private var generatorIndex: [GeneratorKey: Int] = [:]
    /// The least common denominator of each base's exponents (`sharing`).
    private var rootIndex: [Expr: Int] = [:]
    /// The constants' field (`sharing`); without it each constant is its own generator.
    private var field: ConstantField?

    /// base^exponent (exponent 0 marks an algebraic constant; a radical generator n^(1/L) of
    /// the constants is the base n to 1/L, the same generator as a base n would have).
    private struct GeneratorKey: Hashable {
        let base: Expr
        let exponent: Rational
    }

    init(parameters: [String], branches: [Expr: Int]) {
        self.parameters = parameters
        self.branches = branches
    }

    /// Size limits past which elimination gives up (the prover then says undecided).
    static let largestTermCount = 5000
    static let largestDegree = ResourceLimit.largestEliminatedDegree

    /// The zeros of `e` on the piece, or nil when `e` is not algebraic in x (exp, log, another
    /// parameter, a symbolic exponent, a kink without a known branch) or elimination exceeds
    /// its limits.
    ///
    /// When the resultants of the numerator vanish identically (some conjugate of e, with
    /// other signs of its radicals, is identically 0 — as for √k·√(k + 1) − √(k² + k)), the
    /// value itself is eliminated instead: R(x, t) from P − t·Q vanishes at t = e(x), and with
    /// R = tᵐ·R′, R′(x, 0) ≠ 0; where e ≢ 0 on the piece, e is a root of R′ (at its isolated
    /// zeros by continuity), so its zeros are roots of R′(x, 0). This relies on e being
    /// real-analytic on each cell (zeros of an e ≢ 0 are isolated), which holds as radicands,
    /// denominators and kink arguments are cut at their zeros before the conditions that use
    /// them; where e ≡ 0 on the piece its sign is 0 throughout, as a cell's sample then shows.
    static func zeros(of e: Expr, parameter: String, branches: [Expr: Int]) throws(Unable) -> ZeroSet? {
        if let zero = e.linearZero(in: parameter) { return .only(zero) }
        switch try zeroPolynomial(of: e, parameters: [parameter], branches: branches) {
        case nil: return nil
        case .identicallyZero?: return .identicallyZero
        case .rootsOf(let r)?:
            guard let polynomial = r.univariate, polynomial.degree <= largestDegree else { return nil }
            return .rootsOf(polynomial)
        }
    }

    /// Where e can vanish, for any number of parameters (variables 0…k−1): identically 0, or
    /// a nonzero polynomial in the parameters alone vanishing at every zero of e on the piece
    /// (as for `zeros(of:parameter:branches:)`, whose argument holds verbatim on each connected
    /// open set where e is defined and real-analytic).
    static func zeroPolynomial(of e: Expr, parameters: [String], branches: [Expr: Int]) throws(Unable) -> ZeroPolynomial? {
        var elimination = RadicalElimination(parameters: parameters, branches: branches)
        let resolved = elimination.resolvingBranches(e)
        elimination.share(resolved)
        guard let (p, q) = elimination.fraction(resolved) else { return nil }
        let reduced = try elimination.reduced(p)
        if reduced.isZero { return .identicallyZero }
        guard let r = try elimination.eliminated(reduced) else { return nil }
        if !r.isZero { return .rootsOf(r) }
        let value = elimination.relations.count + parameters.count
        let t = MultivariatePolynomial.variable(value)
        guard let eliminatedValue = try elimination.eliminated(elimination.reduced(p - t * q)), !eliminatedValue.isZero else { return nil }
        let (_, rest) = eliminatedValue.splittingPower(of: value)
        guard let atZero = rest.coefficients(in: value).first, !atZero.isZero else { return nil }
        return .rootsOf(atZero)
    }

    /// Where a function of several parameters can vanish, as a polynomial in them.
    enum ZeroPolynomial {
        case identicallyZero
        case rootsOf(MultivariatePolynomial)
    }

    /// p reduced modulo the relations (a nonzero multiple of p at the true generator values).
    private func reduced(_ p: MultivariatePolynomial) throws(Unable) -> MultivariatePolynomial {
        var r = p
        // Generator i is variable i + k (k parameters). A relation free of its generator (a
        // radicand whose denominator vanishes on the piece: 0·g² = c) reduces nothing;
        // skipping it is sound.
        let k = parameters.count
        for (i, relation) in relations.enumerated().reversed() where relation.degree(in: i + k) >= 1 {
            r = try r.pseudoRemainder(dividingBy: relation, in: i + k)
        }
        return r
    }

    /// The successive resultants of p with the relations, eliminating every generator (each
    /// step's polynomial reduced modulo the relation first): 0 when one vanishes identically,
    /// nil past the size limits. Past the bound `Deadline`, throws `Unable`.
    private func eliminated(_ p: MultivariatePolynomial) throws(Unable) -> MultivariatePolynomial? {
        guard p.terms.count <= Self.largestTermCount, p.isWithinSizeLimits else { return nil }
        var r = p
        let k = parameters.count
        for (i, relation) in relations.enumerated().reversed() {
            // A relation free of its generator does not determine it: nothing to eliminate.
            guard relation.degree(in: i + k) >= 1 else { return nil }
            // Reduced first, for smaller resultants: where the relation holds, the remainder is
            // r times a power of the relation's leading coefficient, so no zero is lost.
            r = try r.pseudoRemainder(dividingBy: relation, in: i + k)
            if r.isZero { return .zero }
            guard r.degree(in: i + k) > 0 else { continue }
            guard let next = try MultivariatePolynomial.resultant(r, relation, in: i + k) else { return nil }
            if next.isZero { return .zero }
            guard next.terms.count <= Self.largestTermCount, next.isWithinSizeLimits else { return nil }
            r = next
        }
        return r
    }

    /// e with every piecewise-linear node whose kink argument has a known sign replaced by
    /// its branch, rebuilt through the smart constructors. On the piece the two agree wherever
    /// e is defined, and the canonical form can then combine what the branches share: |B|^(4/3)
    /// and B^(−2/3)·B² once |B| is B, or the constants inside and outside a relu (which
    /// elimination would otherwise treat as independent generators).
    func resolvingBranches(_ e: Expr) -> Expr {
        if branches.isEmpty { return e }
        switch e {
        case .constant, .parameter:
            return e
        case .sum(let c, let terms):
            return Expr.sum([Expr(c)] + Expr.inPrintedOrder(terms).map { Expr($0.value) * resolvingBranches($0.key) })
        case .product(let a, let factors):
            return Expr.product([Expr(a)] + Expr.inPrintedOrder(factors).map { resolvingBranches($0.key).power(resolvingBranches($0.value)) })
        case .apply:
            guard let kink = e.kinkArgument, let s = branches[kink] else { return e }
            return resolvingBranches(e.branch(forSign: s))
        }
    }

    typealias Fraction = (MultivariatePolynomial, MultivariatePolynomial)

    /// e as P/Q, registering generators as needed.
    mutating func fraction(_ e: Expr) -> Fraction? {
        switch e {
        case .constant(let c):
            return constant(c)
        case .parameter(let name):
            return parameters.firstIndex(of: name).map { (.variable($0), .one) }
        case .sum(let c, let terms):
            guard var total = constant(c) else { return nil }
            // In a fixed order (the terms are a dictionary): the unreduced sum of fractions,
            // and the numbering of generators, depend on it.
            for term in Expr.inPrintedOrder(terms.keys) {
                let a = terms[term]!
                guard let t = fraction(term), let scale = constant(a) else { return nil }
                total = Self.add(total, Self.multiply(scale, t))
            }
            return total
        case .product(let a, let factors):
            guard var total = constant(a) else { return nil }
            for base in Expr.inPrintedOrder(factors.keys) {
                let exponent = factors[base]!
                guard let r = exponent.rationalValue, let f = power(base, r) else { return nil }
                total = Self.multiply(total, f)
            }
            return total
        case .apply:
            guard let kink = e.kinkArgument, let s = branches[kink] else { return nil }
            return fraction(e.branch(forSign: s))
        }
    }

    /// Prepares one generator per base and the constants' field for the expression `e`.
    mutating func share(_ e: Expr) {
        e.visit { node in
            guard case .product(_, let factors) = node else { return }
            for case let (base, .constant(.rational(r))) in factors where !r.isInteger {
                let lcm = BigInt.lcm(BigInt(rootIndex[base] ?? 1), r.denominator)
                if let l = lcm.intValue, l <= Self.largestRootIndex { rootIndex[base] = l }
            }
        }
        field = ConstantField(constantsOf: e)
    }

    /// A base's exponents with a larger common denominator keep one generator per denominator.
    static let largestRootIndex = 64

    private mutating func constant(_ c: Constant) -> Fraction? {
        switch c {
        case .rational(let q):
            return (MultivariatePolynomial(q), .one)
        case .algebraic(let a):
            if let form = field?.form(of: a) { return element(form) }
            // A rational multiple or shift of a constant already in use reuses its generator,
            // so that √2/4 and −√2/4 (or √2 and 1 + √2) are not treated as independent.
            for (key, index) in generatorIndex.sorted(by: { $0.value < $1.value }) where key.exponent.isZero {
                guard case .constant(let d) = key.base else { continue }
                let y = MultivariatePolynomial.variable(index + parameters.count)
                if let r = (c / d).rationalValue { return (MultivariatePolynomial(r) * y, .one) }
                if let r = (c - d).rationalValue { return (y + MultivariatePolynomial(r), .one) }
            }
            let key = GeneratorKey(base: .constant(c), exponent: .zero)
            let relation = MultivariatePolynomial(coefficients: a.definingPolynomial.coefficients.map { MultivariatePolynomial($0) },
                                                  in: generatorVariable(for: key))
            return (register(key, relation), .one)
        }
    }

    /// A constant written in the field, as a fraction in its generators.
    private mutating func element(_ form: ConstantField.Form) -> Fraction {
        switch form {
        case .rootPower(let i, let factor, let k):
            let root = field!.roots[i]
            let key = GeneratorKey(base: .constant(Constant(root)), exponent: .zero)
            let relation = MultivariatePolynomial(coefficients: root.definingPolynomial.coefficients.map { MultivariatePolynomial($0) },
                                                  in: generatorVariable(for: key))
            return (MultivariatePolynomial(factor) * register(key, relation).power(k), .one)
        case .radical(let numerator, let denominator):
            let generators = field!.radicals.radicands.map { radicand in
                let key = GeneratorKey(base: Expr(Rational(radicand.n)), exponent: Rational(1, radicand.index))
                let y = MultivariatePolynomial.variable(generatorVariable(for: key))
                return register(key, y.power(radicand.index) - MultivariatePolynomial(Rational(radicand.n)))
            }
            func polynomial(_ terms: [RadicalGenerators.Term]) -> MultivariatePolynomial {
                terms.reduce(.zero) { sum, term in
                    sum + zip(generators, term.exponents).reduce(MultivariatePolynomial(term.coefficient)) { $0 * $1.0.power($1.1) }
                }
            }
            return (polynomial(numerator), polynomial(denominator))
        }
    }

    /// base^r for a rational r = p/q: a power of the fraction when q = 1, else a power of the
    /// base's one generator y = base^(1/L) (q divides L; L = q for a base not seen by
    /// `sharing`) with the relation Q_b·y^L − P_b = 0, so base^(|p|/q) = y^(|p|L/q), inverted
    /// when p < 0.
    private mutating func power(_ base: Expr, _ r: Rational) -> Fraction? {
        guard let p = r.numerator.intValue, let q = r.denominator.intValue, abs(p) <= 64, q <= 64,
              let (numerator, denominator) = fraction(base) else { return nil }
        var powered = (numerator.power(abs(p)), denominator.power(abs(p)))
        if q > 1 {
            let shared = rootIndex[base] ?? q
            let l = shared % q == 0 ? shared : q
            let key = GeneratorKey(base: base, exponent: Rational(1, l))
            let y = generatorVariable(for: key)
            let relation = denominator * MultivariatePolynomial.variable(y).power(l) - numerator
            powered = (register(key, relation).power(abs(p) * l / q), .one)
        }
        return p >= 0 ? powered : (powered.1, powered.0)
    }

    private func generatorVariable(for key: GeneratorKey) -> Int {
        generatorIndex[key].map { $0 + parameters.count } ?? relations.count + parameters.count
    }

    /// The generator's variable, recording its relation the first time.
    private mutating func register(_ key: GeneratorKey, _ relation: MultivariatePolynomial) -> MultivariatePolynomial {
        if let i = generatorIndex[key] { return .variable(i + parameters.count) }
        generatorIndex[key] = relations.count
        relations.append(relation)
        return .variable(relations.count - 1 + parameters.count)
    }

    private static func add(_ a: Fraction, _ b: Fraction) -> Fraction {
        if a.1 == b.1 { return (a.0 + b.0, a.1) }
        return (a.0 * b.1 + b.0 * a.1, a.1 * b.1)
    }

    private static func multiply(_ a: Fraction, _ b: Fraction) -> Fraction { (a.0 * b.0, a.1 * b.1) }
}

extension Expr {
    /// −b/a when the expression is a·x + b in the parameter x with constants a ≠ 0 and b
    /// (x, a·x, or b + a·x in canonical form); else `nil`.
    func linearZero(in x: String) -> RealAlgebraic? {
        switch self {
        case .parameter(x): return RealAlgebraic(0)
        case .product(_, let factors) where factors == [.parameter(x): .one]: return RealAlgebraic(0)
        case .sum(let b, let terms) where terms.count == 1:
            guard let a = terms[.parameter(x)] else { return nil }
            return (-b / a).realAlgebraic
        default: return nil
        }
    }
}
