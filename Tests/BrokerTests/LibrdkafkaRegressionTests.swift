import Foundation
import KafkaProtocol
import NIOCore
import XCTest

/// Broker behaviours librdkafka's regression tests (v2.6.1, `tests/00NN-*.c`) found different from Kafka's,
/// each pinned here on the standalone broker with the Kafka class whose behaviour it follows.
final class LibrdkafkaRegressionTests: XCTestCase {
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

    private func batch(_ keys: [String?], timestamps: [Int64]? = nil) -> ByteBuffer {
        var builder = RecordBatchBuilder()
        for (index, key) in keys.enumerated() {
            builder.append(
                key: key.map { ByteBuffer(string: $0) }, value: ByteBuffer(string: "v\(index)"),
                timestamp: timestamps?[index] ?? 1_000)
        }
        return builder.build()
    }

    // MARK: 0034: Fetch errors carry empty records, not null (FetchResponse.partitionResponse)

    func testFetchV12ErrorsCarryEmptyNonNullRecords() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        try self.create("offsets", on: connection)
        let response = try connection.request(
            FetchRequest(
                maxWaitMs: 0, minBytes: 1, maxBytes: 1 << 20,
                topics: [
                    .init(
                        topic: "offsets",
                        partitions: [
                            .init(partition: 0, fetchOffset: 42, partitionMaxBytes: 1 << 20),
                            .init(partition: 7, fetchOffset: 0, partitionMaxBytes: 1 << 20),
                        ])
                ]),
            version: 12)
        let partitions = try XCTUnwrap(response.responses.first?.partitions)
        XCTAssertEqual(
            partitions.map(\.errorCode),
            [ErrorCode.offsetOutOfRange.rawValue, ErrorCode.unknownTopicOrPartition.rawValue])
        for partition in partitions {
            let records = try XCTUnwrap(
                partition.records, "partition \(partition.partitionIndex): null records; Kafka sends empty ones")
            XCTAssertEqual(records.readableBytes, 0)
        }
    }

    // MARK: 0030 / 0081: OffsetCommit for a partition that does not exist (KafkaApis.handleOffsetCommitRequest)

    func testOffsetCommitToAMissingTopicOrPartitionIsRefusedPerPartition() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        try self.create("orders", partitions: 2, on: connection)
        let commit = try connection.request(
            OffsetCommitRequest(
                groupId: "simple", generationIdOrMemberEpoch: -1,
                topics: [
                    .init(
                        name: "orders",
                        partitions: [
                            .init(partitionIndex: 1, committedOffset: 5), .init(partitionIndex: 2, committedOffset: 5),
                        ]),
                    .init(name: "no-such-topic", partitions: [.init(partitionIndex: 0, committedOffset: 7)]),
                ]),
            version: 8)
        XCTAssertEqual(commit.topics.map(\.name), ["orders", "no-such-topic"])
        XCTAssertEqual(
            commit.topics.first?.partitions.map(\.errorCode), [0, ErrorCode.unknownTopicOrPartition.rawValue])
        XCTAssertEqual(commit.topics.last?.partitions.map(\.errorCode), [ErrorCode.unknownTopicOrPartition.rawValue])

        // Only the partition that exists was written.
        let fetched = try connection.request(
            OffsetFetchRequest(
                groupId: "simple",
                topics: [
                    .init(name: "orders", partitionIndexes: [1, 2]),
                    .init(name: "no-such-topic", partitionIndexes: [0]),
                ]),
            version: 7)
        let offsets = fetched.topics.flatMap { topic in
            topic.partitions.map { "\(topic.name)-\($0.partitionIndex)=\($0.committedOffset)" }
        }
        XCTAssertEqual(offsets, ["orders-1=5", "orders-2=-1", "no-such-topic-0=-1"])
        XCTAssertNil(
            try connection.request(MetadataRequest(topics: nil, allowAutoTopicCreation: false), version: 12).topics
                .first { $0.name == "no-such-topic" },
            "a commit does not create the topic")
    }

    // MARK: 0054: ListOffsets by timestamp finds the record, not its batch (LogSegment.findOffsetByTimestamp)

    func testListOffsetsByTimestampFindsTheFirstRecordAtOrAfterItInsideABatch() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        try self.create("times", on: connection)
        let produced = try connection.request(
            ProduceRequest(
                acks: 1, timeoutMs: 1000,
                topicData: [
                    .init(
                        name: "times",
                        partitionData: [
                            .init(
                                index: 0, records: self.batch(["a", "b", "c", "d"], timestamps: [100, 200, 300, 400]))
                        ])
                ]),
            version: 9)
        XCTAssertEqual(produced.responses.first?.partitionResponses.first?.errorCode, 0)
        func lookup(_ timestamp: Int64) throws -> (offset: Int64, timestamp: Int64) {
            let response = try connection.request(
                ListOffsetsRequest(
                    replicaId: -1,
                    topics: [.init(name: "times", partitions: [.init(partitionIndex: 0, timestamp: timestamp)])]),
                version: 7)
            let partition = try XCTUnwrap(response.topics.first?.partitions.first)
            XCTAssertEqual(partition.errorCode, 0)
            return (partition.offset, partition.timestamp)
        }
        XCTAssertEqual(try lookup(50).offset, 0)
        XCTAssertEqual(try lookup(100).offset, 0)
        XCTAssertEqual(
            try lookup(200).offset, 1, "the record stamped 200 is offset 1, inside the batch that starts at 0")
        XCTAssertEqual(try lookup(200).timestamp, 200, "the record's own timestamp, not the batch's max")
        XCTAssertEqual(try lookup(250).offset, 2)
        XCTAssertEqual(try lookup(400).offset, 3)
        XCTAssertEqual(try lookup(401).offset, -1)
    }

    // MARK: 0011: a compacted topic refuses records without a key (LogValidator.validateKey, KIP-467)

    func testCompactedTopicRefusesABatchWithKeylessRecordsWithPerRecordErrors() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        try self.create("compacted", configs: ["cleanup.policy": "compact"], on: connection)
        func produce(_ keys: [String?]) throws -> ProduceResponse.PartitionProduceResponse {
            let response = try connection.request(
                ProduceRequest(
                    acks: 1, timeoutMs: 1000,
                    topicData: [
                        .init(name: "compacted", partitionData: [.init(index: 0, records: self.batch(keys))])
                    ]),
                version: 9)
            return try XCTUnwrap(response.responses.first?.partitionResponses.first)
        }
        let refused = try produce(["k0", nil, "k2", nil])
        XCTAssertEqual(refused.errorCode, ErrorCode.invalidRecord.rawValue)
        XCTAssertEqual(refused.recordErrors.map(\.batchIndex), [1, 3])
        let message = "Compacted topic cannot accept message without key in topic partition compacted-0"
        XCTAssertEqual(refused.recordErrors.map(\.batchIndexErrorMessage), [message, message])
        XCTAssertEqual(
            refused.errorMessage,
            "One or more records have been rejected due to 2 record errors in total, and only showing the first three errors at "
                + "most: [RecordError(batchIndex=1, message='\(message)'), RecordError(batchIndex=3, message='\(message)')]"
        )

        let accepted = try produce(["k0", "k1"])
        XCTAssertEqual(accepted.errorCode, 0)
        XCTAssertEqual(accepted.baseOffset, 0, "nothing of the refused batch was written")

        // A topic with the default policy (delete) takes records without a key.
        try self.create("plain", on: connection)
        let plain = try connection.request(
            ProduceRequest(
                acks: 1, timeoutMs: 1000,
                topicData: [.init(name: "plain", partitionData: [.init(index: 0, records: self.batch([nil]))])]),
            version: 9)
        XCTAssertEqual(plain.responses.first?.partitionResponses.first?.errorCode, 0)
    }
}
