import KafkaProtocol
import SamsaTesting
import XCTest

@testable import SamsaClient

final class AdminIntegrationTests: XCTestCase {
    private func makeAdmin() throws -> (TestBroker, KafkaAdmin) {
        let broker = try self.startBroker()
        let admin = try KafkaAdmin(bootstrapServers: broker.bootstrap)
        self.addTeardownBlock { await admin.close() }
        return (broker, admin)
    }

    func testConnectionNegotiatesVersionsWithTheBroker() async throws {
        let broker = try self.startBroker()
        let configuration = try ClientConfiguration(bootstrapServers: broker.bootstrap)
        let connection = try await BrokerConnection.connect(
            to: configuration.bootstrapServers[0], configuration: configuration)
        defer { connection.close() }
        let metadataVersion = try connection.version(for: .metadata)
        XCTAssertGreaterThanOrEqual(metadataVersion, 1)
        XCTAssertLessThanOrEqual(metadataVersion, 12)
        // Pipelined requests on one connection each get their own response.
        async let first = connection.send(MetadataRequest(topics: []))
        async let second = connection.send(MetadataRequest(topics: []))
        let (a, b) = try await (first, second)
        XCTAssertEqual(a.brokers.count, 1)
        XCTAssertEqual(b.brokers.first?.port, Int32(broker.port))
    }

    func testUnreachableBootstrapIsAClearError() async throws {
        let port = try FreePort.allocate()
        let client = try KafkaClient(
            configuration: ClientConfiguration(
                bootstrapServers: "127.0.0.1:\(port)", connectTimeout: .seconds(2), retries: 0))
        do {
            _ = try await client.anyConnection()
            XCTFail("expected no broker")
        } catch let error as SamsaClientError {
            XCTAssertTrue(error.description.contains("no broker is reachable"), error.description)
        }
    }

    func testCreateDescribeAndDeleteTopics() async throws {
        let (_, admin) = try self.makeAdmin()
        try await admin.createTopic("orders", partitions: 3, replicationFactor: 1, configs: ["retention.ms": "60000"])
        let described = try await admin.describeTopics(["orders"])
        XCTAssertEqual(described.first?.partitions.count, 3)
        XCTAssertEqual(described.first?.partitions.map(\.leader), [1, 1, 1])
        let topics = try await admin.listTopics()
        XCTAssertTrue(topics.contains("orders"))

        do {
            try await admin.createTopic("orders", partitions: 1)
            XCTFail("expected TOPIC_ALREADY_EXISTS")
        } catch SamsaClientError.kafka(let code, let context) {
            XCTAssertEqual(code, .topicAlreadyExists)
            XCTAssertTrue(context.contains("orders"))
        }

        try await admin.createPartitions(["orders": 5])
        let grown = try await admin.describeTopics(["orders"])
        XCTAssertEqual(grown.first?.partitions.count, 5)

        try await admin.deleteTopics(["orders"])
        do {
            _ = try await admin.describeTopics(["orders"])
            XCTFail("expected an unknown topic")
        } catch SamsaClientError.unknownTopic(let name) {
            XCTAssertEqual(name, "orders")
        }
    }

    func testDescribeAndAlterTopicConfigs() async throws {
        let (_, admin) = try self.makeAdmin()
        try await admin.createTopic("configured", partitions: 1)
        try await admin.alterConfigs(.topic("configured"), [.set("retention.ms", "12345")])
        let entries = try await admin.describeConfigs(.topic("configured"), keys: ["retention.ms"])
        XCTAssertEqual(entries.first(where: { $0.name == "retention.ms" })?.value, "12345")
        try await admin.alterConfigs(.topic("configured"), [.delete("retention.ms")])
        let reset = try await admin.describeConfigs(.topic("configured"), keys: ["retention.ms"])
        XCTAssertNotEqual(reset.first(where: { $0.name == "retention.ms" })?.value, "12345")
    }

    func testDescribeCluster() async throws {
        let (broker, admin) = try self.makeAdmin()
        let cluster = try await admin.describeCluster()
        XCTAssertEqual(cluster.brokers.map(\.nodeId), [1])
        XCTAssertEqual(cluster.brokers.first?.address.port, broker.port)
        XCTAssertFalse(cluster.clusterId.isEmpty)
    }

    func testListOffsetsEarliestLatestAndByTime() async throws {
        let (broker, admin) = try self.makeAdmin()
        try await admin.createTopic("timed", partitions: 1)
        let producer = KafkaProducer(client: admin.client)
        for index in 0..<5 {
            _ = try await producer.send(
                ProducerRecord(topic: "timed", partition: 0, value: "r\(index)", timestamp: 1_000 + Int64(index) * 100))
        }
        let partition = TopicPartition("timed", 0)
        let earliest = try await admin.listOffsets([partition], spec: .earliest)
        let latest = try await admin.listOffsets([partition], spec: .latest)
        let byTime = try await admin.listOffsets([partition], spec: .timestamp(1_250))
        XCTAssertEqual(earliest[partition]?.offset, 0)
        XCTAssertEqual(latest[partition]?.offset, 5)
        XCTAssertEqual(byTime[partition]?.offset, 3)
        XCTAssertEqual(byTime[partition]?.timestamp, 1_300)
        // replica_id -2 asks for the log end offset (on one broker it equals the high watermark).
        let logEnd = try await admin.listLogEndOffsets([partition])
        XCTAssertEqual(logEnd, [partition: 5])
        _ = broker
    }

    func testAllCommittedOffsetsOfAGroupAndAMemberThatVanishesWithoutLeaving() async throws {
        let (broker, admin) = try self.makeAdmin()
        try await admin.createTopic("paid", partitions: 2)
        try await admin.resetGroupOffsets("audit", to: [TopicPartition("paid", 1): 3])
        let all = try await admin.listGroupOffsets("audit")
        XCTAssertEqual(all, [TopicPartition("paid", 1): 3])

        var configuration = ConsumerConfiguration(groupId: "billing")
        configuration.sessionTimeout = .seconds(30)
        // close() sends LeaveGroup: the member is gone at once and the group is empty.
        let leaving = KafkaConsumer(
            client: try KafkaClient(bootstrapServers: broker.bootstrap), configuration: configuration)
        try await Self.join(leaving, topic: "paid")
        await leaving.close()
        let afterLeave = try await admin.describeGroups(["billing"])[0]
        XCTAssertEqual(afterLeave.members.count, 0)
        // abandon(): no LeaveGroup, so the coordinator keeps the member until its session times out.
        let vanishing = KafkaConsumer(
            client: try KafkaClient(bootstrapServers: broker.bootstrap), configuration: configuration)
        try await Self.join(vanishing, topic: "paid")
        await vanishing.abandon()
        let afterAbandon = try await admin.describeGroups(["billing"])[0]
        XCTAssertEqual(afterAbandon.members.count, 1)
        XCTAssertEqual(afterAbandon.state, "Stable")
        do {
            _ = try await vanishing.poll(timeout: .milliseconds(10))
            XCTFail("an abandoned consumer must refuse to poll")
        } catch SamsaClientError.closed {}
    }

    /// Polls until the consumer has joined its group (bounded: 50 polls).
    private static func join(_ consumer: KafkaConsumer, topic: String) async throws {
        try await consumer.subscribe([topic])
        for _ in 0..<50 {
            if await consumer.groupGeneration.generationId >= 0 { return }
            _ = try await consumer.poll(timeout: .milliseconds(200))
        }
        XCTFail("the consumer did not join within 50 polls")
    }
}
