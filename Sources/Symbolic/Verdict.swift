import Exact

/// A set of parameter values where a claim fails: a point or an interval with exact ends.
public struct FailingPiece: Hashable, Sendable, CustomStringConvertible {
    /// nil: unbounded.
    public let lower: RealAlgebraic?
    public let upper: RealAlgebraic?
    public let lowerClosed: Bool
    public let upperClosed: Bool

    public var isPoint: Bool { lowerClosed && upperClosed && lower != nil && lower == upper }

    public var description: String {
        func show(_ x: RealAlgebraic?, _ infinity: String) -> String {
            guard let x else { return infinity }
            return Constant(x).description
        }
        if isPoint { return "{\(show(lower, ""))}" }
        return (lowerClosed ? "[" : "(") + show(lower, "-inf") + ", " + show(upper, "inf") + (upperClosed ? "]" : ")")
    }
}

/// Exact values of parameters, printed `k = 2, k' = 3` (names in order).
public struct Assignment: Hashable, Sendable, CustomStringConvertible, ExpressibleByDictionaryLiteral {
    public let values: [String: Constant]

    public init(_ values: [String: Constant]) { self.values = values }
    public init(dictionaryLiteral elements: (String, Constant)...) {
        values = Dictionary(elements, uniquingKeysWith: { $1 })
    }

    public subscript(name: String) -> Constant? { values[name] }

    public var description: String {
        values.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
    }
}

/// The prover's answer, three-valued with evidence.
public enum Verdict: Hashable, Sendable, CustomStringConvertible {
    /// Proved; the text says how.
    case proved(String)
    /// Refuted at an exact witness, a value for each parameter (rational when the failing set
    /// has interior), with the whole failing set of a one-parameter claim when it was
    /// computed, and the reason at the witness.
    case refuted(witness: Assignment, failingSet: [FailingPiece], reason: String)
    /// Neither; the text says why.
    case undecided(String)

    public var isProved: Bool { if case .proved = self { true } else { false } }
    public var isRefuted: Bool { if case .refuted = self { true } else { false } }

    public var description: String {
        switch self {
        case .proved(let how): return "proved (\(how))"
        case .refuted(let witness, let failingSet, let reason):
            let set = failingSet.isEmpty ? "" : "; fails on " + failingSet.map(\.description).joined(separator: " ∪ ")
            return "refuted at \(witness) (\(reason))\(set)"
        case .undecided(let why): return "undecided (\(why))"
        }
    }
}

/// A verdict and, for `--explain`, how each piece was decided (computed on demand: printing
/// every piece costs more than deciding).
public struct ProverReport: Sendable {
    public let verdict: Verdict
    private let lines: @Sendable () -> [String]
    /// What an independent checker re-verifies the verdict from, when one was written.
    public let certificate: Certificate?

    public init(verdict: Verdict, explanation: @escaping @Sendable () -> [String] = { [] }, certificate: Certificate? = nil) {
        self.verdict = verdict
        lines = explanation
        self.certificate = certificate
    }

    public var explanation: [String] { lines() }
}
