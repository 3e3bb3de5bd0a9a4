import Foundation
import Testing

/// `margincert experiment FILE`: the runs, the reports and the claims judged, with exit status 1
/// when a claim is not as expected; shortened runs show the claims without judging them.
@Suite struct ExperimentCommandTests {
    static let file = """
    network fully-connected relu 2 -> 4 -> 1
    data x1 = (1, 1/4), y1 = 1
    data x2 = (-1, 1/4), y2 = -1
    data x3 = (0, 1), y3 = 1/2
    experiment fit: square from gaussian(1/2), runs 16, seed 5, solver gd(1/20), steps 500, report loss < 1e-2, stable ranks, limit groups
    claim fit has stable ranks in [0.99, 2]
    claim fit has stable ranks in [3, 4] expect refuted

    """

    func run(_ claims: String, _ arguments: [String] = []) throws -> SupervisorTests.Run {
        try SupervisorTests().margincert(files: [("E", Self.file + claims)], ["experiment"] + arguments)
    }

    @Test func runsReportsAndJudges() throws {
        let result = try run("")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("experiment fit: 16 runs of 500 GD steps of size 0.05"), "\(result.output)")
        #expect(result.output.contains("of 16 runs reach loss < 0.01 (") && result.output.contains("stable ranks of those"))
        #expect(result.output.contains("✓ line 6: claim fit has stable ranks in [0.99, 2]: observed"), "\(result.output)")
        #expect(result.output.contains("✓ line 7:") && !result.output.contains("✗"), "\(result.output)")
    }

    @Test func aClaimNotObservedFails() throws {
        let result = try run("claim fit reaches loss < 1e-2 in at least 17 of 16 runs\n")
        #expect(result.status == 2, "\(result.output)")   // more than all runs: a malformed file
        let failing = try run("claim fit has stable ranks in [1.5, 2]\n")
        #expect(failing.status == 1 && failing.output.contains("✗ line 8"), "\(failing.output)")
    }

    @Test func shortenedRunsAreShownNotJudged() throws {
        let result = try run("claim fit has stable ranks in [1.5, 2]\n", ["--runs", "3", "--steps", "10"])
        #expect(result.status == 0 && result.output.contains("3 runs of 10 GD steps") && result.output.contains("· line 8"),
                "\(result.output)")
    }
}
