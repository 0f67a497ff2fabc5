@testable import TwilintKit
import XCTest

final class PartitioningIndexTests: XCTestCase {
    func testAgreesWithALinearSearchOnSortedLists() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let values = (0..<Int.random(in: 0...20, using: &random)).map { _ in Int.random(in: 0...30, using: &random) }.sorted()
            let bound = Int.random(in: -2...32, using: &random)
            XCTAssertEqual(values.partitioningIndex { $0 >= bound }, values.firstIndex { $0 >= bound } ?? values.endIndex, "\(values) \(bound)")
            // A slice keeps its base's indices.
            let tail = values.dropFirst(3)
            XCTAssertEqual(tail.partitioningIndex { $0 > bound }, tail.firstIndex { $0 > bound } ?? tail.endIndex)
        }
    }
}
