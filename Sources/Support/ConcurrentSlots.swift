import Foundation

/// Results of a `DispatchQueue.concurrentPerform` loop: one slot per iteration, each
/// written once by its own iteration, read in order afterwards.
public final class ConcurrentSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    /// The filled slots, in iteration order.
    public var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
