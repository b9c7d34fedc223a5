import Foundation

/// Hands out the indexes `0..<count` once each to whichever worker asks first, so that
/// workers of a `DispatchQueue.concurrentPerform` loop that keep state of their own (one
/// renderer each) share the items between them as they finish.
public final class WorkQueue: @unchecked Sendable {
    private let count: Int
    private var next = 0
    private let lock = NSLock()

    public init(count: Int) { self.count = count }

    /// The next index nobody has taken, or `nil` when all are taken (from any thread).
    public func take() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
