/// A JSON document as a value: what a certificate becomes when it is written (and how it
/// travels from a worker process to the supervisor unchanged).
public indirect enum JSONValue: Codable, Sendable, Hashable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case array([JSONValue])
    /// Keys in the order given (written sorted by the encoder when asked).
    case object([String: JSONValue])
    case null

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Strings and arrays first: certificates are mostly made of them.
        if container.decodeNil() { self = .null }
        else if let s = try? container.decode(String.self) { self = .string(s) }
        else if let a = try? container.decode([JSONValue].self) { self = .array(a) }
        else if let o = try? container.decode([String: JSONValue].self) { self = .object(o) }
        else if let b = try? container.decode(Bool.self) { self = .bool(b) }
        else { self = .integer(try container.decode(Int.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let s): try container.encode(s)
        case .integer(let n): try container.encode(n)
        case .bool(let b): try container.encode(b)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        case .null: try container.encodeNil()
        }
    }
}
