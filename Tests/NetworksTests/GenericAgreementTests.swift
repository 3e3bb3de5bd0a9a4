import Exact
import Testing
@testable import Networks

/// One generic implementation, checked on random seeded networks of every architecture:
/// ∂Φ/∂θ against central differences in Double, and Rational against Double.
@Suite struct GenericAgreementTests {
    static let architectures: [(String, Network)] = [
        ("fully connected relu 3-4-2-1", .fullyConnected(widths: [3, 4, 2, 1], activation: .relu)),
        ("fully connected leaky 2-3-2", .fullyConnected(widths: [2, 3, 2], activation: .leakyRelu(slope: Rational(1, 4)))),
        ("diagonal relu depth 3", .diagonal(dimension: 3, depth: 3, activation: .relu)),
        ("sparse linear", .sparse(masks: [[[true, false, true], [false, true, true]], [[true, true]]], activation: .linear)),
        ("convolution relu", .convolution(patchSize: 2, patches: 3, activation: .relu)),
        ("relu with skip and bias", Network.fullyConnected(widths: [2, 3, 1], activation: .relu)
            .addingSkipConnection().addingOutputBias()),
        ("hidden biases, relu then leaky, shared", hiddenBiases),
        ("relu squared twice 2-3-2-1", Network(layers: [
            Layer(weights: WeightPattern(rows: 3, columns: 2, entries: Array(0 ..< 6)), activation: .reluPower(2)),
            Layer(weights: WeightPattern(rows: 2, columns: 3, entries: Array(6 ..< 12)), activation: .reluPower(2)),
            Layer(weights: WeightPattern(rows: 1, columns: 2, entries: [12, 13]), activation: .linear),
        ], blocks: [ParameterBlock(name: "θ", range: 0 ..< 14)])),
    ]

    /// Φ = W3 lrelu(W2 relu(W1 x + b1) + b2, 1/4) with W1 = ((a, b), (b, a), (c, 0)), a bias on
    /// two of the three first-layer neurons (one shared with a weight of W3) and a full b2.
    static let hiddenBiases = Network(layers: [
        Layer(weights: WeightPattern(rows: 3, columns: 2, entries: [0, 1, 1, 0, 2, nil]),
              activation: .relu, bias: [3, nil, 4]),
        Layer(weights: WeightPattern(rows: 2, columns: 3, entries: Array(5 ..< 11)),
              activation: .leakyRelu(slope: Rational(1, 4)), bias: [11, 12]),
        Layer(weights: WeightPattern(rows: 2, columns: 2, entries: [13, 14, 4, 15]), activation: .linear),
    ], blocks: (0 ..< 16).map { ParameterBlock(name: "t\($0)", range: $0 ..< $0 + 1) })

    @Test func aHiddenBiasBreaksHomogeneity() {
        #expect(Self.hiddenBiases.homogeneityDegree == nil)
        #expect(Self.hiddenBiases.inhomogeneity == "a bias in layer 1")
        let net = Network.fullyConnected(widths: [2, 2, 1], activation: .relu)
        #expect(net.homogeneityDegree == 2 && net.inhomogeneity == nil)
        #expect(net.addingOutputBias().inhomogeneity == "an output bias")
        // Degrees multiply through the powers: ((0 + 1)·2 + 1)·2 + 1 = 7.
        #expect(Self.architectures.first { $0.0.hasPrefix("relu squared") }?.1.homogeneityDegree == 7)
    }

    /// The multi-class margin Φ_c − max_{j≠c} Φ_j, exactly, against its definition, on random
    /// dyadic points of a 2-3-3 network (seeds 200..<220).
    @Test func multiClassMarginIsTheGapToTheLargestOtherClass() {
        let net = Network.fullyConnected(widths: [2, 3, 3], activation: .relu)
        for seed in UInt64(200) ..< 220 {
            let (θ, x) = Self.randomPoint(net, seed: seed)
            let output = net(θ, x)
            for c in 0 ..< 3 {
                let point = LabeledPoint(x: x, class: c, classes: 3)
                let others = output.indices.filter { $0 != c }.map { output[$0] }
                #expect(net.margins(θ, on: [point]) == [output[c] - others.max()!], "seed \(seed), class \(c)")
                #expect(net.pairwiseMargins(θ, point) == others.map { output[c] - $0 }, "seed \(seed), class \(c)")
            }
        }
    }

    /// Random θ and x with entries k/8, k ∈ [−16, 16]: with dyadic slopes every value is exact in
    /// both Rational and Double, so the two must agree bit for bit.
    static func randomPoint(_ net: Network, seed: UInt64) -> (θ: [Rational], x: [Rational]) {
        var rng = SplitMix64(seed: seed)
        func draw(_ n: Int) -> [Rational] { (0 ..< n).map { _ in Rational(Int.random(in: -16 ... 16, using: &rng), 8) } }
        return (draw(net.parameterCount), draw(net.inputDimension))
    }

    @Test(arguments: architectures.indices)
    func gradientMatchesCentralDifferences(_ a: Int) {
        let (name, net) = Self.architectures[a]
        for seed in UInt64(0) ..< 20 {
            let (θq, xq) = Self.randomPoint(net, seed: seed)
            let θ = θq.map { Double($0) + 1e-3 * Double(seed % 7) }, x = xq.map { Double($0) }
            let c = (0 ..< net.outputDimension).map { Double($0 + 1) }
            let g = net.pullback(θ, net.trace(θ, x), cotangent: c)
            let h = 1e-6
            for k in θ.indices {
                var plus = θ, minus = θ
                plus[k] += h
                minus[k] -= h
                let fd = zip(c, zip(net(plus, x), net(minus, x))).reduce(0) { $0 + $1.0 * ($1.1.0 - $1.1.1) } / (2 * h)
                #expect(abs(fd - g[k]) < 1e-6 * (1 + abs(g[k])), "\(name), seed \(seed), θ[\(k)]")
            }
        }
    }

    @Test(arguments: architectures.indices)
    func rationalAndDoubleAgree(_ a: Int) {
        let (name, net) = Self.architectures[a]
        for seed in UInt64(100) ..< 110 {
            let (θq, xq) = Self.randomPoint(net, seed: seed)
            let θ = θq.map { Double($0) }, x = xq.map { Double($0) }
            #expect(net(θq, xq).map { Double($0) } == net(θ, x), "\(name), seed \(seed)")
            let exact = net.jacobian(θq, xq).map { $0.map { Double($0) } }
            #expect(exact == net.jacobian(θ, x), "\(name), seed \(seed)")
        }
    }

    /// Φ(αθ; x) = α^L Φ(θ; x) exactly for the homogeneous architectures.
    @Test(arguments: architectures.indices)
    func homogeneity(_ a: Int) {
        let (name, net) = Self.architectures[a]
        guard let degree = net.homogeneityDegree else { return }
        let (θ, x) = Self.randomPoint(net, seed: 7)
        let α = Rational(3, 2)
        #expect(net(θ.map { α * $0 }, x) == net(θ, x).map { α.power(degree) * $0 }, "\(name)")
    }
}
