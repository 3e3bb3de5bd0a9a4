import Foundation
import Testing

/// `prove` and `eval` on the command line: the time limit is honoured from outside (a child
/// process stopped at the limit + 0.5 s), integer bounds that are not integers are read as
/// written, and deep nesting (30,000 parentheses; one argument may hold at most 128 KiB on
/// Linux) is a located error, not a crash.
@Suite struct ProveCommandTests {
    func run(_ arguments: [String]) throws -> SupervisorTests.Run {
        try SupervisorTests().margincert(files: [], arguments)
    }

    /// Claims whose exact steps can be slow: with --time-limit 1 each ends within 2 s, decided or
    /// undecided (limit: time).
    @Test(arguments: [
        ["prove", "((eps/(eps + 2)) - ((root(10, 9) - 1)/((root(10, 9) - 1) + 2)))^4 >= 0",
         "--for-all", "eps in [1/4, root(10, 9) - 1]", "--time-limit", "1"],
        ["eval", "root(2, 64) + root(3, 64) > 2.02", "--time-limit", "1"],
    ])
    func theTimeLimitIsHonoured(arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.seconds < 2, "\(result.seconds) s")
        if result.status == 3 {
            #expect(result.output.contains("undecided (limit: time 1 s"), "\(result.output)")
        } else {
            #expect([0, 1].contains(result.status), "status \(result.status): \(result.output)")
        }
    }

    /// Two parameters on the command line (exit status 0 proved, 1 refuted, 2 malformed region).
    @Test(arguments: [
        (["sqrt(a*eps) < a", "--for-all", "a in (0, 1/2), eps in (0, a/4)"], "proved", 0),
        (["eps = a^2", "--for-all", "a in (0, 1), eps in (0, 1)"], "refuted at a = ", 1),
        (["relu(eps - a^2) + a^2 >= eps", "--for-all", "a >= 2, eps >= 1"], "proved", 0),
        (["a > 0", "--for-all", "a in (0, 1), eps in (0, b)"], "error: unknown name 'b'", 2),
    ] as [([String], String, Int32)])
    func twoParameters(arguments: [String], verdict: String, status: Int32) throws {
        let result = try run(["prove"] + arguments)
        #expect(result.output.hasPrefix(verdict) && result.status == status, "\(result.status): \(result.output)")
    }

    @Test(arguments: [
        (["m != 3", "--integer", "m > 5/2"], "refuted at m = 3"),
        (["2*q - k > 1", "--integer", "k >= 3", "--integer", "q > k/2"], "refuted at k = 3, q = 2"),
        (["m*(m - 4) >= 0", "--integer", "m > 5/2 and m <= 31/4"], "refuted at m = 3"),
        (["m >= 3", "--integer", "m > 5/2"], "proved"),
    ])
    func integerBounds(arguments: [String], verdict: String) throws {
        for inProcess in [false, true] {
            let result = try run(["prove"] + arguments + (inProcess ? ["--in-process"] : []))
            #expect(result.output.hasPrefix(verdict) && result.status == (verdict == "proved" ? 0 : 1), "\(result.output)")
        }
    }

    @Test(arguments: ["prove", "eval"])
    func deepNestingIsALocatedError(command: String) throws {
        let claim = String(repeating: "(", count: 30_000) + "1" + String(repeating: ")", count: 30_000) + " > 0"
        let result = try run([command, claim] + (command == "prove" ? ["--for-all", "eps in (0, 1)"] : []))
        #expect(result.status == 2 && result.output.contains("nested more than 256 levels deep"), "status \(result.status): \(result.output.prefix(300))")
    }
}
