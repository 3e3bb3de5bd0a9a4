import ArgumentParser
import Foundation
import ProofFiles

extension CheckCommand {
    /// Checks the files in worker processes (see `Supervisor`): each file is read and each
    /// claim decided in a worker; a claim still running at `hardLimit(timeLimit)` has its
    /// worker stopped and is undecided ("limit: time"), a claim whose worker ends on the size
    /// limit is undecided ("limit: size"), and the rest is checked as usual. The results equal
    /// `Report.check`'s apart from the timings and the claims stopped from outside.
    /// `progress` advances as each claim is decided.
    func supervisedCheck(_ inputs: [Report.Input], progress: Progress) throws -> [Report.FileResult] {
        var arguments = ["worker", "check", "--time-limit", String(timeLimit)] + inputs.map(\.path)
        if explain { arguments.append("--explain") }
        if let certificates { arguments += ["--certificates", certificates] }
        let supervisor = Supervisor(workerArguments: arguments, workers: jobs, jobSeconds: Self.hardLimit(timeLimit))
        var files: [Report.FileResult?] = Array(repeating: nil, count: inputs.count)
        var claimOfJob: [Int: (file: Int, claim: Int)] = [:]
        let decoder = JSONDecoder()
        try supervisor.run(inputs.indices.map { "file \($0)" }) { job, ending in
            if let (f, c) = claimOfJob[job] {
                let claim = files[f]!.claims[c]
                let decided: Report.ClaimResult
                switch ending {
                case .answered(let json): decided = (try? decoder.decode(Report.ClaimResult.self, from: Data(json.utf8)))
                    ?? claim.undecided("internal error: unreadable answer from a worker", seconds: 0)
                case .stopped(let seconds): decided = claim.undecided(stoppedEvidence(seconds), seconds: seconds)
                case let .died(status, signalled, message): decided = claim.undecided(Self.evidence(status, signalled, message), seconds: 0)
                }
                files[f] = files[f]!.replacing(claim: c, with: decided)
                progress.advance()
                return []
            }
            let path = inputs[job].path
            switch ending {
            case .answered(let json):
                guard let file = try? decoder.decode(Report.FileResult.self, from: Data(json.utf8)) else {
                    files[job] = Report.FileResult(path: path, title: nil, error: "\(path): error: internal error: unreadable answer from a worker", claims: [])
                    return []
                }
                files[job] = file
                let first = inputs.count + claimOfJob.count
                for c in file.claims.indices { claimOfJob[first + c] = (job, c) }
                return file.claims.indices.map { "claim \(job) \($0)" }
            case .stopped(let seconds):
                files[job] = Report.FileResult(path: path, title: nil, error: Report.readingLimitError(path, seconds: seconds), claims: [])
            case let .died(status, signalled, message):
                let hint = message.split(separator: "\n").first { $0.hasPrefix("  hint: ") }.map(String.init) ?? "  hint: please report this file"
                files[job] = Report.FileResult(path: path, title: nil, error: "\(path):1:1: error: \(Self.evidence(status, signalled, message)) while reading the file\n\(hint)", claims: [])
            }
            return []
        }
        return files.map { $0! }
    }

    /// When a worker is stopped: the time limit and a grace period for the cooperative limit to
    /// act (a claim normally ends within its limit; one exact step can overrun it).
    static func hardLimit(_ timeLimit: Double) -> Double { timeLimit * 1.5 + 1 }

    private func stoppedEvidence(_ seconds: Double) -> String {
        "limit: time \(String(format: "%g", timeLimit)) s (stopped from outside after \(String(format: "%.1f", seconds)) s; raise --time-limit to try longer)"
    }

    /// Why a worker ended while on a job: the size limit (status 5), or a crash.
    static func evidence(_ status: Int32, _ signalled: Bool, _ message: String) -> String {
        if !signalled && status == 5, let line = message.split(separator: "\n").first(where: { $0.contains("limit: size") }) {
            return line.replacingOccurrences(of: "error: ", with: "")
        }
        let how = signalled ? "signal \(status)" : "status \(status)"
        let lines = message.split(separator: "\n")
        let cause = lines.first { $0.contains("Fatal error") || $0.contains("runtime failure") } ?? lines.last
        return "internal error: the checker crashed (\(how))" + (cause.map { ": " + $0.trimmingCharacters(in: .whitespaces) } ?? "")
            + "; please report it with this file"
    }
}
