import KafkaProtocol
import LogStorage
import Logging
import NIOCore
import XCTest

/// Idempotent producer state in the leader append path, on a real partition log in a temp dir.
final class ProducerStateManagerTests: XCTestCase {
    private func batch(producerId: Int64 = 7, epoch: Int16 = 0, sequence: Int32, count: Int = 2) -> ByteBuffer {
        var builder = RecordBatchBuilder(producerId: producerId, producerEpoch: epoch, baseSequence: sequence)
        for index in 0..<count {
            builder.append(key: nil, value: ByteBuffer(string: "v\(sequence + Int32(index))"), timestamp: 1_000)
        }
        return builder.build()
    }

    private func makeLog(_ directory: String) throws -> PartitionLog {
        try PartitionLog(
            topicPartition: TopicPartition("t", 0), directory: directory, config: LogConfig(), now: 0,
            logger: Logger(label: "test"))
    }

    private func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "samsa-producer-state-\(UUID().uuidString)"
        self.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path + "/t-0"
    }

    func testRetriedBatchIsAnsweredWithItsFirstOffsetAndNotWrittenTwice() throws {
        let log = try self.makeLog(self.temporaryDirectory())
        let first = try log.appendAsLeader(self.batch(sequence: 0), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        XCTAssertEqual(first.firstOffset, 0)
        _ = try log.appendAsLeader(self.batch(sequence: 2), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        let retry = try log.appendAsLeader(self.batch(sequence: 0), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        XCTAssertTrue(retry.isDuplicate)
        XCTAssertEqual(retry.firstOffset, 0)
        XCTAssertEqual(retry.lastOffset, 1)
        XCTAssertEqual(log.logEndOffset, 4)
    }

    func testGapIsOutOfOrderSequence() throws {
        let log = try self.makeLog(self.temporaryDirectory())
        _ = try log.appendAsLeader(self.batch(sequence: 0), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        XCTAssertThrowsError(
            try log.appendAsLeader(self.batch(sequence: 5), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        ) {
            guard case LogStorageError.outOfOrderSequence(7, expected: 2, received: 5) = $0 else {
                return XCTFail("got \($0)")
            }
        }
        XCTAssertEqual(log.logEndOffset, 2)
    }

    func testOlderEpochIsFencedAndNewerEpochStartsAtZero() throws {
        let log = try self.makeLog(self.temporaryDirectory())
        _ = try log.appendAsLeader(
            self.batch(epoch: 1, sequence: 0), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        XCTAssertThrowsError(
            try log.appendAsLeader(
                self.batch(epoch: 0, sequence: 2), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        ) {
            guard case LogStorageError.invalidProducerEpoch = $0 else { return XCTFail("got \($0)") }
        }
        XCTAssertThrowsError(
            try log.appendAsLeader(
                self.batch(epoch: 2, sequence: 3), leaderEpoch: 0, now: 0, advanceHighWatermark: true))
        XCTAssertNoThrow(
            try log.appendAsLeader(
                self.batch(epoch: 2, sequence: 0), leaderEpoch: 0, now: 0, advanceHighWatermark: true))
    }

    func testOnlyTheLastFiveBatchesAreRemembered() throws {
        let log = try self.makeLog(self.temporaryDirectory())
        for index in 0..<7 {
            _ = try log.appendAsLeader(
                self.batch(sequence: Int32(index * 2)), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        }
        let entry = try XCTUnwrap(log.producerState(for: 7))
        XCTAssertEqual(entry.batches.count, 5)
        XCTAssertEqual(entry.batches.first?.firstSequence, 4)
        XCTAssertEqual(entry.lastSequence, 13)
    }

    func testStateIsRebuiltFromTheLogOnReopen() throws {
        let directory = self.temporaryDirectory()
        do {
            let log = try self.makeLog(directory)
            _ = try log.appendAsLeader(self.batch(sequence: 0), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
            _ = try log.appendAsLeader(self.batch(sequence: 2), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
            try log.flush(now: 0)
            log.close()
        }
        let reopened = try self.makeLog(directory)
        let retry = try reopened.appendAsLeader(
            self.batch(sequence: 2), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        XCTAssertTrue(retry.isDuplicate)
        XCTAssertEqual(retry.firstOffset, 2)
        XCTAssertThrowsError(
            try reopened.appendAsLeader(self.batch(sequence: 9), leaderEpoch: 0, now: 0, advanceHighWatermark: true))
        XCTAssertEqual(
            try reopened.appendAsLeader(self.batch(sequence: 4), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
                .firstOffset, 4)
    }

    func testBatchesWithoutProducerIdAreUnchecked() throws {
        let log = try self.makeLog(self.temporaryDirectory())
        var builder = RecordBatchBuilder()
        builder.append(key: nil, value: ByteBuffer(string: "x"), timestamp: 0)
        _ = try log.appendAsLeader(builder.build(), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        _ = try log.appendAsLeader(builder.build(), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        XCTAssertEqual(log.logEndOffset, 2)
    }
}
