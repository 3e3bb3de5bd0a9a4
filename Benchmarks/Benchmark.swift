import Foundation

/// Times a body with the monotonic `ContinuousClock` and prints its throughput.
enum Benchmark {
    /// Runs `body` (which performs `operationsPerRun` operations and returns a value that is
    /// folded into a checksum, so the work cannot be optimised away) until at least
    /// `minimumSeconds` have passed, then prints operations per second and time per operation.
    static func report(_ label: String, operationsPerRun: Int, minimumSeconds: Double = 0.5,
                       _ body: () -> Int) {
        let clock = ContinuousClock()
        var runs = 0, checksum = 0
        let start = clock.now
        var elapsed = Duration.zero
        repeat {
            checksum &+= body()
            runs += 1
            elapsed = clock.now - start
        } while elapsed < .seconds(minimumSeconds)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let operations = Double(runs * operationsPerRun)
        let microseconds = seconds / operations * 1e6
        let numbers = String(format: "%12.0f ops/s %12.2f µs/op   (checksum %d)",
                             operations / seconds, microseconds, checksum % 1000)
        print(label.padding(toLength: 40, withPad: " ", startingAt: 0) + numbers)
    }
}
