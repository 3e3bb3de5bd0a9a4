import Foundation
import GradientFlow
import Symbolic

extension Report {
    /// One proof file to check: its path (for the report and diagnostics) and its text.
    public typealias Input = (path: String, source: String)

    /// Checks one file's text; `explain` keeps the piece-by-piece explanations; `simulator`
    /// runs the flows of flow claims (evidence: expected `observed`, or `not-observed` under
    /// `expect refuted`).
    public static func check(path: String, source: String, explain: Bool,
                             simulator: (any FlowSimulator)? = FlowRunner(),
                             timeLimit: Double = ResourceLimit.defaultSeconds) -> FileResult {
        check([(path, source)], explain: explain, simulator: simulator, timeLimit: timeLimit)[0]
    }

    /// Checks several files, all their claims in parallel over the cores; the results are in
    /// the order of `inputs` and, apart from the timings, equal to checking one claim after
    /// another (each claim is decided on its own, under its own time limit).
    public static func check(_ inputs: [Input], explain: Bool,
                             simulator: (any FlowSimulator)? = FlowRunner(),
                             timeLimit: Double = ResourceLimit.defaultSeconds) -> [FileResult] {
        let documents = Slots<Elaborated>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
            let (path, source) = inputs[i]
            do throws(Diagnostic) {
                documents.store(.document(try Elaborator.elaborate(try ProofFileParser.parse(source))), at: i)
            } catch {
                documents.store(.malformed(FileResult(path: path, title: nil, error: error.rendered(path: path, source: source),
                                                    claims: [])), at: i)
            }
        }
        let checkers = documents.values.map { elaborated -> Checker? in
            guard case .document(let document) = elaborated! else { return nil }
            return Checker(document, simulator: simulator, timeLimit: timeLimit)
        }
        let jobs = checkers.indices.flatMap { f in (checkers[f]?.document.claims.indices ?? 0..<0).map { (f, $0) } }
        let results = Slots<ClaimResult>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { j in
            let (f, c) = jobs[j]
            let checker = checkers[f]!
            results.store(result(of: checker.document.claims[c], by: checker, explain: explain), at: j)
        }
        var next = results.values.makeIterator()
        return documents.values.indices.map { f in
            switch documents.values[f]! {
            case .malformed(let malformed): return malformed
            case .document(let document):
                return FileResult(path: inputs[f].path, title: document.title, error: nil,
                                  claims: document.claims.map { _ in next.next()!! })
            }
        }
    }

    /// A file after elaboration: a document, or the diagnostic that stopped it.
    enum Elaborated {
        case document(Document)
        case malformed(FileResult)
    }

    /// Decides one claim, timed, and compares the verdict with the expected one.
    static func result(of claim: ElaboratedClaim, by checker: Checker, explain: Bool) -> ClaimResult {
        let clock = ContinuousClock()
        var outcome = Outcome.undecided("not checked")
        let elapsed = clock.measure { outcome = checker.check(claim) }
        let expected = (claim.syntax.expectUndecided ? Outcome.Status.undecided
                        : claim.isEvidence ? claim.syntax.expectRefuted ? .notObserved : .observed
                        : claim.syntax.expectRefuted ? .refuted : .proved).rawValue
        return ClaimResult(line: claim.syntax.location.line, label: claim.syntax.label, kind: claim.kindName,
                           text: claim.syntax.text, verdict: outcome.status.rawValue, expected: expected,
                           ok: outcome.status.rawValue == expected, evidence: outcome.evidence,
                           explanation: explain ? outcome.explanation : nil,
                           seconds: Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
    }
}
