import Foundation
import KafkaProtocol
import SamsaClient
import SamsaTesting
import XCTest

/// Cluster-mode behaviours librdkafka's regression tests (v2.6.1) found different from Kafka's, each
/// with the Kafka class whose behaviour it follows.
final class LibrdkafkaClusterRegressionTests: XCTestCase {
    /// samsa-meta plus brokers 1...count, and an admin client once every broker is known.
    private func startCluster(brokers count: Int) async throws -> ([TestBroker], KafkaAdmin) {
        let meta = try self.startMetaServer(overrides: ["tickTime": "500"])
        var brokers: [TestBroker] = []
        for id in 1...count {
            brokers.append(
                try self.startBroker(
                    brokerID: id,
                    overrides: [
                        "zookeeper.connect": meta.connectString, "zookeeper.session.timeout.ms": "4000",
                        "auto.create.topics.enable": "true", "num.partitions": "1", "default.replication.factor": "1",
                    ]))
        }
        let admin = try KafkaAdmin(bootstrapServers: brokers.map(\.bootstrap).joined(separator: ","))
        self.addTeardownBlock { await admin.close() }
        for _ in 0..<100 where (try? await admin.describeCluster().brokers.count) != count {
            try await Task.sleep(for: .milliseconds(200))
        }
        let known = try await admin.describeCluster().brokers.count
        XCTAssertEqual(known, count, "every broker registered and known to the controller")
        return (brokers, admin)
    }

    // MARK: 0002: Metadata while an auto-create is in flight (AutoTopicCreationManager.createTopicsInZk)

    /// CreateTopics with timeout 0 returns once the topic's znode is written; the Metadata request
    /// right behind it on the same connection reaches the broker before the controller has told it
    /// about the topic, so its auto-create finds the znode already there. Kafka answers
    /// LEADER_NOT_AVAILABLE (clients retry), never TOPIC_ALREADY_EXISTS.
    func testMetadataDuringAnAutoCreateInFlightAnswersLeaderNotAvailable() async throws {
        let (_, admin) = try await self.startCluster(brokers: 2)
        let connection = try await admin.client.connection(to: 1)
        var codes: [String: Int16] = [:]
        for round in 0..<5 {
            let name = "racing-\(round)"
            let create = try connection.start(
                CreateTopicsRequest(topics: [.init(name: name, numPartitions: 1, replicationFactor: 1)], timeoutMs: 0))
            let metadata = try connection.start(
                MetadataRequest(topics: [.init(name: name)], allowAutoTopicCreation: true))
            let created = try await create.response().topics.first?.errorCode
            XCTAssertEqual(created, 0, name)
            codes[name] = try await metadata.response().topics.first { $0.name == name }?.errorCode
        }
        for (name, code) in codes.sorted(by: { $0.key < $1.key }) {
            XCTAssertNotEqual(
                code, ErrorCode.topicAlreadyExists.rawValue,
                "\(name): an auto-create in flight is not an error to give up on")
            XCTAssertTrue(
                code == ErrorCode.leaderNotAvailable.rawValue || code == 0,
                "\(name): LEADER_NOT_AVAILABLE while the controller elects, or the topic once it is known; got \(String(describing: code))"
            )
        }
    }

    // MARK: 0030 / 0081: OffsetCommit for a missing partition (KafkaApis.handleOffsetCommitRequest)

    func testOffsetCommitToAMissingTopicOrPartitionIsRefusedByTheCoordinator() async throws {
        let (_, admin) = try await self.startCluster(brokers: 2)
        try await admin.createTopics([NewTopic(name: "orders", numPartitions: 1, replicationFactor: 2)])
        var coordinator: Int32 = -1
        var lastAnswer = ""
        for _ in 0..<150 {
            // The first lookup creates `__consumer_offsets`; the coordinator is known once its leaders are.
            let found = try await admin.client.sendToAny(
                FindCoordinatorRequest(key: "simple", keyType: 0, coordinatorKeys: ["simple"]))
            let entry = found.coordinators.first
            let (code, node) = entry.map { ($0.errorCode, $0.nodeId) } ?? (found.errorCode, found.nodeId)
            lastAnswer = "error \(code), node \(node)"
            if code == 0, node >= 0 {
                coordinator = node
                break
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        guard coordinator > 0 else {
            return XCTFail("the group has no coordinator after 30 s; last FindCoordinator: \(lastAnswer)")
        }
        // The metadata cache of the coordinator knows `orders` once the controller told it.
        for _ in 0..<100 {
            let metadata = try await admin.client.send(
                MetadataRequest(topics: [.init(name: "orders")], allowAutoTopicCreation: false), to: coordinator)
            if metadata.topics.first?.errorCode == 0 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        let commit = try await admin.client.send(
            OffsetCommitRequest(
                groupId: "simple", generationIdOrMemberEpoch: -1,
                topics: [
                    .init(
                        name: "orders",
                        partitions: [
                            .init(partitionIndex: 0, committedOffset: 3), .init(partitionIndex: 1, committedOffset: 3),
                        ]),
                    .init(name: "no-such-topic", partitions: [.init(partitionIndex: 0, committedOffset: 3)]),
                ]),
            to: coordinator)
        let codes = commit.topics.flatMap { topic in
            topic.partitions.map { "\(topic.name)-\($0.partitionIndex)=\($0.errorCode)" }
        }
        let unknown = ErrorCode.unknownTopicOrPartition.rawValue
        XCTAssertEqual(codes, ["orders-0=0", "orders-1=\(unknown)", "no-such-topic-0=\(unknown)"])
        let committed = try await admin.listGroupOffsets("simple")
        XCTAssertEqual(committed, [TopicPartition("orders", 0): 3], "only the partition that exists was written")
    }
}
