import CourseLanguage
import Foundation
import LabKit
import LabStudentExercises
import SamsaTesting
import XCTest

/// The self-tests every lab shares. A subclass names its lab; each of its `test_<task>` methods
/// checks one task: the reference solution passes it, the untouched starter leaves it "not attempted".
class LabCheckerTestCase: XCTestCase {
    class var labNumber: Int { 0 }

    var lab: LabManifest!

    override func setUpWithError() throws {
        try super.setUpWithError()
        guard Self.labNumber != 0 else { throw XCTSkip("the shared base class has no lab") }
        self.lab = try LabFixtures.catalog().lab(Self.labNumber)
    }

    /// Grades `answers`/`commands` with `code`, without a cluster (the command log stands in).
    func grade(answers: String?, commands: String?, code: ExerciseImplementations) async throws -> LabResult {
        let directory = try self.makeTemporaryDirectory(prefix: "lab\(Self.labNumber)")
        let folder = try LabFixtures.submission(
            in: directory.url.appendingPathComponent(self.lab.folderName),
            answers: answers, commands: commands)
        return await LabChecker(submission: folder, code: code).run(self.lab)
    }

    func referenceResult() async throws -> LabResult {
        let code = try LabFixtures.requireReference()
        return try await self.grade(
            answers: LabFixtures.text(self.lab, "solution/answers.properties"),
            commands: LabFixtures.text(self.lab, "solution/commands.log"), code: code)
    }

    func starterResult() async throws -> LabResult {
        try await self.grade(answers: LabFixtures.text(self.lab, "answers.properties"), commands: nil, code: .student)
    }

    /// The reference passes `taskID` and the starter leaves it "not attempted".
    func checkTask(_ taskID: String, file: StaticString = #filePath, line: UInt = #line) async throws {
        XCTAssertNotNil(
            self.lab.tasks.first { $0.id == taskID }, "lab.json has no task \(taskID)", file: file, line: line)
        let reference = try await self.referenceResult().task(taskID)
        XCTAssertEqual(
            reference?.status, .passed, "reference: \(reference?.reason ?? "missing")", file: file, line: line)
        XCTAssertEqual(reference?.score, reference?.maxScore, file: file, line: line)
        let starter = try await self.starterResult().task(taskID)
        XCTAssertEqual(
            starter?.status, .notAttempted, "starter: \(starter?.reason ?? "missing")", file: file, line: line)
        XCTAssertEqual(starter?.score, 0, file: file, line: line)
    }

    /// The lab's answers with one line replaced, for a plausible wrong submission.
    func referenceAnswers(replacing key: String, with value: String) throws -> String {
        try LabFixtures.text(self.lab, "solution/answers.properties").split(separator: "\n").map { line in
            line.hasPrefix(key + " ") || line.hasPrefix(key + "=") ? "\(key) = \(value)" : String(line)
        }.joined(separator: "\n")
    }

    /// A wrong submission fails exactly `taskID`, with a reason containing `words`.
    func assertFailsOnly(
        _ result: LabResult, _ taskID: String, saying words: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        for task in result.tasks {
            if task.taskID == taskID {
                XCTAssertEqual(task.status, .failed, task.reason, file: file, line: line)
                XCTAssertTrue(task.reason.contains(words), "reason was: \(task.reason)", file: file, line: line)
            } else {
                XCTAssertEqual(task.status, .passed, "\(task.taskID): \(task.reason)", file: file, line: line)
            }
        }
    }

    /// The right commands, all failed: no task graded from the log scores, and no message says
    /// what was wanted.
    func testReferenceCommandsThatAllFailedScoreZeroOnLogTasks() async throws {
        let code = try LabFixtures.requireReference()
        XCTAssertFalse(self.logTasks.isEmpty, "lab \(Self.labNumber) has no task graded from commands.log")
        let result = try await self.grade(
            answers: try LabFixtures.text(self.lab, "solution/answers.properties"),
            commands: try self.referenceCommandsAllFailed(), code: code)
        for task in self.logTasks {
            let graded = result.task(task.id)
            XCTAssertEqual(graded?.score, 0, "\(task.id): \(graded?.reason ?? "missing")")
            XCTAssertNotEqual(graded?.status, .passed, "\(task.id): \(graded?.reason ?? "missing")")
            self.assertRevealsNothing(graded, task)
        }
    }

    func testReferenceScoresFullMarks() async throws {
        let result = try await self.referenceResult()
        XCTAssertEqual(result.score, result.maxScore, GradeReport.text([result], language: .en))
        XCTAssertGreaterThan(result.maxScore, 0)
    }

    func testStarterScoresZeroNotAttempted() async throws {
        let result = try await self.starterResult()
        XCTAssertEqual(result.score, 0)
        for task in result.tasks {
            XCTAssertEqual(task.status, .notAttempted, "\(task.taskID): \(task.reason)")
        }
    }

    func testEveryStepAndTaskHasBothLanguages() throws {
        for step in self.lab.steps {
            XCTAssertFalse(step.text.es.isEmpty || step.text.en.isEmpty)
        }
        XCTAssertEqual(Set(self.lab.tasks.map(\.id)).count, self.lab.tasks.count, "task ids must be unique")
        for name in ["README.md", "README.es.md", "answers.properties", "solution/answers.properties"] {
            XCTAssertNoThrow(try LabFixtures.text(self.lab, name), name)
        }
    }
}

/// What `commands.log` means now that each line carries its outcome (issue 15): shared by every lab.
extension LabCheckerTestCase {
    /// The tasks graded from the command log when no cluster is given, typed-in measurements
    /// held against it included.
    var logTasks: [LabTask] {
        self.lab.tasks.filter { task in
            [.commandLog, .measuredRelation, .cluster].contains(task.check.kind)
                || (task.check.patterns ?? []).contains { !$0.isEmpty }
        }
    }

    /// The reference log with every command failed (a failed tool prints no result line).
    func referenceCommandsAllFailed() throws -> String {
        try LabFixtures.text(self.lab, "solution/commands.log").split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3, fields[1] != CommandLog.resultSource else { return nil }
            return fields.prefix(3).joined(separator: "\t") + "\tfailed: something went wrong"
        }.joined(separator: "\n") + "\n"
    }

    /// The reference log with `line`'s text (command and outcome) replaced; fails if absent.
    func referenceCommands(replacing old: String, with new: String, file: StaticString = #filePath, line: UInt = #line)
        throws -> String
    {
        let reference = try LabFixtures.text(self.lab, "solution/commands.log")
        XCTAssertTrue(reference.contains(old), "the reference log has no \(old)", file: file, line: line)
        return reference.replacingOccurrences(of: old, with: new)
    }

    /// A failure message names the step, never what the check wants: neither the example command
    /// nor any of `values`.
    func assertRevealsNothing(
        _ result: TaskResult?, _ task: LabTask, _ values: [String] = [],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let result, result.status == .failed else { return }
        if let expected = task.check.expected {
            XCTAssertFalse(
                result.reason.contains(expected), "\(task.id) reveals `\(expected)`: \(result.reason)", file: file,
                line: line)
        }
        for value in values {
            XCTAssertFalse(
                result.reason.contains(value), "\(task.id) reveals `\(value)`: \(result.reason)", file: file, line: line
            )
        }
    }
}
