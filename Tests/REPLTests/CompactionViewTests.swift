import Foundation
import KafkaProtocol
import NIOCore
import XCTest

@testable import REPL

/// The counts `topic compaction` shows, read from segment bytes and Kafka's checkpoint format.
final class CompactionViewTests: XCTestCase {
    func testCountsRecordsDistinctKeysAndTombstonesOfASegment() {
        var first = RecordBatchBuilder(baseOffset: 0)
        first.append(key: ByteBuffer(string: "k1"), value: ByteBuffer(string: "a"), timestamp: 1)
        first.append(key: ByteBuffer(string: "k2"), value: ByteBuffer(string: "b"), timestamp: 1)
        var second = RecordBatchBuilder(baseOffset: 2)
        second.append(key: ByteBuffer(string: "k1"), value: nil, timestamp: 2)
        var segment = first.build()
        segment.writeImmutableBuffer(second.build())
        let counts = Session.compactionCounts(of: segment)
        XCTAssertEqual(counts.records, 3)
        XCTAssertEqual(counts.keys, 2)
        XCTAssertEqual(counts.tombstones, 1)
    }

    func testReadsThePartitionLineOfTheCleanerCheckpoint() throws {
        let directory = NSTemporaryDirectory() + "samsa-compaction-view-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "0\n2\nprices 0 6\nprices 1 3\n".write(
            toFile: "\(directory)/cleaner-offset-checkpoint", atomically: true, encoding: .utf8)
        XCTAssertEqual(Session.cleanerCheckpoint(in: directory, topic: "prices", partition: 1), 3)
        XCTAssertEqual(Session.cleanerCheckpoint(in: directory, topic: "prices", partition: 0), 6)
        XCTAssertNil(Session.cleanerCheckpoint(in: directory, topic: "other", partition: 0))
    }
}
