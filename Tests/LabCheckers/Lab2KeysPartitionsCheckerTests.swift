import Foundation
import LabKit
import SamsaClient
import XCTest

/// Lab 2 · Topics, keys, partitions and ordering: one test per task, then a plausible wrong solution.
final class Lab2KeysPartitionsCheckerTests: LabCheckerTestCase {
    override class var labNumber: Int { 2 }

    /// orders exists with 6 partitions and 3 replicas
    func test_orders_topic() async throws { try await self.checkTask("orders-topic") }

    /// Partition of key alice with 3 partitions
    func test_alice_partition() async throws { try await self.checkTask("alice-partition") }

    /// Partition of key dave with 3 partitions
    func test_dave_partition() async throws { try await self.checkTask("dave-partition") }

    /// Partition of bob written with kafka-console-producer
    func test_bob_partition() async throws { try await self.checkTask("bob-partition") }

    /// Where order is guaranteed
    func test_ordering_scope() async throws { try await self.checkTask("ordering-scope") }

    /// alice after growing to 6 partitions
    func test_alice_after_growth() async throws { try await self.checkTask("alice-after-growth") }

    /// carol after growing to 6 partitions
    func test_carol_after_growth() async throws { try await self.checkTask("carol-after-growth") }

    /// Can partitions be removed?
    func test_cannot_shrink() async throws { try await self.checkTask("cannot-shrink") }

    /// VipPartitioner: vip- to 0, no key to 1
    func test_vip_partitioner_vip() async throws { try await self.checkTask("vip-partitioner-vip") }

    /// VipPartitioner: the rest by murmur2 over 1...n-1
    func test_vip_partitioner_spread() async throws { try await self.checkTask("vip-partitioner-spread") }

    /// Kafka's plain placement (keyHash % n) sends ordinary keys to the VIP partition.
    func testWrongPartitionerFailsSpread() async throws {
        let code = try LabFixtures.requireReference()
        let result = try await self.grade(
            answers: try LabFixtures.text(self.lab, "solution/answers.properties"),
            commands: try LabFixtures.text(self.lab, "solution/commands.log"),
            code: WrongCode.replacing(code, partition: WrongCode.plainMurmurPartitioner))
        self.assertFailsOnly(result, "vip-partitioner-spread", saying: "reserved for vip- keys")
    }

    /// Every key lab.json offers, with the partitions it expects, is what Kafka's murmur2 placement
    /// gives (the kit's own `Murmur2`); alice's key always moves when orders grows, as step 5 says.
    func testEveryKeyChoiceExpectsItsMurmur2Partitions() throws {
        let groups = try XCTUnwrap(self.lab.variables)
        let expected: [(key: String, partitions: [(name: String, count: Int)])] = [
            ("ALICE_KEY", [("ALICE_AT_3", 3), ("ALICE_AT_6", 6)]), ("DAVE_KEY", [("DAVE_AT_3", 3)]),
            ("BOB_KEY", [("BOB_AT_3", 3)]), ("CAROL_KEY", [("CAROL_AT_6", 6)]),
        ]
        for (keyName, partitions) in expected {
            let group = try XCTUnwrap(groups.first { $0.choices.first?[keyName] != nil }, keyName)
            XCTAssertGreaterThanOrEqual(group.choices.count, 4, group.name)
            for choice in group.choices {
                let key = try XCTUnwrap(choice[keyName])
                for (name, count) in partitions {
                    XCTAssertEqual(
                        choice[name], String(Murmur2.partition(forKey: Array(key.utf8), partitionCount: count)),
                        "\(key) \(name)")
                }
                if keyName == "ALICE_KEY" { XCTAssertNotEqual(choice["ALICE_AT_3"], choice["ALICE_AT_6"], key) }
            }
        }
        // The tasks expect exactly these values.
        for (taskKey, name) in [
            ("partition_alice", "ALICE_AT_3"), ("partition_dave", "DAVE_AT_3"), ("partition_bob", "BOB_AT_3"),
            ("partition_alice_after_6", "ALICE_AT_6"), ("partition_carol_after_6", "CAROL_AT_6"),
        ] {
            let task = try XCTUnwrap(self.lab.tasks.first { $0.check.key == taskKey }, taskKey)
            XCTAssertEqual(task.check.expected, self.lab.variant(for: nil).values[name], taskKey)
            XCTAssertTrue(self.lab.variantTaskIDs.contains(task.id), taskKey)
        }
    }
}
