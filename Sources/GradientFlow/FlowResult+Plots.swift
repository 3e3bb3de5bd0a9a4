import Foundation
import Networks

extension FlowResult {
    /// γ(θ(t)) against log₁₀ t (log x axis, as in `directionPlot`); records without γ or
    /// with t ≤ 10 are left out.
    public func marginPlot(title: String) -> LinePlot {
        LinePlot(title: title, xLabel: "log₁₀ t", yLabel: "normalized margin γ", logX: true, logY: false,
                 series: [.init(label: "γ(θ(t))", points: records.compactMap { r in r.normalizedMargin.map { (r.log10Time, $0) } })])
    }
}

/// Several plots stacked vertically in one SVG document.
public func stackedSVG(_ plots: [LinePlot]) -> String {
    let height = Int(LinePlot.height)
    var lines = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(LinePlot.width))\" height=\"\(height * plots.count)\">"]
    for (k, plot) in plots.enumerated() {
        lines.append("<g transform=\"translate(0, \(height * k))\">")
        lines.append(plot.svg.replacingOccurrences(of: " xmlns=\"http://www.w3.org/2000/svg\"", with: ""))
        lines.append("</g>")
    }
    return (lines + ["</svg>"]).joined(separator: "\n") + "\n"
}

extension Network {
    /// Paper 000 Figure 1: for a two-layer network with 2-D inputs and one output, the paths
    /// of u_k(t) = v_k(t) w_k(t) / ‖θ(t)‖² (u_k is of degree 2 in θ, so the scaling keeps the
    /// limit finite: the active neuron's u_k tends to a nonzero direction, an idle one's to 0).
    /// nil for other networks.
    public func neuronPathPlot(_ states: [[Double]], title: String) -> LinePlot? {
        guard depth == 2, inputDimension == 2, outputDimension == 1 else { return nil }
        let hidden = layers[0].weights, output = layers[1].weights
        let series = (0 ..< hidden.rows).compactMap { k -> LinePlot.Series? in
            guard let vk = output[0, k], let a = hidden[k, 0], let b = hidden[k, 1] else { return nil }
            return LinePlot.Series(label: "u\(k + 1) = v\(k + 1) w\(k + 1) / ‖θ‖²", points: states.map { θ in
                let scale = θ[vk] / Network.squaredNorm(θ)
                return (scale * θ[a], scale * θ[b])
            })
        }
        return LinePlot(title: title, xLabel: "first coordinate", yLabel: "second coordinate", series: series)
    }
}
