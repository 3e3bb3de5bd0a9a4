import ArgumentParser
import Exact
import Symbolic

/// `margincert eval '<expression or comparison>'`: the exact value, or the exact verdict.
///
/// An expression prints its value: a rational, a real algebraic number (30 significant digits,
/// its defining polynomial and an isolating interval), or for exp/log a rigorous enclosure.
/// A comparison (or several joined by `and`) prints how each was decided; the last line is
/// `true`, `false` or `undecided`. Exit status: 0 decided, 2 malformed or undefined input,
/// 3 undecided.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate an expression or decide a comparison exactly.",
        discussion: "Example: margincert eval '(sqrt(2) + sqrt(3))^2 = 5 + 2*sqrt(6)'")

    @Argument(help: "An expression such as '17 - 12*sqrt(2)', or a comparison such as '4*e^(-4) < 1'.")
    var input: String

    func run() throws {
        let statement: Statement
        do {
            statement = try Parser.statement(input)
        } catch {
            print(error.diagnostic(for: input))
            throw ExitCode(2)
        }
        switch statement {
        case .expression(let e, let domain):
            switch Claim([], domain: domain).truth(at: [:]) {
            case .holds: break
            case .fails(let condition, _):
                print("error: undefined: \(condition) does not hold")
                throw ExitCode(2)
            case .undecided(let condition):
                print("undecided: whether \(condition) (where the expression is defined) is not settled")
                throw ExitCode(3)
            }
            try printValue(of: e)
        case .claim(let claim):
            try decide(claim)
        }
    }

    private func printValue(of e: Expr) throws {
        switch e.exactValue() {
        case .exact(.rational(let q)):
            print(q)
            if !q.isInteger { print("= \(Constant(q).decimalString(significantDigits: 30))") }
        case .exact(.algebraic(let a)):
            print(a.decimalString(significantDigits: 30))
            if let text = a.radicalText {
                print("= \(text)")
            } else {
                print("the real root of \(a.definingPolynomial) in \(a.isolatingInterval)")
            }
        case .transcendental(let folded):
            guard let enclosure = folded.enclosure(at: [:], bits: 110) else {
                print("error: no enclosure found for \(folded)")
                throw ExitCode(3)
            }
            print("in \(enclosure.decimalText)")
            print("(a rigorous enclosure of \(folded))")
        case .notConstant(let folded):
            print("error: not a number: \(folded)")
            throw ExitCode(2)
        }
    }

    /// One line describing a side's value.
    private func valueText(_ e: Expr) -> String {
        switch e.exactValue() {
        case .exact(.rational(let q)): return q.isInteger ? q.description : "\(q) = \(Constant(q).decimalString(significantDigits: 30))"
        case .exact(.algebraic(let a)):
            return "\(a.decimalString(significantDigits: 30)) (real algebraic, \(a.radicalText ?? "root of \(a.definingPolynomial)"))"
        case .transcendental(let folded):
            return folded.enclosure(at: [:], bits: 110).map { "in \($0.decimalText)" } ?? "\(folded)"
        case .notConstant(let folded): return folded.description
        }
    }

    private func decide(_ claim: Claim) throws {
        for condition in claim.domain {
            switch condition.difference.sign() {
            case .sign(let s, _) where condition.relation.holds(forSign: s): continue
            case .undecided:
                print("the definedness condition \(condition) cannot be decided")
                print("undecided")
                throw ExitCode(3)
            default:
                print("error: undefined: \(condition) does not hold")
                throw ExitCode(2)
            }
        }
        var verdict = true
        for comparison in claim.comparisons {
            print("lhs: \(valueText(comparison.lhs))")
            print("rhs: \(valueText(comparison.rhs))")
            switch comparison.difference.sign() {
            case .sign(let s, let evidence):
                let holds = comparison.relation.holds(forSign: s)
                verdict = verdict && holds
                let how = switch evidence {
                case .exact: "exactly"
                case .enclosure(let bits): "by rigorous enclosures at \(bits) bits"
                case .signChange: "by a sign change"
                }
                print("lhs \(["<", "=", ">"][s + 1]) rhs (decided \(how)), so '\(comparison.relation.rawValue)' is \(holds)")
            case .undefined:
                print("error: undefined: \(comparison)")
                throw ExitCode(2)
            case .undecided:
                print("enclosures up to \(Expr.maximumEnclosureBits) bits do not separate the sides")
                print("undecided")
                throw ExitCode(3)
            }
        }
        print(verdict ? "true" : "false")
    }
}

extension ParseError {
    /// `error: <message>`, the input line, and a caret under the column.
    func diagnostic(for line: String) -> String {
        "error: \(message)\n  \(line)\n  " + String(repeating: " ", count: max(column - 1, 0)) + "^"
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
