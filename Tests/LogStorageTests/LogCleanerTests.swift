import Foundation
import KafkaProtocol
import Logging
import NIOCore
import XCTest

@testable import LogStorage

/// Log compaction as Kafka's `LogCleaner`/`Cleaner` (with `LogCleanerManager` choosing what is
/// cleanable and the `OffsetMap` of last offsets per key) does it, on one partition's log.
final class LogCleanerTests: XCTestCase {
    private var directory = ""
    private let logger = Logger(label: "test")
    /// A wall-clock-like "now" (ms): segment files are stamped with it when first cleaned.
    private let now: Int64 = 1_700_000_000_000

    override func setUpWithError() throws {
        self.directory = NSTemporaryDirectory() + "samsa-cleaner-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: self.directory)
    }

    private var partitionDirectory: String { "\(self.directory)/orders-0" }

    /// Compacted, one batch per segment (every append rolls), dirty ratio and lags as given.
    private func compactedConfig(_ overrides: [String: String] = [:]) throws -> LogConfig {
        var config = try LogConfig().applying(overrides.merging(["cleanup.policy": "compact"]) { old, _ in old })
        config.segmentBytes = 1
        return config
    }

    private func openLog(config: LogConfig) throws -> PartitionLog {
        try PartitionLog(
            topicPartition: TopicPartition("orders", 0), directory: self.partitionDirectory, config: config,
            now: self.now, logger: self.logger)
    }

    /// Appends one batch of `key=value` pairs ("k=" with no value is a tombstone).
    @discardableResult
    private func append(_ pairs: [String], to log: PartitionLog, timestamp: Int64? = nil) throws -> Int64 {
        var builder = RecordBatchBuilder()
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 && !parts[1].isEmpty ? ByteBuffer(string: String(parts[1])) : nil
            builder.append(
                key: ByteBuffer(string: String(parts[0])), value: value, timestamp: timestamp ?? self.now - 60_000)
        }
        return try log.appendAsLeader(builder.build(), leaderEpoch: 0, now: self.now, advanceHighWatermark: true)
            .firstOffset
    }

    /// Every record from offset 0 to the end as "offset:key=value" ("key=" for a tombstone).
    private func contents(of log: PartitionLog) throws -> [String] {
        var offset: Int64 = 0
        var lines: [String] = []
        for _ in 0..<1_000 {
            guard offset < log.logEndOffset else { break }
            let read = try log.read(from: offset, maxBytes: 1 << 20)
            let batches = try RecordBatches.decode(read.records)
            guard let last = batches.last else { break }
            for record in batches.flatMap(\.records) {
                let key = record.key.map { String(buffer: $0) } ?? "?"
                lines.append("\(record.offset):\(key)=\(record.value.map { String(buffer: $0) } ?? "")")
            }
            offset = last.header.nextOffset
        }
        return lines
    }

    func testLastValuePerKeyWinsWithOriginalOffsetsAndActiveSegmentUntouched() throws {
        let log = try self.openLog(config: self.compactedConfig())
        try self.append(["k1=a", "k2=b", "k1=c"], to: log)  // 0, 1, 2 in one batch: k1=a goes
        try self.append(["k3=d"], to: log)  // 3
        try self.append(["k2=e"], to: log)  // 4: k2=b goes
        try self.append(["k3=f", "k3=g"], to: log)  // 5, 6: the active segment, never cleaned
        let result = try XCTUnwrap(log.clean(firstDirtyOffset: 0, now: self.now))
        XCTAssertEqual(result.firstDirtyOffset, 0)
        XCTAssertEqual(result.firstUncleanableOffset, 5)
        XCTAssertEqual(result.recordsRead, 5)
        XCTAssertEqual(result.recordsRemoved, 2)
        XCTAssertEqual(try self.contents(of: log), ["2:k1=c", "3:k3=d", "4:k2=e", "5:k3=f", "6:k3=g"])
        XCTAssertEqual(log.logEndOffset, 7)
        XCTAssertEqual(result.before.map(\.records), [3, 1, 1, 2])
        XCTAssertEqual(result.after.map(\.records), [1, 1, 1, 2])
        // Nothing dirty is left: a second pass does nothing until new segments roll.
        XCTAssertNil(try log.clean(firstDirtyOffset: result.firstUncleanableOffset, now: self.now))
    }

    func testCleanedSectionIsCleanedAgainWithNewerValuesAndGroupedIntoOneSegment() throws {
        let log = try self.openLog(config: self.compactedConfig())
        try self.append(["k1=a"], to: log)  // 0
        try self.append(["k2=b"], to: log)  // 1
        try self.append(["k3=c"], to: log)  // 2
        let first = try XCTUnwrap(log.clean(firstDirtyOffset: 0, now: self.now))
        XCTAssertEqual(first.recordsRemoved, 0)
        try self.append(["k1=x"], to: log)  // 3
        try self.append(["k2=y"], to: log)  // 4
        try self.append(["k9=active"], to: log)  // 5
        var config = log.config
        config.segmentBytes = 1 << 20  // now every cleaned segment fits in one (Kafka's groupSegmentsBySize)
        log.updateConfig(config)
        let second = try XCTUnwrap(
            log.clean(firstDirtyOffset: first.firstUncleanableOffset, now: self.now, force: true))
        XCTAssertEqual(second.firstDirtyOffset, 2)
        XCTAssertEqual(second.firstUncleanableOffset, 5)
        XCTAssertEqual(try self.contents(of: log), ["2:k3=c", "3:k1=x", "4:k2=y", "5:k9=active"])
        XCTAssertEqual(log.segmentBaseOffsets, [0, 5])
        let files = try FileManager.default.contentsOfDirectory(atPath: self.partitionDirectory)
        XCTAssertFalse(files.contains { $0.hasSuffix(".cleaned") || $0.hasSuffix(".swap") }, "\(files)")
        XCTAssertFalse(files.contains("00000000000000000003.log"))
        // The indexes of the new segment were rebuilt: a reopened log reads the same.
        log.close()
        XCTAssertEqual(
            try self.contents(of: self.openLog(config: config)), ["2:k3=c", "3:k1=x", "4:k2=y", "5:k9=active"])
    }

    func testTombstoneIsKeptForDeleteRetentionAfterItsSegmentWasCleanedThenRemoved() throws {
        let log = try self.openLog(config: self.compactedConfig(["delete.retention.ms": "1000"]))
        try self.append(["k1=a"], to: log)  // 0
        try self.append(["k1="], to: log)  // 1: tombstone for k1
        try self.append(["k2=b"], to: log)  // 2: active
        let first = try XCTUnwrap(log.clean(firstDirtyOffset: 0, now: self.now))
        XCTAssertEqual(try self.contents(of: log), ["1:k1=", "2:k2=b"], "the tombstone survives its first cleaning")
        XCTAssertEqual(first.after.map(\.tombstones), [0, 1, 0])
        try self.append(["k3=c"], to: log)  // 3: 2 becomes dirty
        let early = try XCTUnwrap(
            log.clean(firstDirtyOffset: first.firstUncleanableOffset, now: self.now + 500, force: true))
        XCTAssertEqual(early.tombstonesRemoved, 0)
        XCTAssertEqual(try self.contents(of: log), ["1:k1=", "2:k2=b", "3:k3=c"])
        try self.append(["k4=d"], to: log)  // 4: 3 becomes dirty
        let late = try XCTUnwrap(
            log.clean(firstDirtyOffset: early.firstUncleanableOffset, now: self.now + 1_001, force: true))
        XCTAssertEqual(late.tombstonesRemoved, 1)
        XCTAssertEqual(try self.contents(of: log), ["2:k2=b", "3:k3=c", "4:k4=d"])
    }

    func testRecordsYoungerThanMinCompactionLagStayDirty() throws {
        let log = try self.openLog(config: self.compactedConfig(["min.compaction.lag.ms": "10000"]))
        try self.append(["k1=a"], to: log, timestamp: self.now - 60_000)  // 0: old enough
        try self.append(["k1=b"], to: log, timestamp: self.now - 60_000)  // 1: old enough
        try self.append(["k1=c"], to: log, timestamp: self.now - 1_000)  // 2: too young
        try self.append(["k1=d"], to: log, timestamp: self.now - 60_000)  // 3: after a young one: waits too
        try self.append(["k9=active"], to: log)  // 4
        let range = log.cleanableRange(firstDirtyOffset: 0, now: self.now)
        XCTAssertEqual(range.firstUncleanableOffset, 2)
        let result = try XCTUnwrap(log.clean(firstDirtyOffset: 0, now: self.now))
        XCTAssertEqual(result.firstUncleanableOffset, 2)
        XCTAssertEqual(try self.contents(of: log), ["1:k1=b", "2:k1=c", "3:k1=d", "4:k9=active"])
        // Once the lag has passed the rest is cleaned.
        let later = try XCTUnwrap(log.clean(firstDirtyOffset: 2, now: self.now + 20_000))
        XCTAssertEqual(later.firstUncleanableOffset, 4)
        XCTAssertEqual(try self.contents(of: log), ["3:k1=d", "4:k9=active"])
    }

    func testDirtyRatioDecidesWhetherTheLogIsCleanable() throws {
        let log = try self.openLog(config: self.compactedConfig())
        for index in 0..<4 { try self.append(["k\(index)=first-value-\(index)"], to: log) }  // 0-3
        try self.append(["k0=x"], to: log)  // 4: dirty after the first pass
        let first = try XCTUnwrap(log.clean(firstDirtyOffset: 0, now: self.now))
        XCTAssertEqual(first.firstUncleanableOffset, 4)
        try self.append(["k9=active"], to: log)  // 5
        let range = log.cleanableRange(firstDirtyOffset: 4, now: self.now)
        XCTAssertEqual(range.cleanBytes, 4 * Int64(first.after[0].bytes))
        XCTAssertGreaterThan(range.dirtyBytes, 0)
        XCTAssertLessThan(range.dirtyRatio, 0.5)
        XCTAssertNil(try log.clean(firstDirtyOffset: 4, now: self.now), "below min.cleanable.dirty.ratio 0.5")
        log.updateConfig(try self.compactedConfig(["min.cleanable.dirty.ratio": "0.1"]))
        let second = try XCTUnwrap(log.clean(firstDirtyOffset: 4, now: self.now))
        XCTAssertEqual(second.recordsRemoved, 1)
        XCTAssertEqual(
            try self.contents(of: log),
            ["1:k1=first-value-1", "2:k2=first-value-2", "3:k3=first-value-3", "4:k0=x", "5:k9=active"])
    }

    func testDeletePolicyIsNeverCleaned() throws {
        var config = try self.compactedConfig()
        config.cleanupPolicy = "delete"
        let log = try self.openLog(config: config)
        try self.append(["k1=a"], to: log)
        try self.append(["k1=b"], to: log)
        try self.append(["k1=c"], to: log)
        XCTAssertNil(try log.clean(firstDirtyOffset: 0, now: self.now, force: true))
        XCTAssertEqual(try self.contents(of: log).count, 3)
    }

    /// Kafka's `LogLoader`: a crash after the cleaned file became `.swap` finishes the swap at
    /// start-up (the segments it covers are replaced); a `.cleaned` file is an unfinished write
    /// and is deleted, leaving the old segments as they were.
    func testStartupFinishesASwapAndDropsAnUnfinishedCleanedFile() throws {
        let config = try self.compactedConfig()
        var log = try self.openLog(config: config)
        try self.append(["k1=a"], to: log)  // 0
        try self.append(["k1=b"], to: log)  // 1
        try self.append(["k2=c"], to: log)  // 2
        try self.append(["k3=d"], to: log)  // 3
        log.close()
        let segment = { (base: Int64, suffix: String) in
            "\(self.partitionDirectory)/" + String(format: "%020lld", base) + suffix
        }
        // The crash: segment 1's batch (offset 1) was written as the cleaned replacement of
        // segments 0 and 1 and renamed to .swap; the old segments were not deleted yet.
        try FileManager.default.copyItem(atPath: segment(1, ".log"), toPath: segment(0, ".log.swap"))
        // And an unfinished cleaning of segment 2: garbage that must not replace anything.
        try Data("half a batch".utf8).write(to: URL(fileURLWithPath: segment(2, ".log.cleaned")))
        log = try self.openLog(config: config)
        XCTAssertEqual(try self.contents(of: log), ["1:k1=b", "2:k2=c", "3:k3=d"])
        XCTAssertEqual(log.segmentBaseOffsets, [0, 2, 3])
        let files = try FileManager.default.contentsOfDirectory(atPath: self.partitionDirectory)
        XCTAssertFalse(files.contains { $0.hasSuffix(".cleaned") || $0.hasSuffix(".swap") }, "\(files)")
        XCTAssertFalse(files.contains("00000000000000000001.log"))
    }

    func testLogManagerKeepsTheCleanerCheckpointPerLogDir() throws {
        let manager = try LogManager(logDirs: [self.directory], logger: self.logger)
        let config = try self.compactedConfig()
        let log = try manager.getOrCreateLog(for: TopicPartition("orders", 0), config: config, now: self.now)
        try self.append(["k1=a"], to: log)
        try self.append(["k1=b"], to: log)
        try self.append(["k2=c"], to: log)
        let results = manager.runCleaner(now: self.now)
        XCTAssertEqual(results[TopicPartition("orders", 0)]?.recordsRemoved, 1)
        XCTAssertEqual(manager.cleanerCheckpoint(for: TopicPartition("orders", 0)), 2)
        let text = try String(contentsOfFile: "\(self.directory)/cleaner-offset-checkpoint", encoding: .utf8)
        XCTAssertEqual(text, "0\n1\norders 0 2\n")
        try manager.shutdown(now: self.now)
        let reopened = try LogManager(logDirs: [self.directory], logger: self.logger)
        try reopened.loadLogs(now: self.now) { _ in config }
        XCTAssertEqual(reopened.cleanerCheckpoint(for: TopicPartition("orders", 0)), 2)
        XCTAssertTrue(reopened.runCleaner(now: self.now).isEmpty, "nothing new is dirty")
    }
}
