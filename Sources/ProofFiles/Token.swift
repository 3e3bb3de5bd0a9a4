/// A lexical token of a proof file.
public struct Token: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case identifier(String)
        case number(String)
        case string(String)
        /// Operators and punctuation, normalised to ASCII (`≤` is `<=`, `≠` is `!=`, `→` is `->`).
        case symbol(String)
        case newline
        case end
    }

    public let kind: Kind
    public let location: SourceLocation
    /// True when whitespace separates this token from the previous one on the same line.
    public let spaceBefore: Bool

    public var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    public func isSymbol(_ s: String) -> Bool { kind == .symbol(s) }
    public func isWord(_ w: String) -> Bool { kind == .identifier(w) }

    /// How the token reads in an error message.
    public var display: String {
        switch kind {
        case .identifier(let s): "'\(s)'"
        case .number(let s): "'\(s)'"
        case .string(let s): "\"\(s)\""
        case .symbol(let s): "'\(s)'"
        case .newline: "end of line"
        case .end: "end of file"
        }
    }
}
