import Foundation
import MetadataClient
import SamsaClient
import SamsaTesting
import XCTest
import ZooKeeperProtocol

/// The controller's own failover, as Kafka's ZooKeeper-mode controller does it
/// (`KafkaController.onControllerFailover` → `ReplicaStateMachine.startup`: "Triggering offline
/// replica state changes"): the broker that becomes controller moves every replica of a broker
/// that is gone to OfflineReplica, which takes it out of every ISR at once, instead of leaving it
/// there until the leaders' lag check (`replica.lag.time.max.ms`) notices.
final class ControllerFailoverTests: XCTestCase {
    private struct PartitionState: Decodable {
        var leader: Int
        var isr: [Int]
    }

    private struct ControllerZNode: Decodable {
        var brokerid: Int
    }

    func testTheNewControllerTakesTheDeadControllerOutOfEveryIsrAtOnce() async throws {
        let meta = try self.startMetaServer(overrides: ["tickTime": "500"])
        var brokers: [TestBroker] = []
        for id in 1...3 {
            brokers.append(
                try self.startBroker(
                    brokerID: id,
                    overrides: [
                        "zookeeper.connect": meta.connectString, "zookeeper.session.timeout.ms": "4000",
                        // Long enough that no leader's lag check can be what removes the dead broker.
                        "replica.lag.time.max.ms": "30000", "auto.leader.rebalance.enable": "false",
                    ]))
        }
        let zk = try ZooKeeperClient(connectString: meta.connectString)
        try await zk.connect()
        let registered = try await self.poll("all three brokers registered") {
            try await zk.getChildren("/brokers/ids").count == 3 ? true : nil
        }
        XCTAssertTrue(registered)

        let admin = try KafkaAdmin(bootstrapServers: brokers.map(\.bootstrap).joined(separator: ","))
        _ = try await self.poll("topic pagos created") { () -> Bool? in
            do {
                try await admin.createTopic("pagos", partitions: 3, replicationFactor: 3)
                return true
            } catch {
                return nil  // a broker that just joined answers once the controller has told it the cluster
            }
        }
        await admin.close()
        _ = try await self.poll("every partition of pagos has the full ISR") {
            let states = try await self.partitionStates(zk)
            return states.count == 3 && states.values.allSatisfy { $0.isr.count == 3 } ? states : nil
        }

        let (controllerData, firstStat) = try await zk.getData("/controller")
        let dead = try JSONDecoder().decode(ControllerZNode.self, from: Data(controllerData)).brokerid
        // The dead broker follows at least one partition: that is the ISR only failover can fix.
        let before = try await self.partitionStates(zk)
        XCTAssertTrue(before.values.contains { $0.leader != dead && $0.isr.contains(dead) })
        brokers[dead - 1].kill()

        let newControllerCreated = try await self.poll("a new controller", attempts: 200) { () -> Int64? in
            guard let (data, stat) = try? await zk.getData("/controller"), stat.czxid != firstStat.czxid,
                let znode = try? JSONDecoder().decode(ControllerZNode.self, from: Data(data))
            else { return nil }
            XCTAssertNotEqual(znode.brokerid, dead)
            return stat.ctime
        }
        // On the way there a partition the dead broker led reads leader -1 for a moment: as in
        // Kafka, the replica goes OfflineReplica (leader dropped, ISR shrunk) before the partition
        // state machine elects a new leader from the ISR. So wait for a leader that is in the ISR.
        let states = try await self.poll("no partition names the dead broker", attempts: 200) {
            let states = try await self.partitionStates(zk)
            let settled = states.values.allSatisfy { !$0.isr.contains(dead) && $0.isr.contains($0.leader) }
            return settled ? states : nil
        }
        let cleanedAt = Int64(Date().timeIntervalSince1970 * 1000)
        XCTAssertLessThanOrEqual(
            cleanedAt - newControllerCreated, 3000,
            "the new controller took \(cleanedAt - newControllerCreated) ms to take broker \(dead) out of every ISR: \(states)"
        )
        for (partition, state) in states {
            XCTAssertEqual(state.isr.count, 2, "partition \(partition): \(state)")
            XCTAssertTrue(state.isr.contains(state.leader), "partition \(partition): \(state)")
        }
        await zk.close()
    }

    private func partitionStates(_ zk: ZooKeeperClient) async throws -> [Int: PartitionState] {
        var states: [Int: PartitionState] = [:]
        for child in try await zk.getChildren("/brokers/topics/pagos/partitions") {
            guard let partition = Int(child),
                let (data, _) = try? await zk.getData("/brokers/topics/pagos/partitions/\(child)/state")
            else { continue }
            states[partition] = try JSONDecoder().decode(PartitionState.self, from: Data(data))
        }
        return states
    }

    /// Asks every 100 ms until `check` returns a value (bounded by `attempts`).
    private func poll<T>(
        _ what: String, attempts: Int = 300, file: StaticString = #filePath, line: UInt = #line,
        _ check: () async throws -> T?
    ) async throws -> T {
        for _ in 0..<attempts {
            if let value = try? await check() { return value }
            try await Task.sleep(for: .milliseconds(100))
        }
        XCTFail("timed out waiting for \(what)", file: file, line: line)
        throw SamsaTestingError.reported(what)
    }
}
