import CourseLanguage
import Foundation
import KafkaProtocol
import LabKit
import SamsaClient
import SamsaTesting
import XCTest

/// The `cluster` checks against one real broker (standalone): the same code `lab check` runs
/// against the REPL's cluster.
final class ClusterCheckTests: XCTestCase {
    func spec(_ probe: CheckSpec.Probe, topic: String) -> CheckSpec {
        var spec = CheckSpec(kind: .cluster)
        spec.probe = probe
        spec.topic = topic
        return spec
    }

    func testTopicRecordsAndGroupProbes() async throws {
        let broker = try self.startBroker()
        var topicSpec = self.spec(.topic, topic: "orders")
        topicSpec.partitions = 3
        topicSpec.replicationFactor = 1

        var verdict = await ClusterChecks.check(topicSpec, bootstrap: broker.bootstrap, language: .en)
        XCTAssertEqual(verdict.status, .notAttempted, verdict.reason)
        XCTAssertTrue(verdict.reason.contains("does not exist yet"), verdict.reason)

        let admin = try KafkaAdmin(bootstrapServers: broker.bootstrap)
        try await admin.createTopic("orders", partitions: 2, replicationFactor: 1)
        verdict = await ClusterChecks.check(topicSpec, bootstrap: broker.bootstrap, language: .en)
        XCTAssertEqual(verdict.status, .failed)
        XCTAssertTrue(verdict.reason.contains("has 2 partitions; the step asks for 3"), verdict.reason)

        try await admin.createPartitions(["orders": 3])
        verdict = await ClusterChecks.check(topicSpec, bootstrap: broker.bootstrap, language: .en)
        XCTAssertEqual(verdict.status, .passed, verdict.reason)

        var recordsSpec = self.spec(.records, topic: "orders")
        recordsSpec.minimum = 3
        verdict = await ClusterChecks.check(recordsSpec, bootstrap: broker.bootstrap, language: .en)
        XCTAssertEqual(verdict.status, .failed)
        let producer = try KafkaProducer(bootstrapServers: broker.bootstrap)
        for value in ["hola", "hello", "bonjour"] {
            _ = try await producer.send(ProducerRecord(topic: "orders", partition: 0, value: value))
        }
        await producer.close()
        verdict = await ClusterChecks.check(recordsSpec, bootstrap: broker.bootstrap, language: .en)
        XCTAssertEqual(verdict.status, .passed, verdict.reason)
        // Lab 3: exactly what survived an election; records the step expects gone fail the task.
        recordsSpec.maximum = 2
        verdict = await ClusterChecks.check(recordsSpec, bootstrap: broker.bootstrap, language: .en)
        XCTAssertEqual(verdict.status, .failed)
        XCTAssertTrue(verdict.reason.contains("holds 3 records; after the step 2 should be left"), verdict.reason)

        var groupSpec = self.spec(.groupCommitted, topic: "orders")
        groupSpec.group = "billing"
        groupSpec.lagZero = true
        verdict = await ClusterChecks.check(groupSpec, bootstrap: broker.bootstrap, language: .en)
        XCTAssertEqual(verdict.status, .notAttempted, verdict.reason)
        let partitions = (0..<3).map { TopicPartition("orders", Int32($0)) }
        try await admin.resetGroupOffsets("billing", to: [partitions[0]: 1, partitions[1]: 0, partitions[2]: 0])
        verdict = await ClusterChecks.check(groupSpec, bootstrap: broker.bootstrap, language: .en)
        XCTAssertEqual(verdict.status, .failed)
        XCTAssertTrue(verdict.reason.contains("lags 2 records"), verdict.reason)
        try await admin.resetGroupOffsets("billing", to: [partitions[0]: 3])
        verdict = await ClusterChecks.check(groupSpec, bootstrap: broker.bootstrap, language: .en)
        XCTAssertEqual(verdict.status, .passed, verdict.reason)
        await admin.close()
    }

    /// Lab 3's `safe-topic`: the topic's config as DescribeConfigs reports it.
    func testTopicConfigProbe() async throws {
        let broker = try self.startBroker()
        var spec = self.spec(.topicConfig, topic: "safe")
        spec.replicationFactor = 1
        spec.configs = ["min.insync.replicas": "2"]
        var verdict = await ClusterChecks.check(spec, bootstrap: broker.bootstrap, language: .en)
        XCTAssertEqual(verdict.status, .notAttempted, verdict.reason)

        let admin = try KafkaAdmin(bootstrapServers: broker.bootstrap)
        try await admin.createTopic("safe", partitions: 1, replicationFactor: 1)
        verdict = await ClusterChecks.check(spec, bootstrap: broker.bootstrap, language: .en)
        XCTAssertEqual(verdict.status, .failed)
        XCTAssertTrue(verdict.reason.contains("the step asks for min.insync.replicas=2"), verdict.reason)

        try await admin.alterConfigs(.topic("safe"), [.set("min.insync.replicas", "2")])
        verdict = await ClusterChecks.check(spec, bootstrap: broker.bootstrap, language: .en)
        XCTAssertEqual(verdict.status, .passed, verdict.reason)
        XCTAssertTrue(verdict.reason.contains("min.insync.replicas=2"), verdict.reason)
        await admin.close()
    }

    func testUnreachableClusterSaysSo() async throws {
        let verdict = await ClusterChecks.check(
            self.spec(.topic, topic: "x"), bootstrap: "127.0.0.1:\(try FreePort.allocate())", language: .es)
        XCTAssertEqual(verdict.status, .failed)
        XCTAssertTrue(verdict.reason.contains("¿está arrancado?"), verdict.reason)
    }

    /// `lab check` in the REPL passes the cluster's bootstrap: Lab 1's cluster task uses it.
    func testLabCheckerUsesTheClusterWhenGivenOne() async throws {
        let broker = try self.startBroker()
        let lab = try LabFixtures.catalog().lab(1)
        let task = try XCTUnwrap(lab.tasks.first { $0.id == "greetings-in-repl" })
        let directory = try self.makeTemporaryDirectory()
        let checker = LabChecker(submission: directory.url, bootstrap: broker.bootstrap)
        var result = await checker.run(task, answers: AnswersFile(values: [:]), log: CommandLog(entries: []))
        XCTAssertEqual(result.status, .notAttempted, result.reason)
        let admin = try KafkaAdmin(bootstrapServers: broker.bootstrap)
        try await admin.createTopic("greetings", partitions: 1, replicationFactor: 1)
        await admin.close()
        let producer = try KafkaProducer(bootstrapServers: broker.bootstrap)
        for value in ["hola", "hello", "bonjour"] {
            _ = try await producer.send(ProducerRecord(topic: "greetings", value: value))
        }
        await producer.close()
        result = await checker.run(task, answers: AnswersFile(values: [:]), log: CommandLog(entries: []))
        XCTAssertEqual(result.status, .passed, result.reason)
        XCTAssertEqual(result.score, task.points)
    }
}
