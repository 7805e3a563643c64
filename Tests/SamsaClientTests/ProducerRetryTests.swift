import KafkaProtocol
import XCTest

@testable import SamsaClient

/// Producer retries against `FakeGroupCoordinator`, which can refuse produces the way a broker that lost
/// leadership does.
final class ProducerRetryTests: XCTestCase {
    func testNotLeaderIsRetriedWithTheSameSequenceAfterAMetadataRefresh() async throws {
        let fake = FakeGroupCoordinator(partitionCount: 1)
        try await fake.start()
        self.addTeardownBlock { await fake.stop() }
        fake.withLock { fake.failingProduces = 2 }
        var configuration = ProducerConfiguration()
        configuration.retryBackoff = .milliseconds(10)
        let producer = try KafkaProducer(bootstrapServers: fake.bootstrap, configuration: configuration)
        let first = try await producer.send(ProducerRecord(topic: "t", value: "a"))
        let second = try await producer.send(ProducerRecord(topic: "t", value: "b"))
        XCTAssertEqual(first.offset, 0)
        XCTAssertEqual(second.offset, 1)
        let batches = fake.withLock { fake.producedBatches }
        XCTAssertEqual(batches.count, 4, "two refused attempts, then one batch per record")
        XCTAssertEqual(batches.map(\.baseSequence), [0, 0, 0, 1], "a retried batch keeps its sequence number")
        XCTAssertTrue(batches.allSatisfy { $0.producerId == 1000 && $0.producerEpoch == 0 })
        XCTAssertGreaterThan(fake.withLock { fake.metadataRequests }, 1, "NOT_LEADER_OR_FOLLOWER refreshes metadata")
        await producer.close()
    }

    func testNonRetriableAfterRetriesRunOutFailsTheRecord() async throws {
        let fake = FakeGroupCoordinator(partitionCount: 1)
        try await fake.start()
        self.addTeardownBlock { await fake.stop() }
        fake.withLock { fake.failingProduces = 100 }
        var configuration = ProducerConfiguration()
        configuration.retries = 2
        configuration.retryBackoff = .milliseconds(10)
        configuration.enableIdempotence = false
        let producer = try KafkaProducer(bootstrapServers: fake.bootstrap, configuration: configuration)
        do {
            _ = try await producer.send(ProducerRecord(topic: "t", value: "a"))
            XCTFail("expected a failure")
        } catch SamsaClientError.kafka(let code, let context) {
            XCTAssertEqual(code, .notLeaderOrFollower)
            XCTAssertEqual(context, "producing to partition 0 of t")
        }
        XCTAssertEqual(fake.withLock { fake.producedBatches.count }, 3)
        XCTAssertEqual(fake.withLock { fake.producedBatches.first?.producerId }, -1)
        await producer.close()
    }
}
