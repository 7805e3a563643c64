import KafkaProtocol
import LogStorage
import XCTest

/// Topic configs as Kafka 3.x accepts, refuses and describes them, through CreateTopics,
/// AlterConfigs, IncrementalAlterConfigs and DescribeConfigs on a standalone broker.
final class TopicConfigApiTests: XCTestCase {
    private func createTopic(_ name: String, _ configs: [String: String], on connection: RawKafkaConnection) throws
        -> CreateTopicsResponse.CreatableTopicResult
    {
        let response = try connection.request(
            CreateTopicsRequest(
                topics: [
                    .init(
                        name: name, numPartitions: 1, replicationFactor: 1,
                        configs: configs.map { .init(name: $0.key, value: $0.value) })
                ],
                timeoutMs: 1000),
            version: 7)
        return try XCTUnwrap(response.topics.first)
    }

    private func describe(_ topic: String, on connection: RawKafkaConnection) throws -> [String: DescribeConfigsResponse
        .DescribeConfigsResourceResult]
    {
        let response = try connection.request(
            DescribeConfigsRequest(
                resources: [.init(resourceType: 2, resourceName: topic, configurationKeys: nil)], includeSynonyms: true),
            version: 4)
        let result = try XCTUnwrap(response.results.first)
        XCTAssertEqual(result.errorCode, 0, result.errorMessage ?? "")
        return Dictionary(uniqueKeysWithValues: result.configs.map { ($0.name, $0) })
    }

    /// librdkafka's 0081 creates topics with `delete.retention.ms=900`; Kafka accepts it.
    func testCreateTopicsAcceptsEveryKafkaTopicConfigAndDescribesThem() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        let created = try self.createTopic(
            "kept",
            [
                "delete.retention.ms": "900", "min.cleanable.dirty.ratio": "0.25", "preallocate": "TRUE",
                "message.format.version": "2.8", "leader.replication.throttled.replicas": "0:1, 1:1",
                "retention.ms": "60000",
            ], on: connection)
        XCTAssertEqual(created.errorCode, 0, created.errorMessage ?? "")
        XCTAssertEqual(created.configs?.first { $0.name == "delete.retention.ms" }?.value, "900")

        let entries = try self.describe("kept", on: connection)
        XCTAssertEqual(Set(entries.keys), Set(TopicConfigCatalog.all.map(\.name)))
        XCTAssertEqual(entries.count, 36, "every topic config of Kafka 3.9's LogConfig")
        XCTAssertEqual(entries["delete.retention.ms"]?.value, "900")
        XCTAssertEqual(entries["delete.retention.ms"]?.configSource, 1, "TOPIC_CONFIG")
        XCTAssertEqual(entries["delete.retention.ms"]?.configType, 5, "LONG")
        XCTAssertEqual(entries["min.cleanable.dirty.ratio"]?.value, "0.25")
        XCTAssertEqual(entries["preallocate"]?.value, "true")
        XCTAssertEqual(entries["leader.replication.throttled.replicas"]?.value, "0:1,1:1")
        XCTAssertEqual(entries["retention.ms"]?.value, "60000")
        XCTAssertEqual(entries["min.compaction.lag.ms"]?.value, "0")
        XCTAssertEqual(entries["min.compaction.lag.ms"]?.configSource, 5, "DEFAULT_CONFIG")
        XCTAssertEqual(entries["min.compaction.lag.ms"]?.synonyms.map(\.name), ["log.cleaner.min.compaction.lag.ms"])
        XCTAssertEqual(entries["max.compaction.lag.ms"]?.value, "9223372036854775807")
        XCTAssertEqual(entries["message.downconversion.enable"]?.value, "true")
        XCTAssertEqual(entries["local.retention.ms"]?.value, "-2")
        XCTAssertEqual(entries["min.cleanable.dirty.ratio"]?.configType, 6, "DOUBLE")

        // IncrementalAlterConfigs reaches the stored-only configs too, and DELETE goes back to the default.
        let altered = try connection.request(
            IncrementalAlterConfigsRequest(resources: [
                .init(
                    resourceType: 2, resourceName: "kept",
                    configs: [
                        .init(name: "delete.retention.ms", configOperation: 1, value: nil),
                        .init(name: "follower.replication.throttled.replicas", configOperation: 2, value: "*"),
                        .init(name: "segment.jitter.ms", configOperation: 0, value: "10"),
                    ])
            ]),
            version: 1)
        XCTAssertEqual(altered.responses.first?.errorCode, 0, altered.responses.first?.errorMessage ?? "")
        let after = try self.describe("kept", on: connection)
        XCTAssertEqual(after["delete.retention.ms"]?.value, "86400000")
        XCTAssertEqual(after["delete.retention.ms"]?.configSource, 5)
        XCTAssertEqual(after["follower.replication.throttled.replicas"]?.value, "*")
        XCTAssertEqual(after["segment.jitter.ms"]?.value, "10")
        XCTAssertEqual(after["preallocate"]?.value, "true", "the other overrides stay")
    }

    func testUnknownNamesAndBadValuesAreRefusedWithKafkasMessages() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        let refusals: [([String: String], String)] = [
            (["offset.metadata.max.bytes": "12345"], "Unknown topic config name: offset.metadata.max.bytes"),
            (
                ["delete.retention.ms": "-5"],
                "Invalid value -5 for configuration delete.retention.ms: Value must be at least 0"
            ),
            (
                ["min.cleanable.dirty.ratio": "2"],
                "Invalid value 2.0 for configuration min.cleanable.dirty.ratio: Value must be no more than 1"
            ),
            (
                ["cleanup.policy": "compact,forever"],
                "Invalid value forever for configuration cleanup.policy: String must be one of: compact, delete"
            ),
            (
                ["preallocate": "yes"],
                "Invalid value yes for configuration preallocate: Expected value to be either true or false"
            ),
            (["segment.bytes": "big"], "Invalid value big for configuration segment.bytes: Not a number of type INT"),
            (
                ["message.format.version": "9.9"],
                "Invalid value 9.9 for configuration message.format.version: Version 9.9 is not a valid version"
            ),
            (
                ["compression.type": "brotli"],
                "Invalid value brotli for configuration compression.type: String must be one of: uncompressed, zstd, lz4, snappy, gzip, producer"
            ),
            (
                ["min.compaction.lag.ms": "100", "max.compaction.lag.ms": "10"],
                "conflict topic config setting min.compaction.lag.ms (100) > max.compaction.lag.ms (10)"
            ),
        ]
        for (index, (configs, message)) in refusals.enumerated() {
            let result = try self.createTopic("bad\(index)", configs, on: connection)
            XCTAssertEqual(result.errorCode, ErrorCode.invalidConfig.rawValue, "\(configs)")
            XCTAssertEqual(result.errorMessage, message)
        }

        XCTAssertEqual(try self.createTopic("t", [:], on: connection).errorCode, 0)
        let alter = try connection.request(
            AlterConfigsRequest(resources: [
                .init(resourceType: 2, resourceName: "t", configs: [.init(name: "retention.ms", value: "soon")]),
                .init(
                    resourceType: 2, resourceName: "missing",
                    configs: [.init(name: "offset.metadata.max.bytes", value: "1")]),
                .init(
                    resourceType: 2, resourceName: "t", configs: [.init(name: "offset.metadata.max.bytes", value: "1")]),
            ]),
            version: 1)
        XCTAssertEqual(alter.responses.map(\.errorCode), [40, 3, 40])
        XCTAssertEqual(
            alter.responses[0].errorMessage,
            "Invalid config value for resource ConfigResource(type=TOPIC, name='t'): Invalid value soon for configuration retention.ms: Not a number of type LONG"
        )
        XCTAssertEqual(alter.responses[2].errorMessage, "Unknown topic config name: offset.metadata.max.bytes")

        let append = try connection.request(
            IncrementalAlterConfigsRequest(resources: [
                .init(
                    resourceType: 2, resourceName: "t",
                    configs: [.init(name: "retention.ms", configOperation: 2, value: "1")]),
                .init(
                    resourceType: 2, resourceName: "t", configs: [.init(name: "nope", configOperation: 0, value: "1")]),
            ]),
            version: 1)
        XCTAssertEqual(
            append.responses.map(\.errorCode), [ErrorCode.invalidRequest.rawValue, ErrorCode.invalidConfig.rawValue])
        XCTAssertEqual(
            append.responses[0].errorMessage, "Config value append is not allowed for config key: retention.ms")
        XCTAssertEqual(append.responses[1].errorMessage, "Unknown topic config name: nope")
    }
}
