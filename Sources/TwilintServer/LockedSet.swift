import Foundation

/// The ids of cancelled requests, shared by the reading thread and the queue.
final class LockedSet: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: Set<JSON> = []

    func insert(_ id: JSON) {
        lock.lock(); defer { lock.unlock() }
        ids.insert(id)
    }

    /// Whether `id` was cancelled (it is forgotten: an id is answered once).
    func remove(_ id: JSON) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return ids.remove(id) != nil
    }
}
