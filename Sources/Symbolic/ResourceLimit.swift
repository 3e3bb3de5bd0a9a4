import Exact

/// Per-call resource limits for the prover: a wall-clock deadline and size guards.
///
/// The deadline is Exact's `Deadline` (task-local, so concurrent checks on different threads
/// or tasks do not interfere). The prover checks it cooperatively in its loops (cells of a
/// decomposition, resultant steps, evaluation points, subdivision boxes, series terms), and
/// Exact checks it inside its own long steps (factorization, root isolation, refinement,
/// root selection, comparisons), which past it stop early and may return placeholders (see
/// `Deadline`). So every prover entry point (`limiting`) answers undecided with `reason`
/// whenever the deadline has passed by the time it answers: proved and refuted verdicts are
/// never produced from work that was cut short.
public enum ResourceLimit {
    /// The limit applied by the prover entry points when no deadline is bound.
    public static let defaultSeconds: Double = 10
    /// Elimination gives up ("limit: size") past this degree of an eliminated polynomial…
    public static let largestEliminatedDegree = 400
    /// …or past this many bits in one of its coefficients.
    public static let largestCoefficientBits = 100_000

    /// The bound deadline, if any.
    static var deadline: Deadline? { Deadline.current }

    /// Runs `body` with a deadline `seconds` from now (`Deadline.withDeadline`). An enclosing
    /// deadline that comes earlier stays in force: a nested call cannot extend its caller's
    /// limit. Whatever `body` computes once `isExceeded` is true must be discarded.
    public static func withDeadline<T>(seconds: Double, _ body: () throws -> T) rethrows -> T {
        try Deadline.withDeadline(seconds: seconds, body)
    }

    /// Whether the bound deadline has passed (false when none is bound).
    public static var isExceeded: Bool { Deadline.isExceeded }

    /// The undecided reason once the deadline has passed.
    public static var reason: String {
        let seconds = deadline?.seconds ?? defaultSeconds
        return "limit: time \(seconds.formatted) s (raise the per-claim time limit to try longer)"
    }

    /// Runs a prover entry point under the bound deadline, or `defaultSeconds` when none is
    /// bound; any answer reached after the deadline is discarded (it may rest on placeholders)
    /// and undecided with the limit as its reason instead.
    static func limiting(_ body: () -> ProverReport) -> ProverReport {
        func run() -> ProverReport {
            let report = body()
            return isExceeded ? ProverReport(verdict: .undecided(reason)) : report
        }
        return deadline == nil ? withDeadline(seconds: defaultSeconds, run) : run()
    }
}

private extension Double {
    /// 10, 1.5: no trailing ".0".
    var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
