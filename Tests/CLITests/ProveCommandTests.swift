import Foundation
import Testing

/// `prove` and `eval` on the command line: the time limit is honoured from outside (a child
/// process stopped at the limit + 0.5 s), integer bounds that are not integers are read as
/// written, claims read as in proof files, and deep nesting is a located error, not a crash
/// (30,000 parentheses in an argument, which may hold at most 128 KiB on Linux; 10⁵ in a file).
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
        ["prove", "(eps - root(2,3))^2 * (eps - root(3,5))^2 * (eps - root(5,7))^2 >= 0", "--for-all", "eps in [0, 2]",
         "--time-limit", "1"],
    ])
    func theTimeLimitIsHonoured(arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.seconds < 2, "\(result.seconds) s")
        if result.status == 3 {
            // The reason names the step the limit stopped (a typed `Unable`), or the hard stop.
            #expect(result.output.contains("undecided (limit: time 1 s passed while ")
                    || result.output.contains("undecided (limit: time 1 s (stopped from outside"), "\(result.output)")
        } else {
            #expect([0, 1].contains(result.status), "status \(result.status): \(result.output)")
        }
    }

    /// An input that starts with a minus sign, after `--`, reaches the bounded child as input.
    @Test func inputAfterDoubleDash() throws {
        let eval = try run(["eval", "--", "-1 < 0"])
        #expect(eval.status == 0 && eval.output.hasSuffix("true\n"), "\(eval.status): \(eval.output)")
        let prove = try run(["prove", "--for-all", "eps in (0, 1)", "--", "-eps < 0"])
        #expect(prove.status == 0 && prove.output.hasPrefix("proved"), "\(prove.status): \(prove.output)")
    }

    /// Two parameters on the command line (exit status 0 proved, 1 refuted, 2 malformed region).
    @Test(arguments: [
        (["sqrt(a*eps) < a", "--for-all", "a in (0, 1/2), eps in (0, a/4)"], "proved", 0),
        (["eps = a^2", "--for-all", "a in (0, 1), eps in (0, 1)"], "refuted at a = ", 1),
        (["relu(eps - a^2) + a^2 >= eps", "--for-all", "a >= 2, eps >= 1"], "proved", 0),
        (["a > 0", "--for-all", "a in (0, 1), eps in (0, b)"], "--for-all:1:25: error: unknown name 'b'", 2),
    ] as [([String], String, Int32)])
    func twoParameters(arguments: [String], verdict: String, status: Int32) throws {
        let result = try run(["prove"] + arguments)
        #expect(result.output.hasPrefix(verdict) && result.status == status, "\(result.status): \(result.output)")
    }

    /// `--small` reads what follows `for small` in a file: with a second parameter pointwise
    /// (`eps, each a in A`) or uniformly (`eps uniformly in a in A`); 3 when only the pointwise
    /// reading holds and no uniform ε₀ is found, 2 when the other range is missing.
    @Test(arguments: [
        (["a*eps < a^2", "--small", "eps, each a in (0, 1)"], "proved", 0),
        (["eps < a", "--small", "eps uniformly in a in [1/2, 1]"], "proved", 0),
        (["eps < a", "--small", "eps uniformly in a in (0, 1)"], "undecided", 3),
        (["eps > a*eps", "--small", "eps, each a in (0, 2)"], "refuted at a = ", 1),
        (["eps^2 < a*eps", "--small", "eps, each a in [-1, 1]"], "refuted at a = ", 1),
        (["exp(-1/eps) < eps^4", "--small", "eps"], "proved", 0),
        (["eps < a", "--small", "eps, each a"], "--small:1:11: error: the range of 'a' is missing", 2),
        (["eps < a", "--small", "eps uniformly a in (0, 1)"], "--small:1:15: error:", 2),
        (["eps < a", "--small", "eps", "--for-all", "a in (0, 1)"], "", 64),
    ] as [([String], String, Int32)])
    func smallWithAnotherParameter(arguments: [String], verdict: String, status: Int32) throws {
        let result = try run(["prove"] + arguments)
        let line = status == 0 || status == 1 || status == 3 ? String(result.output.split(separator: "\n").last ?? "") : result.output
        #expect(line.hasPrefix(verdict) && result.status == status, "\(result.status): \(result.output)")
    }

    /// A claim as a proof file writes it (juxtaposition, Unicode relations) reads the same on
    /// the command line and from a claim file; a mistake is located in the argument.
    @Test(arguments: [
        (["prove", "8 - 4 eps + 17/4 eps^2 < 8", "--for-all", "eps in (0, 1/9)"], "proved", 0),
        (["prove", "8 - 4 eps + 17/4 eps^2 ≥ 8", "--small", "eps"], "refuted", 1),
        (["eval", "(sqrt(2) + sqrt(3))^2 = 5 + 2 sqrt(6)"], "true", 0),
        (["eval", "log(2) + log(3) = log(6)"], "true", 0),
        (["eval", "exp(log(2) + log(3)) = 6"], "true", 0),
        (["prove", "8 - 4 eps + 17/4 eps^2 < 8 x", "--for-all", "eps in (0, 1/9)"], "claim:1:28: error: unknown name 'x'", 2),
        (["prove", "1 < 2", "--integer", "m > 5/2 and m != 4"], "--integer:1:18: error: '!=' is not a bound", 2),
        (["eval", "2 3"], "input:1:3: error: two numbers in a row", 2),
    ] as [([String], String, Int32)])
    func claimsReadAsInFiles(arguments: [String], expected: String, status: Int32) throws {
        let result = try run(arguments)
        let matches = status == 2 ? result.output.hasPrefix(expected) : result.output.split(separator: "\n").last?.hasPrefix(expected) == true
        #expect(matches && result.status == status, "\(result.status): \(result.output)")
        guard status != 2, let claim = arguments.dropFirst().first else { return }
        let fromFile = try SupervisorTests().margincert(files: [("CLAIM", claim + "\n")],
                                                        [arguments[0]] + arguments.dropFirst(2) + ["--file"])
        #expect(fromFile.output == result.output && fromFile.status == status, "\(fromFile.status): \(fromFile.output)")
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
        let result = try run([command, claim, "--time-limit", "300"] + (command == "prove" ? ["--for-all", "eps in (0, 1)"] : []))
        let located = (command == "prove" ? "claim" : "input") + ":1:257: error: the expression is nested more than 256 levels deep"
        #expect(result.status == 2 && result.output.hasPrefix(located), "status \(result.status): \(result.output.prefix(300))")
    }

    /// A claim is an argument or a file, not both (a usage error, exit status 64).
    @Test(arguments: [["eval", "1 < 2", "--file"], ["prove", "1 < 2", "--small", "eps", "--file"]])
    func anArgumentOrAFileNotBoth(arguments: [String]) throws {
        let result = try SupervisorTests().margincert(files: [("CLAIM", "1 < 2\n")], arguments)
        #expect(result.status == 64, "status \(result.status): \(result.output)")
    }

    /// 10⁵ nested parentheses do not fit in one argument: given in a claim file, they are a
    /// located error (line 1, column 257, where the nesting passes 256) with exit status 2.
    /// (A generous time limit: reading 2·10⁵ tokens takes about a second in a debug build, more
    /// on a loaded machine; this test is about the answer, not the time.)
    @Test(arguments: ["prove", "eval"])
    func deeperNestingInAFileIsALocatedError(command: String) throws {
        let claim = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000) + " > 0\n"
        let result = try SupervisorTests().margincert(files: [("CLAIM", claim)],
                                                      [command, "--time-limit", "300"] + (command == "prove" ? ["--for-all", "eps in (0, 1)"] : []) + ["--file"])
        #expect(result.status == 2 && result.output.hasPrefix("CLAIM:1:257: error: the expression is nested more than 256 levels deep"),
                "status \(result.status): \(result.output.prefix(300))")
    }
}
