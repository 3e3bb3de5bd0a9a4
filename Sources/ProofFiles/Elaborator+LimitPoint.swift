import Discovery
import GradientFlow

extension Elaborator {
    /// `point lim = limit of gf`: simulate flow gf, refine and recognise its limit direction
    /// exactly (`LimitDiscovery.exactPoint`), and define `lim` as that exact point, so the file
    /// keeps a discovery as a regression test. The simulation and the recognition are guesses;
    /// what the file's claims say about `lim` is then decided exactly like any point's. When no
    /// exact point is recognised, the statement is an error that says why.
    mutating func limitPoint(_ name: String, of flowName: String, _ at: SourceLocation) throws(Diagnostic) {
        try checkFresh(name, at: at)
        guard let flow = document.flows[flowName] else {
            throw Diagnostic("'\(flowName)' is not a flow of this file", at: at,
                             hint: "declare the flow before the point: flow \(flowName): exponential from init")
        }
        let run = FlowRunner(recordEvery: 1000).settledRun(flow)
        switch LimitDiscovery.exactPoint(of: run.final, flow, exactData: LimitDiscovery.preciseData(document)) {
        case .failure(let unrecognised):
            throw Diagnostic("the limit of \(flowName) is not recognised as an exact point: \(unrecognised.reason)", at: at,
                             hint: "`margincert discover FILE --flow \(flowName)` shows what the flow reached; give the point explicitly")
        case .success(let guess):
            guard case let .point(_, _, blocks, _)? = try ProofFileParser.parse(guess.point).statements.first else { return }
            try point(name, [], blocks.map { BlockSyntax(name: $0.name, value: $0.value, location: at) }, at)
        }
    }
}
