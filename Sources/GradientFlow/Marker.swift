/// Marked points on a plot (data points, a limit, a start), with a legend entry.
public struct Marker: Sendable {
    public enum Shape: Sendable {
        case circle, cross, diamond, triangle

        /// The shape centred at (x, y), about 10 px across.
        func svg(at x: Double, _ y: Double, color: String) -> String {
            switch self {
            case .circle: return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"4\" fill=\"\(color)\" stroke=\"white\" stroke-width=\"1\"/>"
            case .cross: return "<polyline points=\"\(n(x - 5)),\(n(y - 5)) \(n(x + 5)),\(n(y + 5)) \(n(x)),\(n(y)) \(n(x - 5)),\(n(y + 5)) "
                + "\(n(x + 5)),\(n(y - 5))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\"/>"
            case .diamond: return "<polygon points=\"\(n(x)),\(n(y - 5)) \(n(x + 5)),\(n(y)) \(n(x)),\(n(y + 5)) \(n(x - 5)),\(n(y))\" fill=\"\(color)\"/>"
            case .triangle: return "<polygon points=\"\(n(x)),\(n(y - 5)) \(n(x + 5)),\(n(y + 4)) \(n(x - 5)),\(n(y + 4))\" fill=\"\(color)\"/>"
            }
        }
    }

    public var label: String
    public var shape: Shape
    public var points: [(x: Double, y: Double)]

    public init(label: String, shape: Shape, points: [(x: Double, y: Double)]) {
        self.label = label
        self.shape = shape
        self.points = points
    }
}
