import Foundation

/// The frame every SVG plot of this module is drawn in: a title wrapped to the width, a plot
/// area with ticks, grid lines and axis labels, and a legend below the axes, one entry a line.
/// The layout is computed from the text it holds (`PlotFrame.textWidth` over-estimates a
/// sans-serif glyph at 0.6 em), so nothing drawn falls outside the view box: the axes'
/// ranges carry headroom, and titles and legend entries wrap instead of running off the edge.
struct PlotFrame {
    /// A legend entry: a colour-blind-safe colour, how the entry's data are drawn, its text.
    struct Entry {
        enum Glyph { case line(dash: String?), bar, marker(Marker.Shape) }
        var color: String
        var glyph: Glyph
        var label: String
    }

    static let width = 640.0, plotHeight = 260.0, fontSize = 12.0, titleSize = 14.0, lineGap = 4.0

    /// The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008): distinguishable under
    /// the common colour-vision deficiencies; yellow is left out (too pale on white).
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
    /// Dash patterns that tell series apart without colour.
    static let dashes: [String?] = [nil, "6 3", "2 2", "8 3 2 3"]

    static func color(_ i: Int) -> String { palette[i % palette.count] }
    static func dash(_ i: Int) -> String? { dashes[i % dashes.count] }

    let xRange: ClosedRange<Double>, yRange: ClosedRange<Double>
    let xTicks: [Double], yTicks: [Double]
    let titleLines: [String], legendLines: [(entry: Entry, text: String, first: Bool)]
    let xLabel: String, yLabel: String
    let left: Double, top: Double, plotWidth: Double
    let height: Double

    /// - Parameters: `x`, `y`: the ranges drawn (with their headroom already added).
    init(title: String, xLabel: String, yLabel: String, x: ClosedRange<Double>, y: ClosedRange<Double>,
         xTicks: [Double]? = nil, yTicks: [Double]? = nil, legend: [Entry]) {
        xRange = x
        yRange = y
        self.xTicks = xTicks ?? Self.ticks(x.lowerBound, x.upperBound)
        self.yTicks = yTicks ?? Self.ticks(y.lowerBound, y.upperBound)
        self.xLabel = xLabel
        self.yLabel = yLabel
        let yTickWidth = self.yTicks.map { Self.textWidth(Self.label($0), size: Self.fontSize) }.max() ?? 0
        let left = 10 + Self.fontSize + 8 + yTickWidth + 8
        self.left = left
        let xTickOverhang = self.xTicks.last.map { Self.textWidth(Self.label($0), size: Self.fontSize) / 2 } ?? 0
        plotWidth = Self.width - left - max(20, xTickOverhang + 8)
        titleLines = Self.wrap(title, width: Self.width - 20, size: Self.titleSize)
        top = 10 + Double(titleLines.count) * (Self.titleSize + Self.lineGap) + 10
        let textWidth = Self.width - left - 30 - 10   // after the swatch
        legendLines = legend.flatMap { entry in
            Self.wrap(entry.label, width: textWidth, size: Self.fontSize).enumerated().map { (entry, $0.element, $0.offset == 0) }
        }
        let bottom = 6 + Self.fontSize + 6 + Self.fontSize + 12 + Double(legendLines.count) * (Self.fontSize + Self.lineGap) + 8
        height = (top + Self.plotHeight + bottom).rounded(.up)
    }

    func px(_ x: Double) -> Double { left + (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * plotWidth }
    func py(_ y: Double) -> Double { top + Self.plotHeight - (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * Self.plotHeight }

    /// The frame's elements drawn under the data: background, grid, ticks and their labels,
    /// axis labels, title.
    var background: [String] {
        let bottom = top + Self.plotHeight, right = left + plotWidth
        var out = ["<rect width=\"\(n(Self.width))\" height=\"\(n(height))\" fill=\"white\"/>"]
        for (i, line) in titleLines.enumerated() {
            out.append("<text x=\"\(n(Self.width / 2))\" y=\"\(n(10 + Self.titleSize + Double(i) * (Self.titleSize + Self.lineGap)))\" "
                       + "text-anchor=\"middle\" font-size=\"\(n(Self.titleSize))\">\(Self.escaped(line))</text>")
        }
        for x in xTicks {
            out.append("<line x1=\"\(n(px(x)))\" y1=\"\(n(top))\" x2=\"\(n(px(x)))\" y2=\"\(n(bottom + 5))\" stroke=\"#dddddd\" stroke-width=\"1\"/>")
            out.append("<text x=\"\(n(px(x)))\" y=\"\(n(bottom + 6 + Self.fontSize))\" text-anchor=\"middle\">\(Self.label(x))</text>")
        }
        for y in yTicks {
            out.append("<line x1=\"\(n(left - 5))\" y1=\"\(n(py(y)))\" x2=\"\(n(right))\" y2=\"\(n(py(y)))\" stroke=\"#dddddd\" stroke-width=\"1\"/>")
            out.append("<text x=\"\(n(left - 8))\" y=\"\(n(py(y) + 4))\" text-anchor=\"end\">\(Self.label(y))</text>")
        }
        out.append("<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(plotWidth))\" height=\"\(n(Self.plotHeight))\" fill=\"none\" stroke=\"black\" stroke-width=\"1\"/>")
        out.append("<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(bottom + 6 + 2 * Self.fontSize + 8))\" text-anchor=\"middle\">\(Self.escaped(xLabel))</text>")
        let yMid = top + Self.plotHeight / 2, yAt = 10 + Self.fontSize - 2
        out.append("<text x=\"\(n(yAt))\" y=\"\(n(yMid))\" text-anchor=\"middle\" transform=\"rotate(-90 \(n(yAt)) \(n(yMid)))\">\(Self.escaped(yLabel))</text>")
        return out
    }

    /// The legend, below the x axis's label.
    var legend: [String] {
        var out: [String] = []
        let first = top + Self.plotHeight + 6 + 2 * Self.fontSize + 12 + 8
        for (k, line) in legendLines.enumerated() {
            let baseline = first + Double(k) * (Self.fontSize + Self.lineGap) + Self.fontSize - 2
            let mid = baseline - 4, x = left
            if line.first {
                switch line.entry.glyph {
                case .line(let dash):
                    out.append("<line x1=\"\(n(x))\" y1=\"\(n(mid))\" x2=\"\(n(x + 22))\" y2=\"\(n(mid))\" stroke=\"\(line.entry.color)\" "
                               + "stroke-width=\"2\"\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>")
                case .bar:
                    out.append("<rect x=\"\(n(x + 4))\" y=\"\(n(mid - 5))\" width=\"14\" height=\"10\" fill=\"\(line.entry.color)\"/>")
                case .marker(let shape):
                    out.append(shape.svg(at: x + 11, mid, color: line.entry.color))
                }
            }
            out.append("<text x=\"\(n(x + 30))\" y=\"\(n(baseline))\">\(Self.escaped(line.text))</text>")
        }
        return out
    }

    /// The whole document around `data` (drawn between the frame and the legend).
    func document(_ data: [String]) -> String {
        ([Self.header(height: height)] + background + data + legend + ["</svg>"]).joined(separator: "\n") + "\n"
    }

    static func header(height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
            + "viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"sans-serif\" font-size=\"\(n(fontSize))\">"
    }

    // MARK: text and numbers

    /// An over-estimate of the width of `s` in a sans-serif font of `size` px.
    static func textWidth(_ s: String, size: Double) -> Double { Double(s.count) * 0.6 * size }

    /// `s` broken at spaces into lines no wider than `width` (a word longer than a line is cut).
    static func wrap(_ s: String, width: Double, size: Double) -> [String] {
        let most = max(1, Int(width / (0.6 * size)))
        var lines: [String] = [], current = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var word = word
            while word.count > most {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(most)))
                word = String(word.dropFirst(most))
            }
            if current.isEmpty { current = word } else if current.count + 1 + word.count <= most { current += " " + word } else {
                lines.append(current)
                current = word
            }
        }
        return lines + (current.isEmpty && !lines.isEmpty ? [] : [current])
    }

    /// Text made safe for SVG.
    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// [lo, hi] with 5% headroom each side (and a unit interval around a single value).
    static func padded(_ values: [Double]) -> ClosedRange<Double> {
        guard let lo = values.min(), let hi = values.max() else { return 0 ... 1 }
        guard lo < hi else { return lo - 1 ... hi + 1 }
        let pad = (hi - lo) * 0.05
        return lo - pad ... hi + pad
    }

    /// About five round tick values (1, 2 or 5 × 10^k apart) inside [lo, hi].
    static func ticks(_ lo: Double, _ hi: Double) -> [Double] {
        let raw = (hi - lo) / 5, magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw }!
        return Array(stride(from: ceil(lo / step) * step, through: hi, by: step)).map { abs($0) < step * 1e-9 ? 0 : $0 }
    }

    static func label(_ v: Double) -> String {
        v == 0 ? "0" : abs(v) >= 1e5 || abs(v) < 1e-3 ? String(format: "%.2g", v) : String(format: "%g", v)
    }
}

/// A number in SVG: one decimal.
func n(_ v: Double) -> String { String(format: "%.1f", v) }
