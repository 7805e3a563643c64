import Foundation
import KafkaProtocol
import SamsaClient
import SamsaTesting
import XCTest

/// Topic configs in a cluster: an override altered through one broker is stored in
/// `/config/topics/<topic>`, announced in `/config/changes`, and every broker applies it — here
/// `min.insync.replicas`, which the partition leader enforces on acks=all.
final class TopicConfigTests: XCTestCase {
    func testAnOverrideAlteredOnOneBrokerIsAppliedByEveryBroker() async throws {
        let meta = try self.startMetaServer(overrides: ["tickTime": "500"])
        var brokers: [TestBroker] = []
        for id in 1...2 {
            brokers.append(
                try self.startBroker(
                    brokerID: id,
                    overrides: ["zookeeper.connect": meta.connectString, "zookeeper.session.timeout.ms": "4000"]))
        }
        let first = try KafkaAdmin(bootstrapServers: brokers[0].bootstrap)
        let second = try KafkaAdmin(bootstrapServers: brokers[1].bootstrap)
        defer {
            Task {
                await first.close()
                await second.close()
            }
        }
        for _ in 0..<60 where (try? await first.describeCluster().brokers.count) != 2 {
            try await Task.sleep(for: .milliseconds(200))
        }
        try await first.createTopics([NewTopic(name: "guarded", numPartitions: 1, replicationFactor: 2)])

        // Two replicas cannot satisfy min.insync.replicas=3: the leader must refuse acks=all.
        try await first.alterConfigs(.topic("guarded"), [.set("min.insync.replicas", "3")])
        let described = try await second.describeConfigs(.topic("guarded"), keys: ["min.insync.replicas"])
        XCTAssertEqual(described.first?.value, "3", "the other broker reads the override from the metadata server")
        XCTAssertEqual(described.first?.source, 1, "DYNAMIC_TOPIC_CONFIG")

        let refused = try await self.produce(brokers.map(\.bootstrap).joined(separator: ","), until: .notEnoughReplicas)
        XCTAssertEqual(refused, .notEnoughReplicas, "the leader, wherever it is, applies the override")

        try await second.alterConfigs(.topic("guarded"), [.delete("min.insync.replicas")])
        let accepted = try await self.produce(brokers.map(\.bootstrap).joined(separator: ","), until: .none)
        XCTAssertEqual(accepted, ErrorCode.none, "deleting the override restores the default (1)")
    }

    /// acks=all produces until the leader answers `expected` (none when written), at most 20
    /// times: a broker applies a change when its watch fires, a moment after the alter returns.
    /// Returns the last answer.
    private func produce(_ bootstrap: String, until expected: ErrorCode) async throws -> ErrorCode {
        var last = ErrorCode.unknownServerError
        for _ in 0..<20 {
            var configuration = ProducerConfiguration()
            configuration.acks = .all
            configuration.deliveryTimeout = .seconds(2)
            configuration.retries = 0
            configuration.enableIdempotence = false
            let producer = try KafkaProducer(bootstrapServers: bootstrap, configuration: configuration)
            do {
                _ = try await producer.send(ProducerRecord(topic: "guarded", value: "x"))
                last = .none
            } catch SamsaClientError.kafka(let code, _) {
                last = code
            } catch {
                last = .unknownServerError
            }
            await producer.close()
            if last == expected { return last }
            try await Task.sleep(for: .milliseconds(250))
        }
        return last
    }
}
