@testable import TwilintKit
import XCTest

final class WorkQueueTests: XCTestCase {
    func testEveryItemIsTakenOnceWhileTheProducerIsStillPushing() {
        for jobs in [1, 2, 5] {
            let results = WorkQueue<Int>.drain(jobs: jobs, produce: { queue in
                for item in 0..<2_000 {
                    queue.push(contentsOf: [item])
                    // Let workers run dry now and then, so they wait for more.
                    if item % 500 == 0 { Thread.sleep(forTimeInterval: 0.005) }
                }
            }, { $0 * 2 })
            XCTAssertEqual(results.sorted(), (0..<2_000).map { $0 * 2 }, "jobs \(jobs)")
        }
    }

    func testNothingPushedEndsAtOnce() {
        XCTAssertEqual(WorkQueue<Int>.drain(jobs: 3, produce: { _ in }, { $0 }), [])
    }
}
