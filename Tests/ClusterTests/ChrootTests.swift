import Foundation
import MetadataClient
import SamsaClient
import SamsaTesting
import XCTest

/// `zookeeper.connect=host:port/samsa/lab`: the broker creates the chroot and its parents when
/// missing (Kafka's `KafkaZkClient.createChrootIfNecessary`) and keeps every znode under it, so
/// two clusters can share one metadata server.
final class ChrootTests: XCTestCase {
    func testABrokerWithAChrootKeepsItsZnodesUnderIt() async throws {
        let meta = try self.startMetaServer(overrides: ["tickTime": "500"])
        let broker = try self.startBroker(
            brokerID: 1,
            overrides: ["zookeeper.connect": meta.connectString + "/samsa/lab", "zookeeper.session.timeout.ms": "4000"])
        let admin = try KafkaAdmin(bootstrapServers: broker.bootstrap)
        let zk = try ZooKeeperClient(connectString: meta.connectString)
        try await zk.connect()
        defer {
            Task {
                await admin.close()
                await zk.close()
            }
        }
        for _ in 0..<60 where (try? await admin.describeCluster().brokers.count) != 1 {
            try await Task.sleep(for: .milliseconds(200))
        }

        try await admin.createTopic("rooted", partitions: 2, replicationFactor: 1)
        let ids = try await zk.getChildren("/samsa/lab/brokers/ids")
        let topics = try await zk.getChildren("/samsa/lab/brokers/topics")
        let controller = try await zk.exists("/samsa/lab/controller")
        let outside = try await zk.exists("/brokers")
        XCTAssertEqual(ids, ["1"])
        XCTAssertEqual(topics, ["rooted"])
        XCTAssertNotNil(controller)
        XCTAssertNil(outside, "nothing is written outside the chroot")
        var leaders: [Int32] = []
        for _ in 0..<50 {
            leaders = try await admin.describeTopics(["rooted"])[0].partitions.map(\.leader)
            if leaders.count == 2, leaders.allSatisfy({ $0 == 1 }) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        XCTAssertEqual(leaders, [1, 1])
    }
}
