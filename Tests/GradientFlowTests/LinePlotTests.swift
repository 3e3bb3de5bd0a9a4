import Foundation
import Testing
@testable import GradientFlow

@Suite struct LinePlotTests {
    /// (2, 0) has no place on a log axis and (∞, 5) none at all: three points are drawn.
    @Test func placesFinitePointsOnly() {
        let plot = LinePlot(title: "a < b", xLabel: "x", yLabel: "y", logY: true,
                            series: [.init(label: "s", points: [(0, 1), (1, 10), (2, 0), (.infinity, 5), (3, 100)])])
        let svg = plot.svg
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
        #expect(svg.contains("a &lt; b"))
        let polyline = svg.split(separator: "\n").first { $0.hasPrefix("<polyline") }!
        #expect(polyline.split(separator: " ").filter { $0.contains(",") }.count == 3)
    }

    @Test func ticksAreRound() {
        #expect(PlotFrame.ticks(0, 10) == [0, 2, 4, 6, 8, 10])
        let ticks = PlotFrame.ticks(-0.3, 0.7)
        #expect(zip(ticks, [-0.2, 0, 0.2, 0.4, 0.6]).allSatisfy { abs($0 - $1) < 1e-12 } && ticks.count == 5)
    }
}
