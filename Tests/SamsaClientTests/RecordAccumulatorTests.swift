import KafkaProtocol
import XCTest

@testable import SamsaClient

/// The accumulator without sockets: batching, linger, readiness and retry order.
final class RecordAccumulatorTests: XCTestCase {
    let partition = TopicPartition("t", 0)

    func testRecordsJoinTheOpenBatchUntilBatchSize() {
        var accumulator = RecordAccumulator(batchSize: 200, linger: .seconds(60))
        let record = ProducerRecord(topic: "t", value: String(repeating: "x", count: 60))
        let first = accumulator.append(record, to: self.partition, timestamp: 0, callback: nil)
        XCTAssertFalse(first.hasFullBatch)
        XCTAssertFalse(first.closedPreviousBatch)
        var closedAt: Int?
        for index in 1..<10 {
            let result = accumulator.append(record, to: self.partition, timestamp: 0, callback: nil)
            if result.closedPreviousBatch {
                XCTAssertTrue(result.hasFullBatch)
                closedAt = index
                break
            }
        }
        XCTAssertNotNil(closedAt)
        XCTAssertEqual(accumulator.queues[self.partition]?.count, 2)
        XCTAssertEqual(accumulator.queues[self.partition]?.map(\.number), [1, 2])
        XCTAssertEqual(accumulator.undelivered, (closedAt ?? 0) + 1)
    }

    func testABatchWaitsForLingerThenGoesToItsLeader() throws {
        var accumulator = RecordAccumulator(batchSize: 16_384, linger: .milliseconds(50))
        _ = accumulator.append(ProducerRecord(topic: "t", value: "a"), to: self.partition, timestamp: 0, callback: nil)
        let createdAt = try XCTUnwrap(accumulator.queues[self.partition]?.first?.createdAt)

        var early = Drain(now: createdAt)
        XCTAssertTrue(early.run(&accumulator).byLeader.isEmpty)
        XCTAssertEqual(early.nextDeadline, createdAt + .milliseconds(50))

        var late = Drain(now: createdAt + .milliseconds(50))
        let drained = late.run(&accumulator)
        XCTAssertEqual(drained.byLeader[1]?.map(\.partition), [self.partition])
        XCTAssertNotNil(drained.byLeader[1]?.first?.encoded)
        XCTAssertNil(accumulator.queues[self.partition])
    }

    func testAFlushSendsWithoutWaitingForLinger() {
        var accumulator = RecordAccumulator(batchSize: 16_384, linger: .seconds(60))
        _ = accumulator.append(ProducerRecord(topic: "t", value: "a"), to: self.partition, timestamp: 0, callback: nil)
        accumulator.beginFlush()
        var drain = Drain(now: .now)
        XCTAssertEqual(drain.run(&accumulator).byLeader[1]?.count, 1)
    }

    func testUnknownLeaderNeedsMetadataAndUnconnectedLeaderIsConnected() {
        var accumulator = RecordAccumulator(batchSize: 16_384, linger: .zero)
        _ = accumulator.append(ProducerRecord(topic: "t", value: "a"), to: self.partition, timestamp: 0, callback: nil)
        var unknown = Drain(now: .now, leaders: [:])
        XCTAssertTrue(unknown.run(&accumulator).byLeader.isEmpty)
        XCTAssertTrue(unknown.needsMetadata)

        var unconnected = Drain(now: .now, isConnected: false)
        let drained = unconnected.run(&accumulator)
        XCTAssertEqual(drained.leadersToConnect, [1])
        XCTAssertEqual(accumulator.queues[self.partition]?.count, 1)
    }

    func testARetryWaitsForTheBatchesAheadAndKeepsItsSequence() throws {
        var accumulator = RecordAccumulator(batchSize: 16_384, linger: .zero)
        var idempotence = IdempotenceState(isEnabled: true)
        idempotence.assign(producerId: 9, epoch: 0)
        _ = accumulator.append(ProducerRecord(topic: "t", value: "a"), to: self.partition, timestamp: 0, callback: nil)
        var first = Drain(now: .now)
        var sent = try XCTUnwrap(first.run(&accumulator, idempotence: &idempotence).byLeader[1]?.first)
        XCTAssertEqual(sent.baseSequence, 0)

        sent.attempts = 1
        accumulator.reenqueue(sent)
        var whileInFlight = Drain(now: .now, inFlight: [self.partition: 1])
        XCTAssertTrue(whileInFlight.run(&accumulator, idempotence: &idempotence).byLeader.isEmpty)

        var afterwards = Drain(now: .now)
        let retried = try XCTUnwrap(afterwards.run(&accumulator, idempotence: &idempotence).byLeader[1]?.first)
        XCTAssertEqual(retried.baseSequence, 0)
        XCTAssertEqual(retried.encoded, sent.encoded)
        XCTAssertEqual(idempotence.nextSequence(for: self.partition), 1)
    }

    func testARetryGoesBackAheadOfLaterBatches() throws {
        var accumulator = RecordAccumulator(batchSize: 16_384, linger: .seconds(60))
        _ = accumulator.append(ProducerRecord(topic: "t", value: "a"), to: self.partition, timestamp: 0, callback: nil)
        var retry = ProducerBatch(partition: self.partition, capacity: 64)
        retry.number = 0
        retry.attempts = 1
        let later = try XCTUnwrap(accumulator.queues[self.partition]?.first)
        XCTAssertFalse(accumulator.hasRetry(before: later))
        accumulator.reenqueue(retry)
        XCTAssertEqual(accumulator.queues[self.partition]?.map(\.number), [0, 1])
        XCTAssertTrue(accumulator.hasRetry(before: later))
    }

    func testAnsweredRecordsAreNoLongerUndelivered() {
        var accumulator = RecordAccumulator(batchSize: 16_384, linger: .zero)
        _ = accumulator.append(ProducerRecord(topic: "t", value: "a"), to: self.partition, timestamp: 0, callback: nil)
        XCTAssertEqual(accumulator.undelivered, 1)
        XCTAssertTrue(accumulator.recordsAnswered(1, maxQueuedRecords: 10).isEmpty)
        XCTAssertEqual(accumulator.undelivered, 0)
    }

    /// One drain pass with a single leader (broker 1) for "t"-0.
    struct Drain {
        var now: ContinuousClock.Instant
        var leaders: [TopicPartition: Int32] = [TopicPartition("t", 0): 1]
        var inFlight: [TopicPartition: Int] = [:]
        var isConnected = true
        var nextDeadline: ContinuousClock.Instant?
        var needsMetadata = false

        mutating func run(_ accumulator: inout RecordAccumulator) -> RecordAccumulator.DrainedBatches {
            var idempotence = IdempotenceState(isEnabled: false)
            return self.run(&accumulator, idempotence: &idempotence)
        }

        mutating func run(
            _ accumulator: inout RecordAccumulator, idempotence: inout IdempotenceState
        ) -> RecordAccumulator.DrainedBatches {
            let isConnected = self.isConnected
            return accumulator.drain(
                now: self.now, inFlight: self.inFlight, maxInFlight: 5, leaders: self.leaders,
                isConnected: { _ in isConnected }, idempotence: &idempotence, compression: .none,
                nextDeadline: &self.nextDeadline, needsMetadata: &self.needsMetadata)
        }
    }
}
