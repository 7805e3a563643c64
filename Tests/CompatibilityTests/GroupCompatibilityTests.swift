import Foundation
import SamsaTesting
import XCTest

/// What `confluent_groups.py rebalance` / `kafka_python_groups.py rebalance` saw.
struct RebalanceResult: Decodable {
    var bothAssigned: Bool
    var first: [[Int]]
    var alone: Bool
    var afterLeave: [Int]
    var read: Int
    var commitErrors: [String]
    var committed: [String: Int]
}

struct CommittedResult: Decodable {
    var committed: [String: Int]
}

struct StaticMembershipResult: Decodable {
    var bothAssigned: Bool
    var rejoined: Bool
    var before: [[Int]]
    var after: [[Int]]
    var revocationsAfterRestart: Int
}

struct SigkillResult: Decodable {
    var bothAssigned: Bool
    var shared: [[Int]]
    var alone: Bool
    var secondsToTakeOver: Double
}

struct IdempotentResult: Decodable {
    var errors: [String]
    var read: Int
    var distinct: Int
    var inOrder: Bool
}

/// Consumer groups and idempotent producers with librdkafka and kafka-python against
/// samsa-broker: two members on a 4-partition topic own 2 partitions each; when one leaves the
/// other owns all 4; committed offsets survive a broker restart; idempotent producers write
/// every record exactly once.
final class GroupCompatibilityTests: XCTestCase {
    private func startGroupBroker(file: StaticString = #filePath, line: UInt = #line) throws -> TestBroker {
        try self.startBroker(
            overrides: [
                "auto.create.topics.enable": "true", "num.partitions": "1", "default.replication.factor": "1",
                "offsets.topic.replication.factor": "1", "offsets.topic.num.partitions": "5",
            ], file: file, line: line)
    }

    private func assertRebalance(_ result: RebalanceResult, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(result.bothAssigned, "both members got 2 partitions: \(result.first)", file: file, line: line)
        XCTAssertEqual(
            result.first.flatMap { $0 }.sorted(), [0, 1, 2, 3], "each partition has one owner", file: file, line: line)
        XCTAssertEqual(result.first.map(\.count), [2, 2], file: file, line: line)
        XCTAssertTrue(result.alone, file: file, line: line)
        XCTAssertEqual(
            result.afterLeave, [0, 1, 2, 3], "the remaining member owns all 4 after the other left", file: file,
            line: line)
        XCTAssertEqual(result.read, 40, "no record read twice", file: file, line: line)
        XCTAssertEqual(result.commitErrors, [], file: file, line: line)
        XCTAssertEqual(result.committed, ["0": 10, "1": 10, "2": 10, "3": 10], file: file, line: line)
    }

    func testConfluentGroupRebalancesAndOffsetsSurviveRestart() throws {
        let broker = try self.startGroupBroker()
        let result = try ClientScript.run(
            "confluent_groups.py", ["rebalance", broker.bootstrap, "orders", "billing"], modules: ["confluent_kafka"],
            as: RebalanceResult.self)
        self.assertRebalance(result)
        broker.stop()
        try broker.restart()
        let reloaded = try ClientScript.run(
            "confluent_groups.py", ["committed", broker.bootstrap, "orders", "billing"], modules: ["confluent_kafka"],
            as: CommittedResult.self)
        XCTAssertEqual(reloaded.committed, ["0": 10, "1": 10, "2": 10, "3": 10])
    }

    /// KIP-429: librdkafka's cooperative-sticky assignor over the classic protocol (the broker
    /// only relays the assignments; revocation is incremental on the client).
    func testConfluentCooperativeStickyGroupRebalances() throws {
        let broker = try self.startGroupBroker()
        let result = try ClientScript.run(
            "confluent_groups.py", ["rebalance", broker.bootstrap, "orders", "billing", "cooperative-sticky"],
            modules: ["confluent_kafka"], as: RebalanceResult.self)
        self.assertRebalance(result)
    }

    /// KIP-345: a static member that restarts within its session takes its old place and
    /// partitions without a rebalance; the other member keeps its partitions untouched.
    func testConfluentStaticMemberRestartsWithoutRebalance() throws {
        let broker = try self.startGroupBroker()
        let result = try ClientScript.run(
            "confluent_groups.py", ["static", broker.bootstrap, "orders", "billing"], modules: ["confluent_kafka"],
            as: StaticMembershipResult.self)
        XCTAssertTrue(result.bothAssigned)
        XCTAssertTrue(result.rejoined)
        XCTAssertEqual(result.before, [[0, 1], [2, 3]])
        XCTAssertEqual(result.after, result.before, "the restarted member gets its old partitions back")
        XCTAssertEqual(result.revocationsAfterRestart, 0, "no rebalance reached the other member")
    }

    /// A SIGKILLed member sends no LeaveGroup: its partitions move once the coordinator expires
    /// its session (session.timeout.ms=6000 in the script). The time is printed, not asserted.
    func testConfluentMemberKilledWithSIGKILLIsReplacedAfterItsSession() throws {
        let broker = try self.startGroupBroker()
        let result = try ClientScript.run(
            "confluent_groups.py", ["sigkill", broker.bootstrap, "orders", "billing"], modules: ["confluent_kafka"],
            as: SigkillResult.self)
        XCTAssertTrue(result.bothAssigned, "before the kill: \(result.shared)")
        XCTAssertEqual(result.shared.flatMap { $0 }.sorted(), [0, 1, 2, 3])
        XCTAssertTrue(result.alone, "the survivor owns all 4 partitions after the session expired")
        print("survivor took over \(result.secondsToTakeOver) s after SIGKILL (session.timeout.ms=6000)")
    }

    func testConfluentOffsetsSurviveSIGKILL() throws {
        let broker = try self.startGroupBroker()
        _ = try ClientScript.run(
            "confluent_groups.py", ["rebalance", broker.bootstrap, "orders", "billing"], modules: ["confluent_kafka"],
            as: RebalanceResult.self)
        broker.kill()
        try broker.restart()
        let reloaded = try ClientScript.run(
            "confluent_groups.py", ["committed", broker.bootstrap, "orders", "billing"], modules: ["confluent_kafka"],
            as: CommittedResult.self)
        XCTAssertEqual(reloaded.committed, ["0": 10, "1": 10, "2": 10, "3": 10])
    }

    func testKafkaPythonGroupRebalances() throws {
        let broker = try self.startGroupBroker()
        let result = try ClientScript.run(
            "kafka_python_groups.py", ["rebalance", broker.bootstrap, "orders", "billing"], modules: ["kafka"],
            as: RebalanceResult.self)
        self.assertRebalance(result)
    }

    func testConfluentIdempotentProducerWritesEachRecordOnce() throws {
        let broker = try self.startGroupBroker()
        let result = try ClientScript.run(
            "confluent_groups.py", ["idempotent", broker.bootstrap, "idem", "20000"], modules: ["confluent_kafka"],
            as: IdempotentResult.self)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.read, 20000)
        XCTAssertEqual(result.distinct, 20000)
        XCTAssertTrue(result.inOrder)
    }

    func testKafkaPythonIdempotentProducerWritesEachRecordOnce() throws {
        let broker = try self.startGroupBroker()
        let result = try ClientScript.run(
            "kafka_python_groups.py", ["idempotent", broker.bootstrap, "idem", "5000"], modules: ["kafka"],
            as: IdempotentResult.self)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.read, 5000)
        XCTAssertEqual(result.distinct, 5000)
        XCTAssertTrue(result.inOrder)
    }
}
