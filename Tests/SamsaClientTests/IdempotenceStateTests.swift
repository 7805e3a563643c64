import KafkaProtocol
import XCTest

@testable import SamsaClient

final class IdempotenceStateTests: XCTestCase {
    func testSequenceNumbersWrapLikeKafka() {
        XCTAssertEqual(IdempotenceState.increment(5, by: 3), 8)
        XCTAssertEqual(IdempotenceState.increment(Int32.max, by: 1), 0)
        XCTAssertEqual(IdempotenceState.increment(Int32.max - 1, by: 3), 1)
    }

    func testStampNumbersBatchesPerPartitionWithTheProducerId() {
        var state = IdempotenceState(isEnabled: true)
        XCTAssertTrue(state.needsProducerId)
        state.assign(producerId: 7, epoch: 2)
        XCTAssertFalse(state.needsProducerId)
        let p0 = TopicPartition("t", 0)
        var first = Self.batch(p0, records: 3)
        var second = Self.batch(p0, records: 2)
        var other = Self.batch(TopicPartition("t", 1), records: 1)
        state.stamp(&first)
        state.stamp(&second)
        state.stamp(&other)
        XCTAssertEqual([first.baseSequence, second.baseSequence, other.baseSequence], [0, 3, 0])
        XCTAssertEqual(first.producerId, 7)
        XCTAssertEqual(first.producerEpoch, 2)
        XCTAssertEqual(state.nextSequence(for: p0), 5)
    }

    func testResetDropsTheIdAndTheSequences() {
        var state = IdempotenceState(isEnabled: true)
        state.assign(producerId: 7, epoch: 0)
        var batch = Self.batch(TopicPartition("t", 0), records: 4)
        state.stamp(&batch)
        state.reset()
        XCTAssertTrue(state.needsProducerId)
        XCTAssertEqual(state.producerId, -1)
        XCTAssertEqual(state.nextSequence(for: TopicPartition("t", 0)), 0)
    }

    func testWithoutIdempotenceBatchesStayUnnumbered() {
        var state = IdempotenceState(isEnabled: false)
        XCTAssertFalse(state.needsProducerId)
        var batch = Self.batch(TopicPartition("t", 0), records: 2)
        state.stamp(&batch)
        XCTAssertEqual(batch.baseSequence, -1)
        XCTAssertEqual(batch.producerId, -1)
    }

    func testOutOfOrderIsRetriedOnlyBehindARetry() {
        let outOfOrder = SamsaClientError.kafka(.outOfOrderSequenceNumber, context: "test")
        XCTAssertTrue(IdempotenceState.isOutOfOrderBehindARetry(outOfOrder, hasEarlierRetry: true))
        XCTAssertFalse(IdempotenceState.isOutOfOrderBehindARetry(outOfOrder, hasEarlierRetry: false))
        let unknownProducer = SamsaClientError.kafka(.unknownProducerId, context: "test")
        XCTAssertFalse(IdempotenceState.isOutOfOrderBehindARetry(unknownProducer, hasEarlierRetry: true))
        XCTAssertFalse(unknownProducer.isRetriable)
        XCTAssertTrue(IdempotenceState.isAlreadyWritten(.duplicateSequenceNumber))
    }

    static func batch(_ partition: TopicPartition, records: Int) -> ProducerBatch {
        var batch = ProducerBatch(partition: partition, capacity: 1024)
        for index in 0..<records {
            batch.append(ProducerRecord(topic: partition.topic, value: "v\(index)"), timestamp: 0, callback: nil)
        }
        return batch
    }
}
