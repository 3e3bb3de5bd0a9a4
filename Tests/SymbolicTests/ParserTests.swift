import Exact
import Testing
@testable import Symbolic

@Suite struct ParserTests {
    @Test(arguments: [
        ("1 + ", 5, "unexpected end of input"),
        ("2 * (3 + 4", 11, "expected ')'"),
        ("sqrt(2) + foo", 11, "unknown name 'foo'"),
        ("1 + 2 )", 7, "unexpected ')'"),
        ("root(2, 1/2)", 9, "root index must be a positive integer"),
        ("1 / 0", 3, "division by zero"),
        ("2 # 3", 3, "unexpected '#'"),
        ("bar(1)", 1, "unknown function 'bar'"),
    ])
    func malformedInputReportsColumn(input: String, column: Int, message: String) {
        #expect(throws: ParseError.self) { try Parser.statement(input) }
        do {
            _ = try Parser.statement(input)
        } catch {
            #expect(error.column == column, "input \(input)")
            #expect(error.message.hasPrefix(message), "input \(input): \(error.message)")
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
        let (e, _) = try Parser.expression(input, parameters: ["eps", "m", "k", "j"])
        #expect(e.description == expected)
    }

    @Test func domainConditionsAreRecordedBeforeSimplification() throws {
        let (e, domain) = try Parser.expression("sqrt(x)^2 + 1/(x - 1) + log(x + 2)", parameters: ["x"])
        #expect(e.parameters == ["x"])
        #expect(Set(domain.map(\.description)) == ["x >= 0", "x - 1 != 0", "x + 2 > 0"])
    }

    @Test func comparisonChainsAndConjunctions() throws {
        let claim = try Parser.claim("0 < x <= 1 and x != 1/2", parameters: ["x"])
        #expect(claim.comparisons.map(\.relation) == [.less, .lessOrEqual, .notEqual])
    }
}
