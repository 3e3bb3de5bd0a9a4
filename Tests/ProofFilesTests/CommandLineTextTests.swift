import Exact
import Testing
@testable import ProofFiles
@testable import Symbolic

/// Text outside a proof file (`margincert prove` / `eval` arguments) is read with the proof
/// file's grammar: located errors, juxtaposition, the depth guard, the same canonical forms.
@Suite struct CommandLineTextTests {
    @Test(arguments: [
        ("1 + ", 5, "expected an expression, found end of line"),
        ("2 * (3 + 4", 11, "expected ')' to close '(' opened at 1:5"),
        ("sqrt(2) + foo", 11, "unknown name 'foo'"),
        ("1 + 2 )", 7, "unexpected ')' after expression or claim"),
        ("root(2, 1/2)", 10, "root index must be a positive integer"),
        ("1 / 0", 3, "division by zero"),
        ("2 $ 3", 3, "unexpected '$'"),
        ("bar(1)", 1, "unknown function 'bar'"),
        ("2 3", 3, "two numbers in a row"),
        ("x < 1 and 2", 11, "expected a comparison"),
        (String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300), 257, "the expression is nested more than 256 levels deep"),
    ])
    func malformedInputReportsColumn(input: String, column: Int, message: String) {
        do {
            _ = try CommandLineText.statement(input, parameters: ["x"])
            Issue.record("\(input) was read")
        } catch {
            #expect(error.location == SourceLocation(line: 1, column: column), "input \(input): \(error.location)")
            #expect(error.message.hasPrefix(message), "input \(input): \(error.message)")
        }
    }

    /// A claim copied from a proof file reads on the command line as in the file: the same
    /// comparisons, whether products are written with '*' or by juxtaposition.
    @Test(arguments: [
        ("8 - 4 eps + 17/4 eps^2 < 8", "8 - 4*eps + 17*eps^2/4 < 8"),
        ("2 (1 + eps) sqrt(2) >= 2 sqrt(2)", "2*(1 + eps)*sqrt(2) >= 2*sqrt(2)"),
        ("eps^2 ≤ eps · eps", "eps^2 <= eps*eps"),
    ])
    func juxtapositionMultiplies(written: String, explicit: String) throws {
        let a = try CommandLineText.claim(written, parameters: ["eps"]), b = try CommandLineText.claim(explicit, parameters: ["eps"])
        #expect(a.comparisons.map(\.difference) == b.comparisons.map(\.difference), "\(a) vs \(b)")
    }

    /// Ranges read as after `for all` in a file; the second list writes the same regions
    /// otherwise (juxtaposition, Unicode, a constant to simplify).
    @Test(arguments: [
        ("eps in (0, 1/9)", "eps in (0, 2/18)"),
        ("a >= 2, b > 1", "a ≥ 4/2, b > 1"),
        ("a in (0, 1/2), eps in (0, a/4]", "a in (0, 1/2), eps in (0, 1/4 a]"),
        ("a in [1, 2], b in (a^2, 3*a]", "a in [1, 2], b in (a a, 3 a]"),
    ])
    func regions(text: String, same: String) throws {
        #expect(try CommandLineText.region(text) == CommandLineText.region(same))
    }

    @Test(arguments: [
        ("a in (0, 1), eps in (0, b)", 25, "unknown name 'b'"),
        ("a in (0, 1), b in (0, 1), c in (0, 1)", 27, "at most two"),
        ("a in (0, b), eps in (0, 1)", 10, "unknown name 'b'"),
        ("a in (0, 1), eps in (0, a/)", 27, "expected an expression"),
        ("a in (0, 1), eps in (0, exp(a))", 25, "a range end must be"),
        ("a in (0, 1), a in (0, 1)", 14, "'a' is quantified twice"),
        ("a in (1, 0)", 6, "the range is empty"),
        ("eps", 1, "the range of 'eps' is missing"),
        ("eps in (0, 1) x", 15, "unexpected 'x' after range"),
    ])
    func regionErrorsAreLocated(text: String, column: Int, message: String) {
        do {
            _ = try CommandLineText.region(text)
            Issue.record("\(text) was read")
        } catch {
            #expect(error.message.hasPrefix(message), "\(text): \(error.message)")
            #expect(error.location.column == column, "\(text): column \(error.location.column)")
        }
    }

    @Test(arguments: [
        ("2*relu(1/2 - eps) + 3", "2*relu(1/2 - eps) + 3"),
        ("eps^(1/2) * eps^(1/2)", "eps"),
        ("sqrt(1 - eps)^2 + 2*sqrt(eps/2)^2", "1"),
        ("exp(eps)^2 / exp(2*eps)", "1"),
        ("(1/m)^((k - j)*j/k) * (1/m)^(-j*(k - j)/k)", "1"),
        ("0.99 - 99/100", "0"),
        ("2^3^2", "512"),
        ("-2^2", "-4"),
        ("(-8)^(1/3)", "-2"),
        ("max(eps, 1/2, eps)", "max(1/2, eps)"),
        ("(1 + eps)^2 - 1 - 2*eps - eps^2", "0"),
        ("exp((1 + eps)^2) / exp(1 + 2*eps + eps^2)", "1"),
        ("(eps - 1)*(eps + 1)", "eps^2 - 1"),
        ("sqrt(4*2*(eps/(2*sqrt(2)))^2) - abs(eps)", "0"),
        ("2*(2^(-1/m))^m", "1"),
        ("(1/2)^(2/m) - 2^(-2/m)", "0"),
        ("2^(-1/m) - 2^(1 - 2/m)*(2^(-1/m))^(m - 1)", "0"),
    ])
    func canonicalForms(input: String, expected: String) throws {
        let (e, _) = try CommandLineText.expression(input, parameters: ["eps", "m", "k", "j"])
        #expect(e.description == expected)
    }

    @Test func domainConditionsAreRecordedBeforeSimplification() throws {
        let (e, domain) = try CommandLineText.expression("sqrt(x)^2 + 1/(x - 1) + log(x + 2)", parameters: ["x"])
        #expect(e.parameters == ["x"])
        #expect(Set(domain.map(\.description)) == ["x >= 0", "x - 1 != 0", "x + 2 > 0"])
    }

    @Test func comparisonChainsAndConjunctions() throws {
        let claim = try CommandLineText.claim("0 < x <= 1 and x != 1/2", parameters: ["x"])
        #expect(claim.comparisons.map(\.relation) == [.less, .lessOrEqual, .notEqual])
    }
}
