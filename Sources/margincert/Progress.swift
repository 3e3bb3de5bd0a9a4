import Foundation

/// A progress line for long runs, on standard error and only when it is a terminal (so files
/// and pipes get clean, reproducible output), and only once the run has taken a second (short
/// runs print nothing). Safe to advance from concurrent workers.
final class Progress: @unchecked Sendable {
    private let total: Int?
    private let label: String
    private let shown = Terminal.isTerminal(STDERR_FILENO)
    private let lock = NSLock()
    private let start = Date()
    private var done = 0
    private var finished = false
    private var drawn = false
    private var lastDraw = Date.distantPast

    /// The seconds a run takes before its progress line appears.
    static let delay = 1.0

    init(total: Int?, label: String) {
        self.total = total
        self.label = label
        guard shown else { return }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.delay) { [weak self] in
            guard let self else { return }
            self.lock.withLock { self.draw(force: true) }
        }
    }

    func advance() {
        lock.withLock {
            done += 1
            draw(force: done == total)
        }
    }

    /// Clears the line; nothing is drawn after.
    func finish() {
        lock.withLock {
            finished = true
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        }
    }

    private func draw(force: Bool) {
        let now = Date()
        guard shown, !finished, now.timeIntervalSince(start) >= Self.delay,
              force || now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        drawn = true
        let line: String
        if let total {
            let width = 30, filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            line = "\(label) [\(bar)] \(done)/\(total)"
        } else {
            line = done > 0 ? "\(label)… \(done)" : "\(label)…"
        }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
    }
}
