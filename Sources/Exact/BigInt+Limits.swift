import CGMP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size guard of exact numbers: no GMP integer may exceed `BigInt.maximumBits` bits.
///
/// GMP cannot recover from a failed allocation (it aborts, or dies of "overflow in mpz type"),
/// so sizes are guarded before GMP is called: `power` and `shifted` compute the size of their
/// result first, and GMP's allocation functions are replaced (`mp_set_memory_functions`, on the
/// first GMP object made) by ones that refuse any single block above the limit. Reaching the
/// limit is a resource error of the whole process, never a wrong number: the process prints
/// `error: limit: size …` with a hint to standard error and exits with status 5
/// (`BigInt.sizeLimitExitStatus`). A caller that can give up cleanly (answer undecided, report
/// a file error) tests `BigInt.fitsSizeLimit(bits:)` first.
extension BigInt {
    /// The most bits an exact integer may have: the environment variable `MARGINCERT_MAX_BITS`
    /// when it is set to a positive integer, else 2³¹ (256 MiB). Set it, if at all, before the
    /// first exact computation.
    nonisolated(unsafe) public static var maximumBits: Int = {
        guard let text = getenv("MARGINCERT_MAX_BITS"), let bits = Int(String(cString: text)), bits > 0 else { return 1 << 31 }
        return bits
    }()

    /// The process exit status when an exact number reaches `maximumBits`.
    public static let sizeLimitExitStatus: Int32 = 5

    /// Whether a number of `bits` bits is within `maximumBits`.
    public static func fitsSizeLimit(bits: Int) -> Bool { bits >= 0 && bits <= maximumBits }

    /// Ends the process with the size-limit error: `what` would need `bits` bits.
    public static func sizeLimitExceeded(_ what: String, bits: Int) -> Never {
        sizeLimitExceeded("\(what) would need up to \(bits) bits, more than the limit of \(maximumBits) bits")
    }

    /// Ends the process with the size-limit error `limit: size: <description>`.
    public static func sizeLimitExceeded(_ description: String) -> Never {
        let message = "error: limit: size: \(description)\n"
            + "  hint: a constant or a power in the input is too large to compute exactly; use smaller numbers, "
            + "or raise the limit with the environment variable MARGINCERT_MAX_BITS\n"
        var bytes = Array(message.utf8)
        _ = write(2, &bytes, bytes.count)
        exit(sizeLimitExitStatus)
    }

    /// The bits of self^n, at most (saturating; n ≥ 0).
    func bitsOfPower(_ n: Int) -> Int {
        let width = bitWidth
        guard n > 0 else { return 1 }
        guard width > 1 else { return width }
        let (product, overflow) = width.multipliedReportingOverflow(by: n)
        return overflow ? .max : product
    }

    /// Installs the guarded allocation functions once; touched by every new GMP object.
    static let guardedAllocation: Void = {
        __gmp_set_memory_functions(
            { size in
                guard size <= BigInt.maximumBits / 8 + 4096 else { BigInt.sizeLimitExceeded("a GMP block", bits: size.bitsSaturating) }
                guard let p = malloc(size) else { BigInt.sizeLimitExceeded("a GMP block (out of memory)", bits: size.bitsSaturating) }
                return p
            },
            { old, _, size in
                guard size <= BigInt.maximumBits / 8 + 4096 else { BigInt.sizeLimitExceeded("a GMP block", bits: size.bitsSaturating) }
                guard let p = realloc(old, size) else { BigInt.sizeLimitExceeded("a GMP block (out of memory)", bits: size.bitsSaturating) }
                return p
            },
            { p, _ in free(p) })
    }()
}

private extension Int {
    /// 8 · self, saturating: a byte count as bits.
    var bitsSaturating: Int { multipliedReportingOverflow(by: 8).overflow ? .max : self * 8 }
}
