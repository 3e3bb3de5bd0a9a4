import Testing
@testable import ProofFiles

/// Malformed proof files: each must give one error at the right line and column that says
/// what was expected, carry a hint, and report no claim at all (so nothing is "verified" in a
/// file with an error). One case per kind of error: every `Diagnostic` the lexer, the parser,
/// the network reader and the elaborator construct.
@Suite struct MalformedFileTests {
    static let header = """
    network fully-connected relu 2 -> 2 -> 1
    data x1 = (1, 1/4), y1 = 1
    data x2 = (-1, 1/4), y2 = 1
    point kkt: w1 = (0, 2), w2 = (0, 0), v = (2, 0)
    parameter eps in (0, 1/9)

    """

    /// Lexer and parser errors: (the lines after the 5-line header, line, column, part of the message).
    static let syntaxCases: [(String, Int, Int, String)] = [
        ("title \"open", 6, 7, "unterminated string: expected '\"' before the"),
        ("frobnicate 3", 6, 1, "unknown statement 'frobnicate'"),
        ("3 + 4", 6, 1, "expected a statement, found '3'"),
        ("network", 6, 8, "expected a network description"),
        ("loss 3", 6, 6, "expected a loss (exponential, logistic or"),
        ("data = (1, 2), y = 1", 6, 6, "expected a data name such as x1, found '='"),
        ("data x3 (1, 2), y3 = 1", 6, 9, "expected '=', found '('"),
        ("data x3 = (1, 2) y3 = 1", 6, 18, "expected ',', found 'y3'"),
        ("parameter 3 in (0, 1)", 6, 11, "expected a parameter name, found '3'"),
        ("parameter t (0, 1)", 6, 13, "expected 'in', found '('"),
        ("parameter t in 0, 1", 6, 16, "expected a range such as (0, 1/9) or [0, 1),"),
        ("parameter t in (0; 1)", 6, 18, "expected ',', found ';'"),
        ("parameter t in (0, 1", 6, 21, "expected ')' or ']' to close the range opened"),
        ("integer m < 3", 6, 11, "expected '>=' or '>', found '<'"),
        ("let = 2", 6, 5, "expected a name, found '='"),
        ("let f(eps = 2", 6, 11, "expected ')' to close '(' opened at 6:6, found"),
        ("let f(3) = 2", 6, 7, "expected a parameter name, found '3'"),
        ("let c 2", 6, 7, "expected '=', found '2'"),
        ("point : w1 = (0, 2)", 6, 7, "expected a point name, found ':'"),
        ("point p w1 = (0, 2)", 6, 9, "expected ':', found 'w1'"),
        ("point p: (0, 2)", 6, 10, "expected a parameter block name such as w1 or"),
        ("point p: w1 (0, 2)", 6, 13, "expected '=', found '('"),
        ("claim [C.3 1 < 2", 6, 7, "expected ']' to close the claim label on this"),
        ("claim kkt is a saddle", 6, 16, "unknown claim about a point: 'saddle'"),
        ("claim kkt is a 3", 6, 16, "expected 'feasible', 'a KKT point', 'a local"),
        ("claim kkt is a KKT pt", 6, 20, "expected 'point', found 'pt'"),
        ("claim kkt is a KKT point with mu = (1, 1)", 6, 31, "expected 'lambda', found 'mu'"),
        ("claim kkt is a KKT point with lambda (1, 1)", 6, 38, "expected '=', found '('"),
        ("claim kkt is a local minimum", 6, 22, "expected 'optimum', found 'minimum'"),
        ("claim kkt is not a local optimum, kkt", 6, 35, "expected 'witness', found 'kkt'"),
        ("claim kkt is not a local optimum, witness 3", 6, 43, "expected the witness point's name, found '3'"),
        ("claim norm(kkt)", 6, 16, "expected a comparison (=, !=, <, <=, >, >=) in"),
        ("claim 1 < 2 for some eps", 6, 17, "expected 'all', found 'some'"),
        ("claim 1 < 2 for all 3", 6, 21, "expected the parameter name, found '3'"),
        ("claim 1 < 2 for small 3", 6, 23, "expected the parameter name, found '3'"),
        ("claim 1 < 2 expect proved", 6, 20, "expected 'refuted', found 'proved'"),
        ("claim kkt.(1) = 1", 6, 11, "expected a block name after '.', found '('"),
        ("claim x1[1 = 1", 6, 12, "expected ']' to close '[' opened at 6:9, found"),
        ("claim 1 < for", 6, 11, "expected an expression, found the keyword 'for'"),
        ("claim sqrt(2 > 1", 6, 14, "expected ')' to close '(' opened at 6:11, found"),
        ("claim (1, 2 = (1, 2)", 6, 13, "expected ')' to close '(' opened at 6:7, found"),
        ("claim 1 < )", 6, 11, "expected an expression, found ')'"),
        ("claim 1 < 2 3", 6, 13, "two numbers in a row: expected an operator"),
        ("claim kkt is feasible for problem (5)", 6, 36, "expected the problem's number (2, 3 or 4),"),
        ("claim kkt is feasible for problem (3", 6, 37, "expected ')' to close '(' opened at 6:35, found"),
        ("claim kkt is feasible for problem (4)", 6, 38, "the per-layer problem is stated for one layer"),
        ("claim kkt is feasible for problem (4) for layer x", 6, 49, "expected a layer number (1, 2, …), found 'x'"),
        ("flow : exponential from kkt", 6, 6, "expected a flow name, found ':'"),
        ("flow gf exponential from kkt", 6, 9, "expected ':', found 'exponential'"),
        ("flow gf: 3 from kkt", 6, 10, "expected a loss (exponential, logistic or"),
        ("flow gf: exponential kkt", 6, 22, "expected 'from', found 'kkt'"),
        ("flow gf: exponential from 3", 6, 27, "expected the name of the initial point, found"),
        ("flow gf: exponential from kkt, speed 3", 6, 32, "unknown or repeated flow option 'speed'"),
        ("flow gf: exponential from kkt, 3", 6, 32, "expected a flow option (solver, until, steps, rtol or atol)"),
        ("flow gf: exponential from kkt, solver 3", 6, 39, "expected a solver (rosenbrock, dopri or gd),"),
        ("flow gf: exponential from kkt, solver gd 1e-4", 6, 42, "expected '(', found '1e-4'"),
        ("flow gf: exponential from kkt, solver gd(1e-4", 6, 46, "expected ')' to close '(' opened at 6:41, found"),
        ("flow gf: exponential from kkt, until t = 3", 6, 38, "expected 'log10', found 't'"),
        ("claim gf converges to kkt within 1e-6", 6, 20, "expected 'in', found 'to'"),
        ("claim gf converges in direction to 3 within 1", 6, 36, "expected the target point's name, found '3'"),
        ("claim gf converges in direction to kkt 1e-6", 6, 40, "expected 'within', found '1e-6'"),
        ("claim gf has shrinking normalized margin", 6, 14, "expected 'decreasing' or 'increasing', found"),
        ("claim gf has decreasing margin", 6, 25, "expected 'normalized', found 'margin'"),
        ("claim gf reaches loss 1e-4", 6, 23, "expected '<', found '1e-4'"),
    ]

    /// Elaboration errors: names, shapes, values, calls, claims and flows, after the header.
    static let elaborationCases: [(String, Int, Int, String)] = [
        ("network diagonal linear dimension 2 depth 2", 6, 1, "the network is already declared"),
        ("loss hinge", 6, 1, "unknown loss 'hinge'"),
        ("integer m >= exp(1)", 6, 14, "the bound of an integer parameter must be an exact"),
        ("let f(t) = t", 6, 1, "'t' is not a declared parameter"),
        ("data x3 = ((1, 2), (3, 4)), y3 = 1", 6, 11, "an input must be a vector, found a 2×2 matrix"),
        ("data x3 = (1, 2, 3), y3 = 1", 6, 11, "the input has 3 entries but the network takes 2"),
        ("data x3 = (1, 2), y3 = (1, 1)", 6, 24, "the label has 2 entries but the network has one"),
        ("point p: w1 = (0, 2, 3), w2 = (0, 0), v = (2, 0)", 6, 15, "block 'w1' has 2 entries, got 3"),
        ("point p: w1 = (0, 2), v = (2, 0)", 6, 1, "point p does not give block 'w2'"),
        ("point p: w1 = (0, 2), w3 = (0, 0), v = (2, 0)", 6, 23, "the network has no block 'w3'"),
        ("point p: w1 = (0, 2), w1 = (0, 0), w2 = (0, 0), v = (2, 0)", 6, 23, "block 'w1' is given twice"),
        ("point p(t): w1 = (t, 2), w2 = (0, 0), v = (2, 0)", 6, 1, "'t' is not a declared parameter"),
        ("point p: w1 = (eps, 2), w2 = (0, 0), v = (2, 0)", 6, 15, "the entry depends on 'eps', which is not a"),
        ("parameter t in (1, 0)", 6, 16, "the range is empty"),
        ("parameter t in (1, 1)", 6, 16, "the range is empty"),
        ("parameter t in (0, exp(eps))", 6, 20, "a range end must be a constant or an algebraic expression in eps"),
        ("parameter t in (0, eps)\nparameter u in (t, 1)", 7, 16, "a range may depend on one earlier real parameter with a constant range"),
        ("claim 1.2.3 > 1", 6, 7, "malformed number '1.2.3': a number has at most"),
        ("claim 1e999999999 > 1", 6, 7, "malformed number '1e999999999': its decimal"),
        ("claim ((1, 2), 3) = 1", 6, 7, "a tuple holds numbers or the rows of a matrix,"),
        ("claim ((1, 2), (3, 4, 5)) = 1", 6, 7, "a matrix needs rows of equal length; got 2, 3"),
        ("claim x1[1/2] = 1", 6, 11, "an index must be a whole number"),
        ("claim x1[3] = 1", 6, 10, "index 3 is outside 1…2"),
        ("claim 2[1] = 1", 6, 8, "cannot index a number"),
        ("claim ((1, 2), (3, 4))[3] = (1, 2)", 6, 24, "row 3 is outside 1…2"),
        ("claim 1/0 = 1", 6, 8, "division by zero"),
        ("claim x1 + (1, 2, 3) = x1", 6, 10, "'+' needs two vectors of the same length; got 2"),
        ("claim x1 * x2 = 1", 6, 10, "cannot apply '*' to a vector of length 2 and a"),
        ("claim x1 / 0 = x1", 6, 10, "division by zero"),
        ("let f(eps) = eps\nclaim f = 1", 7, 7, "'f' takes 1 argument(s)"),
        ("claim norm(q) < 1", 6, 12, "unknown name 'q'"),
        ("claim kkt.w9 = (0, 2)", 6, 10, "the network has no block 'w9'"),
        ("let f(eps) = eps\nclaim f(1, 2) = 1", 7, 7, "f takes 1 argument(s), got 2"),
        ("let f(eps) = eps\nclaim f(x1) = 1", 7, 9, "expected a number, found a vector of length 2"),
        ("claim kkt(1) = kkt", 6, 7, "point kkt takes 0 argument(s), got 1"),
        ("claim sqrt(x1) = 1", 6, 12, "expected a number, found a vector of length 2"),
        ("claim sqrt(1, 2) = 1", 6, 7, "sqrt takes 1 argument, got 2"),
        ("claim root(2, 1/2) = 1", 6, 16, "root index must be a positive integer"),
        ("claim lrelu(1, eps) = 1 for all eps", 6, 16, "leaky relu slope must be a rational constant"),
        ("claim max(1) = 1", 6, 7, "max takes at least 2 arguments"),
        ("claim norm(1, 2) = 1", 6, 7, "norm takes 1 argument(s), got 2"),
        ("claim dot(x1, kkt) = 0", 6, 7, "dot needs two vectors of the same length; got a"),
        ("claim srank(((0, 0), (0, 0))) = 1", 6, 7, "the stable rank of a zero matrix is not defined"),
        ("claim spectral(((sqrt(2), 1, 0), (1, 0, 0), (0, 0, 1))) = 1", 6, 7, "the spectral norm is computed for matrices with"),
        ("claim Phi(kkt; (1, 2, 3)) = 1", 6, 16, "Phi needs an input of length 2, found a vector"),
        ("claim Phi(x1; x1) = 1", 6, 11, "expected a point (a vector of 6 parameters),"),
        ("point z: w1 = (0, 0), w2 = (0, 0), v = (0, 0)\nclaim gamma(z) > 0", 7, 7, "gamma is not defined at the zero point"),
        ("claim loss(kkt) > 0", 6, 7, "no loss is declared"),
        ("claim frob(kkt) < 1", 6, 7, "unknown function 'frob'"),
        ("let kkt = 2", 6, 1, "'kkt' is already defined"),
        ("let sqrt = 2", 6, 1, "'sqrt' is the name of a function"),
        ("claim kkt is not a local optimum, witness kkt", 6, 1, "the witness kkt must depend on one parameter more than kkt"),
        ("integer m >= 1\npoint q(m): w1 = (m, 2), w2 = (0, 0), v = (2, 0)\nclaim kkt is not a local optimum, witness q for all m", 8, 1, "a witness family needs a real parameter"),
        ("claim kkt is a KKT point with lambda = (1, 2, 3)", 6, 40, "expected one constant multiplier per data point"),
        ("claim kkt is feasible for problem (4) for layer 3", 6, 27, "the network has 2 layers, not 3"),
        ("let b = (1, 0)\nclaim b is not a local optimum of problem (3), witness b", 7, 35, "the l1 predictor problem is convex: a local optimum is a"),
        ("claim kkt is feasible for problem (3)", 6, 27, "'kkt' is not a predictor: define it as a vector"),
        ("claim x1 < x2", 6, 12, "cannot compare a vector of length 2 with a"),
        ("claim kkt is feasible\nclaim q is feasible", 7, 1, "unknown point 'q'"),
        ("point q(eps): w1 = (eps, 2), w2 = (0, 0), v = (2, 0)\nclaim q is a local optimum", 7, 1, "point q depends on eps; this claim needs fixed"),
        ("claim eps < 1", 6, 1, "the claim depends on eps"),
        ("claim 1 < 2 for small m", 6, 13, "'m' is not a declared real parameter"),
        ("integer m >= 1\nclaim m > 0 for all m in (0, 1)", 7, 13, "an integer parameter takes a bound, not a range"),
        ("claim kkt is feasible for all m", 6, 23, "'m' is not a declared parameter"),
        ("integer m >= 1\nclaim eps < m for all m", 7, 15, "the claim also depends on eps"),
        ("flow gf: hinge from kkt", 6, 1, "unknown loss 'hinge'"),
        ("flow gf: exponential from q", 6, 1, "unknown point 'q'"),
        ("point q(eps): w1 = (eps, 2), w2 = (0, 0), v = (2, 0)\nflow gf: exponential from q", 7, 1, "the initial point q must be fixed numbers"),
        ("flow gf: exponential from kkt, solver euler", 6, 1, "unknown solver 'euler'"),
        ("flow gf: exponential from kkt, solver gd(-1)", 6, 42, "the learning rate must be positive, got -1.0"),
        ("flow gf: exponential from kkt, until log10 t = x1", 6, 48, "log10 t must be a number"),
        ("flow gf: exponential from kkt, steps 1/2", 6, 39, "the number of steps must be a whole number up"),
        ("loss exponential\nflow gf: exponential from kkt\nclaim gf reaches loss < 1 for all eps", 8, 1, "a claim about a flow takes no quantifier"),
        ("claim gf reaches loss < 1", 6, 1, "unknown flow 'gf'"),
        ("point z: w1 = (0, 0), w2 = (0, 0), v = (0, 0)\nflow gf: exponential from kkt\nclaim gf converges in direction to z within 1e-6", 8, 1, "the target z must be a nonzero point"),
        ("flow gf: square from kkt\nclaim gf has decreasing normalized margin", 7, 1, "the normalized margin is monitored for the"),
    ]

    /// Errors in files without the header: network descriptions, and what needs a network or data.
    static let casesWithoutHeader: [(String, Int, Int, String)] = [
        ("network fully-connected relu 2 -> 0 -> 1", 1, 35, "expected a layer width (a whole number from 1"),
        ("network fully-connected relu 2", 1, 31, "expected widths such as 2 -> 2 -> 1, found end"),
        ("network fully-connected leaky-relu 2 -> 1", 1, 36, "expected '(', found '2'"),
        ("network fully-connected leaky-relu(1/10 2 -> 1", 1, 43, "expected ')' to close '(' opened at 1:35, found"),
        ("network fully-connected leaky-relu(3/2) 2 -> 1", 1, 25, "a leaky ReLU slope must be in [0, 1), got 3/2"),
        ("network fully-connected leaky-relu(1/0) 2 -> 1", 1, 37, "division by zero"),
        ("network fully-connected leaky-relu(2^1) 2 -> 1", 1, 37, "expected a rational number, found a power"),
        ("network fully-connected leaky-relu(eps) 2 -> 1", 1, 36, "expected a rational number, found eps"),
        ("network fully-connected sigmoid 2 -> 1", 1, 25, "unknown activation 'sigmoid'"),
        ("network recurrent relu 2 -> 1", 1, 9, "unknown architecture 'recurrent'"),
        ("network diagonal linear dim 2 depth 3", 1, 25, "expected 'dimension', found 'dim'"),
        ("network diagonal linear dimension 2 depth 1", 1, 43, "a diagonal network has depth at least 2, got 1"),
        ("network convolution relu patch 2 patches x", 1, 42, "expected the number of patches (a whole number"),
        ("network sparse linear masks", 1, 28, "expected masks such as ((1, 1), (0, 1)) [(1, 1)]"),
        ("network sparse linear masks (1)", 1, 29, "expected a 0/1 matrix, found 1"),
        ("network sparse linear masks ((1, 2))", 1, 34, "mask entries are 0 or 1, found 2"),
        ("network sparse linear masks ((1, 1), (1))", 1, 29, "mask rows must have the same length; got 2, 1"),
        ("network sparse linear masks ((1, 1), (0, 1)) ((1, 1, 1))", 1, 46, "this mask has 1 column(s) but the previous layer"),
        ("network fully-connected linear 1 -> 1 -> 1 with skip v", 1, 49, "a block named 'v' exists already"),
        ("network fully-connected linear 1 -> 1 -> 1 with tail u", 1, 49, "unknown network part 'tail'"),
        ("network fully-connected linear 1 -> 1 -> 1 extra", 1, 44, "unexpected 'extra' in the network description"),
        ("network 3", 1, 9, "expected a word of the network description,"),
        ("point p: w1 = (0, 2)", 1, 1, "a point needs the network first"),
        ("claim Phi(1; 1) = 1", 1, 7, "no network is declared"),
        ("claim kkt is feasible for problem (4) for layer 1", 1, 27, "the per-layer problem needs a network"),
        ("flow gf: exponential from p", 1, 1, "a flow needs the network first"),
        ("network fully-connected relu 2 -> 2 -> 1\npoint p: w1 = (0, 2), w2 = (0, 0), v = (2, 0)\nclaim margin(p) > 0", 3, 7, "margin needs data"),
        ("network fully-connected relu 2 -> 2 -> 1\npoint p: w1 = (0, 2), w2 = (0, 0), v = (2, 0)\nflow gf: exponential from p", 3, 1, "a flow needs data"),
        ("network fully-connected linear 1 -> 1 -> 1 with bias b\ndata x1 = 1, y1 = 1\npoint p: w = 1, v = 1, b = 0\nclaim gamma(p) > 0", 4, 7, "the network is not homogeneous (an output bias), so gamma is not"),
        ("network fully-connected linear 1 -> 2\ndata x1 = 1, y1 = (1, 1)\npoint p: W1 = (1, 1)\nclaim margin(p) > 0", 4, 7, "margin needs a scalar-output network or class labels, but this"),
        ("network fully-connected linear 1 -> 2\ndata x1 = 1, y1 = (1, 1)\npoint p: W1 = (1, 1)\nflow gf: exponential from p", 4, 1, "the exponential loss needs a network with one"),
    ]

    @Test(arguments: syntaxCases + elaborationCases)
    func reportsTheErrorWhereItIs(body: String, line: Int, column: Int, message: String) {
        expectError(in: Self.header + body, line: line, column: column, message: message)
    }

    @Test(arguments: casesWithoutHeader)
    func reportsTheErrorWhereItIsWithoutTheHeader(body: String, line: Int, column: Int, message: String) {
        expectError(in: body, line: line, column: column, message: message)
    }

    /// One error at `line`:`column` whose message contains `message`, with a non-empty hint,
    /// and no claim reported.
    func expectError(in source: String, line: Int, column: Int, message: String) {
        let result = Report.check(path: "t.proof", source: source, explain: false)
        guard let error = result.error else {
            Issue.record("no error for: \(source)")
            return
        }
        #expect(error.hasPrefix("t.proof:\(line):\(column): error: "), "\(error)")
        #expect(error.contains(message), "\(error)")
        #expect(Mutation.errorHint(error) != nil, "no hint: \(error)")
        #expect(result.claims.isEmpty)
    }

    @Test func theHeaderAloneIsWellFormed() {
        let result = Report.check(path: "t.proof", source: Self.header + "claim kkt is feasible", explain: false)
        #expect(result.error == nil)
        #expect(result.claims.map(\.verdict) == [.proved])
    }

    /// The hint check can fail: a rendering without a hint line, or with an empty one, has none.
    @Test func anErrorWithoutAHintIsNoticed() {
        let diagnostic = Diagnostic("expected ')'", at: ProofFiles.SourceLocation(line: 1, column: 3), hint: "close it")
        #expect(Mutation.errorHint(diagnostic.rendered(path: "t.proof", source: "f(1")) == "close it")
        #expect(Mutation.errorHint("t.proof:1:3: error: expected ')'\n  f(1\n    ^") == nil)
        #expect(Mutation.errorHint("t.proof:1:3: error: expected ')'\n  hint: ") == nil)
    }
}
