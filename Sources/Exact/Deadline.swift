import Synchronization

/// A wall-clock deadline for exact computations, bound per task (`withDeadline`; from
/// synchronous code, per thread), so concurrent computations on different threads or tasks
/// do not interfere.
///
/// Contract. Without a bound deadline nothing changes: every operation runs to completion
/// and honours its documented contract. With one, past it an exact operation either
/// - *runs to completion* and answers exactly: the field operators, comparisons and signs
///   of `OrderedField` (`+ − × ÷`, `<`, `==`, `signum`, on `RealAlgebraic` too; they run the
///   throwing forms below with no deadline bound), enclosures, printing and gcds. Each ends
///   (equality of algebraic numbers is decided exactly, so refinement stops), and generic
///   exact code (linear algebra, simplex, networks) stays free of `try`;
/// - gives a *weaker but sound* answer where one exists: factorization gives up ("not
///   factored", as past its recombination cap), so roots keep a non-minimal but correct
///   defining polynomial;
/// - or *throws* `Unable`, where no partial answer is correct: the long primitives a prover
///   drives in its loops (the throwing forms of the field operations, `RealAlgebraic.sum`,
///   `product`, `quotient`, `checkedPower`, `checkedRoot`, with composed polynomials and root
///   selection; root isolation, splitting off rational roots; in Symbolic and Certify: exact
///   values at points, resultants and determinants, multivariate products, cell
///   decomposition, series, subdivision, simplex pivots) are `throws(Unable)` and check
///   `check(while:)`.
///
/// So no value computed past a deadline can be taken for an answer: what is returned is exact,
/// and what could not be finished is an `Unable` the compiler makes every caller handle
/// (`try`). The prover's and the proof-file checker's entry points catch it and answer
/// undecided with its reason. Passing is sticky: once a check has seen the deadline passed,
/// it stays passed.
///
/// Why the field operators run to completion rather than throw: they are the `OrderedField`
/// requirements that generic code is written against (hundreds of call sites in linear
/// algebra, simplex, KKT, networks); throwing ones would put `try` in all of them for
/// operations that end by themselves. Code that can answer undecided (the prover's evaluation
/// at points) uses the throwing forms; elsewhere the time goes into the loops around the
/// operators, where the deadline is checked, and a single operator on numbers of very high
/// degree can still overrun its limit by its own duration (bounded from outside by `check`).
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
    public static func withDeadline<T, E: Error>(seconds: Double, _ body: () throws(E) -> T) throws(E) -> T {
        precondition(seconds > 0, "a time limit must be positive")
        let mine = Deadline(seconds: seconds)
        if let outer = current, outer.instant <= mine.instant { return try body() }
        return try $current.withValue(mine) { Result(catching: body) }.get()
    }

    /// Throws `Unable` when the bound deadline has passed; `activity` names the work that
    /// was under way ("isolating real roots"). Never throws when no deadline is bound.
    public static func check(while activity: @autoclosure () -> String) throws(Unable) {
        guard let deadline = current, deadline.hasPassed else { return }
        throw Unable(seconds: deadline.seconds, activity: activity())
    }

    /// Whether the bound deadline has passed (false when none is bound). Only for giving up
    /// with a weaker answer that is still sound (factorization); work that has no such
    /// answer calls `check(while:)`.
    public static var hasPassed: Bool { current?.hasPassed ?? false }

    /// Whether this deadline has passed; once true, always true.
    public var hasPassed: Bool {
        if passed.load(ordering: .relaxed) { return true }
        guard ContinuousClock.now >= instant else { return false }
        passed.store(true, ordering: .relaxed)
        return true
    }

    /// Runs `body` with no deadline bound, to completion: what the operations that never
    /// throw (see the contract) use to call primitives that check the deadline elsewhere.
    /// `check(while:)` never throws without a bound deadline, so neither does `body` here.
    public static func runningToCompletion<T>(_ body: () throws(Unable) -> T) -> T {
        func run() -> T {
            do { return try body() } catch { preconditionFailure("Unable thrown with no deadline bound: \(error)") }
        }
        return current == nil ? run() : $current.withValue(nil, operation: run)
    }
}

/// The answer of an exact operation that could not be finished: its time limit passed while
/// it ran (see `Deadline`). Never a value that could be taken for a result: whoever calls a
/// `throws(Unable)` operation must handle it, and the prover and checker answer undecided
/// with `reason`.
public struct Unable: Error, Sendable, Equatable, CustomStringConvertible {
    /// The limit in seconds that passed.
    public let seconds: Double
    /// What was under way, e.g. "isolating real roots".
    public let activity: String

    public init(seconds: Double, activity: String) {
        self.seconds = seconds
        self.activity = activity
    }

    /// The undecided reason, "limit: time 10 s passed while isolating real roots (raise the
    /// per-claim time limit to try longer)" (the "limit: time" kind that reports count).
    public var reason: String {
        "limit: time \(seconds.formattedSeconds) s passed while \(activity) (raise the per-claim time limit to try longer)"
    }

    public var description: String { reason }
}

extension Double {
    /// 10, 1.5: no trailing ".0".
    var formattedSeconds: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
