import Exact
import Testing
@testable import Networks

/// Φ and ∂Φ/∂θ on the papers' small examples, computed by hand, checked exactly in ℚ.
@Suite struct PaperExamplesTests {
    let thm32 = Network.fullyConnected(widths: [2, 2, 1], activation: .relu)
    let x1: [Rational] = [1, Rational(1, 4)]
    let x2: [Rational] = [-1, Rational(1, 4)]

    /// Vardi, Shamir, Srebro (2022) Thm 3.2: θ̃ with w1 = (0, 2), w2 = (0, 0), v = (2, 0) has Φ = 1 on both inputs.
    @Test func theorem32KKTPointHasUnitMargins() {
        let θ: [Rational] = thm32.parameters(["w1": [0, 2], "w2": [0, 0], "v": [2, 0]])
        #expect(θ == [0, 2, 0, 0, 2, 0])
        let data = [LabeledPoint(x: x1, label: Rational(1)), LabeledPoint(x: x2, label: Rational(1))]
        #expect(thm32.margins(θ, on: data) == [1, 1])
        #expect(thm32.homogeneityDegree == 2)
        #expect(Network.squaredNorm(θ) == 8)
        #expect(thm32.isBalanced(θ))
    }

    /// ∂Φ/∂(w1, w2, v) = (v1 x, v2 σ'(0) x, (σ(w1·x), σ(w2·x))) by hand; the second neuron's
    /// input is exactly 0 and reported as such.
    @Test func theorem32GradientByHand() {
        let θ: [Rational] = thm32.parameters(["w1": [0, 2], "w2": [0, 0], "v": [2, 0]])
        let half = Rational(1, 2)
        #expect(thm32.gradient(θ, x1) == [2, half, 0, 0, half, 0])
        #expect(thm32.gradient(θ, x2) == [-2, half, 0, 0, half, 0])
        let trace = thm32.trace(θ, x1)
        #expect(thm32.zeroPreActivations(trace) == [Neuron(layer: 0, index: 1)])
        #expect(thm32.activationPattern(trace) == [1, 0])
    }

    /// Vardi, Shamir, Srebro (ICLR 2022 submission) Thm 6.1: Φ = v·w·x + u·x at θ(0) = [2, 2, 2], x = 1; γ(θ(0)) > 0.9.
    @Test func theorem61SkipNetwork() {
        let net = Network.scalarLinearWithSkip
        #expect(net.blocks.map(\.name) == ["w", "v", "u"])
        #expect(net.homogeneityDegree == nil)
        let θ: [Rational] = [2, 2, 2]
        #expect(net(θ, [1]) == [6])
        #expect(net.gradient(θ, [Rational(3)]) == [6, 6, 3])
        let γ = net.normalizedMargin([2, 2, 2], on: [LabeledPoint(x: [1], label: 1)])
        #expect(abs(γ - (1.0 / 3 + 2 / 12.0.squareRoot())) < 1e-15)
        #expect(γ > 0.9)
        let biased = Network.scalarLinearWithBias
        #expect(biased(θ, [Rational(5)]) == [22])
        #expect(biased.gradient(θ, [Rational(5)]) == [10, 10, 1])
    }

    /// Vardi, Shamir, Srebro (2022) Thm 4.1: diagonal Φ = (w1 ∘ w2)ᵀx; Thm 4.4: shared filter on two patches.
    @Test func diagonalAndConvolution() {
        let diagonal = Network.diagonal(dimension: 2, depth: 2, activation: .linear)
        let θ: [Rational] = diagonal.parameters(["w1": [1, 0], "w2": [1, 0]])
        #expect(diagonal(θ, [1, 2]) == [1])
        #expect(diagonal.gradient(θ, [1, 2]) == [1, 0, 1, 0])
        let conv = Network.convolution(patchSize: 2, patches: 2, activation: .relu)
        let c: [Rational] = conv.parameters(["w": [1, 2], "v": [3, -1]])
        // σ(w·(1, 1)) = 3, σ(w·(−1, 2)) = 3: Φ = 9 − 3; ∂/∂w = 3(1, 1) − (−1, 2); ∂/∂v = (3, 3).
        #expect(conv(c, [1, 1, -1, 2]) == [6])
        #expect(conv.gradient(c, [1, 1, -1, 2]) == [4, 1, 3, 3])
        let sparse = Network.sparse(masks: [[[true, false], [true, true]], [[false, true]]], activation: .relu)
        #expect(sparse.parameterCount == 4)
        #expect(sparse([1, 2, 3, 4] as [Rational], [1, 1]) == [20])
    }

    /// Timor, Vardi, Shamir §3.1: vector output V σ(W x); the Jacobian rows by hand.
    @Test func vectorOutputJacobian() {
        let net = Network.fullyConnected(widths: [2, 2, 2], activation: .relu)
        #expect(net.blocks.map(\.name) == ["W1", "W2"])
        let θ: [Rational] = net.parameters(["W1": [1, 0, 0, 1], "W2": [1, 2, 3, 4]])
        #expect(net(θ, [1, -1]) == [1, 3])
        // h = (1, 0) with the second neuron off: only W1 row 1 and W2 column 1 move Φ.
        #expect(net.jacobian(θ, [1, -1]) == [[1, -1, 0, 0, 1, 0, 0, 0], [3, -3, 0, 0, 0, 0, 1, 0]])
    }

    @Test func leakyReluUsesItsSlope() {
        let net = Network.fullyConnected(widths: [1, 1, 1], activation: .leakyRelu(slope: Rational(1, 10)))
        let θ: [Rational] = [1, 5]
        #expect(net(θ, [-2]) == [-1])
        #expect(net.gradient(θ, [-2]) == [-1, Rational(-1, 5)])
        #expect(net.gradient([0, 5] as [Rational], [-2], subgradientAtZero: Rational(1, 2)) == [-5, 0])
    }

    /// A frozen trace evaluates the polynomial piece of one activation region, also beyond it:
    /// at θ̃ the second neuron (input 0) frozen active makes Φ = v1 σ(w1·x) + v2 (w2·x).
    @Test func frozenPiecesExtendPolynomially() {
        let θ: [Rational] = thm32.parameters(["w1": [0, 2], "w2": [-1, -1], "v": [2, 3]])
        let actual = thm32.trace(θ, x1)
        #expect(thm32.activeNeurons(actual) == [[true, false], [true]])
        #expect(actual.output == [1])
        let frozen = thm32.trace(θ, x1, frozen: [[true, true], [true]])
        // w2·x1 = −5/4 on the active piece: Φ = 1 + 3·(−5/4).
        #expect(frozen.output == [Rational(-11, 4)])
        #expect(thm32.pullback(θ, frozen, cotangent: [1]) == [2, Rational(1, 2), 3, Rational(3, 4), Rational(1, 2), Rational(-5, 4)])
        #expect(thm32.trace(θ, x1, frozen: thm32.activeNeurons(actual)).output == actual.output)
    }
}
