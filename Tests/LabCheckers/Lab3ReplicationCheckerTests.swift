import Foundation
import LabKit
import XCTest

/// Lab 3 · Replication: leaders, ISR and data loss: one test per task, then a plausible wrong solution.
final class Lab3ReplicationCheckerTests: LabCheckerTestCase {
    override class var labNumber: Int { 3 }

    /// payments' first leader
    func test_leader_before() async throws { try await self.checkTask("leader-before") }

    /// You killed a leader
    func test_killed_leader() async throws { try await self.checkTask("killed-leader") }

    /// New leader after killing broker 1
    func test_leader_after() async throws { try await self.checkTask("leader-after") }

    /// ISR after killing the leader
    func test_isr_after_kill() async throws { try await self.checkTask("isr-after-kill") }

    /// Leader epoch after the election
    func test_leader_epoch() async throws { try await self.checkTask("leader-epoch") }

    /// No message lost with 3 in-sync replicas
    func test_nothing_lost() async throws { try await self.checkTask("nothing-lost") }

    /// ISR with broker 1 back
    func test_isr_after_restart() async throws { try await self.checkTask("isr-after-restart") }

    /// Messages lost with acks=1 and unclean election
    func test_lost_with_acks1() async throws { try await self.checkTask("lost-with-acks1") }

    /// Messages left in fragile
    func test_fragile_left() async throws { try await self.checkTask("fragile-left") }

    /// acks=all error with too small an ISR
    func test_acks_all_refused() async throws { try await self.checkTask("acks-all-refused") }

    /// Acknowledged records lost with acks=all and min.insync.replicas=2
    func test_acks_all_no_loss() async throws { try await self.checkTask("acks-all-no-loss") }

    /// safe exists with 2 replicas and min.insync.replicas=2
    func test_safe_topic() async throws { try await self.checkTask("safe-topic") }

    /// A student who believes acks=1 never loses data.
    func testWrongAnswerNoLossFailsLostWithAcks1() async throws {
        let code = try LabFixtures.requireReference()
        let result = try await self.grade(
            answers: try self.referenceAnswers(replacing: "lost_records_acks1", with: "0"),
            commands: try LabFixtures.text(self.lab, "solution/commands.log"), code: code)
        self.assertFailsOnly(result, "lost-with-acks1", saying: "The 5 written with acks=1")
    }
}
