import Foundation
import Networks

extension FlowResult {
    /// The direction error against log₁₀ t, both on log axes (the error decays like a power of
    /// log t), with the `tolerance` line if given; records without a direction error or with
    /// t ≤ 10 are left out.
    public func directionPlot(title: String, tolerance: Double? = nil) -> LinePlot {
        LinePlot(title: title, xLabel: "log₁₀ t", yLabel: "direction error", logX: true, logY: true,
                 series: [.init(label: "direction error ‖θ/‖θ‖ − θ*/‖θ*‖‖ (θ* the target)",
                                points: records.compactMap { r in r.directionError.map { (r.log10Time, $0) } })],
                 references: tolerance.map { [.init(y: $0, label: "tolerance \(PlotFrame.label($0))")] } ?? [])
    }

    /// γ(θ(t)) against log₁₀ t (log x axis, as in `directionPlot`; t ≤ 10 left out), with the target's γ as a
    /// line when given (`targetMargin`: γ(θ*) of the target direction θ*).
    public func marginPlot(title: String, targetMargin: Double? = nil) -> LinePlot {
        LinePlot(title: title, xLabel: "log₁₀ t", yLabel: "normalized margin γ", logX: true, logY: false,
                 series: [.init(label: "γ(θ(t)) = min yᵢΦ(θ; xᵢ) / ‖θ‖ᴸ", points: records.compactMap { r in r.normalizedMargin.map { (r.log10Time, $0) } })],
                 references: targetMargin.map { [.init(y: $0, label: "γ(θ*) = \(PlotFrame.label($0)), the target's margin")] } ?? [])
    }
}

/// Several plots stacked vertically in one SVG document (small multiples: each keeps its own
/// axes, title and legend).
public func stackedSVG(_ plots: [LinePlot]) -> String {
    let frames = plots.map(\.frame)
    let height = frames.map(\.height).reduce(0, +)
    var lines = [PlotFrame.header(height: height)], offset = 0.0
    for (plot, frame) in zip(plots, frames) {
        lines.append("<g transform=\"translate(0, \(n(offset)))\">")
        lines += frame.background + plot.data(in: frame) + frame.legend
        lines.append("</g>")
        offset += frame.height
    }
    return (lines + ["</svg>"]).joined(separator: "\n") + "\n"
}

extension Network {
    /// The paths of u_k(t) = v_k(t) w_k(t) / ‖θ(t)‖² of a two-layer network with 2-D inputs and
    /// one output (as Vardi, Shamir, Srebro (2022), Figure 1 draws them): u_k is of degree 2 in
    /// θ, so the scaling keeps the limit finite — the active neuron's u_k tends to a nonzero
    /// vector, an idle one's to 0. Drawn with equal units on both axes, the data points xᵢ
    /// (by label), each path's start, and, for a `target` direction θ*, the limits u_k(θ*) the
    /// paths go to if θ(t)/‖θ(t)‖ → θ*/‖θ*‖ (u_k is invariant under scaling θ). nil for other
    /// networks.
    public func neuronPathPlot(_ states: [[Double]], title: String, data: [LabeledPoint<Double>] = [],
                               target: [Double]? = nil) -> LinePlot? {
        guard depth == 2, inputDimension == 2, outputDimension == 1 else { return nil }
        let hidden = layers[0].weights, output = layers[1].weights
        let neurons = (0 ..< hidden.rows).compactMap { k -> (k: Int, u: ([Double]) -> (x: Double, y: Double))? in
            guard let vk = output[0, k], let a = hidden[k, 0], let b = hidden[k, 1] else { return nil }
            return (k, { θ in
                let scale = θ[vk] / Network.squaredNorm(θ)
                return (scale * θ[a], scale * θ[b])
            })
        }
        let series = neurons.map { LinePlot.Series(label: "u\($0.k + 1) = v\($0.k + 1) w\($0.k + 1) / ‖θ‖²", points: states.map($0.u)) }
        var markers: [Marker] = []
        if let first = states.first { markers.append(Marker(label: "start uₖ(0)", shape: .circle, points: neurons.map { $0.u(first) })) }
        if let target { markers.append(Marker(label: "limit uₖ(θ*) of the target direction", shape: .cross, points: neurons.map { $0.u(target) })) }
        for (label, shape) in [(1.0, Marker.Shape.triangle), (-1.0, .diamond)] {
            let points = data.filter { $0.y == [label] && $0.x.count == 2 }.map { (x: $0.x[0], y: $0.x[1]) }
            if !points.isEmpty { markers.append(Marker(label: "data xᵢ with yᵢ = \(label > 0 ? "+1" : "−1")", shape: shape, points: points)) }
        }
        return LinePlot(title: title, xLabel: "first coordinate", yLabel: "second coordinate", series: series,
                        markers: markers, equalAspect: true)
    }
}
