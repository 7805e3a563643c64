import Foundation
import LabKit
import XCTest

/// Lab 5 · Consumer groups: one test per task, then a plausible wrong solution.
final class Lab5ConsumerGroupsCheckerTests: LabCheckerTestCase {
    override class var labNumber: Int { 5 }

    /// Generation after c2 joins
    func test_generation() async throws { try await self.checkTask("generation") }

    /// Members without a partition with 4 consumers
    func test_idle_members() async throws { try await self.checkTask("idle-members") }

    /// You killed a member mid-stream
    func test_killed_member() async throws { try await self.checkTask("killed-member") }

    /// Time until the rebalance after killing c3
    func test_session_timeout() async throws { try await self.checkTask("session-timeout") }

    /// Lag after writing 12 messages with the group stopped
    func test_lag() async throws { try await self.checkTask("lag") }

    /// You rewound the group with kafka-consumer-groups
    func test_reset_offsets() async throws { try await self.checkTask("reset-offsets") }

    /// Lag after rewinding
    func test_lag_after_reset() async throws { try await self.checkTask("lag-after-reset") }

    /// Messages read again after rewinding
    func test_reread() async throws { try await self.checkTask("reread") }

    /// billing has committed offsets and lag 0
    func test_group_caught_up() async throws { try await self.checkTask("group-caught-up") }

    /// CommitOnRevokeListener commits on revoke
    func test_listener_revoke() async throws { try await self.checkTask("listener-revoke") }

    /// CommitOnRevokeListener does not commit lost partitions
    func test_listener_lost() async throws { try await self.checkTask("listener-lost") }

    /// Committing lost partitions overwrites the new owner's commits.
    func testWrongListenerFailsLost() async throws {
        let code = try LabFixtures.requireReference()
        let result = try await self.grade(
            answers: try LabFixtures.text(self.lab, "solution/answers.properties"),
            commands: try LabFixtures.text(self.lab, "solution/commands.log"),
            code: WrongCode.replacing(code, makeListener: { WrongCode.CommitsWhenLost(positions: $0, committer: $1) }))
        self.assertFailsOnly(result, "listener-lost", saying: "another member may own them already")
    }

    /// A dry run shows the plan and changes nothing; a reset the coordinator refused (members still
    /// active) exits 0 like Kafka's tool. Neither rewinds the group.
    func testADryRunOrRefusedResetFailsResetOffsets() async throws {
        let code = try LabFixtures.requireReference()
        let task = try XCTUnwrap(self.lab.tasks.first { $0.id == "reset-offsets" })
        for (command, outcome) in [
            ("--dry-run", "reset=dry-run"), ("", "reset=dry-run"), ("--execute", "reset=refused"),
        ] {
            let commands = try self.referenceCommands(
                replacing: "--to-earliest --execute\tok reset=executed",
                with: "--to-earliest \(command)\tok \(outcome)")
            let result = try await self.grade(
                answers: try LabFixtures.text(self.lab, "solution/answers.properties"), commands: commands, code: code)
            self.assertFailsOnly(result, "reset-offsets", saying: "did not do what step 6 asks")
            self.assertRevealsNothing(result.task("reset-offsets"), task, ["--execute", "executed"])
        }
    }

    /// Each student kills their own member (step 4 names it): killing one the step keeps does not
    /// pass `killed-member`, and the message names the command to run.
    func testKillingAnotherMemberDoesNotPassKilledMember() async throws {
        let code = try LabFixtures.requireReference()
        let values = self.lab.variant(for: LabFixtures.student).values
        let killed = try XCTUnwrap(values["KILLED_MEMBER"])
        let kept = try XCTUnwrap(values["KEPT_A"])
        let commands = try self.referenceCommands(
            replacing: "consumer kill \(killed)\t", with: "consumer kill \(kept)\t")
        let result = try await self.grade(
            answers: try LabFixtures.text(self.lab, "solution/answers.properties"), commands: commands, code: code)
        for task in result.tasks {
            if task.taskID == "killed-member" {
                XCTAssertEqual(task.status, .notAttempted, task.reason)
                XCTAssertTrue(task.reason.contains("consumer kill \(killed)"), task.reason)
            } else {
                XCTAssertEqual(task.status, .passed, "\(task.taskID): \(task.reason)")
            }
        }
    }

    /// A time in the accepted range that no `wait group` of the student's measured fails, and the
    /// message does not give the logged seconds away.
    func testInventedRebalanceSecondsFail() async throws {
        let code = try LabFixtures.requireReference()
        let result = try await self.grade(
            answers: try self.referenceAnswers(replacing: "seconds_until_rebalance_after_kill", with: "30"),
            commands: try LabFixtures.text(self.lab, "solution/commands.log"), code: code)
        let task = try XCTUnwrap(result.task("session-timeout"))
        XCTAssertEqual(task.status, .failed, task.reason)
        XCTAssertTrue(task.reason.contains("wait group"), task.reason)
        self.assertRevealsNothing(task, try XCTUnwrap(self.lab.tasks.first { $0.id == "session-timeout" }), ["10.2"])
        // The same answer with the wait's seconds it claims in the log passes.
        let matching = try await self.grade(
            answers: try self.referenceAnswers(replacing: "seconds_until_rebalance_after_kill", with: "30"),
            commands: try self.referenceCommands(replacing: "ok waited=10.2", with: "ok waited=29.6"), code: code)
        XCTAssertEqual(
            matching.task("session-timeout")?.status, .passed, matching.task("session-timeout")?.reason ?? "")
    }
}
