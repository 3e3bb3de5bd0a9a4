import ArgumentParser
import Foundation
import GradientFlow

/// `margincert merge part1.json part2.json … > all.json`: the union of the shards of one
/// Monte Carlo sweep (`simulate --runs N --shard k/n --out part.json`). When every run is
/// present the output is byte-identical to the unsharded sweep's JSON.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shards of a Monte Carlo sweep into one JSON (written to standard output).",
        discussion: "Example: margincert merge part-*.json > all.json")

    @Argument(help: "The shards' JSON files.")
    var parts: [String]

    @Flag(help: "Print the summary of where the runs ended to standard error.")
    var summary = false

    func run() throws {
        var reports: [SweepReport] = []
        for path in parts {
            let text: String
            switch SourceFile.read(path) {
            case .success(let read): text = read
            case .failure(let unreadable): throw ValidationError(unreadable.description)
            }
            do {
                reports.append(try SweepReport(json: Data(text.utf8)))
            } catch {
                throw ValidationError("\(path) is not a sweep's JSON: \(error)")
            }
        }
        do {
            let merged = try SweepReport.merged(reports)
            print(String(decoding: try merged.json(), as: UTF8.self))
            if summary {
                FileHandle.standardError.write(Data((SimulateCommand.summary(of: merged) + "\n").utf8))
            }
        } catch let error as SweepReport.MergeError {
            throw ValidationError(error.description)
        }
    }
}
