import Foundation
import KafkaProtocol
import Logging
import NIOCore
import XCTest

@testable import LogStorage

final class PartitionLogTests: XCTestCase {
    private var directory = ""
    private let logger = Logger(label: "test")

    override func setUpWithError() throws {
        self.directory = NSTemporaryDirectory() + "samsa-log-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: self.directory)
    }

    private var partitionDirectory: String { "\(self.directory)/orders-0" }

    private func openLog(config: LogConfig = LogConfig(), clean: Bool = true, recoveryPoint: Int64 = 0) throws
        -> PartitionLog
    {
        try PartitionLog(
            topicPartition: TopicPartition("orders", 0), directory: self.partitionDirectory, config: config,
            recoveryPoint: recoveryPoint, isCleanShutdown: clean, now: 0, logger: self.logger)
    }

    private func batch(_ values: [String], timestamp: Int64 = 1_000) -> ByteBuffer {
        var builder = RecordBatchBuilder()
        for (index, value) in values.enumerated() {
            builder.append(key: nil, value: ByteBuffer(string: value), timestamp: timestamp + Int64(index))
        }
        return builder.build()
    }

    private func values(in records: ByteBuffer) throws -> [String] {
        try RecordBatches.decode(records).flatMap(\.records).map { $0.value.map { String(buffer: $0) } ?? "null" }
    }

    func testAppendAssignsConsecutiveOffsetsAndReadsBack() throws {
        let log = try self.openLog()
        let first = try log.appendAsLeader(
            self.batch(["a", "b", "c"]), leaderEpoch: 0, now: 10, advanceHighWatermark: true)
        let second = try log.appendAsLeader(self.batch(["d"]), leaderEpoch: 0, now: 11, advanceHighWatermark: true)
        XCTAssertEqual(first.firstOffset, 0)
        XCTAssertEqual(first.lastOffset, 2)
        XCTAssertEqual(second.firstOffset, 3)
        XCTAssertEqual(log.logEndOffset, 4)
        XCTAssertEqual(log.highWatermark, 4)
        let read = try log.read(from: 0, maxBytes: 1 << 20)
        XCTAssertEqual(try self.values(in: read.records), ["a", "b", "c", "d"])
        let fromMiddle = try log.read(from: 3, maxBytes: 1 << 20)
        XCTAssertEqual(try self.values(in: fromMiddle.records), ["d"])
        XCTAssertEqual(try log.read(from: 4, maxBytes: 1 << 20).records.readableBytes, 0)
        XCTAssertThrowsError(try log.read(from: 5, maxBytes: 1 << 20))
    }

    func testStoredBatchHasOffsetsRewrittenAndValidCRC() throws {
        let log = try self.openLog()
        _ = try log.appendAsLeader(self.batch(["x"]), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        _ = try log.appendAsLeader(self.batch(["y", "z"]), leaderEpoch: 7, now: 0, advanceHighWatermark: true)
        let read = try log.read(from: 1, maxBytes: 1 << 20)
        let headers = try RecordBatches.validate(read.records)
        XCTAssertEqual(headers.map(\.baseOffset), [1])
        XCTAssertEqual(headers.map(\.partitionLeaderEpoch), [7])
    }

    func testLogAppendTimeRewritesTimestampAndCRC() throws {
        var config = LogConfig()
        config.timestampType = .logAppendTime
        let log = try self.openLog(config: config)
        let result = try log.appendAsLeader(
            self.batch(["x"], timestamp: 5), leaderEpoch: 0, now: 99_000, advanceHighWatermark: true)
        XCTAssertEqual(result.logAppendTime, 99_000)
        let headers = try RecordBatches.validate(try log.read(from: 0, maxBytes: 1 << 20).records)
        XCTAssertEqual(headers.first?.maxTimestamp, 99_000)
        XCTAssertEqual(headers.first?.attributes.timestampType, .logAppendTime)
    }

    func testRejectsCorruptBatchAndKeepsLogUnchanged() throws {
        let log = try self.openLog()
        var corrupt = self.batch(["a"])
        corrupt.setInteger(UInt8(0xFF), at: corrupt.writerIndex - 1)
        XCTAssertThrowsError(try log.appendAsLeader(corrupt, leaderEpoch: 0, now: 0, advanceHighWatermark: true)) {
            error in
            guard case LogStorageError.invalidBatch(.crcMismatch) = error else { return XCTFail("got \(error)") }
        }
        XCTAssertEqual(log.logEndOffset, 0)
    }

    func testRollsSegmentsBySizeAndNamesThemByBaseOffset() throws {
        var config = LogConfig()
        config.segmentBytes = 200
        let log = try self.openLog(config: config)
        for index in 0..<10 {
            _ = try log.appendAsLeader(
                self.batch(["value-\(index)", "more-\(index)"]), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        }
        XCTAssertGreaterThan(log.segmentCount, 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: self.partitionDirectory).sorted()
        XCTAssertTrue(files.contains("00000000000000000000.log"))
        XCTAssertTrue(files.contains("00000000000000000000.index"))
        XCTAssertTrue(files.contains("00000000000000000000.timeindex"))
        for base in log.segmentBaseOffsets {
            XCTAssertTrue(files.contains(String(format: "%020lld.log", base)), "missing segment \(base)")
        }
        // Every offset is readable across segments.
        for offset in Int64(0)..<20 {
            let read = try log.read(from: offset, maxBytes: 1 << 20)
            let headers = try RecordBatches.validate(read.records)
            XCTAssertLessThanOrEqual(headers[0].baseOffset, offset)
            XCTAssertGreaterThanOrEqual(headers[0].lastOffset, offset)
        }
    }

    func testMaxBytesCutsTheLastBatchAndReturnsAtLeastOne() throws {
        let log = try self.openLog()
        for index in 0..<5 {
            _ = try log.appendAsLeader(
                self.batch(["record-\(index)"]), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        }
        let one = try log.read(from: 0, maxBytes: 1)
        XCTAssertEqual(try RecordBatches.validate(one.records).count, 1, "KIP-74: at least one batch")
        let none = try log.read(from: 0, maxBytes: 1, minOneBatch: false)
        XCTAssertEqual(none.records.readableBytes, 0)
        let size = one.records.readableBytes
        // As Kafka's `FileRecords.slice`: two whole batches and the first byte of the third.
        let two = try log.read(from: 0, maxBytes: size * 2 + 1)
        XCTAssertEqual(two.records.readableBytes, size * 2 + 1)
        XCTAssertEqual(try RecordBatches.decode(two.records).count, 2)
    }

    func testReadStopsAtMaxOffset() throws {
        let log = try self.openLog()
        for index in 0..<3 {
            _ = try log.appendAsLeader(self.batch(["v\(index)"]), leaderEpoch: 0, now: 0, advanceHighWatermark: false)
        }
        let read = try log.read(from: 0, maxBytes: 1 << 20, maxOffset: 2)
        XCTAssertEqual(try self.values(in: read.records), ["v0", "v1"])
    }

    func testOffsetForTimestamp() throws {
        let log = try self.openLog()
        _ = try log.appendAsLeader(
            self.batch(["a", "b"], timestamp: 100), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        _ = try log.appendAsLeader(
            self.batch(["c"], timestamp: 200), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        _ = try log.appendAsLeader(
            self.batch(["d"], timestamp: 300), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        XCTAssertEqual(try log.offset(forTimestamp: 0)?.offset, 0)
        XCTAssertEqual(try log.offset(forTimestamp: 150)?.offset, 2)
        XCTAssertEqual(try log.offset(forTimestamp: 300)?.offset, 3)
        XCTAssertNil(try log.offset(forTimestamp: 301))
        XCTAssertEqual(log.maxTimestampAndOffset?.offset, 3)
    }

    func testCleanRestartKeepsEverything() throws {
        var config = LogConfig()
        config.segmentBytes = 300
        do {
            let log = try self.openLog(config: config)
            for index in 0..<8 {
                _ = try log.appendAsLeader(
                    self.batch(["r\(index)"]), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
            }
            try log.flush(now: 0)
            log.close()
        }
        let reopened = try self.openLog(config: config)
        XCTAssertEqual(reopened.logEndOffset, 8)
        XCTAssertEqual(try self.values(in: reopened.read(from: 0, maxBytes: 1 << 20).records).first, "r0")
        let appended = try reopened.appendAsLeader(
            self.batch(["r8"]), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        XCTAssertEqual(appended.firstOffset, 8)
    }

    func testRecoveryTruncatesTornTailAndKeepsCompleteBatches() throws {
        do {
            let log = try self.openLog()
            for index in 0..<4 {
                _ = try log.appendAsLeader(
                    self.batch(["r\(index)"]), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
            }
        }
        let path = "\(self.partitionDirectory)/00000000000000000000.log"
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        // A crash in the middle of the fifth write: half a batch at the end.
        let torn = self.batch(["lost"])
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seek(toFileOffset: UInt64(size))
        handle.write(Data(torn.getBytes(at: 0, length: torn.readableBytes / 2) ?? []))
        try handle.close()
        let recovered = try self.openLog(clean: false)
        XCTAssertEqual(recovered.logEndOffset, 4)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size)
        XCTAssertEqual(
            try self.values(in: recovered.read(from: 0, maxBytes: 1 << 20).records), ["r0", "r1", "r2", "r3"])
    }

    func testRecoveryCutsAtFirstCorruptBatch() throws {
        do {
            let log = try self.openLog()
            for index in 0..<3 {
                _ = try log.appendAsLeader(
                    self.batch(["r\(index)"]), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
            }
        }
        let path = "\(self.partitionDirectory)/00000000000000000000.log"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count - 2] ^= 0xFF  // flip a byte of the last batch's record
        try bytes.write(to: URL(fileURLWithPath: path))
        let recovered = try self.openLog(clean: false)
        XCTAssertEqual(recovered.logEndOffset, 2)
    }

    func testCorruptIndexIsRebuilt() throws {
        var config = LogConfig()
        config.indexIntervalBytes = 1
        do {
            let log = try self.openLog(config: config)
            for index in 0..<5 {
                _ = try log.appendAsLeader(
                    self.batch(["r\(index)"]), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
            }
        }
        let indexPath = "\(self.partitionDirectory)/00000000000000000000.index"
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: indexPath))
        let reopened = try self.openLog(config: config)
        XCTAssertEqual(reopened.logEndOffset, 5)
        XCTAssertEqual(try self.values(in: reopened.read(from: 3, maxBytes: 1 << 20).records), ["r3", "r4"])
        let rebuiltSize = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: indexPath)[.size] as? Int)
        XCTAssertEqual(rebuiltSize, 5 * 8)
    }

    func testRetentionByBytesDeletesOldestSegmentsButKeepsEndOffset() throws {
        var config = LogConfig()
        config.segmentBytes = 150
        config.retentionBytes = 300
        config.retentionMs = -1
        let log = try self.openLog(config: config)
        for index in 0..<12 {
            _ = try log.appendAsLeader(
                self.batch(["value-\(index)"]), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        }
        let before = log.segmentCount
        let deleted = try log.applyRetention(now: 0)
        XCTAssertFalse(deleted.isEmpty)
        XCTAssertEqual(log.segmentCount, before - deleted.count)
        XCTAssertLessThanOrEqual(log.sizeInBytes, 300 + 150)
        XCTAssertEqual(log.logEndOffset, 12)
        XCTAssertGreaterThan(log.logStartOffset, 0)
        XCTAssertThrowsError(try log.read(from: 0, maxBytes: 100))
        XCTAssertNoThrow(try log.read(from: log.logStartOffset, maxBytes: 100))
    }

    func testRetentionByTimeCanEmptyTheLogWithoutLosingTheEndOffset() throws {
        var config = LogConfig()
        config.retentionMs = 1_000
        let log = try self.openLog(config: config)
        _ = try log.appendAsLeader(
            self.batch(["old"], timestamp: 1_000), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        XCTAssertEqual(try log.applyRetention(now: 1_500), [])
        XCTAssertEqual(try log.applyRetention(now: 10_000), [0])
        XCTAssertEqual(log.logStartOffset, 1)
        XCTAssertEqual(log.logEndOffset, 1)
        XCTAssertEqual(log.segmentBaseOffsets, [1])
        let next = try log.appendAsLeader(
            self.batch(["new"], timestamp: 10_000), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        XCTAssertEqual(next.firstOffset, 1)
    }

    func testTruncateRemovesTail() throws {
        var config = LogConfig()
        config.segmentBytes = 150
        let log = try self.openLog(config: config)
        for index in 0..<6 {
            _ = try log.appendAsLeader(self.batch(["v\(index)"]), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        }
        try log.truncate(to: 2)
        XCTAssertEqual(log.logEndOffset, 2)
        let next = try log.appendAsLeader(self.batch(["again"]), leaderEpoch: 1, now: 0, advanceHighWatermark: true)
        XCTAssertEqual(next.firstOffset, 2)
        XCTAssertEqual(try self.values(in: log.read(from: 0, maxBytes: 1 << 20).records).prefix(1), ["v0"])
    }
}
