import Foundation
import Testing
@testable import ProofFiles

/// The fuzzer's CI mode: every input kept in FuzzCorpus/ (the first input of each kind of error
/// the fuzzer met, and the pathological inputs it found) is replayed through the whole pipeline,
/// and a few hundred seeded random byte strings are run; none may crash, leave an error without
/// a location inside the file, or let a claim run past its time limit. The long runs are
/// `margincert fuzz` and scripts/fuzz.sh.
@Suite struct FuzzCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzCorpus")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".proof") }.sorted()
    }

    @Test func theCorpusIsThere() {
        #expect(Self.inputs.count >= 10)
    }

    @Test(arguments: inputs)
    func aCorpusInputKeepsEveryProperty(name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let outcome = Mutation.fuzz(String(decoding: data, as: UTF8.self), timeLimit: 0.05, slack: 10)
        #expect(outcome.problem == nil, "\(name): \(outcome.problem ?? "")")
    }

    @Test func seededByteStringsKeepEveryProperty() {
        let seed: UInt64 = 20_261_122
        for index in UInt64(0) ..< 300 {
            let input = Mutation.fuzzInput(seed: seed, index: index, corpus: [])
            let outcome = Mutation.fuzz(input, timeLimit: 0.05, slack: 10)
            #expect(outcome.problem == nil, "seed \(seed) index \(index): \(outcome.problem ?? "")")
        }
    }

    @Test func anInputDependsOnlyOnItsSeedAndIndex() throws {
        let corpus = try Self.inputs.prefix(3).map { String(decoding: try Data(contentsOf: Self.folder.appendingPathComponent($0)), as: UTF8.self) }
        let first = (0 ..< 20).map { Mutation.fuzzInput(seed: 7, index: UInt64($0), corpus: corpus) }
        let again = (0 ..< 20).map { Mutation.fuzzInput(seed: 7, index: UInt64($0), corpus: corpus) }
        #expect(first == again)
        #expect(Set(first).count > 15, "inputs should differ from index to index")
    }

    /// The property check can fail: an error outside the file is caught.
    @Test func anErrorLocationOutsideTheFileIsAProblem() {
        #expect(Mutation.errorLocation("fuzz.proof:3:7: error: x") == SourceLocation(line: 3, column: 7))
        #expect(Mutation.errorLocation("fuzz.proof: error: x") == nil)
    }
}
