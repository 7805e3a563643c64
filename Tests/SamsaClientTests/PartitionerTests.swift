import XCTest

@testable import SamsaClient

final class PartitionerTests: XCTestCase {
    func testKeyedRecordsAlwaysGoToTheMurmur2Partition() {
        var partitioner = Partitioner()
        for key in ["a", "orders-17", "user-42", ""] {
            let expected = Murmur2.partition(forKey: Array(key.utf8), partitionCount: 6)
            for _ in 0..<3 {
                XCTAssertEqual(partitioner.partition(topic: "t", key: Array(key.utf8), partitionCount: 6), expected)
            }
        }
    }

    func testKeylessRecordsStickUntilTheBatchCloses() {
        var partitioner = Partitioner()
        let first = partitioner.partition(topic: "t", key: nil, partitionCount: 4)
        for _ in 0..<10 { XCTAssertEqual(partitioner.partition(topic: "t", key: nil, partitionCount: 4), first) }
        let next = partitioner.batchCompleted(topic: "t", partition: first, partitionCount: 4)
        XCTAssertNotEqual(next, first)
        XCTAssertEqual(partitioner.partition(topic: "t", key: nil, partitionCount: 4), next)
    }

    func testStickyPartitionPrefersPartitionsWithALeader() {
        var partitioner = Partitioner()
        for _ in 0..<20 {
            let choice = partitioner.partition(topic: "t", key: nil, partitionCount: 4, available: [2])
            XCTAssertEqual(choice, 2)
            partitioner.batchCompleted(topic: "t", partition: choice, partitionCount: 4, available: [2])
        }
    }
}
