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
    /// With `certify`, each proved or refuted claim carries its certificate (see `Certificate`).
    public static func check(_ inputs: [Input], explain: Bool, certify: Bool = false,
                             simulator: (any FlowSimulator)? = FlowRunner(),
                             timeLimit: Double = ResourceLimit.defaultSeconds) -> [FileResult] {
        let prepared = Slots<Prepared>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
            prepared.store(prepare(inputs[i], simulator: simulator, timeLimit: timeLimit), at: i)
        }
        let checkers = prepared.values.map { file -> Checker? in
            guard case .checker(let checker) = file! else { return nil }
            return checker
        }
        let jobs = checkers.indices.flatMap { f in (checkers[f]?.document.claims.indices ?? 0..<0).map { (f, $0) } }
        let results = Slots<ClaimResult>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { j in
            let (f, c) = jobs[j]
            results.store(result(ofClaim: c, by: checkers[f]!, explain: explain, certify: certify), at: j)
        }
        var next = results.values.makeIterator()
        return prepared.values.indices.map { f in
            switch prepared.values[f]! {
            case .malformed(let malformed): return malformed
            case .checker(let checker):
                return FileResult(path: inputs[f].path, title: checker.document.title, error: nil,
                                  claims: checker.document.claims.map { _ in next.next()!! })
            }
        }
    }

    /// A file ready to check: the checker of its elaborated document, or the result of a
    /// malformed file (its rendered diagnostic, no claims).
    public enum Prepared: Sendable {
        case checker(Checker)
        case malformed(FileResult)
    }

    /// Parses and elaborates one file, with a deadline of `timeLimit` + 1 s for the steps that
    /// check one (root isolation: a step that cannot finish in time is a `Diagnostic`); a
    /// file whose reading does not end is stopped from outside (`readingLimitError`).
    public static func prepare(_ input: Input, simulator: (any FlowSimulator)? = FlowRunner(),
                               timeLimit: Double = ResourceLimit.defaultSeconds) -> Prepared {
        let seconds = timeLimit + 1
        return ResourceLimit.withDeadline(seconds: seconds) {
            let elaborated = Result { () throws(Diagnostic) in try Elaborator.elaborate(try ProofFileParser.parse(input.source)) }
            let error: String
            switch elaborated {
            case .success(let document) where document.claims.isEmpty: error = noClaimsError(input)
            case .success(let document): return .checker(Checker(document, simulator: simulator, timeLimit: timeLimit))
            case .failure(let diagnostic): error = diagnostic.rendered(path: input.path, source: input.source)
            }
            return .malformed(FileResult(path: input.path, title: nil, error: error, claims: []))
        }
    }

    /// The error of a file without claims (empty, or only declarations): as a test runner that
    /// collects no test, `check` does not count it as a pass.
    static func noClaimsError(_ input: Input) -> String {
        let what = input.source.allSatisfy(\.isWhitespace) ? "the file is empty" : "the file only declares (no claim line)"
        return Diagnostic("no claims: \(what), so nothing is checked", at: SourceLocation(line: 1, column: 1),
                          hint: "add a claim, e.g. `claim p is feasible for all eps` or `claim 1 + 1 = 2`")
            .rendered(path: input.path, source: input.source)
    }

    /// The error of a file that could not be parsed and its definitions computed within
    /// `seconds` (a time limit, not a mistake in the file).
    public static func readingLimitError(_ path: String, seconds: Double) -> String {
        "\(path):1:1: error: limit: time: reading the file (parsing it and computing its definitions) took more than "
            + String(format: "%.1f", seconds) + " s\n  hint: split very long expressions, use smaller numbers, or raise --time-limit"
    }

    /// Decides claim `index` of the checker's document; see `result(of:by:explain:certify:)`.
    public static func result(ofClaim index: Int, by checker: Checker, explain: Bool, certify: Bool = false) -> ClaimResult {
        result(of: checker.document.claims[index], by: checker, explain: explain, certify: certify)
    }

    /// The result of a claim before it is decided: its place, text and expected verdict, and
    /// verdict undecided ("not checked").
    public static func unchecked(_ claim: ElaboratedClaim) -> ClaimResult {
        claimResult(claim, .undecided("not checked"), explain: false, certify: false, seconds: 0)
    }

    /// Decides one claim, timed, and compares the verdict with the expected one.
    static func result(of claim: ElaboratedClaim, by checker: Checker, explain: Bool, certify: Bool) -> ClaimResult {
        let clock = ContinuousClock()
        var outcome = Outcome.undecided("not checked")
        var checker = checker
        checker.writesCertificates = certify
        let elapsed = clock.measure { outcome = checker.check(claim) }
        return claimResult(claim, outcome, explain: explain, certify: certify,
                           seconds: Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
    }

    private static func claimResult(_ claim: ElaboratedClaim, _ outcome: Outcome, explain: Bool, certify: Bool,
                                    seconds: Double) -> ClaimResult {
        let expected = expected(claim)
        var result = ClaimResult(line: claim.syntax.location.line, label: claim.syntax.label, kind: claim.kindName,
                                 text: claim.syntax.text, verdict: outcome.status, expected: expected,
                                 ok: outcome.status == expected, evidence: outcome.evidence.description,
                                 explanation: explain ? outcome.explanation : nil, seconds: seconds,
                                 evidence_data: outcome.evidence.json)
        if certify, outcome.status == .proved || outcome.status == .refuted {
            result.certificate = (outcome.certificate ?? .notCertified("no certificate for \(claim.kindName) claims yet")).json
        }
        return result
    }

    /// The verdict a claim expects: its `expect` clause, or proved (observed for a flow claim).
    static func expected(_ claim: ElaboratedClaim) -> Outcome.Status {
        claim.syntax.expectUndecided ? .undecided
            : claim.isEvidence ? claim.syntax.expectRefuted ? .notObserved : .observed
            : claim.syntax.expectRefuted ? .refuted : .proved
    }
}

extension Report.ClaimResult {
    /// This claim undecided with `evidence`: for a check stopped from outside (its worker
    /// process was stopped at the time limit, or ended).
    public func undecided(_ evidence: String, seconds: Double) -> Report.ClaimResult {
        Report.ClaimResult(line: line, label: label, kind: kind, text: text, verdict: .undecided,
                           expected: expected, ok: expected == .undecided, evidence: evidence,
                           explanation: nil, seconds: seconds)
    }
}

extension Report.FileResult {
    /// This file with claim `index`'s result replaced.
    public func replacing(claim index: Int, with result: Report.ClaimResult) -> Report.FileResult {
        var claims = claims
        claims[index] = result
        return Report.FileResult(path: path, title: title, error: error, claims: claims)
    }
}
