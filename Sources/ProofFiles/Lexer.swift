/// Splits a proof file into tokens.
///
/// Lines are statements: a `.newline` token ends each logical line, and a line that starts
/// with white space continues the previous one (so long statements can be wrapped). `#`
/// starts a comment to the end of the line. Identifiers are letters, digits, `_` and `'`
/// (so `k'` and `eps_1` are names); numbers are decimal literals (`17`, `0.99`, `1e-3`).
/// The `.end` token stands just after the file's last character, so that every token, and
/// every diagnostic, has a location inside the file.
public struct Lexer {
    public static func tokens(of source: String) throws(Diagnostic) -> [Token] {
        var tokens: [Token] = []
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            let chars = Array(rawLine)
            let startsIndented = chars.first.map { $0 == " " || $0 == "\t" } ?? false
            var i = 0
            var lineTokens: [Token] = []
            var sawSpace = false
            while i < chars.count {
                let c = chars[i]
                let location = SourceLocation(line: lineNumber, column: i + 1)
                func push(_ kind: Token.Kind) {
                    lineTokens.append(Token(kind: kind, location: location, spaceBefore: sawSpace))
                    sawSpace = false
                }
                if c == " " || c == "\t" || c == "\r" { sawSpace = true; i += 1; continue }
                if c == "#" { break }
                if c.isLetter || c == "_" {
                    var j = i
                    while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_" || chars[j] == "'") { j += 1 }
                    push(.identifier(String(chars[i..<j])))
                    i = j
                    continue
                }
                if c.isASCII && (c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber)) {
                    var j = i
                    while j < chars.count && chars[j].isASCII && (chars[j].isNumber || chars[j] == ".") { j += 1 }
                    if j < chars.count && (chars[j] == "e" || chars[j] == "E") {
                        var k = j + 1
                        if k < chars.count && (chars[k] == "-" || chars[k] == "+") { k += 1 }
                        if k < chars.count && chars[k].isASCII && chars[k].isNumber {
                            while k < chars.count && chars[k].isASCII && chars[k].isNumber { k += 1 }
                            j = k
                        }
                    }
                    push(.number(String(chars[i..<j])))
                    i = j
                    continue
                }
                if c == "\"" {
                    var j = i + 1
                    while j < chars.count && chars[j] != "\"" { j += 1 }
                    guard j < chars.count else {
                        throw Diagnostic("unterminated string: expected '\"' before the end of the line", at: location,
                                         hint: "close it with \" on the same line")
                    }
                    push(.string(String(chars[(i + 1)..<j])))
                    i = j + 1
                    continue
                }
                let two = i + 1 < chars.count ? String(chars[i...(i + 1)]) : ""
                if ["<=", ">=", "!=", "->", "=="].contains(two) {
                    push(.symbol(two == "==" ? "=" : two))
                    i += 2
                    continue
                }
                let aliases: [Character: String] = ["≤": "<=", "≥": ">=", "≠": "!=", "→": "->", "−": "-", "·": "*", "×": "*"]
                if let alias = aliases[c] { push(.symbol(alias)); i += 1; continue }
                // Any other character is a symbol of its own: titles and labels may use it,
                // and an expression that meets it reports it where it stands.
                push(.symbol(String(c)))
                i += 1
            }
            guard !lineTokens.isEmpty else { continue }
            if startsIndented, let last = tokens.last, last.kind == .newline {
                tokens.removeLast()   // a continuation line
            }
            tokens += lineTokens
            tokens.append(Token(kind: .newline, location: SourceLocation(line: lineNumber, column: chars.count + 1), spaceBefore: false))
        }
        tokens.append(Token(kind: .end, location: SourceLocation(line: lines.count, column: lines[lines.count - 1].count + 1),
                            spaceBefore: false))
        return tokens
    }
}
