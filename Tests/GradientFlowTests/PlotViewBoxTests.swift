import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Exact
import Networks
import Testing
@testable import GradientFlow

/// Every kind of plot this module draws keeps every drawn element inside its SVG view box
/// (issue 19): the SVG is parsed back, each element's extent computed (strokes, markers, text
/// at 0.6 em a glyph, `translate` and `rotate` transforms), and checked against the view box.
/// The inputs are seeded random extremes: long titles and labels, many series, values from
/// 10⁻¹² to 10¹², a single point.
@Suite struct PlotViewBoxTests {
    static let seeds: [UInt64] = Array(1 ... 12)

    @Test(arguments: seeds)
    func everyLinePlotStaysInsideItsViewBox(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for plot in Self.linePlots(&random) {
            try Self.expectInside(plot.svg, "seed \(seed), line plot \(plot.title)")
        }
        try Self.expectInside(stackedSVG(Self.linePlots(&random)), "seed \(seed), stacked")
    }

    @Test(arguments: seeds)
    func everyHistogramStaysInsideItsViewBoxWithHeadroom(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let series = (0 ..< 1 + Int(random.next() % 3)).map { s in
            Histogram.Series(label: Self.words(&random, Int(random.next() % 12) + 1),
                             values: (0 ..< 1 + Int(random.next() % 500)).map { _ in 0.9 + 1.2 * random.unit })
        }
        let histogram = Histogram(title: Self.words(&random, Int(random.next() % 30) + 1), xLabel: "stable rank",
                                  range: 1 ... 2, bins: 1 + Int(random.next() % 40), series: series)
        let elements = try Self.expectInside(histogram.svg, "seed \(seed), histogram")
        let frame = try #require(elements.first { $0.name == "rect" && $0.attributes["fill"] == "none" })
        for bar in elements where bar.attributes["class"] == "bar" {
            #expect(bar.box.minY > frame.box.minY + 10, "seed \(seed): a bar touches the frame's top")
        }
    }

    @Test func theNeuronPathPlotShowsTheDataTheStartAndTheLimit() throws {
        let network = Network.fullyConnected(widths: [2, 2, 1], activation: .relu)
        let data = [LabeledPoint(x: [1.0, 0.25], label: 1.0), LabeledPoint(x: [-1.0, 0.25], label: -1.0)]
        let target = network.parameters(["w1": [0.0, 2], "w2": [0.0, 0], "v": [2.0, 0]])
        let states = (0 ... 50).map { i -> [Double] in
            let s = Double(i) / 50
            return network.parameters(["w1": [0.1 * (1 - s), 0.6 + 1.4 * s], "w2": [0.1, -0.8], "v": [0.4 + 1.6 * s, 0.3]])
        }
        let plot = try #require(network.neuronPathPlot(states, title: "neuron paths", data: data, target: target))
        #expect(plot.markers.map(\.label) == ["start uₖ(0)", "limit uₖ(θ*) of the target direction",
                                              "data xᵢ with yᵢ = +1", "data xᵢ with yᵢ = −1"])
        #expect(plot.markers[1].points.map(\.x) == [0, 0] && plot.markers[1].points.map(\.y) == [0.5, 0])
        let elements = try Self.expectInside(plot.svg, "neuron paths")
        #expect(elements.filter { $0.name == "polygon" }.count == 2 + 2, "two data points and their legend glyphs")
        // Equal units: the plot area's pixels per unit agree on both axes.
        let frame = plot.frame
        let perX = frame.plotWidth / (frame.xRange.upperBound - frame.xRange.lowerBound)
        let perY = PlotFrame.plotHeight / (frame.yRange.upperBound - frame.yRange.lowerBound)
        #expect(abs(perX / perY - 1) < 1e-9)
    }

    /// The check itself can fail: an element past the edge, or text too long for the width.
    @Test func theCheckCatchesAnElementOutside() throws {
        let inside = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\" font-size=\"12\">"
        #expect(try Self.outside(inside + "<rect x=\"10\" y=\"10\" width=\"20\" height=\"20\"/></svg>").isEmpty)
        #expect(try Self.outside(inside + "<g transform=\"translate(0, 40)\"><rect x=\"10\" y=\"0\" width=\"20\" height=\"20\"/></g></svg>").count == 1)
        #expect(try Self.outside(inside + "<text x=\"50\" y=\"20\" text-anchor=\"middle\">a title of thirty characters..</text></svg>").count == 1)
        #expect(try Self.outside(inside + "<polyline points=\"1,1 99,49\" stroke=\"black\" stroke-width=\"4\"/></svg>").count == 1)
    }

    // MARK: inputs

    static func linePlots(_ random: inout SplitMix64) -> [LinePlot] {
        let count = 1 + Int(random.next() % 6)
        let magnitude = pow(10, Double(Int(random.next() % 25)) - 12)
        let series = (0 ..< count).map { s in
            LinePlot.Series(label: words(&random, Int(random.next() % 15) + 1),
                            points: (0 ..< 1 + Int(random.next() % 200)).map { i in
                                (Double(i) + random.unit, magnitude * (random.unit + 0.01) * Double(s + 1))
                            })
        }
        let references = [LinePlot.Reference(y: magnitude * random.unit, label: words(&random, 6))]
        let markers = [Marker(label: words(&random, 4), shape: .cross, points: [(random.unit * 10, magnitude)])]
        return [false, true].flatMap { logY in
            [LinePlot(title: words(&random, Int(random.next() % 40) + 1), xLabel: "log₁₀ t", yLabel: "direction error",
                      logX: random.next() % 2 == 0, logY: logY, series: series, references: references, markers: markers,
                      equalAspect: random.next() % 3 == 0),
             LinePlot(title: "one point", xLabel: "x", yLabel: "y", series: [.init(label: "s", points: [(1, 1)])])]
        }
    }

    static func words(_ random: inout SplitMix64, _ count: Int) -> String {
        let vocabulary = ["θ", "normalized", "margin", "‖θ/‖θ‖ − θ*/‖θ*‖‖", "gradient", "flow", "Wide", "MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM", "a", "<&>"]
        return (0 ..< count).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }.joined(separator: " ")
    }

    // MARK: the check

    struct Element {
        let name: String
        let attributes: [String: String]
        let box: CGRect
    }

    /// The drawn elements of `svg`, after checking that each lies inside the view box.
    @discardableResult
    static func expectInside(_ svg: String, _ what: String) throws -> [Element] {
        let elements = try drawn(svg).elements
        #expect(!elements.isEmpty, "\(what): nothing drawn")
        for element in try outside(svg) { Issue.record("\(what): <\(element.name)> at \(element.box) is outside the view box") }
        return elements
    }

    static func outside(_ svg: String) throws -> [Element] {
        let parsed = try drawn(svg)
        return parsed.elements.filter { !parsed.viewBox.insetBy(dx: -0.01, dy: -0.01).contains($0.box) }
    }

    static func drawn(_ svg: String) throws -> (viewBox: CGRect, elements: [Element]) {
        let reader = Reader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return (reader.viewBox, reader.elements)
    }

    /// Computes each element's extent; text at 0.6 em a glyph, from 1 em above to 0.25 em below
    /// its baseline.
    final class Reader: NSObject, XMLParserDelegate {
        var viewBox = CGRect.zero
        var elements: [Element] = []
        private var offsets: [(Double, Double)] = [(0, 0)]
        private var fontSize = 12.0
        private var text: (attributes: [String: String], content: String)?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes a: [String: String] = [:]) {
            func d(_ key: String) -> Double { Double(a[key] ?? "0") ?? .nan }
            let (dx, dy) = offsets.last!
            let stroke = a["stroke"] == nil || a["stroke"] == "none" ? 0 : (Double(a["stroke-width"] ?? "1") ?? 1) / 2   // SVG's default stroke is none
            func add(_ box: CGRect) {
                elements.append(Element(name: name, attributes: a, box: box.offsetBy(dx: dx, dy: dy).insetBy(dx: -stroke, dy: -stroke)))
            }
            switch name {
            case "svg":
                let v = (a["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
                if v.count == 4 { viewBox = CGRect(x: v[0], y: v[1], width: v[2], height: v[3]) }
                fontSize = Double(a["font-size"] ?? "12") ?? 12
            case "g":
                let numbers = Self.numbers(a["transform"] ?? "")
                offsets.append((dx + (numbers.first ?? 0), dy + (numbers.count > 1 ? numbers[1] : 0)))
            case "rect": add(CGRect(x: d("x"), y: d("y"), width: d("width"), height: d("height")))
            case "line": add(Self.box([(d("x1"), d("y1")), (d("x2"), d("y2"))]))
            case "circle": add(CGRect(x: d("cx") - d("r"), y: d("cy") - d("r"), width: 2 * d("r"), height: 2 * d("r")))
            case "polyline", "polygon":
                let v = Self.numbers(a["points"] ?? "")
                add(Self.box(stride(from: 0, to: v.count - 1, by: 2).map { (v[$0], v[$0 + 1]) }))
            case "text": text = (a, "")
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text?.content += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "g" { offsets.removeLast() }
            guard name == "text", let (a, content) = text else { return }
            text = nil
            let size = Double(a["font-size"] ?? "") ?? fontSize
            let width = Double(content.count) * 0.6 * size
            let x = Double(a["x"] ?? "0")!, y = Double(a["y"] ?? "0")!
            let start = a["text-anchor"] == "middle" ? x - width / 2 : a["text-anchor"] == "end" ? x - width : x
            var box = CGRect(x: start, y: y - size, width: width, height: 1.25 * size)
            let rotation = Self.numbers(a["transform"] ?? "")
            if rotation.count == 3 {   // rotate(angle cx cy), a multiple of 90°
                let (angle, cx, cy) = (rotation[0] * .pi / 180, rotation[1], rotation[2])
                let corners = [(box.minX, box.minY), (box.maxX, box.minY), (box.minX, box.maxY), (box.maxX, box.maxY)].map { p in
                    (cx + (p.0 - cx) * cos(angle) - (p.1 - cy) * sin(angle), cy + (p.0 - cx) * sin(angle) + (p.1 - cy) * cos(angle))
                }
                box = Self.box(corners)
            }
            let (dx, dy) = offsets.last!
            elements.append(Element(name: name, attributes: a, box: box.offsetBy(dx: dx, dy: dy)))
        }

        static func numbers(_ s: String) -> [Double] {
            s.split(whereSeparator: { " ,()".contains($0) || $0.isLetter }).compactMap { Double($0) }
        }

        static func box(_ points: [(Double, Double)]) -> CGRect {
            let xs = points.map(\.0), ys = points.map(\.1)
            return CGRect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
        }
    }
}

extension SplitMix64 {
    /// A uniform draw in [0, 1).
    var unit: Double { mutating get { Double(next() >> 11) / Double(1 << 53) } }
}
