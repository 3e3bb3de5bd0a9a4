import Exact

/// One training example (x_i, y_i): a label y_i ∈ {−1, 1} as `[y]` for the exponential and
/// logistic losses, a target vector for the square loss, or a class c_i of a vector-output
/// classifier (then y_i = e_{c_i}).
public struct LabeledPoint<S: NetworkScalar>: Sendable {
    public var x: [S]
    public var y: [S]
    /// The class c_i (0-based) of a multi-class example, whose margin is
    /// Φ_{c_i}(θ; x_i) − max_{j≠c_i} Φ_j(θ; x_i); nil for a scalar label or a target vector.
    public var classIndex: Int?

    public init(x: [S], y: [S]) {
        self.x = x
        self.y = y
    }

    /// A classification example with label `label`.
    public init(x: [S], label: S) { self.init(x: x, y: [label]) }

    /// The same example with every number mapped by `f` (the class kept).
    public func map<T: NetworkScalar>(_ f: (S) -> T) -> LabeledPoint<T> {
        var point = LabeledPoint<T>(x: x.map(f), y: y.map(f))
        point.classIndex = classIndex
        return point
    }

    /// A multi-class example of class `c` (0-based) among `classes` ≥ 2, with y = e_c.
    public init(x: [S], class c: Int, classes: Int) {
        precondition(classes >= 2 && (0 ..< classes).contains(c), "class \(c) of \(classes)")
        self.init(x: x, y: (0 ..< classes).map { S(Rational($0 == c ? 1 : 0)) })
        classIndex = c
    }
}
