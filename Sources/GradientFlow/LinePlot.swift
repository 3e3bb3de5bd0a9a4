import Foundation

/// A line plot written as a standalone SVG document: one or more series of (x, y) points,
/// linear or log₁₀ axes, ticks at round values. Non-finite points (and values ≤ 0 on a log
/// axis) are left out, so a plot never lies about a value it could not place.
public struct LinePlot: Sendable {
    public struct Series: Sendable {
        public var label: String
        public var points: [(x: Double, y: Double)]

        public init(label: String, points: [(x: Double, y: Double)]) {
            self.label = label
            self.points = points
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var logX: Bool
    public var logY: Bool
    public var series: [Series]

    public init(title: String, xLabel: String, yLabel: String, logX: Bool = false, logY: Bool = false,
                series: [Series]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logX = logX
        self.logY = logY
        self.series = series
    }

    static let (width, height, margin) = (640.0, 400.0, 60.0)
    static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]

    /// The points that can be placed, on the plotted scales.
    func placeable(_ s: Series) -> [(x: Double, y: Double)] {
        func scaled(_ v: Double, _ log: Bool) -> Double { log ? (v > 0 ? log10(v) : .nan) : v }
        return s.points.compactMap { p in
            let (x, y) = (scaled(p.x, logX), scaled(p.y, logY))
            return x.isFinite && y.isFinite ? (x, y) : nil
        }
    }

    /// The SVG document.
    public var svg: String {
        let all = series.flatMap(placeable)
        let (x0, x1) = Self.range(all.map(\.x)), (y0, y1) = Self.range(all.map(\.y))
        let (w, h, m) = (Self.width, Self.height, Self.margin)
        func px(_ x: Double) -> Double { m + (x - x0) / (x1 - x0) * (w - 2 * m) }
        func py(_ y: Double) -> Double { h - m - (y - y0) / (y1 - y0) * (h - 2 * m) }
        func number(_ v: Double) -> String { String(format: "%.1f", v) }
        var lines = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" font-family=\"sans-serif\" font-size=\"12\">",
                     "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
                     "<text x=\"\(number(w / 2))\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">\(Self.escaped(title))</text>",
                     "<rect x=\"\(number(m))\" y=\"\(number(m))\" width=\"\(number(w - 2 * m))\" height=\"\(number(h - 2 * m))\" fill=\"none\" stroke=\"black\"/>",
                     "<text x=\"\(number(w / 2))\" y=\"\(number(h - 15))\" text-anchor=\"middle\">\(Self.escaped(logX ? "log₁₀ " + xLabel : xLabel))</text>",
                     "<text x=\"15\" y=\"\(number(h / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 15 \(number(h / 2)))\">"
                         + "\(Self.escaped(logY ? "log₁₀ " + yLabel : yLabel))</text>"]
        for x in Self.ticks(x0, x1) {
            lines.append("<text x=\"\(number(px(x)))\" y=\"\(number(h - m + 15))\" text-anchor=\"middle\">\(Self.label(x))</text>")
        }
        for y in Self.ticks(y0, y1) {
            lines.append("<text x=\"\(number(m - 5))\" y=\"\(number(py(y) + 4))\" text-anchor=\"end\">\(Self.label(y))</text>")
        }
        for (i, s) in series.enumerated() {
            let color = Self.colors[i % Self.colors.count]
            let points = placeable(s).map { "\(number(px($0.x))),\(number(py($0.y)))" }.joined(separator: " ")
            lines.append("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\" points=\"\(points)\"/>")
            lines.append("<text x=\"\(number(w - m - 5))\" y=\"\(number(m + 15 + 15 * Double(i)))\" text-anchor=\"end\" fill=\"\(color)\">\(Self.escaped(s.label))</text>")
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text made safe for SVG.
    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// [min, max] widened to a nonempty interval.
    static func range(_ values: [Double]) -> (Double, Double) {
        guard let lo = values.min(), let hi = values.max() else { return (0, 1) }
        return lo < hi ? (lo, hi) : (lo - 1, hi + 1)
    }

    /// About five round tick values (1, 2 or 5 × 10^k apart) inside [lo, hi].
    static func ticks(_ lo: Double, _ hi: Double) -> [Double] {
        let raw = (hi - lo) / 5, magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw }!
        return Array(stride(from: ceil(lo / step) * step, through: hi, by: step))
    }

    static func label(_ v: Double) -> String {
        v == 0 ? "0" : abs(v) >= 1e5 || (abs(v) < 1e-3 && v != 0) ? String(format: "%.2g", v) : String(format: "%g", v)
    }
}

extension FlowResult {
    /// The direction error against log₁₀ t, both on log axes (the error decays like a power of
    /// log t); records without a direction error or with t ≤ 10 are left out.
    public func directionPlot(title: String) -> LinePlot {
        LinePlot(title: title, xLabel: "log₁₀ t", yLabel: "direction error", logX: true, logY: true,
                 series: [.init(label: "‖θ/‖θ‖ − θ*/‖θ*‖‖",
                                points: records.compactMap { r in r.directionError.map { (r.log10Time, $0) } })])
    }
}
