import ArgumentParser
import Exact
import ProofFiles
import Symbolic

/// `margincert eval '<expression or comparison>'`: the exact value, or the exact verdict.
///
/// The input is read with the proof files' grammar (`CommandLineText`); `--file PATH` (or the
/// input `-`, standard input) reads an input too long for one argument.
///
/// An expression prints its value: a rational, a real algebraic number (30 significant digits,
/// its defining polynomial and an isolating interval), or for exp/log a rigorous enclosure.
/// A comparison (or several joined by `and`) prints how each was decided; the last line is
/// `true`, `false` or `undecided`. Exit status: 0 decided, 2 malformed or undefined input,
/// 3 undecided (also past `--time-limit`, default 10 s: see `TimeLimitOptions`).
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate an expression or decide a comparison exactly.",
        discussion: "Example: margincert eval '(sqrt(2) + sqrt(3))^2 = 5 + 2*sqrt(6)'")

    @Argument(help: "An expression such as '17 - 12 sqrt(2)', or a comparison such as '4 e^(-4) < 1' ('-': read standard input).")
    var input: String?

    @Option(help: "Read the input from this file ('-': standard input) instead of the argument.")
    var file: String?

    @OptionGroup var limits: TimeLimitOptions

    func validate() throws {
        try ArgumentText.validate(input, named: "input", orFile: file)
    }

    func run() throws {
        try limits.bounded(undecided: { print("undecided (\($0))") }) {
            // Read here, in the bounded process: it is the one that reads standard input.
            let text = try ArgumentText.argument(input, named: "input", orFile: file)
            let answer: Answer
            do throws(Unable) { answer = try evaluated(text) } catch {
                // A step that could not finish in time: nothing computed is shown.
                print("undecided (\(error.reason))")
                throw ExitCode(3)
            }
            answer.lines.forEach { print($0) }
            if answer.status != 0 { throw ExitCode(answer.status) }
        }
    }

    /// What to print, and the exit status.
    private struct Answer {
        var lines: [String] = []
        var status: Int32 = 0

        mutating func end(_ line: String, status: Int32) -> Answer {
            lines.append(line)
            self.status = status
            return self
        }
    }

    private func evaluated(_ input: ArgumentText) throws(Unable) -> Answer {
        let statement: Statement
        do {
            statement = try CommandLineText.statement(input.text)
        } catch {
            var answer = Answer()
            return answer.end(error.rendered(path: input.name, source: input.text), status: 2)
        }
        switch statement {
        case .expression(let e, let domain):
            var answer = Answer()
            switch try Claim([], domain: domain).truth(at: [:]) {
            case .holds: return try value(of: e)
            case .fails(let condition, _): return answer.end("error: undefined: \(condition) does not hold", status: 2)
            case .undecided(let condition):
                return answer.end("undecided: whether \(condition) (where the expression is defined) is not settled", status: 3)
            }
        case .claim(let claim):
            return try decided(claim)
        }
    }

    private func value(of e: Expr) throws(Unable) -> Answer {
        var answer = Answer()
        switch try e.exactValue() {
        case .exact(.rational(let q)):
            answer.lines.append(q.description)
            if !q.isInteger { answer.lines.append("= \(Constant(q).decimalString(significantDigits: 30))") }
        case .exact(.algebraic(let a)):
            answer.lines.append(a.decimalString(significantDigits: 30))
            answer.lines.append(a.radicalText.map { "= \($0)" } ?? "the real root of \(a.definingPolynomial) in \(a.isolatingInterval)")
        case .transcendental(let folded):
            guard let enclosure = folded.enclosure(at: [:], bits: 110) else {
                return answer.end("error: no enclosure found for \(folded)", status: 3)
            }
            answer.lines.append("in \(enclosure.decimalText)")
            answer.lines.append("(a rigorous enclosure of \(folded))")
        case .notConstant(let folded):
            return answer.end("error: not a number: \(folded)", status: 2)
        }
        return answer
    }

    /// One line describing a side's value.
    private func valueText(_ e: Expr) throws(Unable) -> String {
        switch try e.exactValue() {
        case .exact(.rational(let q)): return q.isInteger ? q.description : "\(q) = \(Constant(q).decimalString(significantDigits: 30))"
        case .exact(.algebraic(let a)):
            return "\(a.decimalString(significantDigits: 30)) (real algebraic, \(a.radicalText ?? "root of \(a.definingPolynomial)"))"
        case .transcendental(let folded):
            return folded.enclosure(at: [:], bits: 110).map { "in \($0.decimalText)" } ?? "\(folded)"
        case .notConstant(let folded): return folded.description
        }
    }

    private func decided(_ claim: Claim) throws(Unable) -> Answer {
        var answer = Answer()
        for condition in claim.domain {
            switch try condition.difference.sign() {
            case .sign(let s, _) where condition.relation.holds(forSign: s): continue
            case .undecided:
                answer.lines.append("the definedness condition \(condition) cannot be decided")
                return answer.end("undecided", status: 3)
            default:
                return answer.end("error: undefined: \(condition) does not hold", status: 2)
            }
        }
        var verdict = true
        for comparison in claim.comparisons {
            answer.lines.append("lhs: \(try valueText(comparison.lhs))")
            answer.lines.append("rhs: \(try valueText(comparison.rhs))")
            switch try comparison.difference.sign() {
            case .sign(let s, let evidence):
                let holds = comparison.relation.holds(forSign: s)
                verdict = verdict && holds
                let how = switch evidence {
                case .exact: "exactly"
                case .enclosure(let bits): "by rigorous enclosures at \(bits) bits"
                case .signChange: "by a sign change"
                }
                answer.lines.append("lhs \(["<", "=", ">"][s + 1]) rhs (decided \(how)), so '\(comparison.relation.rawValue)' is \(holds)")
            case .undefined:
                return answer.end("error: undefined: \(comparison)", status: 2)
            case .undecided:
                answer.lines.append("enclosures up to \(Expr.maximumEnclosureBits) bits do not separate the sides")
                return answer.end("undecided", status: 3)
            }
        }
        answer.lines.append(verdict ? "true" : "false")
        return answer
    }
}

extension Interval {
    /// The ends as decimals with 30 fractional digits, rounded outward.
    var decimalText: String {
        "[\(lower.decimalString(digits: 30, roundingUp: false)), \(upper.decimalString(digits: 30, roundingUp: true))]"
    }
}

extension Rational {
    /// The decimal expansion with `digits` fractional digits, rounded down or up.
    func decimalString(digits: Int, roundingUp: Bool) -> String {
        let scale = Rational(BigInt(10).power(digits))
        let scaled = self * scale
        let n = roundingUp ? scaled.ceiling : scaled.floor
        return Rational(n, BigInt(10).power(digits)).decimalString(fractionDigits: digits)
    }
}
