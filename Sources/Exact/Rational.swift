import CGMP

/// An exact rational number p/q in lowest terms with q > 0, backed by a GMP `mpq_t`.
///
/// Value semantics: the GMP object lives in a reference-counted box that is never mutated
/// once shared; the box frees it in `deinit`.
public struct Rational: Sendable {
    @usableFromInline var box: MPQBox

    @usableFromInline init(box: MPQBox) { self.box = box }

    public init(_ value: Int) {
        box = MPQBox()
        __gmpq_set_si(box.p, value, 1)
    }

    public init(_ value: BigInt) {
        box = MPQBox()
        __gmpq_set_z(box.p, value.box.p)
    }

    /// numerator / denominator, reduced. Precondition: denominator ≠ 0.
    public init(_ numerator: BigInt, _ denominator: BigInt) {
        precondition(!denominator.isZero, "zero denominator")
        box = MPQBox()
        __gmpz_set(cgmp_mpq_num(box.p), numerator.box.p)
        __gmpz_set(cgmp_mpq_den(box.p), denominator.box.p)
        __gmpq_canonicalize(box.p)
    }

    /// numerator / denominator, reduced. Precondition: denominator ≠ 0.
    public init(_ numerator: Int, _ denominator: Int) {
        self.init(BigInt(numerator), BigInt(denominator))
    }

    /// The exact value of a finite `Double` (every finite double is a dyadic rational).
    public init(_ value: Double) {
        precondition(value.isFinite, "non-finite double")
        box = MPQBox()
        __gmpq_set_d(box.p, value)
    }

    @inlinable
    static func make(_ body: (UnsafeMutablePointer<__mpq_struct>) -> Void) -> Rational {
        let result = MPQBox()
        body(result.p)
        return Rational(box: result)
    }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    public var numerator: BigInt { BigInt.make { __gmpz_set($0, cgmp_mpq_num(box.p)) } }
    public var denominator: BigInt { BigInt.make { __gmpz_set($0, cgmp_mpq_den(box.p)) } }

    /// −1, 0 or 1.
    public var signum: Int { Int(cgmp_mpq_sgn(box.p)) }
    public var isZero: Bool { signum == 0 }
    public var isInteger: Bool { __gmpz_cmp_ui(cgmp_mpq_den(box.p), 1) == 0 }

    /// The number of bits of numerator and denominator together: a size measure.
    public var bitSize: Int { numerator.bitWidth + denominator.bitWidth }
}

/// Owns one initialised `mpq_t`.
@usableFromInline
final class MPQBox: @unchecked Sendable {
    @usableFromInline let p: UnsafeMutablePointer<__mpq_struct>

    @usableFromInline init() {
        _ = BigInt.guardedAllocation
        p = .allocate(capacity: 1)
        __gmpq_init(p)
    }

    deinit {
        __gmpq_clear(p)
        p.deallocate()
    }
}
