import Foundation
import KafkaProtocol
import NIOCore
import XCTest

/// Each API of the standalone broker through a real socket, at the versions clients use.
final class StandaloneApiTests: XCTestCase {
    private func batch(_ values: [String], timestamp: Int64 = 1_000) -> ByteBuffer {
        var builder = RecordBatchBuilder()
        for (index, value) in values.enumerated() {
            builder.append(
                key: ByteBuffer(string: "k\(index)"), value: ByteBuffer(string: value),
                timestamp: timestamp + Int64(index))
        }
        return builder.build()
    }

    private func create(
        _ name: String, partitions: Int32 = 1, configs: [String: String] = [:], on connection: RawKafkaConnection
    ) throws {
        let response = try connection.request(
            CreateTopicsRequest(
                topics: [
                    .init(
                        name: name, numPartitions: partitions, replicationFactor: 1,
                        configs: configs.map { .init(name: $0.key, value: $0.value) })
                ],
                timeoutMs: 1000),
            version: 7)
        XCTAssertEqual(response.topics.first?.errorCode, 0, response.topics.first?.errorMessage ?? "")
    }

    @discardableResult
    private func produce(
        _ records: ByteBuffer, to topic: String, partition: Int32 = 0, acks: Int16 = 1,
        on connection: RawKafkaConnection
    ) throws -> Int64 {
        let response = try connection.request(
            ProduceRequest(
                acks: acks, timeoutMs: 1000,
                topicData: [.init(name: topic, partitionData: [.init(index: partition, records: records)])]),
            version: 9)
        let result = try XCTUnwrap(response.responses.first?.partitionResponses.first)
        XCTAssertEqual(result.errorCode, 0)
        return result.baseOffset
    }

    private func fetch(
        _ topic: String, offset: Int64, minBytes: Int32 = 1, maxWaitMs: Int32 = 0, on connection: RawKafkaConnection
    ) throws
        -> FetchResponse.PartitionData
    {
        let response = try connection.request(
            FetchRequest(
                maxWaitMs: maxWaitMs, minBytes: minBytes, maxBytes: 1 << 20,
                topics: [
                    .init(
                        topic: topic, partitions: [.init(partition: 0, fetchOffset: offset, partitionMaxBytes: 1 << 20)]
                    )
                ]),
            version: 11)
        return try XCTUnwrap(response.responses.first?.partitions.first)
    }

    private func values(_ records: ByteBuffer?) throws -> [String] {
        guard let records else { return [] }
        return try RecordBatches.decode(records).flatMap(\.records).map { String(buffer: $0.value ?? ByteBuffer()) }
    }

    func testProduceThenFetchReturnsRecordsAndHighWatermark() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        try self.create("orders", on: connection)
        XCTAssertEqual(try self.produce(self.batch(["a", "b"]), to: "orders", on: connection), 0)
        XCTAssertEqual(try self.produce(self.batch(["c"]), to: "orders", on: connection), 2)
        let data = try self.fetch("orders", offset: 0, on: connection)
        XCTAssertEqual(data.errorCode, 0)
        XCTAssertEqual(data.highWatermark, 3)
        XCTAssertEqual(data.logStartOffset, 0)
        XCTAssertEqual(try self.values(data.records), ["a", "b", "c"])
        XCTAssertEqual(
            try self.fetch("orders", offset: 9, on: connection).errorCode, ErrorCode.offsetOutOfRange.rawValue)
    }

    func testAcksZeroGetsNoResponseButIsStored() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        try self.create("fire", on: connection)
        var body = ByteBuffer()
        RequestHeader(requestApiKey: ApiKey.produce.rawValue, requestApiVersion: 7, correlationId: 99, clientId: "t")
            .write(to: &body, version: 1)
        ProduceRequest(
            acks: 0, timeoutMs: 1000,
            topicData: [.init(name: "fire", partitionData: [.init(index: 0, records: self.batch(["x"]))])]
        )
        .write(to: &body, version: 7)
        connection.sendFrame(body)
        // The next response on the connection is for the next request, not for the acks=0 produce.
        let data = try self.fetch("fire", offset: 0, on: connection)
        XCTAssertEqual(try self.values(data.records), ["x"])
    }

    func testFetchLongPollWaitsForAProduceAndTimesOutWithoutOne() async throws {
        let broker = try await self.startInProcessBroker()
        let setup = try RawKafkaConnection(port: broker.port)
        try self.create("waiting", on: setup)
        let timedOut = try self.fetch("waiting", offset: 0, minBytes: 1, maxWaitMs: 200, on: setup)
        XCTAssertEqual(timedOut.errorCode, 0)
        XCTAssertEqual(timedOut.records?.readableBytes ?? 0, 0, "nothing arrived before max_wait_ms")

        let port = broker.port
        let producer = Task.detached {
            try await Task.sleep(for: .milliseconds(300))
            let connection = try RawKafkaConnection(port: port)
            var builder = RecordBatchBuilder()
            builder.append(key: nil, value: ByteBuffer(string: "late"), timestamp: 1)
            _ = try connection.request(
                ProduceRequest(
                    acks: 1, timeoutMs: 1000,
                    topicData: [.init(name: "waiting", partitionData: [.init(index: 0, records: builder.build())])]),
                version: 9)
        }
        let consumer = try RawKafkaConnection(port: broker.port, timeoutSeconds: 20)
        let woken = try self.fetch("waiting", offset: 0, minBytes: 1, maxWaitMs: 15_000, on: consumer)
        try await producer.value
        XCTAssertEqual(
            try self.values(woken.records), ["late"], "the fetch returned with the produced record, not at its timeout")
    }

    func testListOffsetsEarliestLatestAndByTimestamp() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        try self.create("times", on: connection)
        try self.produce(self.batch(["a", "b"], timestamp: 100), to: "times", on: connection)
        try self.produce(self.batch(["c"], timestamp: 200), to: "times", on: connection)
        func lookup(_ timestamp: Int64) throws -> ListOffsetsResponse.ListOffsetsPartitionResponse {
            let response = try connection.request(
                ListOffsetsRequest(
                    replicaId: -1,
                    topics: [.init(name: "times", partitions: [.init(partitionIndex: 0, timestamp: timestamp)])]),
                version: 7)
            return try XCTUnwrap(response.topics.first?.partitions.first)
        }
        XCTAssertEqual(try lookup(-2).offset, 0)
        XCTAssertEqual(try lookup(-1).offset, 3)
        XCTAssertEqual(try lookup(150).offset, 2)
        XCTAssertEqual(try lookup(150).timestamp, 200)
        XCTAssertEqual(try lookup(999).offset, -1)
        XCTAssertEqual(try lookup(-3).offset, 2, "the record with the largest timestamp")
    }

    func testMetadataAutoCreatesAndListsTopics() async throws {
        let broker = try await self.startInProcessBroker(["num.partitions": "3"])
        let connection = try RawKafkaConnection(port: broker.port)
        let created = try connection.request(
            MetadataRequest(topics: [.init(name: "auto")], allowAutoTopicCreation: true), version: 9)
        XCTAssertEqual(created.topics.first?.errorCode, 0)
        XCTAssertEqual(created.topics.first?.partitions.count, 3)
        XCTAssertEqual(created.controllerId, 1)
        let notCreated = try connection.request(
            MetadataRequest(topics: [.init(name: "manual")], allowAutoTopicCreation: false), version: 9)
        XCTAssertEqual(notCreated.topics.first?.errorCode, ErrorCode.unknownTopicOrPartition.rawValue)
        let all = try connection.request(MetadataRequest(topics: nil), version: 12)
        XCTAssertEqual(all.topics.map(\.name), ["auto"])
        XCTAssertNotEqual(all.topics.first?.topicId, .zero)
    }

    func testCreateDuplicateDeleteAndCreatePartitions() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        try self.create("t", on: connection)
        let duplicate = try connection.request(
            CreateTopicsRequest(topics: [.init(name: "t", numPartitions: 1, replicationFactor: 1)], timeoutMs: 1000),
            version: 7)
        XCTAssertEqual(duplicate.topics.first?.errorCode, ErrorCode.topicAlreadyExists.rawValue)
        let tooManyReplicas = try connection.request(
            CreateTopicsRequest(topics: [.init(name: "r3", numPartitions: 1, replicationFactor: 3)], timeoutMs: 1000),
            version: 7)
        XCTAssertEqual(tooManyReplicas.topics.first?.errorCode, ErrorCode.invalidReplicationFactor.rawValue)

        let grown = try connection.request(
            CreatePartitionsRequest(topics: [.init(name: "t", count: 4)], timeoutMs: 1000), version: 3)
        XCTAssertEqual(grown.results.first?.errorCode, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(broker.logDir)/t-3"))
        let shrink = try connection.request(
            CreatePartitionsRequest(topics: [.init(name: "t", count: 2)], timeoutMs: 1000), version: 3)
        XCTAssertEqual(shrink.results.first?.errorCode, ErrorCode.invalidPartitions.rawValue)

        let deleted = try connection.request(DeleteTopicsRequest(topicNames: ["t"], timeoutMs: 1000), version: 4)
        XCTAssertEqual(deleted.responses.first?.errorCode, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(broker.logDir)/t-0"))
        let again = try connection.request(DeleteTopicsRequest(topicNames: ["t"], timeoutMs: 1000), version: 4)
        XCTAssertEqual(again.responses.first?.errorCode, ErrorCode.unknownTopicOrPartition.rawValue)
    }

    func testIncrementalAlterConfigsChangesRetentionAndDescribeShowsIt() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        try self.create("cfg", configs: ["segment.bytes": "1048576"], on: connection)
        let altered = try connection.request(
            IncrementalAlterConfigsRequest(resources: [
                .init(
                    resourceType: 2, resourceName: "cfg",
                    configs: [.init(name: "retention.ms", configOperation: 0, value: "60000")])
            ]),
            version: 1)
        XCTAssertEqual(altered.responses.first?.errorCode, 0)
        let bad = try connection.request(
            IncrementalAlterConfigsRequest(resources: [
                .init(
                    resourceType: 2, resourceName: "cfg",
                    configs: [.init(name: "retention.ms", configOperation: 0, value: "soon")])
            ]),
            version: 1)
        XCTAssertEqual(bad.responses.first?.errorCode, ErrorCode.invalidConfig.rawValue)
        let described = try connection.request(
            DescribeConfigsRequest(resources: [.init(resourceType: 2, resourceName: "cfg", configurationKeys: nil)]),
            version: 4)
        let entries = try XCTUnwrap(described.results.first?.configs)
        let retention = try XCTUnwrap(entries.first { $0.name == "retention.ms" })
        XCTAssertEqual(retention.value, "60000")
        XCTAssertEqual(retention.configSource, 1, "DYNAMIC_TOPIC_CONFIG")
        XCTAssertEqual(entries.first { $0.name == "segment.bytes" }?.value, "1048576")
        XCTAssertEqual(entries.first { $0.name == "cleanup.policy" }?.configSource, 5, "DEFAULT_CONFIG")
    }

    func testDescribeClusterAndApiVersionsAdvertiseWhatIsServed() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        let cluster = try connection.request(DescribeClusterRequest(), version: 1)
        XCTAssertEqual(cluster.controllerId, 1)
        XCTAssertEqual(cluster.brokers.map(\.port), [Int32(broker.port)])
        XCTAssertEqual(cluster.clusterId.count, 22)
        let versions = try connection.request(
            ApiVersionsRequest(clientSoftwareName: "t", clientSoftwareVersion: "1"), version: 3)
        let produce = try XCTUnwrap(versions.apiKeys.first { $0.apiKey == ApiKey.produce.rawValue })
        XCTAssertEqual(produce.minVersion, 3)
    }

    func testTopicsAndDataSurviveARestart() async throws {
        let root = NSTemporaryDirectory() + "samsa-restart-\(UUID().uuidString)"
        // Registered first, so it runs after the brokers' own teardown (blocks run last-in, first-out).
        self.addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
        let first = try await self.startInProcessBroker(["log.dirs": root])
        do {
            let connection = try RawKafkaConnection(port: first.port)
            try self.create("keep", partitions: 2, on: connection)
            try self.produce(self.batch(["one", "two"]), to: "keep", on: connection)
        }
        first.task.cancel()
        _ = await first.task.result
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(root)/.kafka_cleanshutdown"))
        let second = try await self.startInProcessBroker(["log.dirs": root])
        let connection = try RawKafkaConnection(port: second.port)
        let metadata = try connection.request(MetadataRequest(topics: nil), version: 9)
        XCTAssertEqual(metadata.topics.first?.partitions.count, 2)
        XCTAssertEqual(try self.values(self.fetch("keep", offset: 0, on: connection).records), ["one", "two"])
        XCTAssertEqual(try self.produce(self.batch(["three"]), to: "keep", on: connection), 2)
    }
}
