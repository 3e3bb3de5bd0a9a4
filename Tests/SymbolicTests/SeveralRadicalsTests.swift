import Testing
import Exact
@testable import Symbolic

/// Comparisons of constants built from radicals of several indices (issue 14), each decided
/// under the default time limit, in both directions (a wrong comparison is false, not
/// undecided): sums whose composed defining polynomials have degree 81 to 4096, neighbours at
/// 10^(−34) and 10^(−40), and a rational whose power is too large to fold.
@Suite struct SeveralRadicalsTests {
    @Test(arguments: [
        ("root(2, 64) + root(3, 64) > 2.02", true),
        ("root(2, 64) + root(3, 64) < 2.02", false),
        ("root(2, 9) + root(3, 9) = root(5, 9) + 1.0000000000000000000000000000000001", false),
        ("root(2, 9) + root(3, 9) > root(5, 9) + 1.0000000000000000000000000000000001", true),
        ("root(2, 8) + root(3, 16) < 2.1615832157381721283302582904603589005595", true),
        ("root(2, 8) + root(3, 16) < 2.1615832157381721283302582904603589005594", false),
        ("sqrt(2) + root(3, 3) + root(5, 4) + root(7, 6) + sqrt(11) + root(13, 3) > 11.402858946246369804290833619293", true),
        ("(7/2)^(1/6)/sqrt(7/2) = root(2/7, 3)", true),
        ("(root(2, 4) + sqrt(3))^2 - 2*root(2, 4)*sqrt(3) = sqrt(2) + 3", true),
        ("1/10^100000 > 0", true),
        ("-1/10^100000 > 0", false),
    ])
    func decided(input: String, expected: Bool) throws {
        let claim = try Parser.claim(input)
        let truth = ResourceLimit.withDeadline(seconds: ResourceLimit.defaultSeconds) { claim.truth(at: [:]) }
        if case .undecided = truth { Issue.record("undecided: \(input)") }
        #expect((truth == .holds) == expected, "\(input): \(truth)")
    }
}
