import ArgumentParser
import Exact
import ProofFiles
import Symbolic

/// `margincert prove '<claim>' (--for-all 'eps in (a, b)' | --for-all 'a in (0, 1), b in (0, a)' | --small eps
/// | --small 'eps, each a in (0, 1)' | --small 'eps uniformly in a in (0, 1)' | --integer 'm >= 3' …)`.
///
/// The claim and the ranges are read with the proof files' grammar (`CommandLineText`), so a
/// claim copied from a file reads the same here; `--file PATH` (or the claim `-`, standard
/// input) reads a claim too long for one argument.
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
              margincert prove '8 - 4 eps + 17/4 eps^2 < 8' --for-all 'eps in (0, 1/9)'
              margincert prove --file claim.txt --for-all 'eps in (0, 1/9)'
              margincert prove 'sqrt(a*eps) < a' --for-all 'a in (0, 1/2), eps in (0, a/4)'
              margincert prove '(1+eps)^(2/3) + (1-eps)^(2/3) < 2' --small eps
              margincert prove 'a*eps < a^2' --small 'eps, each a in (0, 1)'
              margincert prove 'eps < a' --small 'eps uniformly in a in [1/2, 1]'
              margincert prove '(2/m)*(2/m - 1) < 0' --integer 'm >= 3'
              margincert prove "k'/k > 1" --integer 'k >= 2' --integer "k' > k"
            """)

    @Argument(help: "The claim, as in a proof file: comparisons (= != < <= > >=), several joined by 'and' ('-': read standard input).")
    var claim: String?

    @Option(help: "Read the claim from this file ('-': standard input) instead of the argument.")
    var file: String?

    @Option(name: .customLong("for-all"), help: "A range such as 'eps in (0, 1/9)' (ends open or closed, algebraic), or two: 'a in (0, 1/2), eps in (0, a/4)', 'a >= 2, b >= 1'.")
    var forAll: String?

    @Option(help: "As after 'for small' in a file: 'eps' (all sufficiently small eps > 0), 'eps, each a in (0, 1)' (eps0 may depend on a) or 'eps uniformly in a in (0, 1)' (one eps0).")
    var small: String?

    @Option(help: "Bounds on an integer parameter, such as 'm >= 3'; repeat for several (\"k' > k\" may use earlier ones).")
    var integer: [String] = []

    @Flag(help: "Print every cut point and cell and how it was decided.")
    var explain = false

    @OptionGroup var limits: TimeLimitOptions

    func validate() throws {
        try ArgumentText.validate(claim, named: "claim", orFile: file)
        guard [forAll, small, integer.isEmpty ? nil : ""].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --for-all, --small, --integer (e.g. --for-all 'eps in (0, 1)'; "
                                  + "small eps with another parameter: --small 'eps, each a in (0, 1)' or --small 'eps uniformly in a in (0, 1)')")
        }
    }

    func run() throws {
        try limits.bounded(undecided: { print("undecided (\($0))") }, decide)
    }

    private func decide() throws {
        let claimText = try ArgumentText.argument(claim, named: "claim", orFile: file)
        let report: ProverReport
        if let forAll {
            let region = try ArgumentText(name: "--for-all", text: forAll).read(CommandLineText.region)
            report = Prover.decide(try claimText.read { text throws(Diagnostic) in try CommandLineText.claim(text, parameters: Set(region.names)) },
                                   over: region)
        } else if let small {
            let quantifier = try ArgumentText(name: "--small", text: small).read(CommandLineText.small)
            let claim = try claimText.read { text throws(Diagnostic) in try CommandLineText.claim(text, parameters: quantifier.names) }
            if let each = quantifier.each {
                report = Prover.decideForSmall(claim, parameter: quantifier.parameter, each: each, uniformly: quantifier.uniformly)
            } else {
                report = Prover.decideForSmall(claim, parameter: quantifier.parameter)
            }
        } else {
            var parameters: [IntegerParameter] = []
            for text in integer {
                let known = parameters.map(\.name)
                parameters.append(try ArgumentText(name: "--integer", text: text).read { text throws(Diagnostic) in
                    try CommandLineText.integerParameter(text, known: known)
                })
            }
            let names = Set(parameters.map(\.name))
            report = Prover.decideForIntegers(try claimText.read { text throws(Diagnostic) in try CommandLineText.claim(text, parameters: names) },
                                              parameters: parameters)
        }
        if explain { report.explanation.forEach { print($0) } }
        print(report.verdict)
        switch report.verdict {
        case .proved: return
        case .refuted: throw ExitCode(1)
        case .undecided: throw ExitCode(3)
        }
    }
}
