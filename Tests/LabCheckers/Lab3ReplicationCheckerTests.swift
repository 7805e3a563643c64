import Foundation
import LabKit
import XCTest

/// Lab 3 · Replication: leaders, ISR and data loss: one test per task, then plausible wrong solutions.
final class Lab3ReplicationCheckerTests: LabCheckerTestCase {
    override class var labNumber: Int { 3 }

    /// payments' first leader
    func test_leader_before() async throws { try await self.checkTask("leader-before") }

    /// You killed the leader of your payments partition
    func test_killed_leader() async throws { try await self.checkTask("killed-leader") }

    /// New leader after killing the leader
    func test_leader_after() async throws { try await self.checkTask("leader-after") }

    /// ISR after killing the leader
    func test_isr_after_kill() async throws { try await self.checkTask("isr-after-kill") }

    /// Leader epoch after the election
    func test_leader_epoch() async throws { try await self.checkTask("leader-epoch") }

    /// No message lost with 3 in-sync replicas
    func test_nothing_lost() async throws { try await self.checkTask("nothing-lost") }

    /// ISR with the killed broker back
    func test_isr_after_restart() async throws { try await self.checkTask("isr-after-restart") }

    /// clicks' new leader, a follower from the ISR
    func test_clicks_leader_after() async throws { try await self.checkTask("clicks-leader-after") }

    /// Acknowledged messages lost with acks=1 in a clean election
    func test_lost_with_acks1() async throws { try await self.checkTask("lost-with-acks1") }

    /// clicks keeps only what was copied before the cut
    func test_clicks_records() async throws { try await self.checkTask("clicks-records") }

    /// Messages left in clicks
    func test_clicks_left() async throws { try await self.checkTask("clicks-left") }

    /// Messages acknowledged in orders
    func test_acks_all_acknowledged() async throws { try await self.checkTask("acks-all-acknowledged") }

    /// Acknowledged messages lost with acks=all
    func test_acks_all_no_loss() async throws { try await self.checkTask("acks-all-no-loss") }

    /// orders keeps everything acknowledged
    func test_orders_records() async throws { try await self.checkTask("orders-records") }

    /// Messages left in orders
    func test_orders_left() async throws { try await self.checkTask("orders-left") }

    /// Measured: acks=1 sends more records/s than acks=all
    func test_acks_all_costs() async throws { try await self.checkTask("acks-all-costs") }

    /// Acknowledged messages lost with unclean election
    func test_lost_unclean() async throws { try await self.checkTask("lost-unclean") }

    /// Messages left in fragile
    func test_fragile_left() async throws { try await self.checkTask("fragile-left") }

    /// acks=all error with too small an ISR
    func test_acks_all_refused() async throws { try await self.checkTask("acks-all-refused") }

    /// safe exists with 2 replicas and min.insync.replicas=2
    func test_safe_topic() async throws { try await self.checkTask("safe-topic") }

    /// A student who believes acks=1 never loses data once the new leader comes from the ISR.
    func testWrongAnswerNoLossFailsLostWithAcks1() async throws {
        let code = try LabFixtures.requireReference()
        let result = try await self.grade(
            answers: try self.referenceAnswers(replacing: "lost_records_acks1", with: "0"),
            commands: try LabFixtures.text(self.lab, "solution/commands.log"), code: code)
        self.assertFailsOnly(result, "lost-with-acks1", saying: "written with acks=1 after the cut")
    }

    /// Measurements where acks=all came out faster (a noisy machine) fail the comparison, with both numbers.
    func testMeasurementsTheWrongWayRoundFailTheThroughputTask() async throws {
        let code = try LabFixtures.requireReference()
        let reference = try LabFixtures.text(self.lab, "solution/commands.log")
        let swapped = reference.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.contains("\tresult\t") else { return String(line) }
            // Each result keeps its command; only the measured rates trade places.
            return line.contains("acks=all =>")
                ? line.replacingOccurrences(
                    of: #"[0-9.]+ records/sec"#, with: "40000.0 records/sec", options: .regularExpression)
                : line.replacingOccurrences(
                    of: #"[0-9.]+ records/sec"#, with: "20000.0 records/sec", options: .regularExpression)
        }.joined(separator: "\n")
        XCTAssertNotEqual(swapped, reference)
        let result = try await self.grade(
            answers: try LabFixtures.text(self.lab, "solution/answers.properties"), commands: swapped, code: code)
        self.assertFailsOnly(result, "acks-all-costs", saying: "20000.0 vs 40000.0 records/sec")
    }

    /// The perf tests in the log without their results (run before samsa logged them, or cut short):
    /// no measurement, so no comparison; a typed-in number cannot stand in.
    func testPerfRunsWithoutResultsFailTheThroughputTask() async throws {
        let code = try LabFixtures.requireReference()
        let withoutResults = try LabFixtures.text(self.lab, "solution/commands.log")
            .split(separator: "\n").filter { !$0.contains("\tresult\t") }.joined(separator: "\n")
        let result = try await self.grade(
            answers: try LabFixtures.text(self.lab, "solution/answers.properties")
                + "\nacks1_records_per_sec = 90000\n",
            commands: withoutResults, code: code)
        self.assertFailsOnly(result, "acks-all-costs", saying: "without its result")
    }

    /// Step 2 asks to kill payments' leader; killing a follower (it led nothing) is not that step,
    /// and the message says which step, not which broker.
    func testKillingAFollowerFailsKilledLeader() async throws {
        let code = try LabFixtures.requireReference()
        let task = try XCTUnwrap(self.lab.tasks.first { $0.id == "killed-leader" })
        let values = self.lab.variant(for: LabFixtures.student).values
        let leader = try XCTUnwrap(values["PAY_LEADER"])
        let partition = try XCTUnwrap(values["PAY_PARTITION"])
        let killed = "broker kill \(leader)\tok led=payments-\(partition)"
        let followerID = leader == "1" ? "2" : "1"
        let follower = try self.referenceCommands(replacing: killed, with: "broker kill \(followerID)\tok led=")
        let result = try await self.grade(
            answers: try LabFixtures.text(self.lab, "solution/answers.properties"), commands: follower, code: code)
        self.assertFailsOnly(result, "killed-leader", saying: "did not do what step 2 asks")
        self.assertRevealsNothing(
            result.task("killed-leader"), task, ["payments-\(partition)", "led=", "broker kill \(leader)"])

        // The leader's kill that failed (no cluster) does not count either.
        let failedKill = try self.referenceCommands(
            replacing: killed, with: "broker kill \(leader)\tfailed: no cluster 'lab' here")
        let failed = try await self.grade(
            answers: try LabFixtures.text(self.lab, "solution/answers.properties"), commands: failedKill, code: code)
        self.assertFailsOnly(failed, "killed-leader", saying: "step 2")
    }
}
