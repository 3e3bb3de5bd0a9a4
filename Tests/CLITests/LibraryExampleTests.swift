import Foundation
import Testing

/// The getting-started article of the documentation shows the code of the example package
/// examples/library (which scripts/test.sh builds and runs against the library): the two must
/// not drift apart.
@Suite struct LibraryExampleTests {
    @Test func theArticlesCodeIsTheExamplePackagesCode() throws {
        let root = CheckOutputTests.repository
        let article = try String(contentsOf: root.appendingPathComponent("Sources/MarginCert/MarginCert.docc/GettingStarted.md"), encoding: .utf8)
        let example = try String(contentsOf: root.appendingPathComponent("examples/library/Sources/CheckConstruction/main.swift"), encoding: .utf8)
        // The swift blocks after the package manifest's, joined.
        let blocks = article.components(separatedBy: "```swift\n").dropFirst(2).map { $0.components(separatedBy: "\n```")[0] }
        func lines(_ s: String) -> [Substring] { s.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } }
        #expect(blocks.count == 3)
        #expect(lines(blocks.joined(separator: "\n")) == lines(example), "GettingStarted.md and examples/library differ")
    }
}
