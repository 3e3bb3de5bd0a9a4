import Foundation

/// Writes a sweep's JSON one entry at a time: the file ends up byte-identical to the in-memory
/// report's `json()` followed by a newline, but only one entry is held at a time (and a buffer
/// of at most about 1 MiB).
///
/// The document's framing (the fields before and after the entries, and the separator of two
/// entries) is cut from the encoder's own output for a report of two copies of the first
/// entry, so it cannot drift from `SweepReport.json()`. Entries are appended in run order.
public final class SweepJSONWriter {
    private let handle: FileHandle
    private let empty: SweepReport
    private let encoder = SweepReport.encoder
    private var framing: (header: [UInt8], separator: [UInt8], footer: [UInt8])?
    private var buffer: [UInt8] = []
    private var finished = false

    /// Creates (or truncates) the file at `path` for the sweep of `runs` runs from `baseSeed`
    /// whose runs of `shards` follow (`Shard.listed(in:)`).
    public init(path: String, label: String, baseSeed: UInt64, runs: Int, shards: [Shard]) throws {
        let url = URL(fileURLWithPath: path)
        try Data().write(to: url)
        handle = try FileHandle(forWritingTo: url)
        empty = SweepReport(label: label, baseSeed: baseSeed, runs: runs, shards: shards, entries: [])
    }

    deinit { try? handle.close() }

    /// Appends the next entry of the sweep.
    public func append(_ entry: SweepEntry) throws {
        precondition(!finished, "append after finish")
        let element = try self.element(entry)
        if let framing {
            buffer += framing.separator
        } else {
            let framing = try frame(by: entry, element)
            self.framing = framing
            buffer += framing.header
        }
        buffer += element
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes the end of the document and closes the file.
    public func finish() throws {
        precondition(!finished, "finish twice")
        finished = true
        if let framing {
            buffer += framing.footer
        } else {
            buffer += try empty.json()
        }
        buffer.append(UInt8(ascii: "\n"))
        try flush()
        try handle.close()
    }

    /// The entry as it appears inside the document: its own encoding, each nonempty line after
    /// the first indented by the two levels the entries array sits at.
    private func element(_ entry: SweepEntry) throws -> [UInt8] {
        let lines = Array(try encoder.encode(entry)).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        return Array(lines.enumerated().map { k, line in k == 0 || line.isEmpty ? Array(line) : Array("    ".utf8) + line }
            .joined(separator: [UInt8(ascii: "\n")]))
    }

    /// The header, separator and footer around `element` in the encoding of a report whose
    /// entries are two copies of `entry`.
    private func frame(by entry: SweepEntry, _ element: [UInt8]) throws -> (header: [UInt8], separator: [UInt8], footer: [UInt8]) {
        let twice = SweepReport(label: empty.label, baseSeed: empty.baseSeed, runs: empty.runs, shards: empty.shards,
                                entries: [entry, entry])
        let document = Array(try twice.json())
        let first = Self.firstIndex(of: element, in: document, from: 0)
        let second = Self.firstIndex(of: element, in: document, from: first + element.count)
        return (Array(document[..<first]), Array(document[(first + element.count) ..< second]),
                Array(document[(second + element.count)...]))
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int {
        guard let i = (start ... haystack.count - needle.count).first(where: { haystack[$0 ..< $0 + needle.count].elementsEqual(needle) })
        else { preconditionFailure("an entry's encoding is not a substring of the report's (JSONEncoder changed its layout)") }
        return i
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
