import Synchronization

/// A wall-clock deadline for exact computations, bound per task (`withDeadline`; from
/// synchronous code, per thread), so concurrent computations on different threads or tasks
/// do not interfere.
///
/// Contract. Without a bound deadline nothing changes: every operation runs to completion
/// and honours its documented contract. With one, the long loops of this module check it
/// (`isExceeded`: a task-local read and one monotonic clock read) and, once it has passed,
/// stop early in one of two ways:
/// - *soundly*, where a weaker answer exists: factorization gives up ("not factored", as past
///   its recombination cap), so roots keep a non-minimal but correct defining polynomial, and
///   such entries are not memoized;
/// - with a *placeholder*, where no partial answer is correct (root isolation, root selection
///   for a sum or product, comparison and sign of irrationals, simplex pivots): a value that
///   is well formed (it breaks no invariant, so nothing downstream traps) but may be wrong.
///
/// So whoever binds a deadline must discard every result computed in its scope once
/// `isExceeded` is true at the end (the prover's entry points and the proof-file checker
/// answer undecided). Passing is sticky: once `isExceeded` has returned true in a scope it
/// stays true there, so a placeholder always leaves the deadline observed as passed.
public final class Deadline: Sendable {
    /// The limit in seconds the deadline was bound with (for messages).
    public let seconds: Double
    private let instant: ContinuousClock.Instant
    /// Set once the clock has been seen past `instant`: later checks skip the clock.
    private let passed = Atomic<Bool>(false)

    private init(seconds: Double) {
        self.seconds = seconds
        instant = .now + .nanoseconds(Int64((seconds * 1e9).rounded()))
    }

    /// The deadline bound for the current task or thread, if any.
    @TaskLocal public static var current: Deadline?

    /// Runs `body` with a deadline `seconds` from now. An enclosing deadline that comes
    /// earlier stays in force: a nested call cannot extend its caller's limit.
    /// Precondition: seconds > 0.
    public static func withDeadline<T>(seconds: Double, _ body: () throws -> T) rethrows -> T {
        precondition(seconds > 0, "a time limit must be positive")
        let mine = Deadline(seconds: seconds)
        if let outer = current, outer.instant <= mine.instant { return try body() }
        return try $current.withValue(mine, operation: body)
    }

    /// Whether the bound deadline has passed (false when none is bound).
    public static var isExceeded: Bool { current?.hasPassed ?? false }

    /// Whether this deadline has passed; once true, always true.
    public var hasPassed: Bool {
        if passed.load(ordering: .relaxed) { return true }
        guard ContinuousClock.now >= instant else { return false }
        passed.store(true, ordering: .relaxed)
        return true
    }
}

extension Interval {
    /// The placeholder for a number enclosed by this interval, once a `Deadline` has passed:
    /// a rational inside it, nonzero, and of the interval's sign when it has one (so code
    /// that divides by the number, or takes an even root of it, on the strength of its sign
    /// does not trap on the placeholder).
    var deadlinePlaceholder: Rational {
        if lower.signum > 0 { return lower }
        if upper.signum != 0 { return upper }
        return lower.isZero ? .one : lower
    }
}
