import CourseLanguage
import Foundation
import LabKit
import LocalCluster
import REPL
import SamsaTesting
import XCTest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The REPL's `lab` commands in-process, on a copy of labs/ in a temp folder; Lab 1 needs no
/// cluster at its start, so nothing is launched.
final class LabREPLTests: XCTestCase {
    func testLabStartStepsHintRecordAndCheck() throws {
        let directory = try self.makeTemporaryDirectory()
        try FileManager.default.copyItem(at: LabFixtures.labsRoot, to: directory.url.appendingPathComponent("labs"))
        try? FileManager.default.removeItem(
            at: directory.url.appendingPathComponent("labs/01-first-cluster/commands.log"))
        let console = Console.capturing(width: 100)
        let session = Session(
            configuration: .init(
                clusterName: "lab", baseDirectory: directory.url,
                executables: ClusterExecutables(searchDirectories: [directory.url]), usesWatchdog: false),
            console: console)

        XCTAssertEqual(try session.execute("explain offset"), .proceed)  // before any lab: not recorded
        XCTAssertEqual(try session.execute("lab list"), .proceed)
        XCTAssertTrue(console.output.contains("1  "), console.output)
        XCTAssertThrowsError(try session.execute("lab next")) { error in
            XCTAssertTrue("\(error)".contains("no lab started"), "\(error)")
        }
        // Lab 1 gives every student their own values: no start without an id.
        XCTAssertThrowsError(try session.execute("lab start 1")) { error in
            XCTAssertTrue("\(error)".contains("lab id set"), "\(error)")
        }
        XCTAssertEqual(try session.execute("lab id set \(LabFixtures.student)"), .proceed)
        XCTAssertEqual(try session.execute("lab start 1"), .proceed)
        XCTAssertTrue(console.output.contains("Step 1/"), console.output)
        // Each command says where it runs: `swift run samsa` in a terminal, `lab start 1` in the REPL.
        XCTAssertTrue(
            console.output.contains("  In a terminal:\n    swift run samsa\n  In the REPL:\n    lab start 1\n"),
            console.output)
        XCTAssertEqual(try session.execute("lab next"), .proceed)
        XCTAssertTrue(console.output.contains("Step 2/"), console.output)
        XCTAssertEqual(try session.execute("lab next"), .proceed)
        XCTAssertTrue(console.output.contains("Step 3/"), console.output)
        XCTAssertTrue(console.output.contains("zookeeper-server-start config/zookeeper.properties"), console.output)
        XCTAssertEqual(try session.execute("lab hint"), .proceed)
        // No cluster: the line is recorded once it has ended, with the error the student saw.
        let before = Date().addingTimeInterval(-1)
        var shown = ""
        XCTAssertThrowsError(try session.execute("meta ls /brokers/ids")) { error in shown = "\(error)" }
        XCTAssertEqual(try session.execute("explain offset"), .proceed)

        let progressFile = LabProgress.file(in: directory.url)
        XCTAssertEqual(LabProgress.load(from: progressFile).currentLab, 1)
        XCTAssertEqual(LabProgress.load(from: progressFile).state(1).step, 2)
        let folder = directory.url.appendingPathComponent("labs/01-first-cluster")
        let log = CommandLog.load(folder: folder)
        XCTAssertEqual(log.entries.map(\.command), ["meta ls /brokers/ids", "explain offset"])
        XCTAssertEqual(log.entries.map(\.outcome), [CommandOutcome.failure(shown), .ok])
        XCTAssertFalse(shown.isEmpty)
        let ended = ISO8601DateFormatter().date(from: log.entries[0].time)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(ended), before)

        try Data("zookeeper_client_port = 2181\n".utf8).write(to: folder.appendingPathComponent("answers.properties"))
        XCTAssertEqual(try session.execute("lab check"), .proceed)
        XCTAssertTrue(console.output.contains("zookeeper-port (1/1)"), console.output)
        XCTAssertEqual(LabProgress.load(from: progressFile).state(1).lastScore, 1)
        // Each check is kept: an instructor sees how many attempts a score took.
        try Data("zookeeper_client_port = 9999\n".utf8).write(to: folder.appendingPathComponent("answers.properties"))
        XCTAssertEqual(try session.execute("lab check"), .proceed)
        let checks = try XCTUnwrap(LabProgress.load(from: progressFile).state(1).checks)
        XCTAssertEqual(checks.map(\.score), [1, 0])
        XCTAssertEqual(LabProgress.load(from: progressFile).state(1).lastScore, 0)
        XCTAssertTrue(console.output.contains("#2"), console.output)
    }

    /// A progress file written before checks were kept still loads, with its last score.
    func testProgressWithoutCheckHistoryStillLoads() throws {
        let directory = try self.makeTemporaryDirectory()
        let file = LabProgress.file(in: directory.url)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(
            #"{"currentLab": 2, "labs": {"2": {"step": 3, "lastScore": 4, "maxScore": 9, "passedTasks": ["a"]}}}"#.utf8
        )
        .write(to: file)
        let progress = LabProgress.load(from: file)
        XCTAssertEqual(progress.currentLab, 2)
        XCTAssertEqual(progress.state(2).lastScore, 4)
        XCTAssertNil(progress.state(2).checks)
    }

    /// `lab start 3` on a cluster of the right shape left with a broker down and a fault injected
    /// brings it back to where step 1 starts, says what it did, and logs none of it as the
    /// student's work.
    func testLabStartRestartsDownBrokersAndHealsFaults() throws {
        let directory = try self.makeTemporaryDirectory()
        try FileManager.default.copyItem(at: LabFixtures.labsRoot, to: directory.url.appendingPathComponent("labs"))
        let lab = try LabFixtures.catalog().lab(3)
        let folder = directory.url.appendingPathComponent("labs/\(lab.folderName)")
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(CommandLog.fileName))
        let products = try Products.executable("samsa").deletingLastPathComponent()
        let console = Console.capturing(width: 100)
        let session = Session(
            configuration: .init(
                clusterName: "lab", baseDirectory: directory.url,
                executables: ClusterExecutables(searchDirectories: [products]), usesWatchdog: false),
            console: console)
        defer { session.finish() }
        let previous = ProcessInfo.processInfo.environment["SAMSA_LANGUAGE"]
        setenv("SAMSA_LANGUAGE", "en", 1)
        session.language = .en  // the session chose its language when it was made
        defer { if let previous { setenv("SAMSA_LANGUAGE", previous, 1) } else { unsetenv("SAMSA_LANGUAGE") } }

        XCTAssertEqual(try session.execute("cluster start --brokers 3"), .proceed)
        XCTAssertEqual(try session.execute("broker kill 2"), .proceed)
        XCTAssertEqual(try session.execute("fault cut-replication 3"), .proceed)
        XCTAssertEqual(try session.execute("lab id set student-7"), .proceed)
        XCTAssertEqual(try session.execute("lab start 3"), .proceed)

        XCTAssertTrue(
            console.output.contains("started broker 2 again, which was down (`broker start 2`)"), console.output)
        XCTAssertTrue(
            console.output.contains("healed the faults injected in broker 3 (cut-replication) (`fault heal`)"),
            console.output)
        let snapshot = try XCTUnwrap(session.cluster?.snapshot())
        XCTAssertEqual(snapshot.brokers.map(\.state), [.running, .running, .running])
        XCTAssertTrue(session.cluster?.allFaults().isEmpty == true)
        XCTAssertTrue(CommandLog.load(folder: folder).entries.isEmpty, "lab start's own commands are not the student's")

        // The student's `wait` lines keep the seconds they waited (Lab 5 checks its answer against them).
        XCTAssertEqual(try session.execute("topic create waited --partitions 1 --replication-factor 1"), .proceed)
        XCTAssertEqual(try session.execute("wait leader waited 0"), .proceed)
        let wait = try XCTUnwrap(CommandLog.load(folder: folder).entries.last)
        XCTAssertEqual(wait.command, "wait leader waited 0")
        let waited = try XCTUnwrap(
            wait.outcome.values(of: "waited").first.flatMap(Double.init), wait.outcome.description)
        XCTAssertGreaterThanOrEqual(waited, 0)
        XCTAssertFalse(console.output.contains("(after "), "a script-like console prints no time")

        // Started again on a cluster as the lab needs it: nothing to do, and it says so.
        XCTAssertEqual(try session.execute("lab start 3"), .proceed)
        XCTAssertTrue(
            console.output.contains("The cluster is already as this lab needs it: 3 brokers up, no injected faults."),
            console.output)
    }

    /// Lab 3's `broker kill`, logged with the partitions the broker led when it was killed: the
    /// follower's kill led nothing and does not pass `killed-leader`, the leader's does. A real
    /// two-broker cluster, since only the brokers know who leads.
    func testBrokerKillRecordsWhichPartitionsTheBrokerLed() async throws {
        let directory = try self.makeTemporaryDirectory()
        try FileManager.default.copyItem(at: LabFixtures.labsRoot, to: directory.url.appendingPathComponent("labs"))
        let lab = try LabFixtures.catalog().lab(3)
        let folder = directory.url.appendingPathComponent("labs/\(lab.folderName)")
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(CommandLog.fileName))
        var progress = LabProgress()
        progress.currentLab = 3
        try progress.save(to: LabProgress.file(in: directory.url))
        let products = try Products.executable("samsa").deletingLastPathComponent()
        let console = Console.capturing(width: 100)
        let session = Session(
            configuration: .init(
                clusterName: "lab", baseDirectory: directory.url,
                executables: ClusterExecutables(searchDirectories: [products]), usesWatchdog: false),
            console: console)
        defer { session.finish() }
        XCTAssertEqual(try session.execute("cluster start --brokers 2"), .proceed)
        XCTAssertEqual(try session.execute("topic create payments --partitions 1 --replication-factor 2"), .proceed)
        XCTAssertEqual(try session.execute("meta get /brokers/topics/payments/partitions/0/state"), .proceed)
        let leaderText = try XCTUnwrap(console.output.firstMatch(of: /"leader": (\d)/)?.1, console.output)
        let leader = try XCTUnwrap(Int(leaderText))
        let follower = leader == 1 ? 2 : 1

        XCTAssertEqual(try session.execute("broker kill \(follower)"), .proceed)
        let task = try XCTUnwrap(lab.tasks.first { $0.id == "killed-leader" })
        let checker = LabChecker(submission: folder)
        let afterFollower = await checker.run(
            task, answers: AnswersFile(values: [:]), log: CommandLog.load(folder: folder))
        XCTAssertEqual(afterFollower.status, .failed, afterFollower.reason)

        XCTAssertEqual(try session.execute("broker kill \(leader)"), .proceed)
        let log = CommandLog.load(folder: folder)
        let kills = log.entries.filter { $0.command.hasPrefix("broker kill") }
        XCTAssertEqual(kills.map(\.outcome.description), ["ok led=", "ok led=payments-0"], console.output)
        let afterLeader = await checker.run(task, answers: AnswersFile(values: [:]), log: log)
        XCTAssertEqual(afterLeader.status, .passed, afterLeader.reason)
        XCTAssertThrowsError(try session.execute("broker kill 7"))
        XCTAssertEqual(CommandLog.load(folder: folder).entries.last?.outcome.isSuccess, false)
    }

    /// `lab step` shows the student's own values where the sheet shows ⟨placeholders⟩: Lab 1's
    /// step 6 (the greetings to type) and step 12 (the broker to stop), for the id set.
    func testLabStepsShowTheStudentsOwnValues() throws {
        let directory = try self.makeTemporaryDirectory()
        try FileManager.default.copyItem(at: LabFixtures.labsRoot, to: directory.url.appendingPathComponent("labs"))
        let console = Console.capturing(width: 200)
        let session = Session(
            configuration: .init(
                clusterName: "lab", baseDirectory: directory.url,
                executables: ClusterExecutables(searchDirectories: [directory.url]), usesWatchdog: false),
            console: console)
        let values = try LabFixtures.catalog().lab(1).variant(for: LabFixtures.student).values
        XCTAssertEqual(try session.execute("lab id set \(LabFixtures.student)"), .proceed)
        XCTAssertEqual(try session.execute("lab start 1"), .proceed)
        for _ in 0..<11 { XCTAssertEqual(try session.execute("lab next"), .proceed) }
        XCTAssertTrue(console.output.contains(try XCTUnwrap(values["GREETINGS"])), console.output)
        XCTAssertTrue(console.output.contains("broker stop \(try XCTUnwrap(values["STOPPED_BROKER"]))"), console.output)
        XCTAssertFalse(console.output.contains("⟨"), console.output)
        let answers = try String(
            contentsOf: directory.url.appendingPathComponent("labs/01-first-cluster/answers.properties"),
            encoding: .utf8)
        XCTAssertTrue(answers.contains("student_id = alumna-c\n"), answers)
    }

    /// Lab 1's servers are started by hand, so `lab start 1` starts no cluster and says so, and
    /// points at a REPL cluster kept from earlier work, whose topics step 9 must not inherit.
    func testLabStart1SaysItStartsNoClusterAndPointsAtAnOldOne() throws {
        let directory = try self.makeTemporaryDirectory()
        try FileManager.default.copyItem(at: LabFixtures.labsRoot, to: directory.url.appendingPathComponent("labs"))
        try FileManager.default.createDirectory(
            at: directory.url.appendingPathComponent(".samsa/lab/data"), withIntermediateDirectories: true)
        let console = Console.capturing(width: 100)
        let session = Session(
            configuration: .init(
                clusterName: "lab", baseDirectory: directory.url,
                executables: ClusterExecutables(searchDirectories: [directory.url]), usesWatchdog: false),
            console: console)
        let previous = ProcessInfo.processInfo.environment["SAMSA_LANGUAGE"]
        setenv("SAMSA_LANGUAGE", "en", 1)
        session.language = .en  // the session chose its language when it was made
        defer { if let previous { setenv("SAMSA_LANGUAGE", previous, 1) } else { unsetenv("SAMSA_LANGUAGE") } }

        XCTAssertEqual(try session.execute("lab id set \(LabFixtures.student)"), .proceed)
        XCTAssertEqual(try session.execute("lab start 1"), .proceed)
        XCTAssertTrue(
            console.output.contains("This lab starts no cluster: you start the servers by hand, as its steps say.\n"),
            console.output)
        XCTAssertTrue(
            console.output.contains("The REPL keeps an earlier cluster \"lab\", topics included, in "), console.output)
        XCTAssertTrue(console.output.contains("`cluster destroy` deletes it."), console.output)

        // Step 9 starts from an empty cluster: `cluster destroy` first, and it removes the old one.
        let step9 = try LabFixtures.catalog().lab(1).steps[8]
        XCTAssertEqual(step9.commands, ["cluster destroy", "cluster start"])
        XCTAssertEqual(try session.execute("cluster destroy"), .proceed)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(".samsa/lab").path))
    }
}
