import Foundation
import KafkaProtocol
import MetadataClient
import SamsaClient
import SamsaTesting
import XCTest
import ZooKeeperProtocol

/// Dynamic broker configs in a cluster, where Kafka's ZooKeeper mode keeps them:
/// `/config/brokers/<id>` and `/config/brokers/<default>`, announced in `/config/changes`.
final class DynamicBrokerConfigTests: XCTestCase {
    func testBrokerConfigsLiveInTheMetadataServerAndChangesThereReachTheBroker() async throws {
        let meta = try self.startMetaServer(overrides: ["tickTime": "500"])
        let broker = try self.startBroker(
            brokerID: 1, overrides: ["zookeeper.connect": meta.connectString, "zookeeper.session.timeout.ms": "4000"])
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

        try await admin.alterConfigs(.broker(1), [.set("log.retention.ms", "120000")])
        let stored = try await zk.getData("/config/brokers/1").data
        let node = try JSONSerialization.jsonObject(with: Data(stored)) as? [String: Any]
        XCTAssertEqual(node?["version"] as? Int, 1)
        XCTAssertEqual(node?["config"] as? [String: String], ["log.retention.ms": "120000"])
        var notifications: [String] = []
        for child in try await zk.getChildren("/config/changes").sorted() {
            notifications.append(String(decoding: try await zk.getData("/config/changes/\(child)").data, as: UTF8.self))
        }
        XCTAssertTrue(notifications.contains { $0.contains("\"entity_path\":\"brokers/1\"") }, "\(notifications)")
        let described = try await admin.describeConfigs(.broker(1), keys: ["log.retention.ms"])
        XCTAssertEqual(described.first?.value, "120000")
        XCTAssertEqual(described.first?.source, 2, "DYNAMIC_BROKER_CONFIG")

        // A cluster default written as Kafka's own tools write it reaches the running broker.
        let config = #"{"version":1,"config":{"log.retention.bytes":"5000"}}"#
        _ = try? await zk.create("/config/brokers/<default>", data: Array(config.utf8))
        _ = try await zk.setData("/config/brokers/<default>", data: Array(config.utf8))
        _ = try await zk.create(
            "/config/changes/config_change_", data: Array(#"{"version":2,"entity_path":"brokers/<default>"}"#.utf8),
            mode: .persistentSequential)
        var source: Int8?
        for _ in 0..<50 {
            let entry = try await admin.describeConfigs(.broker(1), keys: ["log.retention.bytes"]).first
            if entry?.value == "5000" {
                source = entry?.source
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        XCTAssertEqual(source, 3, "DYNAMIC_DEFAULT_BROKER_CONFIG, picked up from the change notification")
    }
}
