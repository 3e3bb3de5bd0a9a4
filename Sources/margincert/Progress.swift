import Foundation

/// A progress line for long runs, shown only when standard output is a terminal (so files and
/// pipes get clean, reproducible output). Safe to advance from concurrent workers.
final class Progress: @unchecked Sendable {
    private let total: Int?
    private let label: String
    private let shown = isatty(STDOUT_FILENO) != 0
    private let lock = NSLock()
    private var done = 0
    private var lastDraw = Date.distantPast

    init(total: Int?, label: String) {
        self.total = total
        self.label = label
        draw(force: true)
    }

    func advance() {
        lock.lock()
        done += 1
        draw(force: done == total)
        lock.unlock()
    }

    /// Clears the line.
    func finish() {
        guard shown else { return }
        FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8))
    }

    private func draw(force: Bool) {
        guard shown, force || Date().timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = Date()
        if let total {
            let width = 30, filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            FileHandle.standardOutput.write(Data("\r\(label) [\(bar)] \(done)/\(total)".utf8))
        } else {
            FileHandle.standardOutput.write(Data("\r\(label)…".utf8))
        }
    }
}
