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

    // MARK: 0030 / 0081: OffsetCommit for a missing partition (KafkaApis.handleOffsetCommitRequest)

    func testOffsetCommitToAMissingTopicOrPartitionIsRefusedByTheCoordinator() async throws {
        let (_, admin) = try await self.startCluster(brokers: 2)
        try await admin.createTopics([NewTopic(name: "orders", numPartitions: 1, replicationFactor: 2)])
        var coordinator: Int32 = -1
        var lastAnswer = ""
        for _ in 0..<150 {
            // The first lookup creates `__consumer_offsets`; the coordinator is known once its leaders are.
            let found = try await admin.client.sendToAny(FindCoordinatorRequest(key: "simple", keyType: 0, coordinatorKeys: ["simple"]))
            let entry = found.coordinators.first
            let (code, node) = entry.map { ($0.errorCode, $0.nodeId) } ?? (found.errorCode, found.nodeId)
            lastAnswer = "error \(code), node \(node)"
            if code == 0, node >= 0 {
                coordinator = node
                break
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        guard coordinator > 0 else { return XCTFail("the group has no coordinator after 30 s; last FindCoordinator: \(lastAnswer)") }
        // The metadata cache of the coordinator knows `orders` once the controller told it.
        for _ in 0..<100 {
            let metadata = try await admin.client.send(MetadataRequest(topics: [.init(name: "orders")], allowAutoTopicCreation: false), to: coordinator)
            if metadata.topics.first?.errorCode == 0 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        let commit = try await admin.client.send(
            OffsetCommitRequest(
                groupId: "simple", generationIdOrMemberEpoch: -1,
                topics: [
                    .init(name: "orders", partitions: [.init(partitionIndex: 0, committedOffset: 3), .init(partitionIndex: 1, committedOffset: 3)]),
                    .init(name: "no-such-topic", partitions: [.init(partitionIndex: 0, committedOffset: 3)]),
                ]),
            to: coordinator)
        let codes = commit.topics.flatMap { topic in topic.partitions.map { "\(topic.name)-\($0.partitionIndex)=\($0.errorCode)" } }
        let unknown = ErrorCode.unknownTopicOrPartition.rawValue
        XCTAssertEqual(codes, ["orders-0=0", "orders-1=\(unknown)", "no-such-topic-0=\(unknown)"])
        let committed = try await admin.listGroupOffsets("simple")
        XCTAssertEqual(committed, [TopicPartition("orders", 0): 3], "only the partition that exists was written")
    }
}
