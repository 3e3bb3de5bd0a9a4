import Exact

/// A parameter range cut at finitely many exact points into open cells on which every
/// function of interest keeps one sign (a one-dimensional cylindrical decomposition).
///
/// Construction (`refine(for:)`): for each kink argument (inner ones first) and then each
/// condition of a claim, on each current cell: fix the branch of every kink already handled
/// by its sign at the cell's sample point, eliminate radicals (`RadicalElimination`) and add
/// the real roots of the resulting polynomial inside the cell. Afterwards each function is
/// either identically zero or nonzero on each cell, and continuous there (poles and domain
/// boundaries are zeros of the claim's domain conditions, which are targets too), so its
/// sign — and the claim's truth — is constant on each cell and one sample decides it.
struct CellDecomposition {
    let range: ParameterRange
    /// Sorted cut points strictly inside the range.
    private(set) var points: [RealAlgebraic] = []
    /// Kink arguments handled so far, in order.
    private(set) var kinks: [Expr] = []
    /// How the cut points were found: (target, cell, where its zeros are, roots inside the cell).
    private var findings: [(Expr, Cell, ZeroSet, [RealAlgebraic])] = []

    /// How the cut points were found, for `--explain`.
    var explanation: [String] {
        findings.map { target, cell, zeros, roots in
            let place = "on (\(cell.lower.map { Constant($0).description } ?? "-inf"), \(cell.upper.map { Constant($0).description } ?? "inf"))"
            let inside = roots.isEmpty ? "; none inside" : ": " + roots.map { Constant($0).description }.joined(separator: ", ")
            switch zeros {
            case .identicallyZero: return "\(target) is identically 0 \(place) (it reduces to 0 modulo the radical relations)"
            case .rootsOf(let polynomial): return "\(target) \(place): its zeros are among the real roots of \(polynomial)" + inside
            case .only(let zero): return "\(target) \(place): linear in \(range.name) with constant coefficients, its only zero is \(Constant(zero))" + inside
            }
        }
    }

    init(range: ParameterRange) { self.range = range }

    /// An open cell: its ends (nil: infinite) and a rational sample point inside.
    struct Cell {
        let lower: RealAlgebraic?
        let upper: RealAlgebraic?
        let sample: Rational
    }

    var cells: [Cell] {
        let ends = [range.lower.map(\.value.realAlgebraic)] + points.map { Optional($0) } + [range.upper.map(\.value.realAlgebraic)]
        var result: [Cell] = []
        for i in 0..<(ends.count - 1) {
            if let l = ends[i], let u = ends[i + 1], l == u { continue }
            result.append(Cell(lower: ends[i], upper: ends[i + 1], sample: Self.rational(between: ends[i], ends[i + 1])))
        }
        return result
    }

    /// The sign of each handled kink argument at x (0 where undefined: any branch is then
    /// as good as another, since the claim fails there through its domain conditions).
    func branches(at x: Rational) throws(Unable) -> [Expr: Int]? {
        var result: [Expr: Int] = [:]
        for kink in kinks {
            switch try kink.sign(at: [range.name: Constant(x)]) {
            case .sign(let s, _): result[kink] = s
            case .undefined: result[kink] = 0
            case .undecided: return nil
            }
        }
        return result
    }

    /// Cuts the cells at the zeros of `target`; `isKink` records it as a kink argument
    /// afterwards. Returns a reason when it cannot (not algebraic, undecidable branch).
    /// Past the bound `Deadline`, throws `Unable`.
    mutating func refine(for target: Expr, isKink: Bool) throws(Unable) -> String? {
        if target.isEvidentlyNonzero {
            if isKink { kinks.append(target) }
            return nil
        }
        var newPoints: [RealAlgebraic] = []
        for cell in cells {
            try Deadline.check(while: "cutting the range at the zeros of \(target)")
            guard let branches = try branches(at: cell.sample) else {
                return "the sign of a kink argument at \(cell.sample) is undecided"
            }
            guard let zeros = try RadicalElimination.zeros(of: target, parameter: range.name, branches: branches) else {
                return "radical elimination does not apply to \(target)"
            }
            let roots: [RealAlgebraic]
            switch zeros {
            case .identicallyZero: roots = []
            case .rootsOf(let polynomial): roots = polynomial.degree > 0 ? try polynomial.realRoots.filter { Self.isInside($0, cell) } : []
            case .only(let zero): roots = Self.isInside(zero, cell) ? [zero] : []
            }
            newPoints += roots
            findings.append((target, cell, zeros, roots))
        }
        points = Array(Set(points + newPoints)).sorted()
        if isKink { kinks.append(target) }
        return nil
    }

    static func isInside(_ x: RealAlgebraic, _ cell: Cell) -> Bool {
        (cell.lower.map { $0 < x } ?? true) && (cell.upper.map { x < $0 } ?? true)
    }

    /// A simple rational strictly between a and b (nil: infinite), a < b. Runs to completion:
    /// the enclosures of a and b separate as a < b.
    static func rational(between a: RealAlgebraic?, _ b: RealAlgebraic?) -> Rational {
        switch (a, b) {
        case (nil, nil): return .zero
        case (nil, let b?): return Rational(b.enclosure(bits: 8).lower.floor - BigInt.one)
        case (let a?, nil): return Rational(a.enclosure(bits: 8).upper.floor + BigInt.one)
        case (let a?, let b?):
            var bits = 16
            while true {
                let lo = a.enclosure(bits: bits).upper, hi = b.enclosure(bits: bits).lower
                if lo < hi { return simplest(between: lo, hi) }
                bits *= 2
            }
        }
    }

    /// The rational with the smallest denominator strictly between lo < hi (continued fractions).
    static func simplest(between lo: Rational, _ hi: Rational) -> Rational {
        let n = lo.floor + BigInt.one
        if Rational(n) < hi { return Rational(n) }
        let whole = Rational(lo.floor)
        let a = lo - whole, b = hi - whole
        let y = a.isZero ? Rational(b.reciprocal.floor + BigInt.one) : simplest(between: b.reciprocal, a.reciprocal)
        return whole + y.reciprocal
    }
}

extension Expr {
    /// Nonzero wherever defined, by its form: a nonzero constant times powers of positive
    /// constants (2^(−1/m)) and exponentials. Such a target has no zeros to cut at.
    var isEvidentlyNonzero: Bool {
        switch self {
        case .constant(let c): return !c.isZero
        case .apply(.exp, _): return true
        case .product(_, let factors):
            return factors.keys.allSatisfy { base in
                if case .apply(.exp, _) = base { return true }
                return base.constantValue.map { $0.signum > 0 } ?? false
            }
        default: return false
        }
    }
}
