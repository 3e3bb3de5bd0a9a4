import Foundation

/// The L-stable Rosenbrock pair of order 2(3) of Shampine & Reichelt (1997, MATLAB's
/// `ode23s`), for stiff flows: gradient flow in loss-normalised time stiffens like ‖θ‖^L,
/// because the softmax weights of the margins sharpen while the norm grows only like log t
/// (Vardi, Shamir, Srebro (2022) Thm 3.2 needs ‖θ‖ ≈ 10⁶ for a direction error of 10⁻⁶).
///
/// The Jacobian ∂f/∂y is formed by forward differences of the field (n extra evaluations per
/// step), which the method tolerates (it is a W-method for the error estimate).
public struct Rosenbrock23: StepSolver {
    public init() {}

    public var embeddedOrder: Int { 2 }

    static let d = 1 / (2 + 2.0.squareRoot())
    static let e32 = 6 + 2.0.squareRoot()

    public func step<Sample: FieldSample>(from y: [Double], start: Sample, size h: Double,
                                          field: ([Double]) -> Sample) -> SolverStep<Sample> {
        let n = y.count
        let f0 = start.velocity
        var w = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for k in 0 ..< n {
            let δ = 1.5e-8 * max(abs(y[k]), 1e-3)
            var probe = y
            probe[k] += δ
            let column = field(probe).velocity
            for i in 0 ..< n { w[i][k] = -h * Self.d * (column[i] - f0[i]) / δ }
        }
        for i in 0 ..< n { w[i][i] += 1 }
        let lu = LUDecomposition(w)
        let k1 = lu.solve(f0)
        let f1 = field(zip(y, k1).map { $0 + h / 2 * $1 }).velocity
        let k2 = zip(lu.solve(zip(f1, k1).map { $0 - $1 }), k1).map { $0 + $1 }
        let next = zip(y, k2).map { $0 + h * $1 }
        let end = field(next)
        let f2 = end.velocity
        let k3 = lu.solve((0 ..< n).map { f2[$0] - Self.e32 * (k2[$0] - f1[$0]) - 2 * (k1[$0] - f0[$0]) })
        let error = (0 ..< n).map { h / 6 * (k1[$0] - 2 * k2[$0] + k3[$0]) }
        return SolverStep(state: next, error: error, endSample: end)
    }
}
