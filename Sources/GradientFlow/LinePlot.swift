import Foundation

/// A line plot written as a standalone SVG document: one or more series of (x, y) points,
/// linear or log₁₀ axes, ticks at round values, reference lines (a tolerance, a target's
/// value) and marked points (data, a limit). Non-finite points (and values ≤ 0 on a log axis)
/// are left out, so a plot never lies about a value it could not place. Every series, line and
/// marker lies inside the axes (their ranges are computed from all of them, with headroom) and
/// has a legend entry; colours are colour-blind-safe and series also differ in dash pattern.
public struct LinePlot: Sendable {
    public struct Series: Sendable {
        public var label: String
        public var points: [(x: Double, y: Double)]

        public init(label: String, points: [(x: Double, y: Double)]) {
            self.label = label
            self.points = points
        }
    }

    /// A horizontal line at `y` (on the data's scale, before any log).
    public struct Reference: Sendable {
        public var y: Double
        public var label: String

        public init(y: Double, label: String) {
            self.y = y
            self.label = label
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var logX: Bool
    public var logY: Bool
    public var series: [Series]
    public var references: [Reference]
    public var markers: [Marker]
    /// Equal units on both axes (for paths in a plane).
    public var equalAspect: Bool

    public init(title: String, xLabel: String, yLabel: String, logX: Bool = false, logY: Bool = false,
                series: [Series], references: [Reference] = [], markers: [Marker] = [], equalAspect: Bool = false) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logX = logX
        self.logY = logY
        self.series = series
        self.references = references
        self.markers = markers
        self.equalAspect = equalAspect
    }

    /// The points that can be placed, on the plotted scales.
    func placeable(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        points.compactMap { p in
            let (x, y) = (scaled(p.x, logX), scaled(p.y, logY))
            return x.isFinite && y.isFinite ? (x, y) : nil
        }
    }

    private func scaled(_ v: Double, _ log: Bool) -> Double { log ? (v > 0 ? log10(v) : .nan) : v }

    /// The frame: ranges from every placed point and reference line, with headroom.
    var frame: PlotFrame {
        let all = (series.map(\.points) + markers.map(\.points)).flatMap(placeable)
        let levels = references.map { scaled($0.y, logY) }.filter(\.isFinite)
        let x = PlotFrame.padded(all.map(\.x)), y = PlotFrame.padded(all.map(\.y) + levels)
        let legend = series.indices.map { PlotFrame.Entry(color: PlotFrame.color($0), glyph: .line(dash: PlotFrame.dash($0)), label: series[$0].label) }
            + references.map { PlotFrame.Entry(color: "#555555", glyph: .line(dash: "4 4"), label: $0.label) }
            + markers.indices.map { PlotFrame.Entry(color: markerColor($0), glyph: .marker(markers[$0].shape), label: markers[$0].label) }
        func frame(_ x: ClosedRange<Double>, _ y: ClosedRange<Double>) -> PlotFrame {
            PlotFrame(title: title, xLabel: logX ? "log₁₀ " + xLabel : xLabel, yLabel: logY ? "log₁₀ " + yLabel : yLabel,
                      x: x, y: y, legend: legend)
        }
        var drawn = frame(x, y)
        guard equalAspect else { return drawn }
        // Widen the narrower range so that a unit is as long on both axes; the plot's width
        // depends on the tick labels, so repeat until it settles.
        for _ in 0 ..< 5 {
            let width = drawn.plotWidth
            let perPixel = max((x.upperBound - x.lowerBound) / width, (y.upperBound - y.lowerBound) / PlotFrame.plotHeight)
            func widened(_ r: ClosedRange<Double>, _ pixels: Double) -> ClosedRange<Double> {
                let mid = (r.lowerBound + r.upperBound) / 2, half = perPixel * pixels / 2
                return mid - half ... mid + half
            }
            drawn = frame(widened(x, width), widened(y, PlotFrame.plotHeight))
            if drawn.plotWidth == width { break }
        }
        return drawn
    }

    private func markerColor(_ i: Int) -> String { PlotFrame.color(series.count + i) }

    /// The SVG document.
    public var svg: String { let frame = frame; return frame.document(data(in: frame)) }

    /// The series, reference lines and markers, in the frame's coordinates.
    func data(in frame: PlotFrame) -> [String] {
        var out: [String] = []
        for r in references {
            let y = scaled(r.y, logY)
            guard y.isFinite else { continue }
            out.append("<line x1=\"\(n(frame.px(frame.xRange.lowerBound)))\" y1=\"\(n(frame.py(y)))\" x2=\"\(n(frame.px(frame.xRange.upperBound)))\" "
                       + "y2=\"\(n(frame.py(y)))\" stroke=\"#555555\" stroke-width=\"1.5\" stroke-dasharray=\"4 4\"/>")
        }
        for (i, s) in series.enumerated() {
            let points = placeable(s.points).map { "\(n(frame.px($0.x))),\(n(frame.py($0.y)))" }.joined(separator: " ")
            out.append("<polyline fill=\"none\" stroke=\"\(PlotFrame.color(i))\" stroke-width=\"1.5\""
                       + (PlotFrame.dash(i).map { " stroke-dasharray=\"\($0)\"" } ?? "") + " points=\"\(points)\"/>")
        }
        for (i, m) in markers.enumerated() {
            for p in placeable(m.points) { out.append(m.shape.svg(at: frame.px(p.x), frame.py(p.y), color: markerColor(i))) }
        }
        return out
    }
}
