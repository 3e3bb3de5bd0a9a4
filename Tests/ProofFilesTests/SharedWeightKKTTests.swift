import Testing
@testable import ProofFiles

/// KKT claims on one-filter convolutions whose Clarke subdifferential couples neurons: a patch
/// of zeros (its neuron's input is 0 for every filter) and identical patches at a kink (their
/// neurons switch together). Constructions of our own, as a user writes them.
@Suite struct SharedWeightKKTTests {
    static func verdict(_ source: String) -> String? {
        let result = Report.check(path: "t.proof", source: source, explain: false)
        #expect(result.error == nil, "\(result.error ?? "")")
        return result.claims.last?.verdict.rawValue
    }

    static let zeroPatch = """
    network convolution relu patch 2 patches 2
    data x1 = (0, 1, 0, 0), y1 = 1

    """

    /// Three patches, the last two identical, (−1, 1), and at the kink of w = (3, 3).
    static func identicalPatches(_ v3: Int) -> String {
        """
        network convolution relu patch 2 patches 3
        data x1 = (1/12, 0, -1, 1, -1, 1), y1 = 1
        data x2 = (0, 0, 1/3, 0, 0, 0), y2 = 1
        data x3 = (0, 0, 0, 0, 1/3, 0), y3 = \(v3)
        point k: w = (3, 3), v = (4, 1, \(v3))

        """
    }

    @Test(arguments: [
        (zeroPatch + "point k: w = (0, 1), v = (1, 0)\nclaim k is a KKT point with lambda = 1", "proved"),
        (zeroPatch + "point k: w = (0, 1), v = (1, 0)\nclaim k is a KKT point with lambda = 2", "refuted"),
        (zeroPatch + "point k: w = (0, 1), v = (1, 1/1000)\nclaim k is a KKT point", "refuted"),
        (identicalPatches(1) + "claim k is a KKT point with lambda = (16, 1, 1)", "proved"),
        (identicalPatches(-1) + "claim k is a KKT point", "refuted"),
        (identicalPatches(-1) + "claim k is a local optimum", "refuted"),
    ])
    func verdicts(source: String, expected: String) {
        #expect(Self.verdict(source) == expected, "\(source)")
    }
}
