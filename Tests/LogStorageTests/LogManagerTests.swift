import Foundation
import KafkaProtocol
import Logging
import NIOCore
import XCTest

@testable import LogStorage

final class LogManagerTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        self.directory = NSTemporaryDirectory() + "samsa-logs-\(UUID().uuidString)"
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: self.directory)
    }

    private func record(_ value: String) -> ByteBuffer {
        var builder = RecordBatchBuilder()
        builder.append(key: nil, value: ByteBuffer(string: value), timestamp: 1)
        return builder.build()
    }

    func testParsesPartitionDirectoryNames() {
        XCTAssertEqual(LogManager.parse(directoryName: "orders-3"), TopicPartition("orders", 3))
        XCTAssertEqual(LogManager.parse(directoryName: "my-topic-12"), TopicPartition("my-topic", 12))
        XCTAssertNil(LogManager.parse(directoryName: "orders"))
        XCTAssertEqual(LogManager.parse(directoryName: "orders--1"), TopicPartition("orders-", 1))
        XCTAssertNil(LogManager.parse(directoryName: "orders-x"))
        XCTAssertNil(LogManager.parse(directoryName: "bad/name-1"))
    }

    func testShutdownWritesCheckpointsAndCleanMarkerAndReloads() throws {
        let manager = try LogManager(logDirs: [self.directory], logger: Logger(label: "test"))
        let log = try manager.getOrCreateLog(for: TopicPartition("orders", 0), config: LogConfig(), now: 0)
        _ = try log.appendAsLeader(self.record("a"), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        _ = try log.appendAsLeader(self.record("b"), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        try manager.shutdown(now: 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(self.directory)/.kafka_cleanshutdown"))
        let checkpoint = try String(
            contentsOfFile: "\(self.directory)/recovery-point-offset-checkpoint", encoding: .utf8)
        XCTAssertEqual(checkpoint, "0\n1\norders 0 2\n")

        let again = try LogManager(logDirs: [self.directory], logger: Logger(label: "test"))
        let loaded = try again.loadLogs(now: 0) { _ in LogConfig() }
        XCTAssertEqual(loaded, [TopicPartition("orders", 0)])
        XCTAssertEqual(again.log(for: TopicPartition("orders", 0))?.logEndOffset, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(self.directory)/.kafka_cleanshutdown"))
    }

    func testDeleteLogRemovesDirectory() throws {
        let manager = try LogManager(logDirs: [self.directory], logger: Logger(label: "test"))
        let partition = TopicPartition("gone", 0)
        _ = try manager.getOrCreateLog(for: partition, config: LogConfig(), now: 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(self.directory)/gone-0"))
        manager.deleteLog(for: partition)
        XCTAssertNil(manager.log(for: partition))
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: self.directory).filter { $0.hasPrefix("gone") }, [])
    }

    func testRefusesPathLikeTopicNames() throws {
        let manager = try LogManager(logDirs: [self.directory], logger: Logger(label: "test"))
        for name in ["../x", "a/b", "..", ""] {
            XCTAssertThrowsError(try manager.getOrCreateLog(for: TopicPartition(name, 0), config: LogConfig(), now: 0))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: self.directory), [])
    }

    func testSpreadsPartitionsOverLogDirs() throws {
        let dirs = ["\(self.directory)/a", "\(self.directory)/b"]
        let manager = try LogManager(logDirs: dirs, logger: Logger(label: "test"))
        for partition in 0..<4 {
            _ = try manager.getOrCreateLog(for: TopicPartition("t", Int32(partition)), config: LogConfig(), now: 0)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dirs[0]).count, 2)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dirs[1]).count, 2)
    }
}
