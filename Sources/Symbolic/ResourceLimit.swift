import Exact

/// Per-call resource limits for the prover: a wall-clock deadline and size guards.
///
/// The deadline is Exact's `Deadline` (task-local, so concurrent checks on different threads
/// or tasks do not interfere). The prover checks it in its loops (cells of a decomposition,
/// resultant steps, products of polynomials and series, evaluation points, subdivision boxes,
/// enclosure precisions) with `Deadline.check(while:)`, and Exact checks it inside root
/// isolation; past it they throw `Unable`, which every function on the way up declares
/// (`throws(Unable)`), so no value computed past the deadline can be taken for an answer.
/// Every prover entry point (`limiting`) catches it and answers undecided with its reason.
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
    /// limit.
    public static func withDeadline<T, E: Error>(seconds: Double, _ body: () throws(E) -> T) throws(E) -> T {
        try Deadline.withDeadline(seconds: seconds, body)
    }

    /// Runs a prover entry point under the bound deadline, or `defaultSeconds` when none is
    /// bound; when the work throws `Unable`, the answer is undecided with its reason.
    static func limiting(_ body: () throws(Unable) -> ProverReport) -> ProverReport {
        func run() -> ProverReport {
            do { return try body() } catch { return ProverReport(verdict: .undecided(error.reason)) }
        }
        return deadline == nil ? withDeadline(seconds: defaultSeconds, run) : run()
    }
}
