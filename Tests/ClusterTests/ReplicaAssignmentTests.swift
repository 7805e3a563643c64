import Foundation
import KafkaProtocol
import SamsaClient
import SamsaTesting
import XCTest

/// CreateTopics with an explicit replica assignment in a cluster (librdkafka's 0081 creates
/// topics this way, with `delete.retention.ms` set): the partitions are placed as asked, not by
/// `num.partitions`.
final class ReplicaAssignmentTests: XCTestCase {
    func testAnExplicitAssignmentIsKeptAndUnknownBrokersAreRefused() async throws {
        let meta = try self.startMetaServer(overrides: ["tickTime": "500"])
        var brokers: [TestBroker] = []
        for id in 1...2 {
            brokers.append(
                try self.startBroker(
                    brokerID: id,
                    overrides: [
                        "zookeeper.connect": meta.connectString, "zookeeper.session.timeout.ms": "4000",
                        "num.partitions": "4",
                    ]))
        }
        let admin = try KafkaAdmin(bootstrapServers: brokers.map(\.bootstrap).joined(separator: ","))
        defer { Task { await admin.close() } }
        for _ in 0..<60 where (try? await admin.describeCluster().brokers.count) != 2 {
            try await Task.sleep(for: .milliseconds(200))
        }
        try await admin.createTopics([
            NewTopic(
                name: "placed", configs: ["delete.retention.ms": "900"],
                replicaAssignment: [0: [2, 1], 1: [1, 2], 2: [2, 1]])
        ])
        var partitions: [ClusterMetadata.Partition] = []
        for _ in 0..<50 {
            partitions = (try? await admin.describeTopics(["placed"]).first?.partitions) ?? []
            if partitions.count == 3 && partitions.allSatisfy({ $0.leader >= 0 }) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        XCTAssertEqual(partitions.sorted { $0.partition < $1.partition }.map(\.replicas), [[2, 1], [1, 2], [2, 1]])
        let retention = try await admin.describeConfigs(.topic("placed"), keys: ["delete.retention.ms"]).first
        XCTAssertEqual(retention?.value, "900")

        // CreatePartitions with replicas for the new partitions keeps them too.
        try await admin.createPartitions(["placed": 5], assignments: ["placed": [[1, 2], [1, 2]]])
        for _ in 0..<50 {
            partitions = (try? await admin.describeTopics(["placed"]).first?.partitions) ?? []
            if partitions.count == 5 && partitions.allSatisfy({ $0.leader >= 0 }) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        XCTAssertEqual(
            partitions.sorted { $0.partition < $1.partition }.map(\.replicas),
            [[2, 1], [1, 2], [2, 1], [1, 2], [1, 2]])

        do {
            try await admin.createTopics([NewTopic(name: "nowhere", replicaAssignment: [0: [9]])])
            XCTFail("broker 9 does not exist")
        } catch SamsaClientError.kafka(let code, _) {
            XCTAssertEqual(code, .invalidReplicaAssignment)
        }
    }
}
