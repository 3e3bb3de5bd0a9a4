import Foundation
import ProofFiles

/// `margincert discover` end to end (simulate, refine, recognise, check, classify) on VSS
/// Thm 3.2's flow, and a 100-run perturbed sweep of Thm 4.1 (ReLU) with exact limits: wall time
/// of the first run, and the points found.
func runDiscoveryBenchmarks() {
    let clock = ContinuousClock()
    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
    guard let thm32 = try? String(contentsOfFile: "proofs/vss-thm3.2.proof", encoding: .utf8),
          let thm41 = try? String(contentsOfFile: "proofs/vss-thm4.1-relu.proof", encoding: .utf8) else {
        print("no proofs/ here (run from the package folder)")
        return
    }
    var findings: [LimitDiscovery.Finding] = []
    let single = clock.measure { findings = (try? LimitDiscovery.discover(path: "proofs/vss-thm3.2.proof", source: thm32, flow: "gf")) ?? [] }
    for finding in findings {
        if case let .found(point, _, result) = finding.status {
            let proved = result.claims.filter { $0.verdict == .proved }.map(\.text).joined(separator: "; ")
            print("  Thm 3.2: \(point) — \(proved)")
        }
    }
    print(String(format: "  discover, VSS Thm 3.2 end to end: %.3f s", seconds(single)))
    var survey: LimitDiscovery.Survey?
    let sweep = clock.measure {
        survey = try? LimitDiscovery.survey(path: "proofs/vss-thm4.1-relu.proof", source: thm41, flow: "gf", runs: 100, seed: 1,
                                            initialization: "perturb(0.1)")
    }
    for group in survey?.groups ?? [] { print("  Thm 4.1 (ReLU): \(group.runs) runs → \(group.label)") }
    print(String(format: "  discover --runs 100, VSS Thm 4.1 (ReLU), perturb(0.1): %.3f s on %d cores", seconds(sweep),
                 ProcessInfo.processInfo.activeProcessorCount))
}
