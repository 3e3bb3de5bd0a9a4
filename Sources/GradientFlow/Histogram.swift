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

    /// The SVG document: bars side by side in each bin, the count axis with 10% headroom
    /// above the tallest bar, one legend entry per series with its count and the values outside.
    public var svg: String {
        let tallies = series.map(counts)
        let top = Double(max(1, tallies.flatMap(\.bins).max() ?? 1))
        let legend = zip(series, tallies).enumerated().map { i, pair in
            PlotFrame.Entry(color: PlotFrame.color(i), glyph: .bar, label: "\(pair.0.label): \(pair.0.values.count) runs"
                            + (pair.1.outside > 0 ? ", \(pair.1.outside) outside the range" : ""))
        }
        let frame = PlotFrame(title: title, xLabel: xLabel, yLabel: "runs", x: range, y: 0 ... top * 1.1,
                              yTicks: PlotFrame.ticks(0, top * 1.1).filter { $0 == $0.rounded() }, legend: legend)
        let binWidth = (range.upperBound - range.lowerBound) / Double(bins)
        let barWidth = (frame.px(range.lowerBound + binWidth) - frame.px(range.lowerBound)) / Double(max(1, series.count))
        var bars: [String] = []
        for (i, tally) in tallies.enumerated() {
            for (b, count) in tally.bins.enumerated() where count > 0 {
                let x = frame.px(range.lowerBound + Double(b) * binWidth) + Double(i) * barWidth
                bars.append("<rect class=\"bar\" x=\"\(n(x))\" y=\"\(n(frame.py(Double(count))))\" width=\"\(n(barWidth))\" "
                            + "height=\"\(n(frame.py(0) - frame.py(Double(count))))\" fill=\"\(PlotFrame.color(i))\" fill-opacity=\"0.85\"/>")
            }
        }
        return frame.document(bars)
    }
}
