import Foundation
import KafkaProtocol
import Logging
import NIOCore
import XCTest

@testable import LogStorage

/// The ranges fetches send with sendfile (`PartitionLog.slice`, `FileRecords`): Kafka's slicing at
/// the size limit, one segment per fetch, and files that stay whole while a slice is unsent.
final class FileRecordsTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        self.directory = NSTemporaryDirectory() + "samsa-slices-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: self.directory)
    }

    private func openLog(_ config: LogConfig = LogConfig()) throws -> PartitionLog {
        try PartitionLog(
            topicPartition: TopicPartition("orders", 0), directory: "\(self.directory)/orders-0", config: config,
            now: 0, logger: Logger(label: "test"))
    }

    private func batch(_ values: [String]) -> ByteBuffer {
        var builder = RecordBatchBuilder()
        for value in values { builder.append(key: nil, value: ByteBuffer(string: value), timestamp: 1_000) }
        return builder.build()
    }

    private func values(_ records: ByteBuffer) throws -> [String] {
        try RecordBatches.decode(records).flatMap(\.records).map { $0.value.map { String(buffer: $0) } ?? "null" }
    }

    func testTheSizeLimitCutsTheLastBatchAsKafkaDoes() throws {
        let log = try self.openLog()
        for index in 0..<5 {
            _ = try log.appendAsLeader(self.batch(["v\(index)"]), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        }
        let size = try XCTUnwrap(try log.slice(from: 0, maxBytes: 1).records).length
        let slice = try XCTUnwrap(try log.slice(from: 0, maxBytes: 2 * size + 10).records)
        XCTAssertEqual(slice.length, 2 * size + 10, "two whole batches and 10 bytes of the third")
        let bytes = try slice.read()
        XCTAssertEqual(try self.values(bytes), ["v0", "v1"], "readers leave the cut batch out")
        XCTAssertEqual(RecordBatches.completeBatchesLength(in: bytes), 2 * size)
        // Not the first partition of a response (no KIP-74 allowance): a batch that does not fit sends nothing.
        XCTAssertNil(try log.slice(from: 0, maxBytes: size - 1, minOneBatch: false).records)
    }

    func testTheHighWatermarkBoundsTheSliceAtABatch() throws {
        let log = try self.openLog()
        for index in 0..<4 {
            _ = try log.appendAsLeader(self.batch(["v\(index)"]), leaderEpoch: 0, now: 0, advanceHighWatermark: false)
        }
        let slice = try XCTUnwrap(try log.slice(from: 1, maxBytes: 1 << 20, maxOffset: 3).records)
        XCTAssertEqual(try self.values(slice.read()), ["v1", "v2"])
        XCTAssertEqual(
            RecordBatches.completeBatchesLength(in: try slice.read()), slice.length, "no batch past it, not even cut")
    }

    func testEachSliceStaysInOneSegmentAndConsecutiveOnesReadThemAll() throws {
        var config = LogConfig()
        config.segmentBytes = 250
        let log = try self.openLog(config)
        let all = (0..<30).map { "value-\($0)" }
        for value in all {
            _ = try log.appendAsLeader(self.batch([value]), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        }
        XCTAssertGreaterThan(log.segmentCount, 5)
        var offset: Int64 = 0
        var read: [String] = []
        var files: Set<String> = []
        for _ in 0..<100 where offset < log.logEndOffset {
            let slice = try XCTUnwrap(try log.slice(from: offset, maxBytes: 1 << 20).records)
            let batches = try RecordBatches.decode(slice.read())
            let segment = try XCTUnwrap(log.segmentBaseOffsets.last { $0 <= offset })
            XCTAssertTrue(slice.path.hasSuffix(LogSegment.fileName(baseOffset: segment, suffix: ".log")), slice.path)
            files.insert(slice.path)
            read += batches.flatMap(\.records).map { $0.value.map { String(buffer: $0) } ?? "null" }
            offset = try XCTUnwrap(batches.last).header.nextOffset
        }
        XCTAssertEqual(read, all)
        XCTAssertEqual(files.count, log.segmentCount)
    }

    func testATruncationKeepsAnUnsentSliceWhole() throws {
        let log = try self.openLog()
        for index in 0..<5 {
            _ = try log.appendAsLeader(self.batch(["v\(index)"]), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        }
        let unsent = try XCTUnwrap(try log.slice(from: 0, maxBytes: 1 << 20).records)
        let before = try unsent.read()
        let (region, handle) = try unsent.makeFileRegion()
        defer { try? handle.close() }

        try log.truncate(to: 2)  // a leader that became a follower cuts its divergent tail
        XCTAssertEqual(try unsent.read(), before, "the slice still reads what the response announced")
        XCTAssertEqual(region.readableBytes, before.readableBytes)
        var info = stat()
        XCTAssertEqual(try handle.withUnsafeFileDescriptor { fstat($0, &info) }, 0)
        XCTAssertEqual(Int(info.st_size), before.readableBytes, "the region's file was moved aside, not cut")
        XCTAssertEqual(try self.values(log.read(from: 0, maxBytes: 1 << 20).records), ["v0", "v1"])

        _ = try log.appendAsLeader(self.batch(["new"]), leaderEpoch: 1, now: 0, advanceHighWatermark: true)
        XCTAssertEqual(try self.values(log.read(from: 0, maxBytes: 1 << 20).records), ["v0", "v1", "new"])
        XCTAssertEqual(try self.values(unsent.read()), ["v0", "v1", "v2", "v3", "v4"])
    }

    func testATruncationWithoutReadersCutsInPlace() throws {
        let log = try self.openLog()
        for index in 0..<3 {
            _ = try log.appendAsLeader(self.batch(["v\(index)"]), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        }
        let path = "\(self.directory)/orders-0/00000000000000000000.log"
        let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        try log.truncate(to: 1)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int, inode)
        XCTAssertEqual(try self.values(log.read(from: 0, maxBytes: 1 << 20).records), ["v0"])
    }

    func testADeletedSegmentStillReadsForASliceHoldingIt() throws {
        var config = LogConfig()
        config.segmentBytes = 150
        config.retentionBytes = 0
        config.retentionMs = -1
        let log = try self.openLog(config)
        for index in 0..<6 {
            _ = try log.appendAsLeader(self.batch(["v\(index)"]), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        }
        let slice = try XCTUnwrap(try log.slice(from: 0, maxBytes: 1 << 20).records)
        let before = try slice.read()
        XCTAssertFalse(try log.applyRetention(now: 0).isEmpty)
        XCTAssertFalse(FileManager.default.fileExists(atPath: slice.path))
        XCTAssertEqual(try slice.read(), before)
        let (_, handle) = try slice.makeFileRegion()
        XCTAssertNoThrow(try handle.close())
    }

    func testAFollowerLeavesOutABatchCutAtTheEnd() throws {
        let log = try self.openLog()
        var leader = self.batch(["a"])
        _ = RecordBatches.assignOffsets(
            in: &leader, headers: try RecordBatches.validate(leader), firstOffset: 0,
            partitionLeaderEpoch: 0, logAppendTime: nil)
        var second = self.batch(["b"])
        _ = RecordBatches.assignOffsets(
            in: &second, headers: try RecordBatches.validate(second), firstOffset: 1,
            partitionLeaderEpoch: 0, logAppendTime: nil)
        var fetched = leader
        fetched.writeBytes(second.getBytes(at: second.readerIndex, length: 20)!)
        XCTAssertEqual(try log.appendAsFollower(fetched, now: 0), 1)
        XCTAssertEqual(try log.appendAsFollower(second, now: 0), 2)
        XCTAssertEqual(try self.values(log.read(from: 0, maxBytes: 1 << 20).records), ["a", "b"])
    }
}
