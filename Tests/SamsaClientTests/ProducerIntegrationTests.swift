import Foundation
import KafkaProtocol
import NIOCore
import SamsaTesting
import XCTest

@testable import SamsaClient

final class ProducerIntegrationTests: XCTestCase {
    func testDeliveryResultsCarryPartitionOffsetAndTimestamp() async throws {
        let broker = try self.startBroker()
        let admin = try KafkaAdmin(bootstrapServers: broker.bootstrap)
        try await admin.createTopic("events", partitions: 3)
        let producer = KafkaProducer(client: admin.client)
        var offsets: [Int32: [Int64]] = [:]
        for index in 0..<9 {
            let metadata = try await producer.send(
                ProducerRecord(topic: "events", key: "key-\(index % 3)", value: "value-\(index)", timestamp: 42))
            offsets[metadata.partition, default: []].append(metadata.offset)
            XCTAssertEqual(metadata.timestamp, 42)
            XCTAssertEqual(
                metadata.partition, Murmur2.partition(forKey: Array("key-\(index % 3)".utf8), partitionCount: 3))
        }
        for (_, list) in offsets { XCTAssertEqual(list, Array(0..<Int64(list.count))) }
        await producer.close()
        await admin.close()
    }

    func testIdempotentProducerNumbersBatchesPerPartition() async throws {
        let broker = try self.startBroker()
        let admin = try KafkaAdmin(bootstrapServers: broker.bootstrap)
        try await admin.createTopic("idem", partitions: 2)
        var configuration = ProducerConfiguration()
        configuration.linger = .zero
        let producer = KafkaProducer(client: admin.client, configuration: configuration)
        _ = try await producer.send(ProducerRecord(topic: "idem", partition: 0, value: "a"))
        _ = try await producer.send(ProducerRecord(topic: "idem", partition: 0, value: "b"))
        _ = try await producer.send(ProducerRecord(topic: "idem", partition: 1, value: "c"))
        let identity = await producer.producerIdentity
        XCTAssertGreaterThanOrEqual(identity.producerId, 0)
        let sequence0 = await producer.sequence(for: TopicPartition("idem", 0))
        let sequence1 = await producer.sequence(for: TopicPartition("idem", 1))
        XCTAssertEqual(sequence0, 2)
        XCTAssertEqual(sequence1, 1)
        await producer.close()
        await admin.close()
    }

    func testBatchedAsyncSendsAndFlush() async throws {
        let broker = try self.startBroker()
        let admin = try KafkaAdmin(bootstrapServers: broker.bootstrap)
        try await admin.createTopic("bulk", partitions: 2)
        for codec in CompressionCodec.allCases where RecordCompression.isAvailable(codec) {
            var configuration = ProducerConfiguration()
            configuration.compression = codec
            configuration.linger = .milliseconds(20)
            let producer = KafkaProducer(client: admin.client, configuration: configuration)
            let counter = DeliveryCounter()
            for index in 0..<2_000 {
                try await producer.send(ProducerRecord(topic: "bulk", value: "record \(index)")) { result in
                    counter.record(result)
                }
            }
            await producer.flush()
            XCTAssertEqual(counter.counts.ok, 2_000, "\(codec)")
            XCTAssertEqual(counter.counts.failed, 0, "\(codec)")
        }
        let ends = try await admin.listOffsets([TopicPartition("bulk", 0), TopicPartition("bulk", 1)], spec: .latest)
        XCTAssertEqual(
            ends.values.map(\.offset).reduce(0, +),
            Int64(
                2_000
                    * CompressionCodec.allCases.filter {
                        RecordCompression.isAvailable($0)
                    }.count))
        await admin.close()
    }

    func testAcksZeroDeliversWithUnknownOffsets() async throws {
        let broker = try self.startBroker()
        let admin = try KafkaAdmin(bootstrapServers: broker.bootstrap)
        try await admin.createTopic("fire", partitions: 1)
        var configuration = ProducerConfiguration()
        configuration.acks = .none
        let producer = KafkaProducer(client: admin.client, configuration: configuration)
        let metadata = try await producer.send(ProducerRecord(topic: "fire", value: "x"))
        XCTAssertEqual(metadata.offset, -1)
        await producer.close()
        await admin.close()
    }

    func testUnknownPartitionIsNamed() async throws {
        let broker = try self.startBroker()
        let admin = try KafkaAdmin(bootstrapServers: broker.bootstrap)
        try await admin.createTopic("small", partitions: 2)
        let producer = KafkaProducer(client: admin.client)
        do {
            _ = try await producer.send(ProducerRecord(topic: "small", partition: 7, value: "x"))
            XCTFail("expected an error")
        } catch let error as SamsaClientError {
            XCTAssertEqual(error.description, "partition 7 of small does not exist; small has 2 partitions (0-1)")
        }
        await admin.close()
    }
}

/// Counts delivery reports from callbacks on other threads.
final class DeliveryCounter: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var ok = 0
    private var failed = 0

    func record(_ result: Result<RecordMetadata, SamsaClientError>) {
        self.lock.lock()
        defer { self.lock.unlock() }
        switch result {
        case .success: self.ok += 1
        case .failure: self.failed += 1
        }
    }

    var counts: (ok: Int, failed: Int) {
        self.lock.lock()
        defer { self.lock.unlock() }
        return (self.ok, self.failed)
    }
}

final class ProducerAutoCreateTests: XCTestCase {
    func testFirstSendCreatesTheTopicWhenTheBrokerAllowsIt() async throws {
        let broker = try self.startBroker(overrides: ["auto.create.topics.enable": "true", "num.partitions": "2"])
        let producer = try KafkaProducer(bootstrapServers: broker.bootstrap)
        let metadata = try await producer.send(ProducerRecord(topic: "fresh", key: "k", value: "v"))
        XCTAssertEqual(metadata.offset, 0)
        XCTAssertEqual(metadata.partition, Murmur2.partition(forKey: Array("k".utf8), partitionCount: 2))
        await producer.close()
    }

    func testUnknownTopicIsNamedWhenAutoCreateIsOff() async throws {
        let broker = try self.startBroker(overrides: ["auto.create.topics.enable": "false"])
        var configuration = ProducerConfiguration()
        configuration.retryBackoff = .milliseconds(10)
        let producer = try KafkaProducer(bootstrapServers: broker.bootstrap, configuration: configuration)
        do {
            _ = try await producer.send(ProducerRecord(topic: "missing", value: "v"))
            XCTFail("expected unknownTopic")
        } catch let error as SamsaClientError {
            XCTAssertEqual(
                error.description, "topic missing does not exist; create it first or enable auto.create.topics.enable")
        }
        await producer.close()
    }
}
