import CGMP

/// An arbitrary-precision integer, backed by a GMP `mpz_t`.
///
/// Value semantics: the GMP object lives in a reference-counted box that is never
/// mutated once shared (copy-on-write); the box frees it in `deinit`.
public struct BigInt: Sendable {
    @usableFromInline var box: MPZBox

    @usableFromInline init(box: MPZBox) { self.box = box }

    /// The integer `value`.
    public init(_ value: Int) {
        box = MPZBox()
        __gmpz_set_si(box.p, value)
    }

    /// Reads an optionally signed decimal integer (`-123`); `nil` if `text` is not one.
    public init?(_ text: some StringProtocol) {
        var digits = Substring(text)
        var negative = false
        if let first = digits.first, first == "-" || first == "+" {
            negative = first == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        box = MPZBox()
        let ok = String(digits).withCString { __gmpz_set_str(box.p, $0, 10) }
        precondition(ok == 0, "GMP rejected a validated decimal string")
        if negative { __gmpz_neg(box.p, box.p) }
    }

    /// Runs `body` on a fresh GMP integer and wraps it.
    @inlinable
    static func make(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInt {
        let result = MPZBox()
        body(result.p)
        return BigInt(box: result)
    }

    public static let zero = BigInt(0)
    public static let one = BigInt(1)

    /// −1, 0 or 1.
    public var signum: Int { Int(cgmp_mpz_sgn(box.p)) }
    public var isZero: Bool { signum == 0 }
    public var isOdd: Bool { __gmpz_tstbit(box.p, 0) == 1 }

    /// The number of bits of |self| (0 for zero).
    public var bitWidth: Int { isZero ? 0 : Int(__gmpz_sizeinbase(box.p, 2)) }

    /// The number of decimal digits of |self|, possibly one too many (GMP's estimate).
    public var decimalDigitsEstimate: Int { Int(__gmpz_sizeinbase(box.p, 10)) }

    /// The value as an `Int`, or `nil` if it does not fit.
    public var intValue: Int? {
        __gmpz_fits_slong_p(box.p) != 0 ? __gmpz_get_si(box.p) : nil
    }

    public var magnitude: BigInt { BigInt.make { __gmpz_abs($0, box.p) } }
}

/// Owns one initialised `mpz_t`.
@usableFromInline
final class MPZBox: @unchecked Sendable {
    @usableFromInline let p: UnsafeMutablePointer<__mpz_struct>

    @usableFromInline init() {
        _ = BigInt.guardedAllocation
        p = .allocate(capacity: 1)
        __gmpz_init(p)
    }

    deinit {
        __gmpz_clear(p)
        p.deallocate()
    }
}
