import CourseLanguage
import Foundation
import LabKit
import LabStudentExercises
import SamsaTesting
import XCTest

/// The pieces around the checks: answers, the command log, progress, reports, `samsa grade`,
/// the student export.
final class LabKitTests: XCTestCase {
    func testAnswersFileIgnoresCommentsBlanksAndPlaceholders() {
        let answers = AnswersFile(parsing: "# comment\nleader_before = 2\nisr =\nerror = ?\n  spaced   =  a b  \n")
        XCTAssertEqual(answers.values, ["leader_before": "2", "spaced": "a b"])
    }

    func testAnswerMatches() {
        func verdict(_ spec: CheckSpec, _ answers: [String: String]) -> TaskResult.Status {
            AnswerChecks.check(spec, answers: AnswersFile(values: answers), language: .en).status
        }
        var spec = CheckSpec(kind: .answer)
        spec.key = "isr"
        spec.expected = "2,3"
        spec.match = .integerSet
        XCTAssertEqual(verdict(spec, ["isr": "3, 2"]), .passed)
        XCTAssertEqual(verdict(spec, ["isr": "[2,3]"]), .passed)
        XCTAssertEqual(verdict(spec, ["isr": "1,2,3"]), .failed)
        XCTAssertEqual(verdict(spec, [:]), .notAttempted)
        spec.match = .integer
        spec.expected = "5"
        XCTAssertEqual(verdict(spec, ["isr": "five"]), .failed)
        spec.match = .segmentOfOffset
        spec.keys = ["offset"]
        XCTAssertEqual(verdict(spec, ["isr": "00000000000000000042.log", "offset": "42"]), .passed)
        XCTAssertEqual(verdict(spec, ["isr": "42.log", "offset": "42"]), .failed)
        XCTAssertEqual(verdict(spec, ["isr": "00000000000000000042.log"]), .notAttempted)
    }

    func testRecorderAppendsToTheCurrentLabOnly() throws {
        let work = try self.makeTemporaryDirectory()
        let labs = try self.copyOfLabs(into: work.url)
        let catalog = try LabCatalog(root: labs)
        let recorder = try XCTUnwrap(LabRecorder.forDirectory(labs.appendingPathComponent("03-replication")))
        XCTAssertEqual(recorder.progressFile, LabProgress.file(in: work.url))
        try recorder.record("cluster start", outcome: .ok)  // no lab started: nothing recorded
        let folder = catalog.folder(of: try catalog.lab(3))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent(CommandLog.fileName).path))

        var progress = LabProgress.load(from: recorder.progressFile)
        progress.currentLab = 3
        progress.update(3) { $0.step = 2 }
        try progress.save(to: recorder.progressFile)
        XCTAssertEqual(LabProgress.load(from: recorder.progressFile), progress)

        try recorder.record("broker kill 1", outcome: .succeeded(facts: [.init("led", "payments-0,payments-2")]))
        try recorder.record("   ", outcome: .ok)
        try recorder.record("# a comment", outcome: .ok)
        try recorder.record("samsa kafka-topics --list\t--bootstrap-server x", source: "cli", outcome: .ok)
        try recorder.record(
            "broker kill 9", outcome: .failure("no broker 9 in cluster 'lab'\n(it has 1, 2, 3)\tsee `cluster status`"))
        let log = CommandLog.load(folder: folder)
        XCTAssertEqual(
            log.entries.map(\.command),
            ["broker kill 1", "samsa kafka-topics --list --bootstrap-server x", "broker kill 9"])
        XCTAssertEqual(log.entries.map(\.source), ["repl", "cli", "repl"])
        XCTAssertEqual(
            log.entries.map(\.outcome.description),
            ["ok led=payments-0,payments-2", "ok", "failed: no broker 9 in cluster 'lab'"])
        XCTAssertEqual(log.entries[0].outcome.values(of: "led"), ["payments-0,payments-2"])
        XCTAssertEqual(log.count(matching: "^broker kill \\d"), 1, "the failed kill does not count")
        XCTAssertEqual(log.commands(matching: "^broker kill \\d").count, 2)
        let text = try String(contentsOf: folder.appendingPathComponent(CommandLog.fileName), encoding: .utf8)
        for line in text.split(separator: "\n") {
            XCTAssertEqual(line.split(separator: "\t", omittingEmptySubsequences: false).count, 4, "\(line)")
        }
    }

    /// A perf test's total line is kept beside its command; the measured relation reads it, and
    /// command counts ignore it.
    func testMeasurementsAreLoggedAndCompared() throws {
        let work = try self.makeTemporaryDirectory()
        let labs = try self.copyOfLabs(into: work.url)
        let catalog = try LabCatalog(root: labs)
        let recorder = try XCTUnwrap(LabRecorder.forDirectory(labs))
        var progress = LabProgress.load(from: recorder.progressFile)
        progress.currentLab = 3
        try progress.save(to: recorder.progressFile)
        let fast =
            "kafka-producer-perf-test --topic t --num-records 10 --record-size 1 --throughput -1 --producer-props acks=1"
        let slow =
            "kafka-producer-perf-test --topic t --num-records 10 --record-size 1 --throughput -1 --producer-props acks=all linger.ms=0"
        try recorder.record(fast, source: "cli", outcome: .ok)
        try recorder.recordMeasurement(
            of: fast, "10 records sent, 2500.5 records/sec (0.01 MB/sec), 1.00 ms avg latency.")
        try recorder.record(slow, source: "cli", outcome: .ok)
        try recorder.recordMeasurement(
            of: slow, "10 records sent, 1200.5 records/sec (0.01 MB/sec), 9.00 ms avg latency.")
        let log = CommandLog.load(folder: catalog.folder(of: try catalog.lab(3)))
        XCTAssertEqual(log.entries.map(\.source), ["cli", "result", "cli", "result"])
        XCTAssertEqual(log.count(matching: "kafka-producer-perf-test "), 2, "result lines are not commands")
        XCTAssertEqual(log.lastThroughput(matching: "acks=1(\\s|$)"), 2500.5)
        XCTAssertEqual(log.lastThroughput(matching: "acks=(all|-1)(\\s|$)"), 1200.5)
        XCTAssertNil(log.lastThroughput(matching: "acks=0"))

        var spec = CheckSpec(kind: .measuredRelation)
        spec.patterns = ["acks=1(\\s|$)", "acks=(all|-1)(\\s|$)"]
        spec.keys = ["acks=1", "acks=all"]
        spec.relation = .greaterThan
        let passed = CommandLogChecks.measuredRelation(spec, log: log, language: .en)
        XCTAssertEqual(passed.status, .passed, passed.reason)
        XCTAssertTrue(passed.reason.contains("2500.5 vs 1200.5"), passed.reason)
        spec.relation = .lessThan
        XCTAssertEqual(CommandLogChecks.measuredRelation(spec, log: log, language: .en).status, .failed)
        let none = CommandLogChecks.measuredRelation(spec, log: CommandLog(entries: []), language: .es)
        XCTAssertEqual(none.status, .notAttempted, none.reason)
    }

    /// Outcomes round-trip through their field; `failed` keeps one line.
    func testOutcomesParseAndPrint() {
        for text in ["ok", "ok broker.id=2 port=9093", "ok led=", "failed: exit status 1: port 9092 is in use"] {
            XCTAssertEqual(CommandOutcome(parsing: text)?.description, text)
        }
        XCTAssertEqual(CommandOutcome(parsing: "ok reset=dry-run")?.values(of: "reset"), ["dry-run"])
        XCTAssertEqual(CommandOutcome(parsing: "failed: x")?.isSuccess, false)
        XCTAssertNil(CommandOutcome(parsing: "maybe"))
        XCTAssertEqual(CommandOutcome.failure("\n  first line\nsecond").description, "failed: first line")
        XCTAssertEqual(CommandOutcome.succeeded(facts: [.init("led", "a b")]).description, "ok led=a_b")
    }

    /// A log written before outcomes (three fields) still parses, with outcome unknown: its lines
    /// are not counted as done, and the message says why and what to do.
    func testOldLinesWithoutOutcomeAreNotCountedAsDone() {
        let log = CommandLog(
            parsing: "2026-11-26T10:03:00Z\trepl\tbroker kill 1\n2026-11-26T10:04:00Z\trepl\ttopic list\tok\n")
        XCTAssertEqual(log.entries.map(\.command), ["broker kill 1", "topic list"])
        XCTAssertEqual(log.entries.map(\.outcome), [.unknown, .ok])
        XCTAssertEqual(log.count(matching: "^broker kill"), 0)
        var spec = CheckSpec(kind: .commandLog)
        spec.patterns = ["^broker kill \\d"]
        spec.expected = "broker kill <leader>"
        spec.step = 2
        for language in [Language.en, .es] {
            let verdict = CommandLogChecks.check(spec, log: log, language: language)
            XCTAssertEqual(verdict.status, .failed, verdict.reason)
            XCTAssertTrue(
                verdict.reason.contains(language == .en ? "without its outcome" : "sin su resultado"), verdict.reason)
            XCTAssertTrue(verdict.reason.contains(language == .en ? "step 2" : "el paso 2"), verdict.reason)
        }
        // The measurement lines of an old log still hold what the tool measured.
        let measured = CommandLog(
            parsing: "t\tresult\tkafka-producer-perf-test acks=1 => 10 records sent, 5.0 records/sec (0 MB/sec)\n")
        XCTAssertEqual(measured.lastThroughput(matching: "acks=1"), 5.0)
    }

    func testReportsInEveryFormat() async throws {
        let lab = try LabFixtures.catalog().lab(1)
        let directory = try self.makeTemporaryDirectory()
        let folder = try LabFixtures.submission(
            in: directory.url, answers: "zookeeper_client_port = 2181\nbroker_id_key = id\n", commands: nil)
        let result = await LabChecker(submission: folder, language: .es).run(lab)
        XCTAssertEqual(result.task("zookeeper-port")?.status, .passed)
        XCTAssertEqual(result.task("broker-id-key")?.status, .failed)
        XCTAssertEqual(result.score, 1)

        let text = GradeReport.render([result], format: .text, language: .es)
        XCTAssertTrue(text.contains("✓ zookeeper-port (1/1) superada"), text)
        XCTAssertTrue(text.contains("✗ broker-id-key (0/1) fallida"), text)

        let junit = GradeReport.render([result], format: .junit)
        XCTAssertTrue(
            junit.contains(
                "<testsuite name=\"lab1-first-cluster\" tests=\"\(lab.tasks.count)\" failures=\"\(lab.tasks.count - 1)\">"
            ), junit)
        XCTAssertTrue(junit.contains("<testcase classname=\"Lab1\" name=\"zookeeper-port\"/>"), junit)

        let json = GradeReport.render([result], format: .gradescope)
        let decoded = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual((decoded["score"] as? NSNumber)?.doubleValue, 1)
        XCTAssertEqual((decoded["max_score"] as? NSNumber)?.doubleValue, lab.maxScore)
        let tests = try XCTUnwrap(decoded["tests"] as? [[String: Any]])
        XCTAssertEqual(tests.count, lab.tasks.count)
        for test in tests {
            for field in ["name", "score", "max_score", "output", "visibility"] {
                XCTAssertNotNil(test[field], field)
            }
        }
    }

    func testGradeCommandWritesGradescopeResults() async throws {
        try LabFixtures.requireSolutions()
        let work = try self.makeTemporaryDirectory()
        let submission = work.url.appendingPathComponent("submission")
        let lab = try LabFixtures.catalog().lab(3)
        _ = try LabFixtures.submission(
            in: submission.appendingPathComponent(lab.folderName),
            answers: try LabFixtures.text(lab, "solution/answers.properties"),
            commands: try LabFixtures.text(lab, "solution/commands.log"))
        let output = work.url.appendingPathComponent("results.json")
        let status = await LabCommand.run(arguments: [
            "grade", "--lab", "3", "--labs", LabFixtures.labsRoot.path, "--submission", submission.path,
            "--format", "gradescope", "--output", output.path,
        ])
        XCTAssertEqual(status, 0)
        let decoded = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        XCTAssertEqual((decoded["score"] as? NSNumber)?.doubleValue, lab.maxScore)

        let usage = await LabCommand.run(arguments: ["grade", "--format", "pdf", "--labs", LabFixtures.labsRoot.path])
        XCTAssertEqual(usage, 2)
        let noLab = await LabCommand.run(arguments: ["grade", "--lab", "9", "--labs", LabFixtures.labsRoot.path])
        XCTAssertEqual(noLab, 2)
        let notANumber = await LabCommand.run(arguments: ["grade", "--lab", "x", "--labs", LabFixtures.labsRoot.path])
        XCTAssertEqual(notANumber, 2)
        let unknownOption = await LabCommand.run(arguments: ["grade", "--pdf"])
        XCTAssertEqual(unknownOption, 2)
        let noSubcommand = await LabCommand.run(arguments: ["lab"])
        XCTAssertEqual(noSubcommand, 2, "lab alone lists export and solution as a usage error")
        let noOutput = await LabCommand.run(arguments: ["lab", "solution", "--lab", "3"])
        XCTAssertEqual(noOutput, 2)
        let help = await LabCommand.run(arguments: ["grade", "--help"])
        XCTAssertEqual(help, 0)
    }

    func testStudentExportLeavesSolutionsOut() throws {
        let work = try self.makeTemporaryDirectory()
        let package = work.url.appendingPathComponent("kit")
        let labs = try self.copyOfLabs(into: package)
        try Data("// swift-tools-version:6.0\n".utf8).write(to: package.appendingPathComponent("Package.swift"))
        try CommandLog.append(
            "cluster start", source: "repl", outcome: .ok, folder: labs.appendingPathComponent("01-first-cluster"))
        let destination = work.url.appendingPathComponent("handout")
        let status = try StudentExport.export(labsRoot: labs, to: destination)
        XCTAssertTrue(status.contains("Package.swift"))
        XCTAssertTrue(status.contains("labs/02-keys-partitions/exercise/VipPartitioner.swift"))
        XCTAssertTrue(status.contains("labs/06-performance/lab.json"))
        XCTAssertFalse(status.contains { $0.contains("/solution/") }, "\(status)")
        XCTAssertFalse(status.contains { $0.hasSuffix(CommandLog.fileName) })
        XCTAssertThrowsError(try StudentExport.export(labsRoot: labs, to: destination))
    }

    /// A copy of labs/ (so tests never write into the repository's lab folders).
    func copyOfLabs(into directory: URL) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let copy = directory.appendingPathComponent("labs")
        try FileManager.default.copyItem(at: LabFixtures.labsRoot, to: copy)
        // a stale log in the repository copy must not leak into tests
        for lab in try LabCatalog(root: copy).labs {
            try? FileManager.default.removeItem(
                at: copy.appendingPathComponent(lab.folderName).appendingPathComponent(CommandLog.fileName))
        }
        return copy
    }
}
