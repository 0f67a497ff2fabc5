import Dispatch
import Foundation

/// Items one producer hands to worker threads while it is still finding more (the
/// folder walk feeding the scanners). `next()` waits for an item and returns nil
/// once the producer has finished and every item is taken. The producer may push
/// from several threads of its own (a history's two git log readers).
///
/// With a `capacity`, a pushing thread waits while that many items are waiting to
/// be taken, and taken items are let go: a producer faster than its workers (a git
/// log read faster than it is scanned) then holds a bounded amount in memory.
final class WorkQueue<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Item] = []
    private var taken = 0
    private var finished = false
    private let capacity: Int?
    private var producerWaiting = false

    init(capacity: Int? = nil) {
        self.capacity = capacity
    }

    /// Hands over several items with one wake-up: a worker woken per file would
    /// spend more on waking than on scanning a small file.
    func push(contentsOf batch: [Item]) {
        guard !batch.isEmpty else { return }
        condition.lock()
        if let capacity {
            while items.count - taken >= capacity {
                producerWaiting = true
                condition.wait()
            }
            producerWaiting = false
            items.removeFirst(taken)
            taken = 0
        }
        items += batch
        condition.broadcast()
        condition.unlock()
    }

    /// No more items will come.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func next() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while taken == items.count && !finished { condition.wait() }
        guard taken < items.count else { return nil }
        taken += 1
        if producerWaiting { condition.broadcast() }
        return items[taken - 1]
    }

    /// Runs `produce` on the calling thread while `jobs - 1` workers apply `transform`
    /// to what it pushes; when it is done producing, the calling thread joins them.
    /// So `jobs` threads run in all (the walk costs a share of one, and two cores are
    /// not asked to run three threads), and one job is one thread: produce, then
    /// transform, as with `rg -j1`. Returns every result, in no particular order.
    /// A `capacity` bounds the items waiting (see the type's notes); with one job
    /// the producer never waits, as nothing takes items until it is done.
    static func drain<Result>(jobs: Int, capacity: Int? = nil, produce: (WorkQueue<Item>) -> Void,
                              _ transform: @escaping @Sendable (Item) -> Result) -> [Result] {
        let queue = WorkQueue<Item>(capacity: jobs > 1 ? capacity : nil)
        let results = ResultSink<Result>()
        let workers = DispatchGroup()
        let work: @Sendable () -> Void = {
            var local: [Result] = []
            while let item = queue.next() { local.append(transform(item)) }
            results.add(local)
        }
        for _ in 1..<max(1, jobs) { DispatchQueue.global().async(group: workers, execute: work) }
        produce(queue)
        queue.finish()
        work()
        workers.wait()
        return results.all
    }
}

/// Collects results from several threads under a lock.
final class ResultSink<Result>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result] = []

    func add(_ more: [Result]) {
        lock.lock()
        results += more
        lock.unlock()
    }

    var all: [Result] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
