import Symbolic

/// An expression as written in a proof file, with the location of every node, before names
/// are resolved (names may be parameters, points, data, definitions or functions).
public indirect enum ExprSyntax: Hashable, Sendable {
    case number(String, SourceLocation)
    case name(String, SourceLocation)
    /// `f(a, b)`; `Phi(p; x)` is a call with arguments [p, x].
    case call(String, [ExprSyntax], SourceLocation)
    case negate(ExprSyntax, SourceLocation)
    case binary(BinaryOperator, ExprSyntax, ExprSyntax, SourceLocation)
    /// `(a, b, …)` or `[a, b, …]`: a vector (a tuple of tuples is a matrix).
    case tuple([ExprSyntax], SourceLocation)
    /// `p.w1`: a block of a point.
    case member(ExprSyntax, String, SourceLocation)
    /// `v[k]`: the k-th entry of a vector, counting from 1 as the papers do.
    case index(ExprSyntax, ExprSyntax, SourceLocation)

    public enum BinaryOperator: String, Hashable, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    }

    public var isTuple: Bool {
        if case .tuple = self { return true }
        return false
    }

    public var location: SourceLocation {
        switch self {
        case .number(_, let l), .name(_, let l), .call(_, _, let l), .negate(_, let l),
             .binary(_, _, _, let l), .tuple(_, let l), .member(_, _, let l), .index(_, _, let l): l
        }
    }
}

/// A real interval of a parameter: `(a, b)`, `[a, b]`, `(a, b]`, `[a, b)`.
public struct RangeSyntax: Hashable, Sendable {
    public let lower: ExprSyntax
    public let upper: ExprSyntax
    public let lowerClosed: Bool
    public let upperClosed: Bool
    public let location: SourceLocation
}

/// The lower bound of an integer parameter: `>= value` or `> value` (any algebraic constant).
public struct IntegerBoundSyntax: Hashable, Sendable {
    public let value: ExprSyntax
    public let isStrict: Bool
}

/// How a claim is quantified over a parameter.
public enum QuantifierSyntax: Hashable, Sendable {
    /// No parameter: the claim is about fixed numbers.
    case none
    /// `for all eps` (the declared range or, for an integer parameter, its declared bound) or
    /// `for all eps in (a, b)`.
    case forAll(String, RangeSyntax?, SourceLocation)
    /// `for all m >= 4`, `for all m > 7/2`: every integer of an integer parameter above a bound.
    case forAllIntegers(String, IntegerBoundSyntax, SourceLocation)
    /// `for small eps`: for all sufficiently small eps > 0.
    case forSmall(String, SourceLocation)
    /// `for all a, eps`, `for all a in (0, 1/2), eps in (0, a/4)`, `for all a >= 2, b >= 1`:
    /// every point of a region of two real parameters (the second's ends may mention the first).
    case forAllPair(QuantifiedParameterSyntax, QuantifiedParameterSyntax, SourceLocation)
    /// `for small eps, each a [in (l, u)]` (ε₀ may depend on a) or `for small eps uniformly in a
    /// [in (l, u)]` (one ε₀ for every a).
    case forSmallWith(String, QuantifiedParameterSyntax, uniformly: Bool, SourceLocation)
}

/// One parameter of `for all a …, b …`: its name and a written range, a lower bound
/// (`a >= 2`, a half-line), or neither (its declared range).
public struct QuantifiedParameterSyntax: Hashable, Sendable {
    public let name: String
    public let range: RangeSyntax?
    public let bound: IntegerBoundSyntax?
    public let location: SourceLocation
}

/// What a claim asserts.
public enum AssertionSyntax: Hashable, Sendable {
    /// `a = b < c …`: each adjacent pair compared.
    case chain([ExprSyntax], [Relation])
    case feasible(point: String)
    /// `is a KKT point`, optionally `with lambda = (…)` (the printed multipliers).
    case kktPoint(point: String, multipliers: ExprSyntax?)
    case localOptimum(point: String)
    /// `is not a local optimum[, witness q]`: without a witness the tool finds one.
    case notLocalOptimum(point: String, witness: String?)
    case globalOptimum(point: String)
    case notGlobalOptimum(point: String, witness: String)
    /// `gf converges in direction to kkt within 1e-6` (simulation evidence).
    case flowConvergesInDirection(flow: String, target: String, tolerance: ExprSyntax)
    /// `gf has decreasing normalized margin` (or `increasing`).
    case flowMarginMonotone(flow: String, decreasing: Bool)
    /// `gf reaches loss < 1e-4`.
    case flowReachesLoss(flow: String, bound: ExprSyntax)
    /// `sweep reaches loss < 1e-4 in 74 of 288 runs`, … (simulation evidence).
    case experiment(ExperimentClaimSyntax)
    /// A point claim about problem (3) or (4) of Vardi, Shamir, Srebro (2022): `… of problem (4) for layer 1`.
    indirect case ofProblem(AssertionSyntax, ProblemSyntax)
}

/// Which problem of Vardi, Shamir, Srebro (2022) a point claim is about, when not problem (2).
public enum ProblemSyntax: Hashable, Sendable {
    /// Problem (3), min ‖β‖₁ s.t. yᵢ⟨β, xᵢ⟩ ≥ 1: the claim's points are predictors β.
    case l1Predictor(SourceLocation)
    /// Problem (4) for a layer (counted from 1), w.r.t. the claim's point itself.
    case perLayer(layer: Int, SourceLocation)
}

public struct ClaimSyntax: Hashable, Sendable {
    /// An optional label such as `[C.3, eq. 14]`, shown in reports.
    public let label: String?
    public let assertion: AssertionSyntax
    public let quantifier: QuantifierSyntax
    /// `expect refuted`: a printed statement known to be false (an erratum).
    public let expectRefuted: Bool
    /// `expect undecided`: a true claim the tool cannot decide yet (a known limitation, kept
    /// visible); it passes only while it stays undecided, so a new method is noticed.
    public var expectUndecided: Bool = false
    public let location: SourceLocation
    /// The claim as written, for reports.
    public let text: String
}

/// One top-level statement of a proof file.
public enum StatementSyntax: Hashable, Sendable {
    case title(String, SourceLocation)
    /// `network <words and numbers …>`: elaborated by the network-spec reader.
    case network([Token], SourceLocation)
    case loss(String, SourceLocation)
    /// `data x1 = (1, 1/4), y1 = 1`.
    case data(name: String, input: ExprSyntax, labelName: String, label: ExprSyntax, SourceLocation)
    /// `data x1 = (1, 0), class 2`: an example of a vector-output classifier, by class (from 1).
    case classData(name: String, input: ExprSyntax, classIndex: ExprSyntax, SourceLocation)
    case parameter(String, RangeSyntax, SourceLocation)
    /// `integer m >= 3`, `integer m > 5/2`: the integers above the bound.
    case integer(String, IntegerBoundSyntax, SourceLocation)
    /// `let name = expr` or `let f(eps) = expr`.
    case definition(String, parameters: [String], ExprSyntax, SourceLocation)
    /// `point p(eps): w1 = (…), v = (…)`.
    case point(String, parameters: [String], blocks: [BlockSyntax], SourceLocation)
    /// `point lim = limit of gf`: the exact limit point of a flow, found when the file is read.
    case limitPoint(String, flow: String, SourceLocation)
    case claim(ClaimSyntax)
    /// `flow gf: exponential from init, solver rosenbrock, until log10 t = 1e12, steps 100000`.
    case flow(FlowSyntax)
    /// `experiment sweep: square from sphere(1e-4) per neuron, runs 288, seed 2022, solver gd(1e-4), steps 3000000`.
    case experiment(ExperimentSyntax)
}

/// `w1 = (0, 2)` inside a point: a named parameter block and its value.
public struct BlockSyntax: Hashable, Sendable {
    public let name: String
    public let value: ExprSyntax
    public let location: SourceLocation
}

/// A whole parsed proof file.
public struct ProofFileSyntax: Sendable {
    public let statements: [StatementSyntax]
}
