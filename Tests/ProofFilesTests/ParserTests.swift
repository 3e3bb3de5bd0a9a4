import Testing
@testable import ProofFiles

@Suite struct ParserTests {
    static let theorem32 = """
    # Vardi–Shamir–Srebro, Theorem 3.2 (Appendix C.3)
    title Vardi, Shamir, Srebro (2022), Theorem 3.2
    network fully-connected relu 2 -> 2 -> 1
    data x1 = (1, 1/4), y1 = 1
    data x2 = (-1, 1/4), y2 = 1
    point kkt: w1 = (0, 2), w2 = (0, 0), v = (2, 0)
    claim kkt is a KKT point with lambda = (2, 2)
    parameter eps in (0, 1/9)
    point p(eps): w1 = (eps/2, 2 - 2 eps), w2 = (-sqrt(2 eps), 0),
                  v = (2, sqrt(2 eps))
    claim [C.3] norm(p)^2 = 8 - 4 eps + 17/4 eps^2 < 8 for all eps
    claim kkt is not a local optimum, witness p
    claim norm(p)^2 < 8 - 4 eps for all eps in (0, 1/9] expect refuted
    """

    @Test func readsTheSketchOfDesignMD() throws {
        let file = try ProofFileParser.parse(Self.theorem32)
        #expect(file.statements.count == 11)
        guard case let .point(name, params, blocks, _) = file.statements[7] else { Issue.record("not a point"); return }
        #expect(name == "p" && params == ["eps"] && blocks.map(\.name) == ["w1", "w2", "v"])
        guard case let .claim(c) = file.statements[8], case let .chain(terms, comparisons) = c.assertion else {
            Issue.record("not a chain"); return
        }
        #expect(c.label == "C.3" && terms.count == 3 && comparisons == [.equal, .less])
        #expect(c.text == "norm(p)^2 = 8 - 4 eps + 17/4 eps^2 < 8 for all eps")
        guard case let .claim(last) = file.statements[10] else { Issue.record("not a claim"); return }
        #expect(last.expectRefuted)
    }

    @Test func juxtapositionMultipliesLikeStar() throws {
        let file = try ProofFileParser.parse("let a = 17/4 eps^2\nlet b = 17/4*eps^2")
        guard case let .definition(_, _, a, _) = file.statements[0], case let .definition(_, _, b, _) = file.statements[1] else {
            Issue.record("not definitions"); return
        }
        #expect(a.parenthesized == b.parenthesized)
    }

    @Test func readsBlocksAndEntries() throws {
        let file = try ProofFileParser.parse("let a = dot(p.w1, x1) + p.v[2]^2 - [1, 2][1]")
        guard case let .definition(_, _, a, _) = file.statements[0] else { Issue.record("not a definition"); return }
        #expect(a.parenthesized == "((dot(p.w1,x1)+(p.v[2]^2))-[1,2][1])")
    }

    @Test(arguments: [
        ("point p: w1 = (1, 2", 1, 20, "expected ')'"),
        ("claim x < ", 1, 11, "expected an expression"),
        ("frobnicate 3", 1, 1, "unknown statement"),
        ("parameter eps in 0, 1", 1, 18, "expected a range"),
        ("claim p is a splendid point", 1, 14, "unknown claim"),
        ("let a = 2 3", 1, 11, "two numbers"),
        ("data x1 = (1, 2) y1 = 1", 1, 18, "expected ','"),
        ("claim 1 < 2 for some eps", 1, 17, "expected 'all'"),
        ("let a = 1 $ 2", 1, 11, "unexpected '$'"),
        ("let a = 2(1 + b", 1, 16, "expected ')'"),
        ("title \"unterminated", 1, 7, "unterminated string"),
    ])
    func reportsErrorsAtTheirLocation(source: String, line: Int, column: Int, message: String) {
        do {
            _ = try ProofFileParser.parse(source)
            Issue.record("no error for \(source)")
        } catch {
            #expect(error.location == SourceLocation(line: line, column: column), "\(source)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
