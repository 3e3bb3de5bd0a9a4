import Exact
import Networks
import ProofFiles
import Symbolic
@testable import Certify

/// The constructions of Vardi, Shamir, Srebro (2022) that issue 4 names, written as the appendix writes them
/// (the same numbers as proofs/vss-*.proof), read exactly.
struct PaperConstruction: Sendable, CustomStringConvertible {
    let name: String
    let network: Network
    /// (x, y) as exact constants written as text ("1/sqrt(2)").
    let data: [([String], String)]
    let kkt: [String]
    let multipliers: [String]
    /// θ′(ε) entries in `eps`, and the range (0, upper) of ε; nil when the paper gives none.
    let witness: [String]?
    let upper: String

    var description: String { name }

    static func exact(_ text: String) -> RealAlgebraic {
        guard let (e, _) = try? CommandLineText.expression(text), let c = e.constantValue else {
            preconditionFailure("not an exact constant: \(text)")
        }
        return c.realAlgebraic
    }

    var examples: [LabeledPoint<RealAlgebraic>] {
        data.map { LabeledPoint(x: $0.0.map(Self.exact), label: Self.exact($0.1)) }
    }

    var problem: MaxMarginProblem<RealAlgebraic> { MaxMarginProblem(network: network, data: examples) }
    var point: [RealAlgebraic] { kkt.map(Self.exact) }
    var lambda: [RealAlgebraic] { multipliers.map(Self.exact) }

    static let theorem32 = PaperConstruction(
        name: "Thm 3.2", network: .fullyConnected(widths: [2, 2, 1], activation: .relu),
        data: [(["1", "1/4"], "1"), (["-1", "1/4"], "1")],
        kkt: ["0", "2", "0", "0", "2", "0"], multipliers: ["2", "2"],
        witness: ["eps/2", "2 - 2 * eps", "-sqrt(2 * eps)", "0", "2", "sqrt(2 * eps)"], upper: "1/9")

    static func theorem41(_ activation: Activation) -> PaperConstruction {
        PaperConstruction(
            name: "Thm 4.1 \(activation)", network: .diagonal(dimension: 2, depth: 2, activation: activation),
            data: [(["1", "2"], "1")], kkt: ["1", "0", "1", "0"], multipliers: ["1"],
            witness: ["sqrt(1 - eps)", "sqrt(eps/2)", "sqrt(1 - eps)", "sqrt(eps/2)"], upper: "1")
    }

    static let theorem42part2: PaperConstruction = {
        let e = "eps/(2 * sqrt(2))"
        return PaperConstruction(
            name: "Thm 4.2(2)", network: .fullyConnected(widths: [2, 4, 1], activation: .relu),
            data: [(["0", "1"], "1"), (["1", "0"], "1"), (["0", "-1"], "1"), (["-1", "0"], "1")],
            kkt: ["0", "1", "1", "0", "0", "-1", "-1", "0", "1", "1", "1", "1"], multipliers: ["1", "1", "1", "1"],
            witness: [e, "1 - \(e)", "1 - \(e)", "-\(e)", "-\(e)", "-1 + \(e)", "-1 + \(e)", e, "1", "1", "1", "1"],
            upper: "1")
    }()

    static let lemmaC6 = PaperConstruction(
        name: "Lemma C.6", network: .fullyConnected(widths: [2, 2, 1], activation: .relu),
        data: [(["1", "1/4"], "1"), (["-1", "1/4"], "1"), (["0", "-1"], "1")],
        kkt: ["0", "2", "0", "-1", "2", "1"], multipliers: ["2", "2", "1"], witness: nil, upper: "1")

    static func theorem44(_ activation: Activation) -> PaperConstruction {
        PaperConstruction(
            name: "Thm 4.4 \(activation)", network: .convolution(patchSize: 2, patches: 2, activation: activation),
            data: [(["4", "1/sqrt(2)", "-4", "1/sqrt(2)"], "1")],
            kkt: ["0", "1", "1/sqrt(2)", "1/sqrt(2)"], multipliers: ["1"],
            witness: ["sqrt(eps)", "1 - eps", "1/sqrt(2) + sqrt(eps)/2", "1/sqrt(2) - sqrt(eps)/2"], upper: "1/2")
    }

    static func theorem51(depth m: Int, _ activation: Activation) -> PaperConstruction {
        PaperConstruction(
            name: "Thm 5.1 m=\(m) \(activation)", network: .diagonal(dimension: 2, depth: m, activation: activation),
            data: [(["1", "1"], "1")],
            kkt: Array(repeating: "2^(-1/\(m))", count: 2 * m), multipliers: ["2^(1 - 2/\(m))"],
            witness: (0 ..< m).flatMap { _ in ["((1 + eps)/2)^(1/\(m))", "((1 - eps)/2)^(1/\(m))"] }, upper: "1/2")
    }

    /// Every construction whose KKT multipliers issue 4 lists.
    static let all: [PaperConstruction] = [theorem32, theorem41(.linear), theorem41(.relu), theorem42part2, lemmaC6,
                                           theorem44(.linear), theorem44(.relu)]
        + (3 ... 5).map { theorem51(depth: $0, .linear) }
}
