import Foundation
import LabKit
import XCTest

/// Lab 1 · Your first cluster, by hand: one test per task, then a plausible wrong solution.
final class Lab1FirstClusterCheckerTests: LabCheckerTestCase {
    override class var labNumber: Int { 1 }

    /// The metadata server's client port
    func test_zookeeper_port() async throws { try await self.checkTask("zookeeper-port") }

    /// The key that numbers each broker
    func test_broker_id_key() async throws { try await self.checkTask("broker-id-key") }

    /// You started the metadata server by hand
    func test_metadata_server_by_hand() async throws { try await self.checkTask("metadata-server-by-hand") }

    /// You started two brokers by hand
    func test_brokers_by_hand() async throws { try await self.checkTask("brokers-by-hand") }

    /// Messages stay after being read
    func test_records_stay() async throws { try await self.checkTask("records-stay") }

    /// Two readers read the same data
    func test_two_readers() async throws { try await self.checkTask("two-readers") }

    /// Brokers registered in /brokers/ids
    func test_registered_brokers() async throws { try await self.checkTask("registered-brokers") }

    /// The cluster's controller
    func test_controller() async throws { try await self.checkTask("controller") }

    /// A stopped broker leaves /brokers/ids
    func test_ephemeral_registration() async throws { try await self.checkTask("ephemeral-registration") }

    /// greetings exists on the REPL's cluster with its messages
    func test_greetings_in_repl() async throws { try await self.checkTask("greetings-in-repl") }

    /// A student who expects a queue: read messages are gone.
    func testWrongAnswerQueueThinkingFailsRecordsStay() async throws {
        let code = try LabFixtures.requireReference()
        let result = try await self.grade(
            answers: try self.referenceAnswers(replacing: "records_second_read", with: "0"),
            commands: try LabFixtures.text(self.lab, "solution/commands.log"), code: code)
        self.assertFailsOnly(result, "records-stay", saying: "a log does not delete what was read")
    }

    /// The same server file started twice: the second start finds its port (or its broker.id)
    /// taken and fails, so only one broker was started by hand (INSTRUCTORS.md lists the mistake).
    func testTheSameServerFileStartedTwiceFailsBrokersByHand() async throws {
        let code = try LabFixtures.requireReference()
        let task = try XCTUnwrap(self.lab.tasks.first { $0.id == "brokers-by-hand" })
        let twice = try self.referenceCommands(
            replacing: "samsa kafka-server-start config/server-2.properties\tok broker.id=2 port=9093",
            with: "samsa kafka-server-start config/server-1.properties\tfailed: samsa-broker: cannot start: "
                + "address 127.0.0.1:9092 is already in use")
        let result = try await self.grade(
            answers: try LabFixtures.text(self.lab, "solution/answers.properties"), commands: twice, code: code)
        self.assertFailsOnly(result, "brokers-by-hand", saying: "1 different broker.id")
        self.assertRevealsNothing(result.task("brokers-by-hand"), task, ["server-2", "broker.id=2"])

        // Started, stopped and started again: two successes, still one broker.
        let again = try self.referenceCommands(
            replacing: "samsa kafka-server-start config/server-2.properties\tok broker.id=2 port=9093",
            with: "samsa kafka-server-start config/server-1.properties\tok broker.id=1 port=9092")
        let restarted = try await self.grade(
            answers: try LabFixtures.text(self.lab, "solution/answers.properties"), commands: again, code: code)
        self.assertFailsOnly(restarted, "brokers-by-hand", saying: "step 4")
    }
}
