import Exact

/// A value of the vector field at a state: the velocity plus whatever the problem computed
/// along the way (loss, activation pattern), so that reused stages can feed the monitors.
public protocol FieldSample {
    var velocity: [Double] { get }
}

/// One trial step: the new state, the local error estimate, and the field sample at the new
/// state when the method computed it anyway (FSAL).
public struct SolverStep<Sample: FieldSample> {
    public let state: [Double]
    public let error: [Double]
    public let endSample: Sample?
}

/// A one-step method with an error estimate. It only takes trial steps; accepting or
/// rejecting them is the controller's job (diffrax's separation).
public protocol StepSolver: Sendable {
    /// q such that the error estimate is O(h^{q+1}); the controller's exponent is 1/(q+1).
    var embeddedOrder: Int { get }
    /// A step of size h from y, where `start` = f(y).
    func step<Sample: FieldSample>(from y: [Double], start: Sample, size h: Double,
                                   field: ([Double]) -> Sample) -> SolverStep<Sample>
}

/// An explicit embedded Runge–Kutta pair in `Double`, from an exact tableau.
public struct RungeKutta: StepSolver {
    public let tableau: ButcherTableau
    let a: [[Double]]
    let b: [Double]
    /// b − b̂.
    let errorWeights: [Double]

    public init(_ tableau: ButcherTableau) {
        self.tableau = tableau
        a = tableau.a.map { $0.map { Double($0) } }
        b = tableau.b.map { Double($0) }
        errorWeights = zip(tableau.b, tableau.embeddedB).map { Double($0 - $1) }
    }

    public static let dormandPrince = RungeKutta(.dormandPrince)

    public var embeddedOrder: Int { tableau.embeddedOrder }

    public func step<Sample: FieldSample>(from y: [Double], start: Sample, size h: Double,
                                          field: ([Double]) -> Sample) -> SolverStep<Sample> {
        var k = [start.velocity]
        var last: Sample? = nil
        for i in 1 ..< a.count {
            var stage = y
            for (j, aij) in a[i].enumerated() where aij != 0 {
                let kj = k[j]
                for n in stage.indices { stage[n] += h * aij * kj[n] }
            }
            let sample = field(stage)
            k.append(sample.velocity)
            last = sample
        }
        var next = y, error = [Double](repeating: 0, count: y.count)
        for i in k.indices {
            let (bi, ei, ki) = (b[i], errorWeights[i], k[i])
            for n in y.indices {
                next[n] += h * bi * ki[n]
                error[n] += h * ei * ki[n]
            }
        }
        return SolverStep(state: next, error: error, endSample: tableau.isFirstSameAsLast ? last : nil)
    }
}
