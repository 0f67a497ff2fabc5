import Dispatch
import Foundation

/// Maps over an array on `jobs` threads, keeping the input order. Workers take the
/// next index from a shared counter, so one slow file never idles the others.
enum ParallelMap {
    static func map<T, R>(_ items: [T], jobs: Int, _ transform: (T) -> R) -> [R] {
        let workers = max(1, min(jobs, items.count))
        if workers == 1 { return items.map(transform) }
        var results = [R?](repeating: nil, count: items.count)
        let next = Counter()
        results.withUnsafeMutableBufferPointer { slots in
            // Each index is claimed by exactly one worker, so writes never overlap.
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = next.claim(below: items.count) {
                    slots[index] = transform(items[index])
                }
            }
        }
        return results.map { $0! }
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func claim(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
