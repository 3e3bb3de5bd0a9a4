import ArgumentParser
import Foundation

/// The one way the tool reads a text file (a proof file, a claim file, a sweep's JSON, a
/// worker's errors): as UTF-8 text, `-` meaning standard input, or an error that says why
/// not, with a location (for text that is not UTF-8: the line and column of the first bad
/// byte) and a hint.
enum SourceFile {
    struct Unreadable: Error, CustomStringConvertible {
        let description: String
    }

    /// The name `-` (standard input) reads as in diagnostics.
    static let standardInputName = "<stdin>"

    static func read(_ path: String) -> Result<String, Unreadable> {
        if path == "-" { return decoded(FileHandle.standardInput.readDataToEndOfFile(), name: standardInputName) }
        guard let data = FileManager.default.contents(atPath: path) else {
            let why = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
            return .failure(Unreadable(description: "\(path): error: \(why)\n  hint: check the path and the file's permissions"))
        }
        return decoded(data, name: path)
    }

    /// The text of `path`; when it cannot be read, prints why and exits with status 2.
    static func text(of path: String) throws -> String {
        switch read(path) {
        case .success(let text): return text
        case .failure(let unreadable):
            print(unreadable.description)
            throw ExitCode(2)
        }
    }

    private static func decoded(_ data: Data, name: String) -> Result<String, Unreadable> {
        if let text = String(data: data, encoding: .utf8) { return .success(text) }
        var line = 1, column = 1, offset = 0
        var bytes = data.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error: break decoding
            }
        }
        let byte = offset < data.count ? String(format: " (byte 0x%02X)", data[data.startIndex + offset]) : ""
        return .failure(Unreadable(description: "\(name):\(line):\(column): error: the file is not UTF-8 text\(byte)\n"
                                   + "  hint: save the file as UTF-8 (proof files may use Unicode such as ≤ and ε)"))
    }
}
