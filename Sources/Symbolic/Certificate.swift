import Exact

/// What an independent checker needs to re-verify a verdict of the prover, and nothing it must
/// trust: the conditions themselves (domain conditions first, then the comparisons, as exact
/// expression trees), the exact values or the decomposition used, and the claimed truth.
///
/// Format and checking rules: docs/certificates.md (version `Certificate.version`); the
/// checker is `checker/margincert_check`. A checker recomputes every polynomial, root count and
/// sign itself; the certificate only says where to look.
public indirect enum Certificate: Sendable, Hashable {
    /// The conditions hold (`holds`) or fail at exact values of the parameters (none for a
    /// constant claim). A refutation is `atPoint(…, holds: false)` at the counterexample;
    /// `within`: the conditions of the claim's range, which hold there.
    case atPoint(conditions: [Comparison], assignment: Assignment, holds: Bool, within: [Comparison] = [])
    /// The conditions hold for every value of `range.name` in `range`: `cutPoints` (sorted,
    /// strictly inside the range) cut it into open cells on which every kink argument,
    /// radicand, denominator and condition keeps one sign, `samples` holds one rational point
    /// of each cell, in order. The truth is checked at every cut point, every closed end and
    /// every sample.
    case overRange(conditions: [Comparison], range: ParameterRange, cutPoints: [RealAlgebraic], samples: [Rational])
    /// The conditions hold for every integer value of `range.name` in `range`. `contents[i]`,
    /// when given, is the positive factor M = Π bⱼ^sⱼ(x) shared by the summands of condition
    /// i's difference D through its powers with symbolic exponents
    /// (`Expr.dividedBySymbolicPowerContent`): D/M has constant exponents and D's sign. The
    /// cut points cut the range into open cells on which every sign-relevant function of the
    /// quotients keeps one sign; `integers` has one entry per element of the decomposition in
    /// order (the closed lower end, the first cell, the first cut point, …, the last cell, the
    /// closed upper end): nil where it holds no integer, else its least integer and each
    /// condition's sign (of lhs − rhs) there. The checker trusts none of it.
    case overIntegers(conditions: [Comparison], contents: [Expr?], range: ParameterRange, cutPoints: [RealAlgebraic],
                      integers: [IntegerSigns?])
    /// The conditions hold at every point of a two-parameter `region` (a cylindrical
    /// decomposition, `Prover.decide(_:over:certifying:)`): `cutPoints` (sorted, strictly
    /// inside the first parameter's range; the critical values) cut it into open cells,
    /// `samples` holds one rational point of each; `fibres` has one entry per value of the
    /// first parameter whose fibre was decided, in increasing order (the closed lower end, the
    /// first cell's sample, the first cut point, …, the closed upper end): the `overRange`
    /// certificate of the claim with that value substituted, over the second parameter's
    /// range there, or nil where that range is empty. A checker recomputes the projection.
    case overRegion(conditions: [Comparison], region: ParameterRegion, cutPoints: [RealAlgebraic], samples: [Rational],
                    fibres: [Certificate?])
    /// Every part holds (a compound claim), or, for a refutation, the one part listed fails.
    case all([Part])
    /// The claim fails because the certified conditions hold (a better point, a descent arc).
    case negation(Certificate)
    /// KKT of min ½‖v‖² subject to cᵢ(v) ≥ 1 at `point` (the values of the variables v):
    /// every cᵢ ≥ 1, λ ≥ 0 with λᵢ = 0 unless cᵢ = 1, and v = Σλᵢgᵢ. Without `pieces[i]`, gᵢ
    /// is the gradient of cᵢ at the point on every piece (every branch of each kink whose
    /// argument is 0 there), so gᵢ is the only Clarke subgradient; with them, λᵢgᵢ = Σ wₚ∇Pₚ
    /// over the pieces Pₚ that cᵢ equals on the open cone around each realizing direction
    /// (Σ wₚ = λᵢ, wₚ ≥ 0), each ∇Pₚ a limit of gradients of cᵢ. `printed`: the claim's
    /// multipliers, equal to λ.
    case stationary(point: Assignment, constraints: [Expr], multipliers: [Constant], printed: [Constant]?,
                    pieces: [[RealizedPiece]?])
    /// Not KKT: a Farkas vector y (by variable) with yᵀg ≥ 0 for the gradient g of every
    /// piece of every active constraint (cᵢ = 1) at `point`, and yᵀv < 0; the Clarke
    /// subdifferential lies in the hull of those gradients, so no λ ≥ 0 gives v = Σλᵢgᵢ.
    /// With `printed` multipliers λ (the claim's): not KKT with them — one is negative or
    /// nonzero off the active set, or `offsets` z (one per constraint) have yᵀg + zᵢ ≥ 0 for
    /// every piece of every constraint with λᵢ ≠ 0 and yᵀv + Σzᵢλᵢ < 0.
    case notStationary(point: Assignment, constraints: [Expr], farkas: Assignment, printed: [Constant]? = nil,
                       offsets: [Constant]? = nil)
    /// KKT of min ‖v‖₁ subject to cᵢ(v) ≥ 1 at `point`: every cᵢ ≥ 1, λ ≥ 0 with λᵢ = 0
    /// unless cᵢ = 1, and s = Σλᵢ∇cᵢ in ∂‖v‖₁ (sⱼ = sign vⱼ where vⱼ ≠ 0, |sⱼ| ≤ 1 where vⱼ = 0);
    /// the cᵢ have one gradient each (affine, as in the ℓ1 predictor problem).
    case l1Stationary(point: Assignment, constraints: [Expr], multipliers: [Constant], printed: [Constant]?)
    /// Global optimality for problem (2) of a depth-2 network Σⱼ vⱼσ(⟨wⱼ, x⟩) without shared
    /// weights by weak duality (`MaxMarginProblem.dualCertificate`): the point is feasible,
    /// λ ≥ 0, Σλᵢ = ½‖θ‖², and for each hidden neuron (its data `inputs`, restricted to the
    /// coordinates of wⱼ) ‖g_A‖ ≤ 1 for every set A of inputs, g_A = Σ_{i∈A} cᵢxᵢ + α Σ_{i∉A} cᵢxᵢ
    /// with cᵢ = λᵢyᵢ (`labels`) and α = σ'(0⁻) (`slope`), unless A's open cell is empty
    /// (`excluded`, per neuron).
    case dual(point: Assignment, constraints: [Expr], multipliers: [Constant], labels: [Constant], slope: Rational,
              inputs: [[[Constant]]], excluded: [[EmptyCell]])
    /// Global optimality for problem (2) of a fully-connected linear network without bias,
    /// Φ(θ; x) = ⟨β(θ), x⟩ with β = W_m⋯W_1 (`layers`: each Wₗ's entries as variable names,
    /// W_1 first): the point is feasible and ‖θ‖² = m‖u*‖^(2/m), where `separator` u* =
    /// Σαᵢyᵢxᵢ (α = `weights` ≥ 0, αᵢ = 0 unless yᵢ⟨u*, xᵢ⟩ = 1) separates the data. Any feasible
    /// θ′ has ‖β′‖‖u*‖ ≥ ⟨β′, u*⟩ = Σαᵢyᵢ⟨β′, xᵢ⟩ ≥ Σαᵢ = ‖u*‖², so ‖θ′‖² = Σ‖W′ₗ‖²_F ≥
    /// m(Π‖W′ₗ‖_F)^(2/m) ≥ m‖β′‖^(2/m) ≥ m‖u*‖^(2/m) (Vardi, Shamir, Srebro (2022), App. C.2).
    case linearOptimum(point: Assignment, constraints: [Expr], layers: [[[String]]], inputs: [[Constant]], labels: [Constant],
                       separator: [Constant], weights: [Constant])
    /// KKT of min ½‖v‖² subject to cᵢ(v; a) ≥ 1 at v = θ(a) with multipliers λ(a), for every
    /// value a of `range.name` in `range` (data, point and multipliers depending on a):
    /// `point` gives each variable as an expression in a. A proof: `cutPoints` and `samples`
    /// as in `overRange`, on whose cells every kink argument of cᵢ(θ(a); a) keeps one sign;
    /// a checker takes the gradients of the pieces itself, per cell and at each cut point. A
    /// refutation: the `counterexample` a where the conditions fail.
    case familyStationary(range: ParameterRange, point: [String: Expr], constraints: [Expr], multipliers: [Expr],
                          cutPoints: [RealAlgebraic], samples: [Rational], counterexample: Constant?)
    /// A `stationary` certificate of a problem whose constraints are affine in the variables:
    /// the problem is convex, so the KKT point is its global minimum.
    case convex(Certificate)
    /// No certificate of this kind is written yet; the reason says which.
    case notCertified(String)

    /// The format version written in every certificate file.
    public static let version = 4

    /// A piece of a constraint named by a direction along which, at first order, every kink
    /// of argument 0 takes one side, and its weight in a KKT combination.
    public struct RealizedPiece: Sendable, Hashable {
        public let direction: Assignment
        public let weight: Constant

        public init(direction: Assignment, weight: Constant) {
            self.direction = direction
            self.weight = weight
        }
    }

    /// An empty open cell {u : sᵢ⟨u, xᵢ⟩ > 0 for every xᵢ ≠ 0} of a dual certificate (sᵢ = +1
    /// where `positive`): μ = `weights` ≥ 0, not 0 on the xᵢ ≠ 0, with Σμᵢsᵢxᵢ = 0 (Gordan).
    public struct EmptyCell: Sendable, Hashable {
        public let positive: [Bool]
        public let weights: [Constant]

        public init(positive: [Bool], weights: [Constant]) {
            self.positive = positive
            self.weights = weights
        }
    }

    /// The least integer of an element of a decomposition and the sign of each condition's
    /// lhs − rhs there.
    public struct IntegerSigns: Sendable, Hashable {
        public let least: BigInt
        public let signs: [Int]

        public init(least: BigInt, signs: [Int]) {
            self.least = least
            self.signs = signs
        }
    }

    /// One named part of a compound claim.
    public struct Part: Sendable, Hashable {
        public let name: String
        public let certificate: Certificate

        public init(_ name: String, _ certificate: Certificate) {
            self.name = name
            self.certificate = certificate
        }
    }
}

extension Certificate {
    /// The certificate of a decomposition that proved `claim` on every element (its cut
    /// points, and the samples of its cells as evaluated).
    static func proved(_ claim: Claim, on d: CellDecomposition, _ elements: [Prover.Element]) -> Certificate {
        let samples = elements.compactMap { element -> Rational? in
            if case .cell(let c) = element.place { return c.sample }
            return nil
        }
        return .overRange(conditions: claim.conditions, range: d.range, cutPoints: d.points, samples: samples)
    }

    /// The certificate of a claim over the integers of `d.range` proved on the elements of `d`
    /// that contain integers: `original` is the claim before its symbolic-power content was
    /// divided out, `elements` the decided claim's truth on `d`, in order. Each condition's
    /// sign at each element's least integer is that of its quotient by the content (positive
    /// wherever the condition is defined); not certified when one is not settled.
    static func provedForIntegers(_ original: Claim, on d: CellDecomposition,
                                  _ elements: [Prover.Element]) throws(Unable) -> Certificate {
        let divided = original.conditions.map { $0.difference.dividedBySymbolicPowerContent }
        var integers: [IntegerSigns?] = []
        for element in elements {
            guard let n = Prover.leastInteger(in: element.place) else {
                integers.append(nil)
                continue
            }
            var signs: [Int] = []
            for (condition, division) in zip(original.conditions, divided) {
                let at = [d.range.name: Constant(Rational(n))]
                guard case .sign(let s, _) = try (division?.quotient ?? condition.difference).sign(at: at) else {
                    return .notCertified("the sign of \(condition.difference) at \(d.range.name) = \(n) is not settled")
                }
                signs.append(s)
            }
            integers.append(IntegerSigns(least: n, signs: signs))
        }
        return .overIntegers(conditions: original.conditions, contents: divided.map { $0?.content }, range: d.range,
                             cutPoints: d.points, integers: integers)
    }

    /// The counterexample of a refutation: the conditions fail at `witness`, a point of
    /// `region` (when given).
    public static func refuted(_ claim: Claim, at witness: Assignment, in region: ParameterRegion? = nil) -> Certificate {
        .atPoint(conditions: claim.conditions, assignment: witness, holds: false, within: region?.conditions ?? [])
    }
}

extension ProverReport {
    /// This report with a certificate when it has none: the counterexample of a refutation (a
    /// point of `region`, when given), or for a proof by `method` the reason it has no
    /// certificate yet.
    func certified(_ claim: Claim, otherwise method: String, in region: ParameterRegion? = nil) -> ProverReport {
        let certificate: Certificate
        switch (self.certificate, verdict) {
        case (nil, .refuted(let witness, _, _)): certificate = .refuted(claim, at: witness, in: region)
        case (nil, .proved): certificate = .notCertified("proved by \(method): no certificate kind for it yet")
        default: return self
        }
        return ProverReport(verdict: verdict, explanation: { explanation }, certificate: certificate)
    }
}

extension ParameterRegion {
    /// The region as conditions on its parameters (a > l or a ≥ l at each finite end; the
    /// second parameter's ends are expressions in the first).
    public var conditions: [Comparison] {
        func ends(_ name: String, _ lower: (Expr, Bool)?, _ upper: (Expr, Bool)?) -> [Comparison] {
            let x = Expr.parameter(name)
            return [lower.map { Comparison(x, $1 ? .greaterOrEqual : .greater, $0) },
                    upper.map { Comparison(x, $1 ? .lessOrEqual : .less, $0) }].compactMap { $0 }
        }
        return ends(outer.name, outer.lower.map { (Expr($0.value), $0.closed) }, outer.upper.map { (Expr($0.value), $0.closed) })
            + (fibre.map { ends($0.name, $0.lower.map { ($0.value, $0.closed) }, $0.upper.map { ($0.value, $0.closed) }) } ?? [])
    }
}
