import Testing
@testable import ProofFiles

/// Malformed proof files: each must give one error at the right line and column, and report
/// no claim at all (so nothing is "verified" in a file with an error).
@Suite struct MalformedFileTests {
    static let header = """
    network fully-connected relu 2 -> 2 -> 1
    data x1 = (1, 1/4), y1 = 1
    data x2 = (-1, 1/4), y2 = 1
    point kkt: w1 = (0, 2), w2 = (0, 0), v = (2, 0)
    parameter eps in (0, 1/9)

    """

    /// (the lines after the 5-line header, line, column, part of the message)
    static let cases: [(String, Int, Int, String)] = [
        ("claim kkt is feasible\nclaim q is feasible", 7, 1, "unknown point 'q'"),
        ("claim norm(q) < 1", 6, 12, "unknown name 'q'"),
        ("claim frob(kkt) < 1", 6, 7, "unknown function 'frob'"),
        ("point p: w1 = (0, 2, 3), w2 = (0, 0), v = (2, 0)", 6, 15, "block 'w1' has 2 entries, got 3"),
        ("point p: w1 = (0, 2), v = (2, 0)", 6, 1, "does not give block 'w2'"),
        ("point p: w1 = (0, 2), w3 = (0, 0), v = (2, 0)", 6, 23, "no block 'w3'"),
        ("point p: w1 = (0, 2), w1 = (0, 0), w2 = (0, 0), v = (2, 0)", 6, 23, "given twice"),
        ("parameter t in (1, 0)", 6, 16, "the range is empty"),
        ("parameter t in (1, 1)", 6, 16, "the range is empty"),
        ("claim 1/0 = 1", 6, 8, "division by zero"),
        ("claim norm(kkt) < 1 for all eps in (1/2, 1/4)", 6, 36, "the range is empty"),
        ("claim eps < 1", 6, 1, "the claim depends on eps"),
        ("claim dot(x1, kkt) = 0", 6, 7, "dot needs two vectors of the same length"),
        ("claim x1 < x2", 6, 12, "cannot compare"),
        ("claim Phi(kkt; (1, 2, 3)) = 1", 6, 16, "Phi needs an input of length 2"),
        ("claim Phi(x1; x1) = 1", 6, 11, "expected a point"),
        ("data x3 = (1, 2, 3), y3 = 1", 6, 11, "the input has 3 entries"),
        ("data x3 = (1, 2), y3 = (1, 1)", 6, 24, "the label has 2 entries"),
        ("network diagonal linear dimension 2 depth 2", 6, 1, "already declared"),
        ("claim kkt is feasible for all m", 6, 23, "not a declared parameter"),
        ("let kkt = 2", 6, 1, "already defined"),
        ("let sqrt = 2", 6, 1, "the name of a function"),
        ("claim sqrt(1, 2) = 1", 6, 7, "sqrt takes 1 argument"),
        ("claim root(2, 1/2) = 1", 6, 16, "root index must be a positive integer"),
        ("claim kkt.w9 = (0, 2)", 6, 10, "no block 'w9'"),
        ("claim x1[3] = 1", 6, 10, "index 3 is outside 1…2"),
        ("point p(t): w1 = (t, 2), w2 = (0, 0), v = (2, 0)", 6, 1, "'t' is not a declared parameter"),
        ("point p: w1 = (eps, 2), w2 = (0, 0), v = (2, 0)", 6, 15, "depends on 'eps'"),
        ("claim kkt is a KKT point with lambda = (1, 2, 3)", 6, 40, "one constant multiplier per data point"),
        ("loss hinge", 6, 1, "unknown loss 'hinge'"),
        ("claim 1 < 2 expect proved", 6, 20, "expected 'refuted'"),
        ("claim kkt is not a local optimum, witness kkt", 6, 1, "must depend on one parameter"),
        ("claim 1e999999999 > 1", 6, 7, "malformed number '1e999999999'"),
        ("claim sqrt(2 > 1", 6, 14, "expected ')'"),
        ("title \"open", 6, 7, "unterminated string"),
    ]

    @Test(arguments: cases)
    func reportsTheErrorWhereItIs(body: String, line: Int, column: Int, message: String) {
        let result = Report.check(path: "t.proof", source: Self.header + body, explain: false)
        guard let error = result.error else {
            Issue.record("no error for: \(body)")
            return
        }
        #expect(error.hasPrefix("t.proof:\(line):\(column): error: "), "\(error)")
        #expect(error.contains(message), "\(error)")
        #expect(result.claims.isEmpty)
    }

    @Test func theHeaderAloneIsWellFormed() {
        let result = Report.check(path: "t.proof", source: Self.header + "claim kkt is feasible", explain: false)
        #expect(result.error == nil)
        #expect(result.claims.map(\.verdict) == ["proved"])
    }
}
