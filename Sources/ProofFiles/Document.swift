import Exact
import Networks
import Symbolic

/// A proof file after elaboration: the network, the data and the named points as exact
/// expressions, and every claim ready to be checked.
public struct Document: Sendable {
    public var title: String?
    public var network: Network?
    public var loss: Loss?
    public var examples: [Example] = []
    /// The real parameters and their declared ranges.
    public var ranges: [String: ParameterRange] = [:]
    /// Real parameters whose declared range depends on an earlier one (`parameter eps in (0,
    /// a/4)`): that parameter and the ends. Their entry in `ranges` is the whole line, which
    /// only introduces the name: claims quantify them together with the earlier one.
    public var dependentRanges: [String: (outer: String, fibre: ParameterRegion.Fibre)] = [:]
    /// The integer parameters, each with its range [lower bound, ∞).
    public var integerRanges: [String: ParameterRange] = [:]
    public var points: [String: Point] = [:]
    public var claims: [ElaboratedClaim] = []
    /// The gradient flows to simulate (`flow` statements), by name.
    public var flows: [String: Flow] = [:]
    /// The experiments to run (`experiment` statements), by name.
    public var experiments: [String: Experiment] = [:]

    /// One training example: input, label (a vector for vector-output networks; e_c for a
    /// class label c, which has no label name).
    public struct Example: Sendable {
        public let name: String
        public let labelName: String
        public let x: [Expr]
        public let y: [Expr]
        /// The class (0-based) of a multi-class example (`data x1 = (1, 0), class 2`).
        public var classIndex: Int? = nil

        /// The example as network data.
        public var labeled: LabeledPoint<Expr> {
            var point = LabeledPoint(x: x, y: y)
            point.classIndex = classIndex
            return point
        }
    }

    /// A named point θ, possibly depending on parameters (`point p(eps): …`).
    public struct Point: Sendable {
        public let name: String
        public let parameters: [String]
        /// θ in the network's parameter order, entries expressions in `parameters`.
        public let theta: [Expr]
        /// The definedness conditions of the entries (radicands ≥ 0, …).
        public let domain: [Comparison]
    }
}

/// How a claim is quantified, resolved against the declared parameters.
public enum Quantifier: Sendable {
    case none
    case forAll(ParameterRange)
    case forSmall(String)
    case forIntegers(ParameterRange)
    /// Every point of a region of two real parameters.
    case forAllRegion(ParameterRegion)
    /// For small ε (first name) and every a in the range: pointwise (ε₀(a)) or uniformly.
    case forSmallEach(String, ParameterRange, uniformly: Bool)
}

/// A claim with its names resolved.
public struct ElaboratedClaim: Sendable {
    public enum Kind: Sendable {
        case comparisons(Claim)
        case feasible(Document.Point)
        case kktPoint(Document.Point, printed: [Expr]?)
        case localOptimum(Document.Point)
        /// Without a witness, the checker searches for an arc and verifies it.
        case notLocalOptimum(Document.Point, witness: Document.Point?)
        case globalOptimum(Document.Point)
        case notGlobalOptimum(Document.Point, witness: Document.Point)
        /// A point claim (`feasible` … `notGlobalOptimum`) about the per-layer problem for `layer`
        /// (0-based), w.r.t. the point itself.
        indirect case perLayer(Kind, layer: Int)
        /// A point claim about the l1 predictor problem; its points are predictors β (`let` vectors).
        indirect case l1Predictor(Kind)
        /// Evidence, not proof: the simulated direction error falls below `tolerance`.
        case flowDirection(Document.Flow, target: Document.Point, tolerance: Double)
        /// Evidence: γ(θ(t)) strictly monotone along the simulated run.
        case flowMargin(Document.Flow, decreasing: Bool)
        /// Evidence: the simulated loss falls below `bound`.
        case flowLoss(Document.Flow, below: Double)
        /// Evidence: the runs of an experiment show what the claim says.
        case experiment(Document.Experiment, ExperimentClaim)
    }

    public let syntax: ClaimSyntax
    public let kind: Kind
    public let quantifier: Quantifier

    /// `comparisons`, `feasible`, `kkt`, … as in the JSON report.
    public var kindName: String {
        switch kind {
        case .comparisons: "comparison"
        case .feasible: "feasible"
        case .kktPoint: "kkt"
        case .localOptimum: "local-optimum"
        case .notLocalOptimum: "not-local-optimum"
        case .globalOptimum: "global-optimum"
        case .notGlobalOptimum: "not-global-optimum"
        case .flowDirection: "flow-direction"
        case .flowMargin: "flow-margin"
        case .flowLoss: "flow-loss"
        case .experiment: "experiment"
        case .perLayer(let kind, _): "per-layer-" + ElaboratedClaim(syntax: syntax, kind: kind, quantifier: quantifier).kindName
        case .l1Predictor(let kind): "l1-predictor-" + ElaboratedClaim(syntax: syntax, kind: kind, quantifier: quantifier).kindName
        }
    }

    /// True for claims about simulated flows, whose verdicts are evidence (observed / not
    /// observed), never proofs.
    public var isEvidence: Bool {
        switch kind {
        case .flowDirection, .flowMargin, .flowLoss, .experiment: true
        default: false
        }
    }
}
