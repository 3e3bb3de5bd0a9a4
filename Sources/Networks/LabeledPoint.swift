/// One training example (x_i, y_i): a label y_i ∈ {−1, 1} as `[y]` for the exponential and
/// logistic losses, or a target vector for the square loss.
public struct LabeledPoint<S: NetworkScalar>: Sendable {
    public var x: [S]
    public var y: [S]

    public init(x: [S], y: [S]) {
        self.x = x
        self.y = y
    }

    /// A classification example with label `label`.
    public init(x: [S], label: S) { self.init(x: x, y: [label]) }
}
