/// Per-call resource limits for the prover: a wall-clock deadline and size guards.
///
/// The deadline is a task-local value (bound with `withDeadline`, also from synchronous code,
/// where it is thread-local), so concurrent checks on different threads or tasks do not
/// interfere. The prover checks it cooperatively in its loops (cells of a decomposition,
/// resultant steps, evaluation points, subdivision boxes, series terms) and, once it has
/// passed, stops and answers undecided with `reason`. Proved and refuted verdicts are never
/// produced from work that was cut short. A step that runs inside Exact (one root isolation,
/// one exact product) is not interrupted; the size guards keep those steps small.
public enum ResourceLimit {
    /// The limit applied by the prover entry points when no deadline is bound.
    public static let defaultSeconds: Double = 10
    /// Elimination gives up ("limit: size") past this degree of an eliminated polynomial…
    public static let largestEliminatedDegree = 400
    /// …or past this many bits in one of its coefficients.
    public static let largestCoefficientBits = 100_000

    struct Deadline: Sendable {
        let instant: ContinuousClock.Instant
        let seconds: Double
    }

    @TaskLocal static var deadline: Deadline?

    /// Runs `body` with a deadline `seconds` from now. An enclosing deadline that comes
    /// earlier stays in force: a nested call cannot extend its caller's limit.
    public static func withDeadline<T>(seconds: Double, _ body: () throws -> T) rethrows -> T {
        precondition(seconds > 0, "a time limit must be positive")
        let mine = Deadline(instant: .now + .nanoseconds(Int64((seconds * 1e9).rounded())), seconds: seconds)
        if let outer = deadline, outer.instant <= mine.instant { return try body() }
        return try $deadline.withValue(mine, operation: body)
    }

    /// Whether the bound deadline has passed (false when none is bound).
    public static var isExceeded: Bool {
        guard let d = deadline else { return false }
        return ContinuousClock.now >= d.instant
    }

    /// The undecided reason once the deadline has passed.
    public static var reason: String {
        let seconds = deadline?.seconds ?? defaultSeconds
        return "limit: time \(seconds.formatted) s (raise the per-claim time limit to try longer)"
    }

    /// Runs a prover entry point under the bound deadline, or `defaultSeconds` when none is
    /// bound; an undecided answer reached after the deadline reports the limit as its reason.
    static func limiting(_ body: () -> ProverReport) -> ProverReport {
        func run() -> ProverReport {
            let report = body()
            guard case .undecided = report.verdict, isExceeded else { return report }
            return ProverReport(verdict: .undecided(reason))
        }
        return deadline == nil ? withDeadline(seconds: defaultSeconds, run) : run()
    }
}

private extension Double {
    /// 10, 1.5: no trailing ".0".
    var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
