import Exact
import Networks
import Testing
@testable import ProofFiles

/// Networks written layer by layer (`network Phi(x) = W2 relu(W1 x + b1) with …`), class
/// labels, and the claims on them: the network they build, their verdicts (which can fail), and
/// their located errors.
@Suite struct LayeredNetworkTests {
    static func network(_ statement: String) throws -> Network {
        let document = try Elaborator.elaborate(try ProofFileParser.parse(statement))
        return try #require(document.network)
    }

    /// The layer-by-layer form of each short form builds the same layers (block names aside).
    @Test(arguments: [
        ("network fully-connected relu 2 -> 3 -> 1", "network Phi(x) = v relu(W x) with W: 3 x 2, v: 3"),
        ("network fully-connected leaky-relu(1/10) 2 -> 2 -> 2 -> 1",
         "network Phi(x) = W3 lrelu(W2 lrelu(W1 x, 1/10), 1/10) with W1: 2 x 2, W2: 2 x 2, W3: 1 x 2"),
        ("network diagonal linear dimension 2 depth 2", "network f(x) = w2 (W1 x) with W1 = ((a, 0), (0, b)), w2 = (c, d)"),
        ("network convolution relu patch 2 patches 2", "network f(x) = v relu(W x) with W = ((a, b, 0, 0), (0, 0, a, b)), v: 2"),
    ])
    func layeredFormsMatchTheShortForms(short: String, layered: String) throws {
        let a = try Self.network(short), b = try Self.network(layered)
        #expect(a.layers == b.layers)
        #expect(a.parameterCount == b.parameterCount)
        #expect(a.homogeneityDegree == b.homogeneityDegree)
    }

    @Test func sharedEntriesAndBiasesAreBlocks() throws {
        let net = try Self.network("network Phi(x) = W2 relu(W1 x + b1) + b2 with W1 = ((a, b), (b, a), (c, 0)), W2: 2 x 3, b1 = (d, 0, d)")
        #expect(net.blocks.map(\.name) == ["a", "b", "c", "d", "W2", "b2"])
        #expect(net.layers[0].weights.entries == [0, 1, 1, 0, 2, nil])
        #expect(net.layers[0].bias == [3, nil, 3])
        #expect(net.layers[1].bias == [10, 11])
        let shape = try #require(net.block("W2")).shape
        #expect(shape.rows == 2 && shape.columns == 3)
        #expect(net.homogeneityDegree == nil && net.inhomogeneity == "a bias in layer 1")
    }

    /// Φ = v relu(w x)² is homogeneous of degree 3 (derived), so gamma divides by ‖θ‖³. At
    /// x = 2 the KKT system w = 8λvw, v = 4λw², 4vw² = 1 gives v = 1/2, w = √2/2, λ = 1/4.
    @Test(arguments: [
        ("claim gamma(kkt) = 8 sqrt(3)/9", "proved"),
        ("claim kkt is a KKT point with lambda = (1/4)", "proved"),
        ("claim kkt is a KKT point with lambda = (1/2)", "refuted"),
        ("point q: w = 1, v = 1/4\nclaim q is feasible", "proved"),
        ("point q: w = 1, v = 1/4\nclaim q is a KKT point", "refuted"),
    ])
    func reluPowers(claim: String, verdict: String) throws {
        let header = "network g(x) = v relu(w x)^2 with w: 1 x 1, v: 1\ndata x1 = 2, y1 = 1\npoint kkt: w = sqrt(2)/2, v = 1/2\n"
        #expect(try Self.network(header).homogeneityDegree == 3)
        #expect(Self.verdicts(header + claim) == [verdict])
    }

    static func verdicts(_ source: String) -> [String] {
        let result = Report.check(path: "t.proof", source: source, explain: false)
        #expect(result.error == nil, "\(result.error ?? "")")
        return result.claims.map(\.verdict.rawValue)
    }

    /// The same numbers are a KKT point with the shared pattern ((a, b), (b, a)) and not with a
    /// full first layer, where each neuron's entries stand alone.
    @Test func sharingChangesStationarity() {
        let data = "data x1 = (1/2, 0), y1 = 1\ndata x2 = (0, 1/2), y2 = 1\n"
        let shared = "network f(x) = v relu(W x) with W = ((a, b), (b, a)), v: 2\n" + data
            + "point p: a = 1, b = 1, v = (1, 1)\nclaim p is feasible\nclaim p is a KKT point"
        let full = "network f(x) = v relu(W x) with W: 2 x 2, v: 2\n" + data
            + "point p: W = ((1, 1), (1, 1)), v = (1, 1)\nclaim p is feasible\nclaim p is a KKT point"
        #expect(Self.verdicts(shared) == ["proved", "proved"])
        #expect(Self.verdicts(full) == ["proved", "refuted"])
    }

    static let threeClasses = """
    network f(x) = W2 relu(W1 x) with W1: 2 x 2, W2: 3 x 2
    data x1 = (1, 0), class 1
    data x2 = (0, 1), class 2

    """

    /// Φ = W2 relu(x) on e1, e2: margins Φ_c − max_{j≠c} Φ_j, decided exactly, and claims that
    /// need scalar margins answer undecided with the reason.
    @Test(arguments: [
        ("point p: W1 = ((1, 0), (0, 1)), W2 = ((1, -1), (-1, 1), (0, 0))\nclaim margin(p) = 1", "proved"),
        ("point p: W1 = ((1, 0), (0, 1)), W2 = ((1, -1), (-1, 1), (0, 0))\nclaim p is feasible", "proved"),
        // Class 3 ties with class 2 on x1 at margin 1: both sides of the max are feasible.
        ("point p: W1 = ((1, 0), (0, 1)), W2 = ((1, 0), (0, 1), (0, 0))\nclaim p is feasible", "proved"),
        ("point p: W1 = ((1, 0), (0, 1)), W2 = ((1, 0), (0, 1), (1/2, 1/2))\nclaim p is feasible", "refuted"),
        ("point p: W1 = ((1, 0), (0, 1)), W2 = ((1, -1), (-1, 1), (0, 0))\nclaim p is a local optimum", "undecided"),
    ])
    func multiClassVerdicts(claim: String, verdict: String) {
        #expect(Self.verdicts(Self.threeClasses + claim) == [verdict])
    }

    /// That point is not a global optimum (W2's third row can push class 3 down: the scaled
    /// point W1 = aI, W2 = ((b, −b/2), (−b/2, b), (−b/2, −b/2)) with ab = 2/3 has ‖θ‖² ≈ 3.3 < 6):
    /// the claim is never proved, and refuted only by a point verified exactly.
    @Test func multiClassGlobalOptimumIsNeverWronglyProved() {
        let source = Self.threeClasses + "point p: W1 = ((1, 0), (0, 1)), W2 = ((1, -1), (-1, 1), (0, 0))\nclaim p is a global optimum"
        let result = Report.check(path: "t.proof", source: source, explain: false)
        let claim = result.claims.last
        #expect(claim?.verdict == .refuted || claim?.verdict == .undecided, "\(String(describing: claim))")
        if claim?.verdict == .refuted { #expect(claim?.evidence.contains("verified exactly") == true, "\(String(describing: claim))") }
        let local = Report.check(path: "t.proof", source: Self.threeClasses
            + "point p: W1 = ((1, 0), (0, 1)), W2 = ((1, -1), (-1, 1), (0, 0))\nclaim p is a local optimum", explain: false)
        #expect(local.claims.last?.evidence.contains("multi-class margins") == true)
    }

    /// Φ = W x on e1, e2, e3 with one class each: at W = I − 11ᵀ/3 the two other classes tie
    /// on every example (the Clarke set of the max has both), and the KKT multipliers are
    /// λ = (2/3, 2/3, 2/3) (weight 1/3 on each pair). Wrong multipliers, a moved point and a
    /// scaled one are refuted.
    @Test(arguments: [
        ("claim kkt is a KKT point", "proved"),
        ("claim kkt is a KKT point with lambda = (2/3, 2/3, 2/3)", "proved"),
        ("claim kkt is a KKT point with lambda = (1, 1, 1)", "refuted"),
        ("claim kkt is a KKT point with lambda = (2/3, 2/3, 0)", "refuted"),
        ("claim kkt is a KKT point with lambda = (2/3, 2/3, -2/3)", "refuted"),
        ("point q: W = ((1, -1/2, -1/2), (-1/2, 1, -1/2), (-1/3, -1/3, 2/3))\nclaim q is a KKT point", "refuted"),
        ("point q: W = ((4/3, -2/3, -2/3), (-2/3, 4/3, -2/3), (-2/3, -2/3, 4/3))\nclaim q is a KKT point", "refuted"),
    ])
    func multiClassKKT(claim: String, verdict: String) {
        let source = """
        network f(x) = W x with W: 3 x 3
        data x1 = (1, 0, 0), class 1
        data x2 = (0, 1, 0), class 2
        data x3 = (0, 0, 1), class 3
        point kkt: W = ((2/3, -1/3, -1/3), (-1/3, 2/3, -1/3), (-1/3, -1/3, 2/3))

        """
        #expect(Self.verdicts(source + claim) == [verdict])
    }

    static let layered = "network Phi(x) = W2 relu(W1 x + b1) with W1: 2 x 2, W2: 1 x 2\n"

    @Test(arguments: [
        ("network Phi(x) = W2 relu(W1 x)", 1, 26, "the shape of 'W1' is not declared"),
        ("network Phi(x) = W2 relu(W1 x) with W1: 2 x 2, W2: 1 x 3", 1, 18, "W2 has 3 column(s) but the layer below has 2"),
        ("network Phi(x) = W2 relu(W1 x + b) with W1: 2 x 2, W2: 1 x 2, b = (c, d, e)", 1, 63, "the bias b of a layer of width 2 needs a pattern of 2"),
        ("network Phi(x) = W2 relu(W1 x) with W1: 2 x 2, W2: 1 x 2, W3: 2", 1, 59, "'W3' is declared but not used"),
        ("network Phi(x) = W2 relu(W1 x) with W1 = ((a, 1), (0, a)), W2: 1 x 2", 1, 47, "a pattern entry is 0 or a name, found 1"),
        ("network Phi(x) = W2 W1 x with W1: 2 x 2, W2: 1 x 2", 1, 24, "expected a layer W h or W h + b"),
        ("network Phi(x) = W2 lrelu(W1 x, 1/2)^2 with W1: 2 x 2, W2: 1 x 2", 1, 37, "only a ReLU layer takes a power"),
        ("network Phi(x) = W2 relu(W1 x)^(1/2) with W1: 2 x 2, W2: 1 x 2", 1, 31, "the power of a ReLU layer is a whole number"),
        ("network Phi(x) = W2 lrelu(W1 x, 2) with W1: 2 x 2, W2: 1 x 2", 1, 33, "a leaky ReLU slope must be in [0, 1), got 2"),
        ("network Phi(x) = W2 relu(W1 x) with W1 = ((a, W2)), W2: 1 x 1", 1, 37, "'W2' names both a block and a pattern entry"),
        ("network Phi(x) = W relu(W x) with W: 1 x 2", 1, 18, "W has 2 column(s) but the layer below has 1 output(s)"),
        (layered + "data x1 = (1, 0), class 1", 2, 1, "a class label needs a network with two or more outputs"),
        ("network f(x) = W x with W: 3 x 2\ndata x1 = (1, 0), class 4", 2, 25, "a class is a whole number from 1 to 3, found 4"),
        ("network f(x) = W x with W: 3 x 2\ndata x1 = (1, 0), class 1\npoint p: W = ((1, 0), (0, 1), (0, 0))\nloss exponential\nclaim loss(p) < 1", 5, 7, "the exponential loss of class labels is not defined here"),
        (layered + "data x1 = (1, 0), y1 = 1\npoint p: W1 = ((1, 0), (0, 1)), b1 = (0, 0), W2 = (1, 1)\nclaim gamma(p) > 0", 4, 7, "not homogeneous (a bias in layer 1)"),
    ])
    func errorsAreLocated(source: String, line: Int, column: Int, message: String) {
        let result = Report.check(path: "t.proof", source: source, explain: false)
        guard let error = result.error else {
            Issue.record("no error for: \(source)")
            return
        }
        #expect(error.hasPrefix("t.proof:\(line):\(column): error: "), "\(error)")
        #expect(error.contains(message), "\(error)")
    }
}
