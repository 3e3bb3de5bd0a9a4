import Foundation

/// A histogram written as a standalone SVG document: one or more series of values counted in
/// equal bins over a fixed range, drawn side by side in each bin. Values outside the range
/// (and non-finite ones) are counted apart and reported in the legend, never dropped silently.
public struct Histogram: Sendable {
    public struct Series: Sendable {
        public var label: String
        public var values: [Double]

        public init(label: String, values: [Double]) {
            self.label = label
            self.values = values
        }
    }

    public var title: String
    public var xLabel: String
    public var range: ClosedRange<Double>
    public var bins: Int
    public var series: [Series]

    public init(title: String, xLabel: String, range: ClosedRange<Double>, bins: Int, series: [Series]) {
        precondition(bins > 0 && range.lowerBound < range.upperBound, "histogram bins")
        self.title = title
        self.xLabel = xLabel
        self.range = range
        self.bins = bins
        self.series = series
    }

    /// The counts per bin (the last bin is closed on the right) and the values outside.
    public func counts(_ s: Series) -> (bins: [Int], outside: Int) {
        var counts = [Int](repeating: 0, count: bins), outside = 0
        let width = (range.upperBound - range.lowerBound) / Double(bins)
        for v in s.values {
            guard range.contains(v) else { outside += 1; continue }
            counts[min(bins - 1, Int((v - range.lowerBound) / width))] += 1
        }
        return (counts, outside)
    }

    /// The SVG document.
    public var svg: String {
        let (w, h, m) = (LinePlot.width, LinePlot.height, LinePlot.margin)
        let tallies = series.map(counts)
        let top = Double(max(1, tallies.flatMap(\.bins).max() ?? 1))
        func number(_ v: Double) -> String { String(format: "%.1f", v) }
        func px(_ x: Double) -> Double { m + (x - range.lowerBound) / (range.upperBound - range.lowerBound) * (w - 2 * m) }
        func py(_ c: Double) -> Double { h - m - c / top * (h - 2 * m) }
        var lines = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" font-family=\"sans-serif\" font-size=\"12\">",
                     "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
                     "<text x=\"\(number(w / 2))\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">\(LinePlot.escaped(title))</text>",
                     "<rect x=\"\(number(m))\" y=\"\(number(m))\" width=\"\(number(w - 2 * m))\" height=\"\(number(h - 2 * m))\" fill=\"none\" stroke=\"black\"/>",
                     "<text x=\"\(number(w / 2))\" y=\"\(number(h - 15))\" text-anchor=\"middle\">\(LinePlot.escaped(xLabel))</text>",
                     "<text x=\"15\" y=\"\(number(h / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 15 \(number(h / 2)))\">runs</text>"]
        for x in LinePlot.ticks(range.lowerBound, range.upperBound) {
            lines.append("<text x=\"\(number(px(x)))\" y=\"\(number(h - m + 15))\" text-anchor=\"middle\">\(LinePlot.label(x))</text>")
        }
        for c in LinePlot.ticks(0, top) where c == c.rounded() {
            lines.append("<text x=\"\(number(m - 5))\" y=\"\(number(py(c) + 4))\" text-anchor=\"end\">\(Int(c))</text>")
        }
        let binWidth = (range.upperBound - range.lowerBound) / Double(bins)
        let barWidth = (px(range.lowerBound + binWidth) - px(range.lowerBound)) / Double(max(1, series.count))
        for (i, (s, tally)) in zip(series, tallies).enumerated() {
            let color = LinePlot.colors[i % LinePlot.colors.count]
            for (b, count) in tally.bins.enumerated() where count > 0 {
                let x = px(range.lowerBound + Double(b) * binWidth) + Double(i) * barWidth
                lines.append("<rect x=\"\(number(x))\" y=\"\(number(py(Double(count))))\" width=\"\(number(barWidth))\" "
                             + "height=\"\(number(py(0) - py(Double(count))))\" fill=\"\(color)\" fill-opacity=\"0.8\"/>")
            }
            let note = "\(s.label): \(s.values.count) runs" + (tally.outside > 0 ? ", \(tally.outside) outside the range" : "")
            lines.append("<text x=\"\(number(w - m - 5))\" y=\"\(number(m + 15 + 15 * Double(i)))\" text-anchor=\"end\" fill=\"\(color)\">\(LinePlot.escaped(note))</text>")
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }
}
