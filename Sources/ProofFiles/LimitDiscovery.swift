import Discovery
import Exact
import Foundation
import GradientFlow
import Networks
import Symbolic

/// From a flow of a proof file to an exact limit point, written as a proof file and verified
/// by checking it (`margincert discover`).
///
/// Steps: simulate the flow until its KKT candidate settles (`FlowRunner.settledRun`) or to its
/// budget; scale the final direction to smallest margin 1,
/// read off the active examples and zero entries, refine by Newton on the KKT system of that
/// pattern (`LimitCandidate`); recognise each entry as an exact number (`AlgebraicGuess`);
/// write `point limit: …` with the claims that it is feasible, a KKT point, where the flow
/// goes, and — among `is a global optimum`, `is a local optimum`, `is not a local optimum` —
/// the ones the checker proves; then check that file. Recognition is a guess: the point counts
/// as found only when `limit is a KKT point` is **proved** by the exact checker.
public enum LimitDiscovery {
    /// What became of one flow.
    public struct Finding: Sendable {
        public let flow: String
        public enum Status: Sendable {
            /// The point is exact and proved a KKT point; `source` passes `margincert check`.
            case found(point: String, source: String, result: Report.FileResult)
            /// The direction did not give an exact KKT point; the reason says what was seen.
            case notFound(String)
        }
        public let status: Status
        /// How the flow ended, the active examples, the refinement's residual: for the report.
        public let notes: [String]

        /// The limit was found and its proof file passes as written.
        public var passes: Bool {
            guard case let .found(_, _, result) = status else { return false }
            return result.error == nil && result.claims.allSatisfy(\.ok)
        }
    }

    public static func discover(path: String, source: String, flow wanted: String? = nil,
                                runner: FlowRunner = FlowRunner(recordEvery: 1000), timeLimit: Double = 10) throws(Diagnostic) -> [Finding] {
        let syntax = try ProofFileParser.parse(source)
        let document = try Elaborator.elaborate(syntax)
        let names = document.flows.keys.sorted()
        guard !names.isEmpty else {
            throw Diagnostic("the file has no flow to discover the limit of", at: SourceLocation(line: 1, column: 1),
                             hint: "add one: flow gf: exponential from init")
        }
        if let wanted, document.flows[wanted] == nil {
            throw Diagnostic("the file has no flow '\(wanted)'", at: SourceLocation(line: 1, column: 1),
                             hint: "its flows are " + names.joined(separator: ", "))
        }
        let header = declarations(of: source, syntax)
        return (wanted.map { [$0] } ?? names).map { name in
            finding(name, document.flows[name]!, exactData: preciseData(document), header: header, path: path, runner: runner,
                    timeLimit: timeLimit)
        }
    }

    static func finding(_ name: String, _ flow: Document.Flow, exactData: [LabeledPoint<Rational>]?, header: String, path: String, runner: FlowRunner,
                        timeLimit: Double) -> Finding {
        let run = runner.settledRun(flow)
        var notes = ["flow \(name): " + (run.settled ? "its KKT candidate settled after \(run.steps) steps"
                                           : "\(FlowRunner.describe(run.last.outcome)) after \(run.steps) steps")
                     + ", log10 L = " + String(format: "%.4g", run.last.last.log10Loss)]
        switch exactPoint(of: run.final, flow, exactData: exactData) {
        case .failure(let unrecognised):
            return Finding(flow: name, status: .notFound(unrecognised.reason), notes: notes + unrecognised.notes)
        case .success(let guess):
            notes += guess.notes
            return Finding(flow: name, status: verified(guess, flow: name, direction: run.final, header: header, path: path,
                                                        runner: runner, timeLimit: timeLimit), notes: notes)
        }
    }

    /// A limit recognised as exact numbers, not yet verified: `point limit: …`, the refined θ,
    /// and what the refinement saw.
    struct Guess: Sendable {
        let point: String
        let theta: [Double]
        let notes: [String]
    }

    /// Why no exact point was guessed.
    struct Unrecognised: Error {
        let reason: String
        var notes: [String] = []
    }

    /// The exact point guessed from a flow's final direction: scaled, refined (to about 75
    /// digits by Newton's method in rational arithmetic), recognised entry by entry — first alone, then the entries left over
    /// as sums of the radicals the others use.
    static func exactPoint(of direction: [Double], _ flow: Document.Flow, exactData: [LabeledPoint<Rational>]?) -> Result<Guess, Unrecognised> {
        let network = flow.network
        guard network.homogeneityDegree != nil else {
            return .failure(Unrecognised(reason: "the network is not homogeneous: its limit need not be a KKT point of the max-margin problem"))
        }
        guard let candidate = LimitCandidate(direction: direction, network: network, data: flow.data) else {
            return .failure(Unrecognised(reason: "the flow did not separate the data (some margin is not positive at its end)"))
        }
        let approximations = exactData.map { candidate.precise(on: $0) } ?? candidate.theta.map { Approximation($0) }
        let digits = approximations.map(\.digits).min() ?? 0
        let notes = ["active examples: " + candidate.active.map { "x\($0 + 1)" }.joined(separator: ", ")
                     + "; entries at 0: \(candidate.zeroEntries.count); Newton: \(candidate.iterations) steps, residual "
                     + String(format: "%.1e", candidate.residual) + "; refined to \(digits) digits"]
        var guesses: [AlgebraicGuess?] = approximations.indices.map { j in
            candidate.zeroEntries.contains(j) ? .rational(.zero) : AlgebraicGuess.recognize(approximations[j])
        }
        var pool: [Radical] = []
        for radical in guesses.compactMap({ $0?.radicals }).joined() where !pool.contains(radical) { pool.append(radical) }
        for j in guesses.indices where guesses[j] == nil {
            guesses[j] = AlgebraicGuess.recognize(approximations[j], pool: pool)
            guard guesses[j] != nil else {
                return .failure(Unrecognised(reason: unrecognised(entry: j, approximations[j], pool: pool), notes: notes))
            }
        }
        let entries = guesses.map { $0!.description }
        let point = "point limit: " + network.blocks.map { block in
            let values = block.range.map { entries[$0] }
            return "\(block.name) = " + (values.count == 1 ? values[0] : "(" + values.joined(separator: ", ") + ")")
        }.joined(separator: ", ")
        return .success(Guess(point: point, theta: candidate.theta, notes: notes))
    }

    /// Why entry j was not recognised: its digits, what was tried, and the integer polynomial
    /// of degree ≤ 6 it appears to satisfy, if any.
    static func unrecognised(entry j: Int, _ x: Approximation, pool: [Radical]) -> String {
        let shown = min(max(x.digits, 1), 40)
        var text = "entry \(j + 1) of the limit, \(x.value.decimalString(fractionDigits: shown)) (about \(x.digits) digits), is not "
            + "recognised as a rational, a radical r^(1/k) (k ≤ 12), a quadratic irrational"
            + (x.digits >= 25 ? " or a sum of the radicals " + (pool.map(\.description) + ["sqrt(2)", "sqrt(3)", "sqrt(5)"]).joined(separator: ", ")
               + " and their products" : "") + " with coefficients that small digits can tell apart"
        if let p = AlgebraicGuess.minimalPolynomial(of: x, degreeBound: 6), p.count > 3 {
            let terms = p.enumerated().reversed().filter { !$0.element.isZero }.map { "\($0.element)·x^\($0.offset)" }
            text += "; it appears to be a root of " + terms.joined(separator: " + ") + " (degree \(p.count - 1)), which has no closed form here"
        } else {
            text += "; no integer polynomial of degree ≤ 6 with small coefficients vanishes at it"
        }
        return text
    }

    /// The examples as rationals: exact when they are rational, else the midpoints of
    /// enclosures of width 2⁻³²⁰ (far below the 2⁻²⁵⁶ the refinement works to); nil when an
    /// entry has no enclosure.
    static func preciseData(_ document: Document) -> [LabeledPoint<Rational>]? {
        func value(_ e: Expr) -> Rational? { e.rationalValue ?? e.enclosure(at: [:], bits: 320)?.midpoint }
        var data: [LabeledPoint<Rational>] = []
        for example in document.examples {
            let x = example.x.compactMap(value), y = example.y.compactMap(value)
            guard x.count == example.x.count, y.count == example.y.count else { return nil }
            data.append(LabeledPoint(x: x, y: y))
        }
        return data
    }

    /// The guess checked exactly: feasible and KKT (else not found), then each optimality claim
    /// the checker proves, and the flow's convergence to it (evidence); the file and its result.
    static func verified(_ guess: Guess, flow name: String, direction: [Double], header: String, path: String,
                         runner: FlowRunner?, timeLimit: Double) -> Finding.Status {
        let base = header + "\n# Found by margincert discover from flow \(name): its direction scaled to smallest margin 1,\n"
            + "# refined by Newton's method on the KKT system of its pattern, recognised and checked exactly.\n"
            + guess.point + "\nclaim limit is feasible\nclaim limit is a KKT point\n"
            + "claim \(name) converges in direction to limit within \(tolerance(direction, guess.theta))\n"
        let kkt = Report.check(path: path, source: base, explain: false, simulator: nil, timeLimit: timeLimit)
        guard kkt.error == nil, kkt.claims.count >= 2, kkt.claims[0].verdict == .proved, kkt.claims[1].verdict == .proved else {
            let why = kkt.error ?? kkt.claims.prefix(2).map { "\($0.text): \($0.verdict.rawValue) (\($0.evidence))" }.joined(separator: "; ")
            return .notFound("the recognised \(guess.point) is not proved a feasible KKT point: \(why)")
        }
        var source = base
        for classification in ["is a global optimum", "is a local optimum", "is not a local optimum"] {
            let trial = Report.check(path: path, source: base + "claim limit \(classification)\n", explain: false, simulator: nil,
                                     timeLimit: timeLimit)
            if trial.claims.last?.verdict == .proved { source += "claim limit \(classification)\n" }
        }
        let result = Report.check(path: path, source: source, explain: false, simulator: runner, timeLimit: timeLimit)
        return .found(point: guess.point, source: source, result: result)
    }

    /// A tolerance for the convergence claim: ten times the final direction error, as a power of 10.
    static func tolerance(_ final: [Double], _ limit: [Double]) -> String {
        func unit(_ v: [Double]) -> [Double] {
            let n = v.map { $0 * $0 }.reduce(0, +).squareRoot()
            return v.map { $0 / n }
        }
        let error = zip(unit(final), unit(limit)).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
        return "1e\(Int((log10(max(error, 1e-12)) + 1).rounded(.up)))"
    }

    /// The file without its claims: the lines before the first statement, and each statement
    /// other than `claim` with the lines up to the next statement (its comments and blanks).
    static func declarations(of source: String, _ syntax: ProofFileSyntax) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let starts = syntax.statements.map { $0.line - 1 } + [lines.count]
        var keep = Array(lines[..<min(starts[0], lines.count)])
        for (k, statement) in syntax.statements.enumerated() {
            if case .claim = statement { continue }
            keep += lines[starts[k] ..< max(starts[k], min(starts[k + 1], lines.count))]
        }
        return keep.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension StatementSyntax {
    /// The line the statement starts on.
    var line: Int {
        switch self {
        case let .title(_, at), let .network(_, at), let .loss(_, at), let .parameter(_, _, at), let .integer(_, _, at),
             let .definition(_, _, _, at), let .point(_, _, _, at), let .limitPoint(_, _, at):
            return at.line
        case let .data(_, _, _, _, at), let .classData(_, _, _, at): return at.line
        case .claim(let c): return c.location.line
        case .flow(let f): return f.location.line
        case .experiment(let e): return e.location.line
        }
    }
}
