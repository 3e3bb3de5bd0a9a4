import Testing
import Exact
import Networks
@testable import Certify

/// KKT points of shared-weight networks whose Clarke subdifferential couples neurons (a patch
/// of zeros under a shared filter, identical patches at a kink), and the incremental
/// enumeration of the arrangement's cells against the exhaustive one. Constructions of our own.
@Suite struct ClarkeCouplingTests {
    typealias R = RealAlgebraic

    static func q(_ n: Int, _ d: Int = 1) -> R { R(Rational(n, d)) }

    /// One filter w ∈ ℝ², two patches: x1 = (0, 1 | 0, 0) with w = (0, 1), v = (1, 0). The
    /// second patch is 0, so its neuron's input is 0 whatever θ: a flat kink, one pattern.
    @Test func zeroPatchUnderASharedFilterIsKKT() throws {
        let network = Network.convolution(patchSize: 2, patches: 2, activation: .relu)
        let problem = MaxMarginProblem(network: network, data: [LabeledPoint(x: [0, 1, 0, 0].map { Self.q($0) }, label: Self.q(1))])
        let θ = [0, 1, 1, 0].map { Self.q($0) }
        let clarke = try ClarkeSubdifferential(network: network, at: θ, input: problem.data[0].x)!
        #expect(clarke.isExact && clarke.outer.count == 1)
        guard case .kkt(let λ, _) = try problem.isKKTPoint(θ, printed: [Self.q(1)]) else { Issue.record("not proved"); return }
        #expect(λ == [Self.q(1)])
    }

    /// The same point off by 1/10^k in v₁: the example is slack, so λ = 0 and θ ≠ 0: never KKT.
    @Test(arguments: 1 ... 4)
    func zeroPatchPointOffByAPowerOfTenIsNotKKT(k: Int) throws {
        let network = Network.convolution(patchSize: 2, patches: 2, activation: .relu)
        let problem = MaxMarginProblem(network: network, data: [LabeledPoint(x: [0, 1, 0, 0].map { Self.q($0) }, label: Self.q(1))])
        let θ = [Self.q(0), Self.q(1), R(1 + Rational(1, BigInt(10).power(k))), Self.q(0)]
        guard case .notKKT = try problem.isKKTPoint(θ) else { try Issue.record("\(problem.isKKTPoint(θ))"); return }
    }

    /// Patch size 2, three patches, w = (3, 3). x1 = (1/12, 0 | −1, 1 | −1, 1): the last two
    /// patches are identical and at the kink (w·p = 0), so their neurons switch together; x2 and
    /// x3 activate neurons 2 and 3 alone. KKT needs c = a₂v₂ + a₃v₃ = 3/16 from the slopes
    /// a₂, a₃ of the two coupled neurons; the Clarke set only has a₂ = a₃.
    static func identicalPatches(v3: Int) -> (MaxMarginProblem<R>, [R]) {
        let network = Network.convolution(patchSize: 2, patches: 3, activation: .relu)
        let data = [
            LabeledPoint(x: [q(1, 12), q(0), q(-1), q(1), q(-1), q(1)], label: q(1)),
            LabeledPoint(x: [q(0), q(0), q(1, 3), q(0), q(0), q(0)], label: q(1)),
            LabeledPoint(x: [q(0), q(0), q(0), q(0), q(1, 3), q(0)], label: q(v3)),
        ]
        return (MaxMarginProblem(network: network, data: data), [3, 3, 4, 1, v3].map { q($0) })
    }

    /// v₃ = 1: c = a(v₂ + v₃) = 2a reaches 3/16 with a = 3/32 — KKT, λ = (16, 1, 1).
    @Test func identicalPatchesWithEqualSlopesAreKKT() throws {
        let (problem, θ) = Self.identicalPatches(v3: 1)
        let clarke = try ClarkeSubdifferential(network: problem.network, at: θ, input: problem.data[0].x)!
        #expect(clarke.isExact)
        #expect(clarke.outer.count == 2, "the mixed patterns of identical patches are not realizable")
        guard case .kkt(let λ, _) = try problem.isKKTPoint(θ) else { try Issue.record("\(problem.isKKTPoint(θ))"); return }
        #expect(λ == [16, 1, 1].map { Self.q($0) })
    }

    /// v₃ = −1 (and y₃ = −1): c = a(v₂ + v₃) = 0 ≠ 3/16, though independent slopes (a₂ = 3/16,
    /// a₃ = 0) would give it: refuted with a Farkas vector.
    @Test func identicalPatchesNeedingDifferentSlopesAreRefuted() throws {
        let (problem, θ) = Self.identicalPatches(v3: -1)
        #expect(problem.margins(θ) == [1, 1, 1].map { Self.q($0) })
        guard case .notKKT(let y) = try problem.isKKTPoint(θ) else { try Issue.record("\(problem.isKKTPoint(θ))"); return }
        #expect(y.count == θ.count)
    }

    /// The incremental enumeration equals the exhaustive one (every sign vector, kept when its
    /// strict system has a solution) on random arrangements with repeated, opposite and zero
    /// rows, in dimensions 1 to 3 (seeded; the seed is in the message).
    @Test(arguments: 1 ... 40)
    func incrementalEnumerationMatchesExhaustive(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let dimension = Int(rng.next() % 3) + 1, count = Int(rng.next() % 7) + 1
        var rows: [[Rational]] = []
        for _ in 0 ..< count {
            switch rng.next() % 5 {
            case 0 where !rows.isEmpty: rows.append(rows[Int(rng.next() % UInt64(rows.count))].map { -$0 })
            case 1 where !rows.isEmpty: rows.append(rows[Int(rng.next() % UInt64(rows.count))])
            case 2: rows.append(Array(repeating: .zero, count: dimension))
            default: rows.append((0 ..< dimension).map { _ in Rational(Int(rng.next() % 5) - 2) })
            }
        }
        let arrangement = KinkArrangement<Rational>(count: rows.count, dimension: dimension,
                                                    isLinear: { _ in true }, gradient: { k, _ in rows[k] })
        guard case .complete(let vectors) = try arrangement.enumerate() else { Issue.record("seed \(seed)"); return }
        let flat = rows.indices.filter { rows[$0].allSatisfy(\.isZero) }
        let moving = rows.indices.filter { !flat.contains($0) }
        let exhaustive = try (0 ..< 1 << moving.count).filter { mask in
            try LinearProgram<Rational>.hasStrictSolution(moving.indices.map { j in
                mask & 1 << j != 0 ? rows[moving[j]] : rows[moving[j]].map { -$0 }
            })
        }.map { mask in
            rows.indices.map { k -> KinkArrangement<Rational>.Side in
                guard let j = moving.firstIndex(of: k) else { return .flat }
                return mask & 1 << j != 0 ? .positive : .negative
            }
        }
        #expect(Set(vectors.map(\.sides)) == Set(exhaustive), "seed \(seed), rows \(rows)")
        #expect(vectors.count == Set(vectors.map(\.sides)).count && vectors.allSatisfy(\.isFirstOrderRealizable), "seed \(seed)")
    }

    /// A non-linear kink (a second-layer neuron) whose first-order system fails stays in the
    /// outer set, both sides, unproved: Φ = v·relu(u·relu(w·x)) at w = u = 0 — the deeper
    /// input u·relu(w·x) has zero gradient, so no pattern with it is first-order realizable;
    /// the first neuron, whose outgoing weight u is 0, is inert and takes one side.
    @Test func nonLinearKinkWithZeroGradientIsBracketedNotDropped() throws {
        let network = Network.fullyConnected(widths: [1, 1, 1, 1], activation: .relu)
        let θ = [Self.q(0), Self.q(0), Self.q(1)]
        let clarke = try ClarkeSubdifferential(network: network, at: θ, input: [Self.q(1)])!
        #expect(clarke.zeroNeurons.count == 2)
        #expect(!clarke.isExact)
        #expect(clarke.outer.count == 2 && clarke.inner.count == 0)
        #expect(clarke.outer.allSatisfy { $0.gradient.allSatisfy(\.isZero) })
    }

    /// Dead neurons (w = 0, v = 0) of a width-10 ReLU layer on 3 active examples: 8 inert kinks
    /// per example, one pattern (not 2⁸), and the KKT point of the two live neurons is
    /// still proved with the same λ as without the dead ones.
    @Test func deadNeuronsAreInertInTheClarkeSet() throws {
        let network = Network.fullyConnected(widths: [2, 10, 1], activation: .relu)
        let live: [[Int]] = [[0, 2], [0, -1]]
        let w = live + Array(repeating: [0, 0], count: 8)
        let θ = (w.flatMap { $0 } + [2, 1] + Array(repeating: 0, count: 8)).map { Self.q($0) }
        let data = [([Self.q(1), Self.q(1, 4)], 1), ([Self.q(-1), Self.q(1, 4)], 1), ([Self.q(0), Self.q(-1)], 1)]
            .map { LabeledPoint(x: $0.0, label: Self.q($0.1)) }
        let problem = MaxMarginProblem(network: network, data: data)
        for example in data {
            let clarke = try ClarkeSubdifferential(network: network, at: θ, input: example.x)!
            #expect(clarke.zeroNeurons.count == 8 && clarke.outer.count == 1 && clarke.isExact)
        }
        guard case .kkt(let λ, _) = try problem.isKKTPoint(θ) else { try Issue.record("\(problem.isKKTPoint(θ))"); return }
        #expect(λ == [2, 2, 1].map { Self.q($0) })
    }
}
