import Foundation
import Testing

/// `simulate --plot/--trajectory/--csv` on a file with two flows writes both (issue 19: only the
/// last used to survive).
@Suite struct SimulatePlotTests {
    @Test func everyFlowOfAFileIsPlottedAndWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("margincert-plots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try String(contentsOf: CheckOutputTests.repository.appendingPathComponent("examples/vss-thm3.2-flow.proof"), encoding: .utf8)
        let plot = folder.appendingPathComponent("flows.svg").path, paths = folder.appendingPathComponent("paths.svg").path
        let csv = folder.appendingPathComponent("run.csv").path
        let run = try SupervisorTests().margincert(files: [("FLOWS", source)],
                                                   ["simulate", "--steps", "40", "--plot", plot, "--trajectory", paths, "--csv", csv])
        #expect(run.output.contains("flow gf:") && run.output.contains("flow lgf:"), "\(run.output)")
        let flows = try String(contentsOfFile: plot, encoding: .utf8), neurons = try String(contentsOfFile: paths, encoding: .utf8)
        for name in ["gf", "lgf"] {
            #expect(flows.contains(">\(name): exponential") || flows.contains(">\(name): logistic"), "no panel for \(name)")
            #expect(neurons.contains(">\(name): neuron paths"), "no neuron paths for \(name)")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("run-\(name).csv").path))
        }
        #expect(flows.components(separatedBy: "tolerance 1e-06").count - 1 == 2, "the tolerance marked on each direction plot")
        #expect(neurons.contains("limit uₖ(θ*) of the target direction") && neurons.contains("data xᵢ with yᵢ = +1"))
    }
}
