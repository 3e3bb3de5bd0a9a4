import Foundation

/// What the standard streams are connected to.
enum Terminal {
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) != 0 }

    /// Whether to colour standard output: only on a terminal, and never with `NO_COLOR` set to
    /// a non-empty value (https://no-color.org).
    static var colouredOutput: Bool {
        isTerminal(STDOUT_FILENO) && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
}
