import Foundation
import Testing
import ProofFiles

/// A witness the tool finds is printed in proof-file syntax: pasted back into the file (its
/// `parameter` and `point` lines), it is checked as a given witness and proved again — the
/// law parse(print(witness)) = witness, for constructions no paper printed.
@Suite struct FoundWitnessRoundTripTests {
    static let sources = [
        // A depth-3 ReLU chain at an unbalanced feasible point (not KKT).
        "network fully-connected relu 1 -> 1 -> 1 -> 1\ndata x1 = (1), y1 = 1\npoint kkt: W1 = (2), W2 = (1), W3 = (1/2)\n",
        // A leaky-ReLU KKT point with a dead second neuron.
        "network fully-connected leaky-relu(1/2) 2 -> 2 -> 1\ndata x1 = (1, 1/4), y1 = 1\ndata x2 = (-1, 1/4), y2 = 1\npoint kkt: w1 = (0, 2), w2 = (0, 0), v = (2, 0)\n",
        // A depth-3 network whose dead neuron has an outgoing weight.
        "network fully-connected relu 1 -> 2 -> 1 -> 1\ndata x1 = (1), y1 = 1\npoint kkt: W1 = (1, 0), W2 = (1, 1/2), W3 = (1)\n",
    ]

    @Test(arguments: sources)
    func aFoundWitnessPastedBackIsProved(source: String) {
        let found = Report.check(path: "t.proof", source: source + "claim kkt is not a local optimum\nclaim kkt is a local optimum expect refuted\n", explain: true)
        #expect(found.error == nil, "\(found.error ?? "")")
        #expect(found.claims.allSatisfy { $0.ok }, "\(found.claims.map { "\($0.verdict): \($0.evidence)" })")
        guard let evidence = found.claims.first?.evidence,
              let start = evidence.range(of: "parameter "), let end = evidence.range(of: " — ") else {
            Issue.record("no witness printed"); return
        }
        let printed = evidence[start.lowerBound ..< end.lowerBound].replacingOccurrences(of: "; point", with: "\npoint")
        let again = Report.check(path: "t.proof", source: source + printed + "\nclaim kkt is not a local optimum, witness found\n", explain: false)
        #expect(again.error == nil, "\(again.error ?? "") in \(printed)")
        #expect(again.claims.first?.verdict == .proved, "\(printed): \(again.claims.first?.evidence ?? "")")
    }
}
