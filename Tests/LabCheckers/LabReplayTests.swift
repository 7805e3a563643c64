import Foundation
import LabKit
import LocalCluster
import SamsaTesting
import XCTest

/// `samsa grade --replay`: a student's recorded REPL commands run again on a fresh cluster, and
/// the cluster tasks are checked there — including the command that failed for the student
/// (shrinking a topic), which fails again without stopping the replay.
final class LabReplayTests: XCTestCase {
    func testTheScriptDetachesTheClusterAndDropsCommandsThatOnlyShowThings() throws {
        let log = CommandLog(
            parsing: """
                t\trepl\tlab start 2
                t\trepl\ttopic create orders --partitions 3 --replication-factor 3
                t\trepl\tcluster status
                t\trepl\tui
                t\tcli\tkafka-topics --list
                t\trepl\tproduce orders --key alice a1
                t\trepl\tcluster destroy
                """)
        let script = LabReplay.script(from: log, cluster: .init(brokers: 3, standalone: false))
        XCTAssertEqual(
            script,
            [
                "cluster start --brokers 3 --detach", "topic create orders --partitions 3 --replication-factor 3",
                "produce orders --key alice a1",
            ])
        let own = LabReplay.script(
            from: CommandLog(parsing: "t\trepl\tcluster start --brokers 2 --name mine\nt\trepl\ttopic list"),
            cluster: .init(brokers: 3, standalone: false))
        XCTAssertEqual(own, ["cluster start --brokers 2 --detach"], "the student's own start wins, named by the replay")
    }

    func testLabTwosReferenceCommandsRebuildTheTopicOnAFreshCluster() async throws {
        // The reference log is a template: replayed as the test student wrote it, keys and all.
        let lab = try LabFixtures.catalog().lab(2).forStudent(LabFixtures.student)
        let samsa = try Products.executable("samsa")
        let task = try XCTUnwrap(lab.tasks.first { $0.id == "orders-topic" })

        let reference = CommandLog(parsing: try LabFixtures.text(lab, "solution/commands.log"))
        XCTAssertFalse(reference.entries.contains { $0.command.contains("⟨") }, "\(reference.entries)")
        let replayed = try LabReplay(samsa: samsa).run(reference, lab: lab)
        defer { replayed.destroy() }
        XCTAssertTrue(
            replayed.transcript.contains("replay.samsa line 7:"),
            "the shrink the student tried fails again: \(replayed.transcript)")
        // The student's keys land where their expected answers say: alice's three, dave's two, then
        // alice's again on 6 partitions (the producer's murmur2 on a real cluster).
        let values = lab.variant(for: LabFixtures.student).values
        let placed = replayed.transcript.matches(of: /→ orders-(\d+)\s/).map { String($0.1) }
        let wanted =
            [String](repeating: values["ALICE_AT_3"] ?? "?", count: 3)
            + [String](repeating: values["DAVE_AT_3"] ?? "?", count: 2)
            + [values["ALICE_AT_6"] ?? "?"]
        XCTAssertEqual(placed, wanted, replayed.transcript)
        let checker = LabChecker(submission: FileManager.default.temporaryDirectory, bootstrap: replayed.bootstrap)
        let passed = await checker.run(task, answers: AnswersFile(values: [:]), log: CommandLog(entries: []))
        XCTAssertEqual(passed.status, .passed, passed.reason)

        // Without the step that grows the topic, the replayed cluster has 3 partitions: failed, with the count.
        let partial = CommandLog(entries: reference.entries.filter { !$0.command.contains("--partitions 6") })
        let second = try LabReplay(samsa: samsa).run(partial, lab: lab)
        defer { second.destroy() }
        let failed = await LabChecker(submission: FileManager.default.temporaryDirectory, bootstrap: second.bootstrap)
            .run(task, answers: AnswersFile(values: [:]), log: CommandLog(entries: []))
        XCTAssertEqual(failed.status, .failed)
        XCTAssertTrue(failed.reason.contains("3"), failed.reason)
    }

    /// Lab 3's course lesson, replayed for the test student's variant: acks=1 after `fault
    /// cut-replication` loses exactly the records acknowledged after the cut in a clean election
    /// (clicks keeps the first ones), acks=all under `fault slow-replication` loses none (orders keeps
    /// all), and the unclean election loses those acknowledged with acks=all and min.insync.replicas=1
    /// (fragile keeps the first ones). About two minutes: the ISR shrinks take 10–15 s each.
    func testLabThreesReferenceLosesExactlyTheAcks1Records() async throws {
        let lab = try LabFixtures.catalog().lab(3).forStudent(LabFixtures.student)
        let values = lab.variant(for: LabFixtures.student).values
        let samsa = try Products.executable("samsa")
        let reference = CommandLog(parsing: try LabFixtures.text(lab, "solution/commands.log"))
        let replayed = try LabReplay(samsa: samsa).run(reference, lab: lab)
        defer { replayed.destroy() }
        for (topic, name) in [
            ("payments", "PAY_RECORDS"), ("clicks", "CLICKS_FIRST"), ("orders", "ORDERS_TOTAL"),
            ("fragile", "FRAGILE_FIRST"),
        ] {
            let left = try XCTUnwrap(values[name])
            XCTAssertTrue(
                replayed.transcript.contains("Read \(left) records from \(topic) "), "\(topic): \(replayed.transcript)")
        }
        XCTAssertTrue(
            replayed.transcript.contains("not acknowledged: record 1 of 1 (acks=all); 0 acknowledged before it.")
                && replayed.transcript.contains("NOT_ENOUGH_REPLICAS"), replayed.transcript)
        let checker = LabChecker(submission: FileManager.default.temporaryDirectory, bootstrap: replayed.bootstrap)
        for id in ["clicks-records", "orders-records", "safe-topic"] {
            let task = try XCTUnwrap(lab.tasks.first { $0.id == id })
            let result = await checker.run(task, answers: AnswersFile(values: [:]), log: CommandLog(entries: []))
            XCTAssertEqual(result.status, .passed, "\(id): \(result.reason)")
        }
    }
}
