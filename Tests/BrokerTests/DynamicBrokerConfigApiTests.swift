import Foundation
import KafkaProtocol
import NIOCore
import XCTest

/// Dynamic broker configs on a standalone broker: AlterConfigs and IncrementalAlterConfigs on
/// BROKER resources ("1" and the cluster default ""), refused as Kafka refuses them, described
/// with their sources, saved with the broker, and acted on by the logs.
final class DynamicBrokerConfigApiTests: XCTestCase {
    private func describeBroker(_ name: String, on connection: RawKafkaConnection) throws
        -> [String: DescribeConfigsResponse.DescribeConfigsResourceResult]
    {
        let response = try connection.request(
            DescribeConfigsRequest(resources: [.init(resourceType: 4, resourceName: name, configurationKeys: nil)]),
            version: 4)
        let result = try XCTUnwrap(response.results.first)
        XCTAssertEqual(result.errorCode, 0, result.errorMessage ?? "")
        return Dictionary(uniqueKeysWithValues: result.configs.map { ($0.name, $0) })
    }

    private func setBroker(_ name: String, _ key: String, _ value: String?, on connection: RawKafkaConnection) throws
        -> IncrementalAlterConfigsResponse.AlterConfigsResourceResponse
    {
        let response = try connection.request(
            IncrementalAlterConfigsRequest(resources: [
                .init(
                    resourceType: 4, resourceName: name,
                    configs: [.init(name: key, configOperation: value == nil ? 1 : 0, value: value)])
            ]),
            version: 1)
        return try XCTUnwrap(response.responses.first)
    }

    func testBrokerAndClusterDefaultConfigsAreStoredDescribedAndApplied() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        let early = try connection.request(
            CreateTopicsRequest(
                topics: [.init(name: "early", numPartitions: 1, replicationFactor: 1)], timeoutMs: 1000), version: 7)
        XCTAssertEqual(early.topics.first?.errorCode, 0)

        // librdkafka's 0081 sets a listener config on broker 1 with AlterConfigs and expects success.
        let altered = try connection.request(
            AlterConfigsRequest(resources: [
                .init(
                    resourceType: 4, resourceName: "1",
                    configs: [.init(name: "sasl.kerberos.min.time.before.relogin", value: "58000")])
            ]),
            version: 1)
        XCTAssertEqual(altered.responses.first?.errorCode, 0, altered.responses.first?.errorMessage ?? "")

        XCTAssertEqual(try self.setBroker("", "log.retention.ms", "60000", on: connection).errorCode, 0)
        XCTAssertEqual(try self.setBroker("", "message.max.bytes", "200", on: connection).errorCode, 0)
        var entries = try self.describeBroker("1", on: connection)
        XCTAssertEqual(entries["log.retention.ms"]?.value, "60000")
        XCTAssertEqual(entries["log.retention.ms"]?.configSource, 3, "DYNAMIC_DEFAULT_BROKER_CONFIG")
        XCTAssertEqual(entries["log.retention.ms"]?.readOnly, false)
        XCTAssertEqual(entries["sasl.kerberos.min.time.before.relogin"]?.configSource, 2, "DYNAMIC_BROKER_CONFIG")
        XCTAssertEqual(entries["broker.id"]?.readOnly, true)
        XCTAssertEqual(
            try self.describeBroker("", on: connection).keys.sorted(), ["log.retention.ms", "message.max.bytes"])

        // The broker's own value wins over the cluster default.
        XCTAssertEqual(try self.setBroker("1", "log.retention.ms", "120000", on: connection).errorCode, 0)
        entries = try self.describeBroker("1", on: connection)
        XCTAssertEqual(entries["log.retention.ms"]?.value, "120000")
        XCTAssertEqual(entries["log.retention.ms"]?.configSource, 2)

        // New topics and existing logs take the new defaults.
        let topic = try connection.request(
            DescribeConfigsRequest(resources: [
                .init(resourceType: 2, resourceName: "early", configurationKeys: ["retention.ms"])
            ]),
            version: 4)
        XCTAssertEqual(topic.results.first?.configs.first?.value, "120000")
        XCTAssertEqual(topic.results.first?.configs.first?.configSource, 2, "DYNAMIC_BROKER_CONFIG")
        var builder = RecordBatchBuilder()
        builder.append(key: nil, value: ByteBuffer(string: String(repeating: "x", count: 1000)), timestamp: 1)
        let produced = try connection.request(
            ProduceRequest(
                acks: 1, timeoutMs: 1000,
                topicData: [.init(name: "early", partitionData: [.init(index: 0, records: builder.build())])]),
            version: 9)
        XCTAssertEqual(
            produced.responses.first?.partitionResponses.first?.errorCode, ErrorCode.messageTooLarge.rawValue,
            "message.max.bytes=200 from the cluster default reaches a log created before it")

        let saved = try String(contentsOfFile: "\(broker.logDir)/samsa-broker-configs.json", encoding: .utf8)
        XCTAssertTrue(saved.contains("\"log.retention.ms\" : \"120000\""), saved)

        // Back to server.properties once deleted.
        XCTAssertEqual(try self.setBroker("1", "log.retention.ms", nil, on: connection).errorCode, 0)
        XCTAssertEqual(try self.describeBroker("1", on: connection)["log.retention.ms"]?.value, "60000")
    }

    func testReadOnlyPerBrokerOnlyBadValuesAndOtherBrokersAreRefusedAsKafkaDoes() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        let readOnly = try self.setBroker("1", "log.dirs", "/elsewhere", on: connection)
        XCTAssertEqual(readOnly.errorCode, ErrorCode.invalidConfig.rawValue)
        XCTAssertEqual(
            readOnly.errorMessage,
            "Invalid config value for resource ConfigResource(type=BROKER, name='1'): Cannot update these configs dynamically: Set(log.dirs)"
        )
        let atDefault = try self.setBroker("", "listeners", "PLAINTEXT://127.0.0.1:1", on: connection)
        XCTAssertEqual(
            atDefault.errorMessage,
            "Invalid config value for resource ConfigResource(type=BROKER, name=''): Cannot update these configs at default cluster level, broker id must be specified: Set(listeners)"
        )
        let badValue = try self.setBroker("1", "log.retention.ms", "soon", on: connection)
        XCTAssertEqual(badValue.errorCode, ErrorCode.invalidConfig.rawValue)
        XCTAssertEqual(
            badValue.errorMessage,
            "Invalid config value for resource ConfigResource(type=BROKER, name='1'): Invalid value soon for configuration log.retention.ms: Not a number of type LONG"
        )
        let other = try self.setBroker("7", "log.retention.ms", "1", on: connection)
        XCTAssertEqual(other.errorCode, ErrorCode.invalidRequest.rawValue)
        XCTAssertEqual(other.errorMessage, "Unexpected broker id, expected 1, but received 7")
        XCTAssertEqual(
            try self.setBroker("x", "log.retention.ms", "1", on: connection).errorMessage,
            "Broker id must be an integer, but it is: x")
    }
}
