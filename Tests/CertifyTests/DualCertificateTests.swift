import Testing
import Exact
import Networks
@testable import Certify

/// The weak-duality certificate of global optimality for depth-2 networks
/// (`MaxMarginProblem.dualCertificate`, `DualConstraint`).
@Suite struct DualCertificateTests {
    typealias R = RealAlgebraic

    /// A point θ of problem (2), named after its construction.
    struct Instance<F: OrderedField & SignedNetworkScalar>: Sendable, CustomTestStringConvertible {
        let name: String
        let problem: MaxMarginProblem<F>
        let θ: [F]
        var testDescription: String { name }
    }

    /// llwa-thm4.2 / llwa-thm5.5: leaky ReLU (α = 1/2) on symmetric data.
    static let symmetric = MaxMarginProblem<R>(
        network: .fullyConnected(widths: [2, 2, 1], activation: .leakyRelu(slope: Rational(1, 2))),
        data: [(2, 1), (2, -1), (-2, -1), (-2, 1)].map { p, q in
            LabeledPoint(x: [R(Rational(p, 3)), R(Rational(q, 2))], label: R(p.signum()))
        })

    /// The ReLU pair of vss-thm3.2 and vss-remark3.1: x1 = (p, q), x2 = (−p, q), y = 1.
    static func pair(_ p: R, _ q: R) -> MaxMarginProblem<R> {
        MaxMarginProblem(network: .fullyConnected(widths: [2, 2, 1], activation: .relu),
                         data: [LabeledPoint(x: [p, q], label: 1), LabeledPoint(x: [-p, q], label: 1)])
    }

    /// θ* = [c x1/‖x1‖, c x2/‖x2‖, (c, c)] with c² = 1/‖x1‖, on the pair (p, q).
    static func star(_ p: R, _ q: R) -> [R] {
        let norm = (p * p + q * q).root(2), c = norm.root(2).reciprocal
        return [c * p / norm, c * q / norm, -c * p / norm, c * q / norm, c, c]
    }

    /// θ̃ = [(0, α), 0, (α, 0)] with α² = 1/q: the KKT point of Theorem 3.2 on the pair (p, q).
    static func kkt(_ q: R) -> [R] {
        let α = q.reciprocal.root(2)
        return [0, α, 0, 0, α, 0]
    }

    /// The unit inputs x = (±(n² − 1)/(n² + 1), 2n/(n² + 1)) (vss-remark3.1's exactness
    /// variant), on which θ* = (x1, x2, (1, 1)) is rational.
    static func unit(_ n: Int) -> (p: R, q: R) {
        (R(Rational(n * n - 1, n * n + 1)), R(Rational(2 * n, n * n + 1)))
    }

    static let constructions: [Instance<R>] = [
        Instance(name: "llwa-thm4.2 C7", problem: symmetric, θ: [1, 0, -1, 0, 1, -1]),
        Instance(name: "llwa-thm5.5 C5 (2·half)", problem: symmetric,
                 θ: [1, 0, -1, 0, 1, -1].map { 2 * R(Rational($0, 2)) }),
        Instance(name: "vss-thm3.2 C14", problem: pair(1, R(Rational(1, 4))), θ: star(1, R(Rational(1, 4)))),
        Instance(name: "vss-remark3.1 C8", problem: pair(1, R(Rational(1, 40000))), θ: star(1, R(Rational(1, 40000)))),
    ]

    @Test(arguments: constructions)
    func theConstructionsAreCertifiedGlobalOptima(_ instance: Instance<R>) throws {
        guard case .certified(let certificate) = try instance.problem.dualCertificate(instance.θ) else {
            Issue.record("not certified: \(try instance.problem.dualCertificate(instance.θ))")
            return
        }
        #expect(Self.independentlyConfirms(certificate, instance.problem, instance.θ, pool: []))
    }

    /// `globalOptimum` dispatches depth-2 ReLU / leaky-ReLU networks to the certificate.
    @Test func globalOptimumUsesTheCertificate() throws {
        let instance = Self.constructions[0]
        guard case .optimal(let value, let reason) = try instance.problem.globalOptimum(instance.θ) else {
            Issue.record("globalOptimum does not dispatch to the certificate")
            return
        }
        #expect(value == 4 && reason.hasPrefix("dual certificate"))
    }

    /// A sparse linear network with zero neurons, which Theorem 4.2(1) leaves open: the
    /// certificate proves it (λ = 1, ‖P_j(λy x1)‖² ≤ 1 on every neuron's support).
    @Test func linearNetworksWithZeroNeuronsFallBackToTheCertificate() throws {
        let network = Network.sparse(masks: [[[true, false], [false, true], [true, true]], [[true, true, true]]],
                                     activation: .linear)
        let problem = MaxMarginProblem<R>(network: network, data: [LabeledPoint(x: [1, 0], label: 1)])
        guard case .optimal(let value, let reason) = try problem.globalOptimum([1, 0, 0, 0, 1, 0, 0]) else {
            Issue.record("not proved")
            return
        }
        #expect(value == 2 && reason.hasPrefix("dual certificate"))
    }

    /// The evidence is the hand computation: on the pair (1, a) with λ = 1/‖x1‖ the cells are
    /// {x1}, {x2} (‖g_A‖² = 1) and {x1, x2} (‖g_A‖² = 4a²/(1 + a²)).
    @Test func theEvidenceIsTheHandComputation() throws {
        let a = R(Rational(8, 15))
        guard case .certified(let certificate) = try Self.pair(1, a).dualCertificate(Self.star(1, a)) else {
            Issue.record("not certified")
            return
        }
        let λ = R(Rational(15, 17))
        #expect(certificate.multipliers == [λ, λ])
        #expect(certificate.tightest?.cell.squaredNorm == 1)
        let both = DualConstraint(inputs: [[1, a], [-1, a]], weights: [λ, λ], activation: .relu)
        #expect(Network.squaredNorm(both.gradient(onCell: [0, 1])) == 4 * a * a / (1 + a * a))
    }

    /// The dichotomy behind Remark 3.1: on a pair with q/p = a the certificate proves θ*
    /// optimal exactly when a² ≤ 1/3 and θ̃ optimal exactly when a² ≥ 1/3 (n = 3 and 4 straddle
    /// a = 1/√3); the certified point is never longer than the other, which is feasible.
    @Test(arguments: [3, 4])
    func theCertificateFollowsTheOptimumAcrossTheThreshold(n: Int) throws {
        let (p, q) = Self.unit(n), a = q / p
        let problem = Self.pair(p, q), star = Self.star(p, q), kkt = Self.kkt(q)
        #expect(problem.margins(star).allSatisfy { $0 >= 1 } && problem.margins(kkt).allSatisfy { $0 >= 1 })
        let starCertified = if case .certified = try problem.dualCertificate(star) { true } else { false }
        let kktCertified = if case .certified = try problem.dualCertificate(kkt) { true } else { false }
        #expect(starCertified == (3 * a * a <= 1), "n = \(n)")
        #expect(kktCertified == (3 * a * a >= 1), "n = \(n)")
        let (starNorm, kktNorm) = (Network.squaredNorm(star), Network.squaredNorm(kkt))
        if starCertified { #expect(starNorm <= kktNorm, "n = \(n)") }
        if kktCertified { #expect(kktNorm <= starNorm, "n = \(n)") }
    }

    /// KKT points (or unbalanced rescalings) that are not global optima, each with a shorter
    /// feasible witness: never certified. Lemma C.6's θ̃ even has non-zero ReLU inputs and is a
    /// local optimum.
    static let nonOptima: [(Instance<R>, [R])] = [
        (Instance(name: "vss-thm4.3 Lemma C.6 θ̃",
                  problem: MaxMarginProblem(network: .fullyConnected(widths: [2, 2, 1], activation: .relu),
                                            data: [[1, R(Rational(1, 4))], [-1, R(Rational(1, 4))], [0, -1]]
                                                .map { LabeledPoint(x: $0, label: 1) }),
                  θ: [0, 2, 0, -1, 2, 1]),
         [2 / R(17).root(2), 1 / (2 * R(17).root(2)), R(Rational(-5, 4)), -1, 2, 1]),
        (Instance(name: "vss-thm3.2 θ̃", problem: pair(1, R(Rational(1, 4))), θ: kkt(R(Rational(1, 4)))),
         star(1, R(Rational(1, 4)))),
        (Instance(name: "unit pair n = 40000, θ̃", problem: pair(unit(40000).p, unit(40000).q), θ: kkt(unit(40000).q)),
         star(unit(40000).p, unit(40000).q)),
        (Instance(name: "llwa θ_P with an unbalanced neuron", problem: symmetric,
                  θ: [2, 0, -1, 0, R(Rational(1, 2)), -1]),
         [1, 0, -1, 0, 1, -1]),
    ]

    @Test(arguments: nonOptima)
    func knownNonOptimaAreNeverCertified(_ instance: Instance<R>, witness: [R]) throws {
        let problem = instance.problem
        #expect(problem.margins(witness).allSatisfy { $0 >= 1 } && problem.margins(instance.θ).allSatisfy { $0 >= 1 })
        #expect(Network.squaredNorm(witness) < Network.squaredNorm(instance.θ))
        if case .certified = try problem.dualCertificate(instance.θ) { Issue.record("certified a non-optimum") }
        if case .optimal = try problem.globalOptimum(instance.θ) { Issue.record("proved a non-optimum") }
    }

    /// Lemma C.6's θ̃ fails at the cell of x1 alone: with λ = (2, 2, 1), g_{x1} = 2x1 and
    /// ‖g‖² = 4‖x1‖² = 17/4 — the direction x1/‖x1‖ that Lemma C.6's better point turns to.
    @Test func lemmaC6FailsWhereItsBetterPointPoints() throws {
        let (instance, _) = Self.nonOptima[0]
        guard case let .exceeded(λ, neuron, cell) = try instance.problem.dualCertificate(instance.θ) else {
            Issue.record("expected a realizable cell with ‖g_A‖² > 1")
            return
        }
        #expect(λ == [2, 2, 1] && neuron == 0)
        #expect(cell.positive == [0] && cell.squaredNorm == R(Rational(17, 4)))
    }

    /// A cell with a large g_A that no direction realizes is excluded (by a Farkas certificate);
    /// with a linear σ the same g is the whole function and violates the constraint.
    @Test func unrealizableCellsAreExcluded() throws {
        let inputs: [[Rational]] = [[1, 0], [-1, 0]]
        guard case .satisfied(let worst) = try DualConstraint(inputs: inputs, weights: [1, -1], activation: .relu).check() else {
            Issue.record("the cell {x1, x2} (g = (2, 0)) is not realizable")
            return
        }
        #expect(worst.squaredNorm == 1)
        guard case .violated(let cell) = try DualConstraint(inputs: inputs, weights: [1, -1], activation: .linear).check() else {
            Issue.record("a linear σ has M = ‖(2, 0)‖ = 2")
            return
        }
        #expect(cell.squaredNorm == 4)
    }

    /// Rational twins of the constructions, cheap enough to mutate many times: the leaky-ReLU
    /// point of llwa-thm4.2/5.5 itself, and θ* on the unit pairs n = 8 (a = 16/63, close to
    /// vss-thm3.2's 1/4) and n = 40000 (vss-remark3.1's exactness variant).
    static let rationalTwins: [Instance<Rational>] = [
        constructions[0].rational,
        Instance(name: "unit pair n = 8, θ*", problem: pair(unit(8).p, unit(8).q), θ: star(unit(8).p, unit(8).q)).rational,
        Instance(name: "unit pair n = 40000, θ*", problem: pair(unit(40000).p, unit(40000).q),
                 θ: star(unit(40000).p, unit(40000).q)).rational,
    ]

    /// The twins are certified, so the mutations start from global optima.
    @Test(arguments: rationalTwins)
    func theRationalTwinsAreCertified(_ twin: Instance<Rational>) throws {
        guard case .certified(let certificate) = try twin.problem.dualCertificate(twin.θ) else {
            Issue.record("not certified")
            return
        }
        #expect(Self.independentlyConfirms(certificate, twin.problem, twin.θ, pool: []))
    }

    /// Seeded mutations of the rational twins (a weight, a sign, a data coordinate, a label, an
    /// unbalancing rescale of a neuron, a scaling of θ): whenever one is certified, the
    /// independent checks agree, with the unmutated points as witnesses.
    @Test(arguments: 0 ..< 60 as Range<UInt64>)
    func mutationsAreCertifiedOnlyWhenIndependentChecksAgree(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let twin = Self.rationalTwins[Int(rng.next() % UInt64(Self.rationalTwins.count))]
        var θ = twin.θ
        var data = twin.problem.data
        func small() -> Rational { Rational(Int(rng.next() % 7) + 1, Int(rng.next() % 4) + 2) * (rng.next() % 2 == 0 ? 1 : -1) }
        let k = Int(rng.next() % UInt64(θ.count)), i = Int(rng.next() % UInt64(data.count))
        switch rng.next() % 6 {
        case 0: θ[k] = θ[k] + small()
        case 1: θ[k] = -θ[k]
        case 2: data[i].x[k % 2] = data[i].x[k % 2] + small()
        case 3: data[i].y[0] = -data[i].y[0]
        case 4:
            let j = k % 2, t = small().magnitude
            for l in 2 * j ..< 2 * j + 2 { θ[l] = θ[l] * t }
            θ[4 + j] = θ[4 + j] / t
        default: θ = θ.map { $0 * (1 + small().magnitude) }
        }
        let problem = MaxMarginProblem(network: twin.problem.network, data: data)
        guard case .certified(let certificate) = try problem.dualCertificate(θ) else { return }
        #expect(Self.independentlyConfirms(certificate, problem, θ, pool: Self.rationalTwins.map(\.θ)),
                "seed \(seed) (\(twin.name))")
    }

    /// Random Pythagorean pairs (p, q) = k(P, Q) with θ̃ = [(0, α), 0, (α, 0)], α²q = 1, a KKT
    /// point: it is certified exactly when 3Q² ≥ P², and the balanced witness
    /// W = [x1, x2, (‖x1‖, ‖x1‖)] rescaled to feasibility (θ* when Q ≤ P) is shorter exactly
    /// when θ̃ is not certified — all in exact rationals.
    @Test(arguments: 0 ..< 24 as Range<UInt64>)
    func randomPairsAreCertifiedExactlyWhenNoWitnessIsShorter(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let triples = [(3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29)]
        var (P, Q, hypotenuse) = triples[Int(rng.next() % UInt64(triples.count))]
        if rng.next() % 2 == 0 { swap(&P, &Q) }
        let α = Rational(Int(rng.next() % 4) + 1, Int(rng.next() % 3) + 1)
        let k = 1 / (α * α * Rational(Q))
        let (p, q, r) = (k * Rational(P), k * Rational(Q), k * Rational(hypotenuse))
        let problem = MaxMarginProblem<Rational>(network: .fullyConnected(widths: [2, 2, 1], activation: .relu),
                                                 data: [LabeledPoint(x: [p, q], label: 1), LabeledPoint(x: [-p, q], label: 1)])
        let kkt: [Rational] = [0, α, 0, 0, α, 0], witness = [p, q, -p, q, r, r]
        let certified = if case .certified = try problem.dualCertificate(kkt) { true } else { false }
        let m = problem.margins(witness).min()!
        let witnessIsShorter = Network.squaredNorm(witness) < m * Network.squaredNorm(kkt)
        #expect(certified == (3 * Q * Q >= P * P), "seed \(seed): (P, Q) = (\(P), \(Q)), α = \(α)")
        #expect(certified != witnessIsShorter, "seed \(seed): (P, Q) = (\(P), \(Q)), α = \(α)")
    }

    /// Checks a certificate without `DualConstraint`: θ is feasible, Σλᵢ = ½‖θ‖², the dual
    /// constraint |Σᵢλᵢyᵢσ(⟨u, xᵢ⟩)|² ≤ ‖u‖² holds at the directions ±xᵢ and at seeded random u
    /// (σ evaluated directly), and no point of `pool`, rescaled to feasibility, is shorter.
    static func independentlyConfirms<F>(_ certificate: DualCertificate<F>, _ problem: MaxMarginProblem<F>,
                                         _ θ: [F], pool: [[F]]) -> Bool {
        guard problem.margins(θ).allSatisfy({ $0 >= 1 }),
              certificate.value * 2 == Network.squaredNorm(θ),
              certificate.value == certificate.multipliers.reduce(F.zero, +) else { return false }
        let σ = problem.network.layers[0].activation
        func h(_ u: [F]) -> F {
            zip(certificate.multipliers, problem.data).reduce(F.zero) { sum, term in
                sum + term.0 * term.1.y[0] * σ(zip(u, term.1.x).reduce(F.zero) { $0 + $1.0 * $1.1 })
            }
        }
        var rng = SplitMix64(seed: 7)
        let random = (0 ..< 24).map { _ in (0 ..< 2).map { _ in F(Rational(Int(rng.next() % 13) - 6, Int(rng.next() % 5) + 1)) } }
        let directions = problem.data.flatMap { [$0.x, $0.x.map { -$0 }] } + random
        guard directions.allSatisfy({ h($0) * h($0) <= Network.squaredNorm($0) }) else { return false }
        return pool.allSatisfy { w in
            let m = problem.margins(w).min()!
            return m.signum <= 0 || Network.squaredNorm(w) >= m * Network.squaredNorm(θ)
        }
    }
}

extension DualCertificateTests.Instance where F == RealAlgebraic {
    /// The same instance over the rationals. Precondition: every number is rational.
    var rational: DualCertificateTests.Instance<Rational> {
        .init(name: name, problem: MaxMarginProblem(
            network: problem.network,
            data: problem.data.map { LabeledPoint(x: $0.x.map { $0.rationalValue! }, y: $0.y.map { $0.rationalValue! }) }),
            θ: θ.map { $0.rationalValue! })
    }
}
