import Foundation
import Testing
@testable import ProofFiles

/// Every error a user can meet names a place inside the file and says what to do: each file of
/// the fuzz corpus, and a few hundred seeded mutants of it, are lexed, parsed and elaborated
/// (claims are not checked), and every diagnostic must have a location inside the file and a
/// non-empty hint.
@Suite struct DiagnosticHintTests {
    /// The first diagnostic of `source`, or nil when it is well-formed.
    static func diagnostic(of source: String) -> Diagnostic? {
        do throws(Diagnostic) {
            _ = try Elaborator.elaborate(try ProofFileParser.parse(source))
            return nil
        } catch {
            return error
        }
    }

    /// Whether `location` is a character of `source`, or the end of one of its lines.
    static func isInside(_ location: ProofFiles.SourceLocation, _ source: String) -> Bool {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        return (1 ... lines.count).contains(location.line)
            && (1 ... lines[location.line - 1].count + 1).contains(location.column)
    }

    static func corpusText(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: FuzzCorpusTests.folder.appendingPathComponent(name)), as: UTF8.self)
    }

    @Test(arguments: FuzzCorpusTests.inputs)
    func aCorpusFileErrsInsideItselfWithAHint(name: String) throws {
        let source = try Self.corpusText(name)
        guard let d = Self.diagnostic(of: source) else { return }
        #expect(!d.hint.trimmingSpaces.isEmpty, "\(name): no hint for '\(d.message)'")
        #expect(Self.isInside(d.location, source), "\(name): \(d.location) is outside the file: \(d.message)")
    }

    /// Most corpus files are kept because they are malformed, so the test above sees errors.
    @Test func mostCorpusFilesAreMalformed() throws {
        let errors = try FuzzCorpusTests.inputs.filter { Self.diagnostic(of: try Self.corpusText($0)) != nil }
        #expect(errors.count * 2 >= FuzzCorpusTests.inputs.count, "\(errors.count) of \(FuzzCorpusTests.inputs.count)")
    }

    @Test func seededMutantsErrInsideThemselvesWithAHint() throws {
        let corpus = try FuzzCorpusTests.inputs.map(Self.corpusText)
        let seed: UInt64 = 20_261_123
        var messages = Set<String>()
        for index in UInt64(0) ..< 150 {
            let source = Mutation.fuzzInput(seed: seed, index: index, corpus: corpus)
            guard let d = Self.diagnostic(of: source) else { continue }
            messages.insert(d.message)
            #expect(!d.hint.trimmingSpaces.isEmpty, "seed \(seed) index \(index): no hint for '\(d.message)'")
            #expect(Self.isInside(d.location, source), "seed \(seed) index \(index): \(d.location) is outside the file: \(d.message)")
        }
        #expect(messages.count >= 40, "seed \(seed): the mutants should meet many kinds of error, met \(messages.count)")
    }
}
