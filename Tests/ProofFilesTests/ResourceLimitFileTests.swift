import Foundation
import Testing
import ProofFiles

/// Pathological claims (huge constants and powers, nested roots, many ReLU switch points): each
/// gets a sound verdict or `undecided` within its time limit, and the claim after it in the same
/// file is still checked.
@Suite struct ResourceLimitFileTests {
    static let digits = String(repeating: "9", count: 10_000)
    static let nestedRoot = String(repeating: "sqrt(", count: 6) + "2" + String(repeating: ")", count: 6)
    static let switchPoints = (1 ..< 100).map { "relu(eps - \($0)/100)" }.joined(separator: " + ")

    /// (claim, whether it is true)
    static let cases: [(String, Bool)] = [
        ("claim \(digits) > 1", true),
        ("claim \(digits) - \(digits) = 1", false),
        ("claim 2^(10^9) > 1", true),
        ("claim 2^(10^9) < 1", false),
        ("claim 1e100000 * 1e-100000 = 1", true),
        ("claim \(nestedRoot) > 1", true),
        ("claim \(nestedRoot)^64 = 2", true),
        ("parameter eps in (0, 1)\nclaim \(switchPoints) >= 0 for all eps", true),
        ("parameter eps in (0, 1)\nclaim \(switchPoints) > 0 for all eps", false),
    ]

    @Test(arguments: cases)
    func aPathologicalClaimIsBoundedAndTheRestOfTheFileIsChecked(claim: String, isTrue: Bool) throws {
        let limit = 0.5
        let source = "title pathological\n\(claim)\nclaim 1 < 2\n"
        let clock = ContinuousClock()
        var result: Report.FileResult?
        let elapsed = clock.measure {
            result = Report.check(path: "t.proof", source: source, explain: false, simulator: nil, timeLimit: limit)
        }
        let file = try #require(result)
        #expect(file.error == nil, "\(file.error ?? "")")
        let verdicts = file.claims.map(\.verdict.rawValue)
        #expect(verdicts.count == 2 && verdicts.last == "proved", "\(verdicts)")
        #expect(verdicts.first != (isTrue ? "refuted" : "proved"), "unsound verdict: \(file.claims.first?.evidence ?? "")")
        #expect(file.claims.allSatisfy { $0.seconds < limit + 10 }, "past the limit: \(file.claims.map(\.seconds))")
        #expect(elapsed < .seconds(60), "\(elapsed)")
    }
}
