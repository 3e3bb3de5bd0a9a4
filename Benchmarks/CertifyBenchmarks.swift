import Foundation
import ProofFiles

/// Time of each certificate check that issue 4's "Done when" lists, on the claim as the proof
/// files state it (the file is parsed and elaborated outside the timing; each check runs once
/// to warm up, then the best of three runs is printed with its verdict).
func runCertifyBenchmarks() {
    print("Certificates (one claim of a proof file, best of 3)")
    let lemmaC6Data = """
        network fully-connected relu 2 -> 2 -> 1
        data x1 = (1, 1/4), y1 = 1
        data x2 = (-1, 1/4), y2 = 1
        data x3 = (0, -1), y3 = 1

        """
    let threePoints = """
        network fully-connected linear 2 -> 2 -> 1
        data x1 = (1, 0), y1 = 1
        data x2 = (0, 1), y2 = 1
        data x3 = (1, 1), y3 = 1
        point g: w1 = (2^(-1/4), 2^(-1/4)), w2 = (0, 0), v = (2^(1/4), 0)
        claim g is a global optimum
        """
    // (label, proof file or inline source, the claim's text)
    let checks: [(String, Source, String)] = [
        ("KKT Thm 3.2", .file("vss-thm3.2"), "kkt is a KKT point with lambda = (2, 2)"),
        ("KKT Thm 4.1 linear", .file("vss-thm4.1-linear"), "kkt is a KKT point with lambda = 1"),
        ("KKT Thm 4.1 ReLU", .file("vss-thm4.1-relu"), "kkt is a KKT point with lambda = 1"),
        ("KKT Thm 4.2(2)", .file("vss-thm4.2-part2"), "kkt is a KKT point with lambda = (1, 1, 1, 1)"),
        ("KKT Lemma C.6 (α = 2, β = 1)", .file("vss-thm4.3-lemmaC6"), "kkt is a KKT point with lambda = (2, 2, 1)"),
        ("KKT Lemma C.6 (α = 3: refuted)",
         .inline(lemmaC6Data + "point a3: w1 = (0, 3), w2 = (0, -1), v = (3, 1)\nclaim a3 is a KKT point"), "a3 is a KKT point"),
        ("KKT Thm 4.4 linear", .file("vss-thm4.4-linear"), "kkt is a KKT point with lambda = 1"),
        ("KKT Thm 4.4 ReLU", .file("vss-thm4.4-relu"), "kkt is a KKT point with lambda = 1"),
        ("KKT Thm 5.1 m = 3", .file("vss-thm5.1-m3-linear"), "kkt is a KKT point with lambda = 2^(1 - 2/m)"),
        ("KKT Thm 5.1 m = 4", .file("vss-thm5.1-m4-linear"), "kkt is a KKT point with lambda = 2^(1 - 2/m)"),
        ("KKT Thm 5.1 m = 5", .file("vss-thm5.1-m5-linear"), "kkt is a KKT point with lambda = 2^(1 - 2/m)"),
        ("not local Thm 3.2", .file("vss-thm3.2"), "kkt is not a local optimum, witness p"),
        ("not local Thm 4.1 linear", .file("vss-thm4.1-linear"), "kkt is not a local optimum, witness p"),
        ("not local Thm 4.2(2)", .file("vss-thm4.2-part2"), "kkt is not a local optimum, witness p"),
        ("not local Thm 4.4 linear", .file("vss-thm4.4-linear"), "kkt is not a local optimum, witness p"),
        ("not local Thm 4.4 ReLU", .file("vss-thm4.4-relu"), "kkt is not a local optimum, witness p"),
    ] + (3 ... 6).map { m in
        ("not local Thm 5.1 m = \(m)", .file("vss-thm5.1-m\(m)-linear"), "kkt is not a local optimum, witness p")
    } + [
        ("not local (4) Thm 5.3, layer 1", .file("vss-thm5.3"), "kkt is not a local optimum of problem (4) for layer 1, witness p"),
        ("KKT (4) Thm 5.3, layer 1", .file("vss-thm5.3"), "kkt is a KKT point of problem (4) for layer 1"),
        ("local (4) Thm 5.4, layer 1", .file("vss-thm5.4"), "kkt is a local optimum of problem (4) for layer 1"),
        ("global (4) Thm 5.2, layer 1", .file("vss-thm5.2-C"), "kkt is a global optimum of problem (4) for layer 1"),
        ("global (3) Remark 4.1", .file("vss-thm5.2-A"), "bstar is a global optimum of problem (3)"),
        ("not global Lemma C.6", .file("vss-thm4.3-lemmaC6"), "kkt is not a global optimum, witness pp"),
        ("local Lemma C.6", .file("vss-thm4.3-lemmaC6"), "kkt is a local optimum"),
        ("global FC linear, 3 points", .inline(threePoints), "g is a global optimum"),
        ("global diagonal linear", .file("vss-thm4.2-part1"), "kkt is a global optimum"),
    ]
    let clock = ContinuousClock()
    for (label, source, text) in checks {
        guard let (checker, claim) = source.claim(text) else {
            print(label.padding(toLength: 36, withPad: " ", startingAt: 0) + "  (claim not found: \(text))")
            continue
        }
        var best = Duration.seconds(1_000)
        var status = checker.check(claim).status
        for _ in 0 ..< 3 {
            let start = clock.now
            status = checker.check(claim).status
            best = min(best, clock.now - start)
        }
        let ms = Double(best.components.seconds) * 1e3 + Double(best.components.attoseconds) * 1e-15
        print(label.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%10.2f ms   ", ms) + status.rawValue)
    }
}

/// A proof file of proofs/ by name, or a source written here.
private enum Source {
    case file(String)
    case inline(String)

    /// The checker of the elaborated file and its claim whose text is `text`.
    func claim(_ text: String) -> (Checker, ElaboratedClaim)? {
        let source: String
        switch self {
        case .file(let name):
            guard let s = try? String(contentsOfFile: "proofs/\(name).proof", encoding: .utf8) else { return nil }
            source = s
        case .inline(let s):
            source = s
        }
        guard let syntax = try? ProofFileParser.parse(source), let document = try? Elaborator.elaborate(syntax),
              let claim = document.claims.first(where: { $0.syntax.text == text }) else { return nil }
        return (Checker(document), claim)
    }
}
