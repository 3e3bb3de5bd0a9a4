import ArgumentParser
import Exact
import Symbolic

/// `margincert prove '<claim>' (--for-all 'eps in (a, b)' | --for-all 'a in (0, 1), b in (0, a)' | --small eps | --integer 'm >= 3' …)`.
///
/// Prints, with `--explain`, every cut point and cell and how it was decided; the last line
/// starts with `proved`, `refuted` (with an exact witness and the failing set) or `undecided`
/// (with the reason). Exit status: 0 proved, 1 refuted, 3 undecided (also past `--time-limit`,
/// default 10 s: see `TimeLimitOptions`), 2 malformed input (including an empty range such as
/// (1, 0)).
struct ProveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Prove or refute a claim for all values of one or two parameters.",
        discussion: """
            Examples:
              margincert prove '8 - 4*eps + 17*eps^2/4 < 8' --for-all 'eps in (0, 1/9)'
              margincert prove 'sqrt(a*eps) < a' --for-all 'a in (0, 1/2), eps in (0, a/4)'
              margincert prove '(1+eps)^(2/3) + (1-eps)^(2/3) < 2' --small eps
              margincert prove '(2/m)*(2/m - 1) < 0' --integer 'm >= 3'
              margincert prove "k'/k > 1" --integer 'k >= 2' --integer "k' > k"
            """)

    @Argument(help: "The claim: comparisons (= != < <= > >=) joined by 'and'.")
    var claim: String

    @Option(name: .customLong("for-all"), help: "A range such as 'eps in (0, 1/9)' (ends open or closed, algebraic), or two: 'a in (0, 1/2), eps in (0, a/4)', 'a >= 2, b >= 1'.")
    var forAll: String?

    @Option(help: "A parameter name: decide the claim for all sufficiently small positive values.")
    var small: String?

    @Option(help: "Bounds on an integer parameter, such as 'm >= 3'; repeat for several (\"k' > k\" may use earlier ones).")
    var integer: [String] = []

    @Flag(help: "Print every cut point and cell and how it was decided.")
    var explain = false

    @OptionGroup var limits: TimeLimitOptions

    func validate() throws {
        guard [forAll, small, integer.isEmpty ? nil : ""].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --for-all, --small, --integer (e.g. --for-all 'eps in (0, 1)')")
        }
    }

    func run() throws {
        try limits.bounded(undecided: { print("undecided (\($0))") }, decide)
    }

    private func decide() throws {
        let report: ProverReport
        if let forAll {
            let region = try parsed(forAll) { text throws(ParseError) in try ParameterRegion.parse(text) }
            report = Prover.decide(try parsedClaim(names: Set(region.names)), over: region)
        } else if let small {
            report = Prover.decideForSmall(try parsedClaim(names: [small]), parameter: small)
        } else {
            var parameters: [IntegerParameter] = []
            for text in integer {
                let known = parameters.map(\.name)
                parameters.append(try parsed(text) { text throws(ParseError) in try IntegerParameter.parse(text, known: known) })
            }
            report = Prover.decideForIntegers(try parsedClaim(names: Set(parameters.map(\.name))), parameters: parameters)
        }
        if explain { report.explanation.forEach { print($0) } }
        print(report.verdict)
        switch report.verdict {
        case .proved: return
        case .refuted: throw ExitCode(1)
        case .undecided: throw ExitCode(3)
        }
    }

    private func parsedClaim(names: Set<String>) throws -> Claim {
        try parsed(claim) { text throws(ParseError) in try Parser.claim(text, parameters: names) }
    }

    /// Runs a parser; on a syntax error prints the diagnostic and exits with status 2.
    private func parsed<T>(_ text: String, _ parse: (String) throws(ParseError) -> T) throws -> T {
        do {
            return try parse(text)
        } catch {
            print(error.diagnostic(for: text))
            throw ExitCode(2)
        }
    }
}
