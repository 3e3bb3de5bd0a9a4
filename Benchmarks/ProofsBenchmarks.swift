import Foundation
import ProofFiles

/// Checks every file of proofs/ the way `margincert check proofs/` does (all claims in
/// parallel over the cores) and prints the wall time (first and best warm run), the peak memory of
/// this process, and each file's time (the sum of its claims' times, slowest first).
///
/// Run it as its own group (`scripts/bench.sh proofs`): the peak memory is the process's.
func runProofsBenchmarks() {
    let folder = "proofs"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".proof") }.sorted()
    let inputs: [Report.Input] = names.compactMap { name in
        let path = "\(folder)/\(name)"
        return (try? String(contentsOfFile: path, encoding: .utf8)).map { (path, $0) }
    }
    guard !inputs.isEmpty else { print("no proofs/*.proof here (run from the package folder)"); return }
    let clock = ContinuousClock()
    var times: [Duration] = []
    var files: [Report.FileResult] = []
    for _ in 0..<3 { times.append(clock.measure { files = Report.check(inputs, explain: false) }) }
    var report = Report()
    files.forEach { report.add($0) }
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let peakMB = Double(usage.ru_maxrss) / 1024   // kilobytes on Linux
    #else
    getrusage(RUSAGE_SELF, &usage)
    let peakMB = Double(usage.ru_maxrss) / 1_048_576   // bytes on macOS
    #endif
    let s = report.summary
    print("check proofs/: \(s.files) files, \(s.claims) claims (\(s.proved) proved, \(s.refuted) refuted, \(s.undecided) undecided, \(s.failed) failed)")
    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
    // The first run is what `margincert check` costs; later ones reuse Exact's memo of
    // defining polynomials, so they are faster.
    print(String(format: "wall time %.3f s (first run, %d cores; then %.3f s with warm caches), peak memory %.1f MB",
                 seconds(times[0]), ProcessInfo.processInfo.activeProcessorCount, seconds(times[1...].min()!),
                 peakMB))
    let perFile = files.map { file in (file.claims.reduce(0) { $0 + $1.seconds }, file.path, file.claims.count) }
    for (seconds, path, claims) in perFile.sorted(by: { $0.0 > $1.0 }) {
        print(String(format: "  %8.3f s  %4d claims  ", seconds, claims) + path)
    }
}
