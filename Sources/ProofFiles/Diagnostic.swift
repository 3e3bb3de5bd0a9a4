/// A position in a proof file: 1-based line and column (columns count characters).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A user-facing error in a proof file: where, what was expected, and what to do.
///
/// Rendered as `file:line:col: error: message`, the offending line, a caret under the
/// column, and `hint: …`. Every malformed input yields one of these (exit status 2); a file
/// with an error reports no claim as verified. The message says what was expected (and what
/// was found, when it is cheap to name); the hint, which every diagnostic carries, says what
/// to write instead.
public struct Diagnostic: Error, Hashable, Sendable {
    public let location: SourceLocation
    public let message: String
    public let hint: String

    public init(_ message: String, at location: SourceLocation, hint: String) {
        precondition(!hint.isEmpty, "a diagnostic needs a hint")
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// The full rendering, with the source line and a caret.
    public func rendered(path: String, source: String) -> String {
        var text = "\(path):\(location): error: \(message)"
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        if location.line >= 1 && location.line <= lines.count {
            let line = String(lines[location.line - 1])
            text += "\n  \(line)\n  " + String(repeating: " ", count: max(0, location.column - 1)) + "^"
        }
        return text + "\n  hint: \(hint)"
    }
}
