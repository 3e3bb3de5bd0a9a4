import Exact

/// A linear program in standard form over an exact ordered field:
///
///     minimize cᵀx  subject to  A x = b,  x ≥ 0.
///
/// Solved by the two-phase simplex method with Bland's rule (which cannot cycle), in exact
/// arithmetic. Every answer carries a certificate that `LinearProgram.verify` re-checks
/// exactly, so a verdict never rests on the solver being bug-free:
/// - `optimal(x, y)`: A x = b, x ≥ 0, Aᵀy ≤ c and cᵀx = bᵀy (strong duality);
/// - `infeasible(y)`: a Farkas certificate, Aᵀy ≥ 0 and bᵀy < 0;
/// - `unbounded(x, ray)`: x feasible, A·ray = 0, ray ≥ 0, cᵀray < 0.
public struct LinearProgram<F: OrderedField>: Sendable {
    public let a: [[F]]
    public let b: [F]
    public let c: [F]

    /// Precondition: `a` has `b.count` rows, each of `c.count` entries.
    public init(a: [[F]], b: [F], c: [F]) {
        precondition(a.count == b.count && a.allSatisfy { $0.count == c.count }, "dimension mismatch")
        self.a = a
        self.b = b
        self.c = c
    }

    /// The feasibility problem A x = b, x ≥ 0 (zero objective).
    public init(a: [[F]], b: [F]) {
        self.init(a: a, b: b, c: Array(repeating: .zero, count: a.first?.count ?? 0))
    }

    public enum Solution: Sendable {
        case optimal(x: [F], dual: [F])
        case infeasible(farkas: [F])
        case unbounded(x: [F], ray: [F])
    }

    public var rowCount: Int { b.count }
    public var columnCount: Int { c.count }
}

extension LinearProgram {
    /// Aᵀy as a vector over the columns.
    func transposeTimes(_ y: [F]) -> [F] {
        (0..<columnCount).map { j in (0..<rowCount).reduce(F.zero) { $0 + a[$1][j] * y[$1] } }
    }

    /// A x as a vector over the rows.
    func times(_ x: [F]) -> [F] {
        a.map { row in zip(row, x).reduce(F.zero) { $0 + $1.0 * $1.1 } }
    }

    static func dot(_ u: [F], _ v: [F]) -> F { zip(u, v).reduce(F.zero) { $0 + $1.0 * $1.1 } }

    /// Checks a solution's certificate exactly; `true` only if it proves what it claims.
    public func verify(_ solution: Solution) -> Bool {
        switch solution {
        case let .optimal(x, y):
            return x.count == columnCount && y.count == rowCount
                && x.allSatisfy { $0.signum >= 0 } && times(x) == b
                && zip(transposeTimes(y), c).allSatisfy { $0 <= $1 }
                && Self.dot(c, x) == Self.dot(b, y)
        case let .infeasible(y):
            return y.count == rowCount && transposeTimes(y).allSatisfy { $0.signum >= 0 }
                && Self.dot(b, y).signum < 0
        case let .unbounded(x, ray):
            return x.count == columnCount && ray.count == columnCount
                && x.allSatisfy { $0.signum >= 0 } && times(x) == b
                && ray.allSatisfy { $0.signum >= 0 } && times(ray).allSatisfy(\.isZero)
                && Self.dot(c, ray).signum < 0
        }
    }
}
