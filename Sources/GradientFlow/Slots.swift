import Foundation

/// Results written from concurrent workers, each to its own slot.
public final class Slots<Value>: @unchecked Sendable {
    public private(set) var values: [Value?]
    private let lock = NSLock()

    public init(count: Int) { values = Array(repeating: nil, count: count) }

    public func store(_ value: Value, at index: Int) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}
