import ArgumentParser
import ProofFiles

/// A text the user wrote — an argument, or a file given in its place — read with the proof
/// file's grammar (`CommandLineText`); its diagnostics name it as a file's name its lines.
struct ArgumentText {
    /// How diagnostics name the text: the option (`--for-all`), `claim`, or the file's path.
    let name: String
    let text: String

    /// Throws unless exactly one of the argument `text` and the file `path` is given (for a
    /// command's `validate()`).
    static func validate(_ text: String?, named name: String, orFile path: String?) throws {
        guard (text == nil) != (path == nil) else {
            throw ValidationError("give the \(name) as an argument or with --file PATH ('-': standard input), exactly one")
        }
    }

    /// The argument `text`, or the file `path` (`-` or the argument `-`: standard input);
    /// exactly one of them is given (see `validate`).
    static func argument(_ text: String?, named name: String, orFile path: String?) throws -> ArgumentText {
        precondition((text == nil) != (path == nil), "validated: an argument or a file")
        guard let file = path ?? (text == "-" ? "-" : nil) else { return ArgumentText(name: name, text: text!) }
        return ArgumentText(name: file == "-" ? SourceFile.standardInputName : file, text: try SourceFile.text(of: file))
    }

    /// What `reader` reads in the text; on a mistake prints the located diagnostic and exits
    /// with status 2.
    func read<T>(_ reader: (String) throws(Diagnostic) -> T) throws -> T {
        do {
            return try reader(text)
        } catch {
            print(error.rendered(path: name, source: text))
            throw ExitCode(2)
        }
    }
}
