import Foundation

/// Items 0 ..< count produced by `threads` parallel workers and consumed one at a time, in
/// index order, through a reorder buffer of at most `window` items.
///
/// Items are handed out in index order, and a worker takes item i only while
/// i < (the next item to consume) + window, so at most `window` items are being produced or
/// waiting for an earlier one, whatever their run times: memory does not grow with `count`.
/// `consume` is called exactly once per item, in index order and never concurrently (on the
/// workers' threads), so a reduction done in it is the sequential one whatever the thread
/// count. When `consume` throws, no later item is handed out or consumed, and the error is
/// rethrown once the workers have stopped.
func produceInParallel<Value: Sendable, Failure: Error>(
    count: Int, threads: Int, window: Int, produce: @Sendable (_ index: Int) -> Value,
    consumeInOrder consume: (_ index: Int, Value) throws(Failure) -> Void
) throws(Failure) {
    precondition(count >= 0 && threads >= 1 && window >= 1, "count, threads and window")
    let failure = withoutActuallyEscaping(consume) { consume in
        let buffer = ReorderBuffer(count: count, window: window, consume: consume)
        DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
            while let i = buffer.take() { buffer.store(produce(i), at: i) }
        }
        return buffer.failure
    }
    if let failure { throw failure }
}

/// The shared state of `produceInParallel`: the next item to hand out, the next to consume,
/// and the finished items waiting for an earlier one.
private final class ReorderBuffer<Value, Failure: Error>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int, window: Int
    private let consume: (Int, Value) throws(Failure) -> Void
    private var handedOut = 0, consumed = 0
    private var waiting: [Int: Value] = [:]
    private(set) var failure: Failure?

    init(count: Int, window: Int, consume: @escaping (Int, Value) throws(Failure) -> Void) {
        self.count = count
        self.window = window
        self.consume = consume
    }

    /// The next item to produce, once the window lets it in; nil when none is left or
    /// consuming failed.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while failure == nil && handedOut < count && handedOut >= consumed + window { condition.wait() }
        guard failure == nil && handedOut < count else { return nil }
        handedOut += 1
        return handedOut - 1
    }

    /// Keeps item i's value, then consumes every item that is now next in order.
    func store(_ value: Value, at i: Int) {
        condition.lock()
        defer { condition.unlock() }
        waiting[i] = value
        while failure == nil, let next = waiting.removeValue(forKey: consumed) {
            do throws(Failure) {
                try consume(consumed, next)
                consumed += 1
            } catch {
                failure = error
            }
        }
        condition.broadcast()
    }
}
