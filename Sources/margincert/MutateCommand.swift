import ArgumentParser
import Foundation
import ProofFiles

/// `margincert mutate <files or folders>`: the soundness suite. Every claim expected to be
/// proved is changed in small ways (constants, signs, range ends); each mutant is checked,
/// and every mutant the checker proves is audited by exact evaluation at many points.
/// Exit status 1 when any false proof is found.
struct MutateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mutate",
        abstract: "Mutate the claims of proof files and audit every mutant the checker proves.")

    @Argument(help: "Proof files, or folders searched recursively for *.proof files.")
    var paths: [String]

    @Option(help: "At most this many mutants per claim.")
    var limit = 40

    func run() throws {
        var total = Mutation.Summary()
        var falseProofs: [String] = []
        for path in try CheckCommand.proofFiles(in: paths) {
            guard let source = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let (summary, found) = Mutation.run(path: path, source: source, limit: limit)
            print("\(path): \(summary.tried) mutants, \(summary.killed) refuted, \(summary.survivedTrue) proved and still true, \(summary.undecided) undecided, \(summary.malformed) ill-formed, \(summary.falseProofs) false proofs")
            total.add(summary)
            falseProofs += found
        }
        for line in falseProofs { print("FALSE PROOF: \(line)") }
        print("mutants: \(total.tried) tried, \(total.killed) killed, \(total.survivedTrue) survived as true, \(total.undecided) undecided, \(total.malformed) ill-formed; false proofs: \(total.falseProofs)")
        if total.falseProofs > 0 { throw ExitCode(1) }
    }
}
