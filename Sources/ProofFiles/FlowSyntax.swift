/// `flow gf: exponential from init, solver rosenbrock, until log10 t = 1e12, steps 100000,
/// rtol 1e-8, atol 1e-12 absolute`: a gradient flow to simulate (numerical evidence, never a
/// proof), as written.
public struct FlowSyntax: Hashable, Sendable {
    public let name: String
    public let loss: String
    /// The named point θ(0).
    public let initial: String
    /// `rosenbrock`, `dopri` or `gd` (then `learningRate` is the step η of `gd(η)`).
    public let solver: String?
    public let learningRate: ExprSyntax?
    /// `until log10 t = T`.
    public let untilLog10Time: ExprSyntax?
    /// `steps N`: the budget of accepted steps (GD: the number of steps).
    public let steps: ExprSyntax?
    public let location: SourceLocation
    /// `rtol r`: the adaptive solvers' relative tolerance.
    public var relativeTolerance: ExprSyntax? = nil
    /// `atol a` (or `atol a relative`): the adaptive solvers' absolute tolerance, relative to
    /// θ(0)'s scale; `atol a absolute`: a itself.
    public var absoluteTolerance: ExprSyntax? = nil
    public var absoluteToleranceIsAbsolute = false
}
