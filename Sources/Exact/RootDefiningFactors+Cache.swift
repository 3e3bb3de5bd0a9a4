import Synchronization

/// A process-wide memo of the root-defining factors of the polynomials that field operations
/// on real algebraic numbers build.
///
/// The same operation on the same defining polynomials recurs constantly (a network's forward
/// pass over the entries 2^(−1/m) multiplies the same pair of minimal polynomials many times),
/// and building the polynomial (a composed sum or product, a root transform), its square-free
/// part, its factorization and Sturm chains dominates each such operation. All of that is a
/// function of the operation and its polynomials alone, so it is computed once; root selection
/// (which depends on the operands' intervals) still runs every time. Soundness is unchanged:
/// a cached entry is exactly what `RootDefiningFactors(_:)` would build again.
extension RootDefiningFactors {
    /// The operation whose result polynomial is factored; the key of the memo.
    enum Operation: Hashable, Sendable {
        /// `Polynomial.composedSum(p, q)`.
        case sum(Polynomial, Polynomial)
        /// `Polynomial.composedProduct(p, q)`.
        case product(Polynomial, Polynomial)
        /// `p.raisingRoots(to: n)`.
        case power(Polynomial, Int)
        /// `p.substitutingPower(k)`.
        case root(Polynomial, Int)

        /// The polynomial the operation builds. Past a bound `Deadline`, throws `Unable`.
        func polynomial() throws(Unable) -> Polynomial {
            switch self {
            case let .sum(p, q): try Polynomial.composedSum(p, q)
            case let .product(p, q): try Polynomial.composedProduct(p, q)
            case let .power(p, n): try p.raisingRoots(to: n)
            case let .root(p, k): p.substitutingPower(k)
            }
        }
    }

    /// The entries kept before the memo is emptied (a bound on memory, not on soundness).
    static let memoCapacity = 4096

    /// `RootDefiningFactors(operation.polynomial())`, computed once per operation. The memo is
    /// consulted and filled under a lock, but the factors are computed outside it, so two
    /// threads may occasionally both compute the same (identical) entry. Past a bound
    /// `Deadline`, throws `Unable`, also when factorization gave up on the way (sound, but not
    /// what it computes without a deadline): so every entry is complete, the same whatever
    /// deadline was bound.
    static func of(_ operation: Operation) throws(Unable) -> RootDefiningFactors {
        if let known = memo.withLock({ $0[operation] }) { return known }
        let factors = try RootDefiningFactors(try operation.polynomial())
        try Deadline.check(while: "factoring the polynomial of an algebraic operation")
        memo.withLock { table in
            if table.count >= memoCapacity { table.removeAll(keepingCapacity: true) }
            table[operation] = factors
        }
        return factors
    }
}

/// The memo behind `RootDefiningFactors.of(_:)`.
private let memo = Mutex<[RootDefiningFactors.Operation: RootDefiningFactors]>([:])
