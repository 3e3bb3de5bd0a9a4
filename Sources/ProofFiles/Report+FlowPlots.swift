import Foundation
import GradientFlow

extension Report {
    /// The plots of the flows of each file (for the HTML report), by path: per flow, the
    /// direction error (with the tolerance) against its `converges in direction` target when it
    /// has one, and the normalized margin (with the target's), as one SVG. The flows are run
    /// again, from their stated θ(0), in parallel: evidence, as the flow claims are.
    public static func flowPlots(for inputs: [Input]) -> [String: [String]] {
        let documents = inputs.map { input in
            (try? Elaborator.elaborate(try ProofFileParser.parse(input.source))).map { (input.path, $0) }
        }.compactMap { $0 }
        let jobs = documents.flatMap { path, document in
            document.flows.values.sorted { $0.name < $1.name }.map { (path, document, $0) }
        }
        let plots = Slots<String>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { j in
            let (_, document, flow) = jobs[j]
            let claimed = document.convergenceClaim(of: flow.name)
            let target = claimed.flatMap { Document.doubles($0.target.theta) }
            let request = FlowRequest(flow: flow, target: target, directionTolerance: claimed?.tolerance)
            plots.store(stackedSVG(flow.plots(of: FlowRunner().run(request), request)), at: j)
        }
        var byPath: [String: [String]] = [:]
        for (j, job) in jobs.enumerated() { byPath[job.0, default: []].append(plots.values[j]!) }
        return byPath
    }
}

extension Document.Flow {
    /// The plots of a run of this flow: the direction error against log₁₀ t with the tolerance
    /// (when the request has a target), and the normalized margin with the target's margin.
    public func plots(of result: FlowResult, _ request: FlowRequest) -> [LinePlot] {
        let title = "\(name): \(loss) loss, \(solver)"
        let target = request.target
        var panels = [result.marginPlot(title: title + " — normalized margin",
                                        targetMargin: target.map { network.normalizedMargin($0, on: data) })]
        if target != nil { panels.insert(result.directionPlot(title: title + " — direction error", tolerance: request.directionTolerance), at: 0) }
        return panels
    }
}
