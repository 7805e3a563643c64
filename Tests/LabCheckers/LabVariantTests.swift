import Foundation
import LabKit
import SamsaTesting
import XCTest

/// Variants (issue 15): each student id gets its own values in a lab with `variables`, the
/// checker derives the expected answers from the id, and an answers file written for another id
/// is refused without showing that student's values.
final class LabVariantTests: XCTestCase {
    private let studentB = try! StudentID("alumno-b")

    private func labThree() throws -> LabManifest { try LabFixtures.catalog().lab(3) }

    private func grade(_ lab: LabManifest, answers: String, commands: String, as id: StudentID?) async throws -> LabResult {
        let directory = try self.makeTemporaryDirectory(prefix: "variant")
        let folder = try LabFixtures.submission(
            in: directory.url.appendingPathComponent(lab.folderName), answers: answers, commands: commands)
        let code = try LabFixtures.requireReference()
        return await LabChecker(submission: folder, code: code, studentID: id).run(lab)
    }

    private func expectedAnswers(_ lab: LabManifest, for id: StudentID) throws -> [String: String] {
        let filled = try lab.forStudent(id)
        return Dictionary(
            uniqueKeysWithValues: filled.tasks.filter { lab.variantTaskIDs.contains($0.id) && $0.check.kind == .answer }
                .map { ($0.check.key ?? "", $0.check.expected ?? "") })
    }

    func testTheSameIdAlwaysGetsTheSameValuesAndIdsAreCaseInsensitive() throws {
        let lab = try self.labThree()
        XCTAssertEqual(lab.variant(for: LabFixtures.student), lab.variant(for: try StudentID("ALUMNA-C")))
        // Pinned (computed by an independent reimplementation of the choice): a change would give
        // every student new values in the middle of a course.
        let values = lab.variant(for: LabFixtures.student).values
        XCTAssertEqual(values["PAY_PARTITION"], "2")
        XCTAssertEqual(values["PAY_LEADER"], "3")
        XCTAssertEqual(values["PAY_RECORDS"], "14")
        XCTAssertEqual(values["CLICKS_ACKS1"], "5")
        XCTAssertEqual(values["ORDERS_TOTAL"], "8")
        XCTAssertEqual(values["FRAGILE_ACKS_ALL"], "5")
        XCTAssertEqual(lab.variant(for: try StudentID("uo123456")).values["CLICKS_ACKS1"], "7")
    }

    func testTwoIdsGetDifferentExpectedAnswers() throws {
        let lab = try self.labThree()
        let a = try self.expectedAnswers(lab, for: LabFixtures.student)
        let b = try self.expectedAnswers(lab, for: self.studentB)
        XCTAssertEqual(Set(a.keys), Set(b.keys))
        XCTAssertGreaterThanOrEqual(a.keys.count, 8, "most of Lab 3's answers depend on the student: \(a)")
        XCTAssertNotEqual(a, b)
        // Across many ids, every choice of every group is used: no variant is dead.
        var seen: [String: Set<String>] = [:]
        for index in 0..<200 {
            for (name, value) in lab.variant(for: try StudentID("student\(index)")).values { seen[name, default: []].insert(value) }
        }
        for group in lab.variables ?? [] {
            for (name, _) in group.choices[0] {
                XCTAssertEqual(seen[name]?.count, Set(group.choices.compactMap { $0[name] }).count, "\(group.name).\(name)")
            }
        }
    }

    func testEveryChoiceNamesTheSameValuesAndEveryPlaceholderIsDefined() throws {
        let lab = try self.labThree()
        for group in lab.variables ?? [] {
            let names = Set(group.choices[0].keys)
            for choice in group.choices { XCTAssertEqual(Set(choice.keys), names, group.name) }
        }
        let variant = lab.variant(for: LabFixtures.student)
        for name in ["lab.json", "README.md", "README.es.md", "answers.properties", "solution/answers.properties", "solution/commands.log"] {
            let filled = variant.fill(try LabFixtures.text(lab, name, for: nil))
            XCTAssertNil(filled.range(of: #"⟨[A-Z0-9_]+⟩"#, options: .regularExpression), "\(name) has an undefined placeholder")
        }
    }

    func testTheReferenceOfOneStudentScoresFullMarksForThemAndFailsForAnother() async throws {
        let lab = try self.labThree()
        let answers = try LabFixtures.text(lab, "solution/answers.properties")
        let commands = try LabFixtures.text(lab, "solution/commands.log")
        let own = try await self.grade(lab, answers: answers, commands: commands, as: LabFixtures.student)
        XCTAssertEqual(own.score, own.maxScore, GradeReport.text([own], language: .en))

        // The same file handed in for student B: refused as someone else's, not graded with A's values.
        let copied = try await self.grade(lab, answers: answers, commands: commands, as: self.studentB)
        let expectedB = try self.expectedAnswers(lab, for: self.studentB)
        for task in copied.tasks where lab.variantTaskIDs.contains(task.taskID) {
            XCTAssertEqual(task.status, .failed, task.taskID)
            XCTAssertTrue(task.reason.contains("another student") && task.reason.contains("alumna-c"), task.reason)
        }
        XCTAssertLessThan(copied.score, copied.maxScore / 2, GradeReport.text([copied], language: .en))

        // With the id changed to B's but A's values kept: the answers that differ fail.
        let renamed = answers.replacingOccurrences(of: "student_id = alumna-c", with: "student_id = alumno-b")
        XCTAssertNotEqual(renamed, answers)
        let disguised = try await self.grade(lab, answers: renamed, commands: commands, as: nil)
        let expectedA = try self.expectedAnswers(lab, for: LabFixtures.student)
        let differing = expectedA.filter { expectedB[$0.key] != $0.value }.map(\.key)
        XCTAssertFalse(differing.isEmpty)
        for key in differing {
            let task = try XCTUnwrap(disguised.tasks.first { lab.tasks.first(where: { $0.check.key == key })?.id == $0.taskID })
            XCTAssertEqual(task.status, .failed, "\(key): \(task.reason)")
        }
    }

    func testWithoutAnIdTheVariantTasksAreNotGradedAndSaySo() async throws {
        let lab = try self.labThree()
        let answers = try LabFixtures.text(lab, "solution/answers.properties")
            .replacingOccurrences(of: "student_id = alumna-c", with: "student_id =")
        let result = try await self.grade(lab, answers: answers, commands: try LabFixtures.text(lab, "solution/commands.log"), as: nil)
        for task in result.tasks {
            if lab.variantTaskIDs.contains(task.taskID) {
                XCTAssertEqual(task.status, .notAttempted, task.taskID)
                XCTAssertTrue(task.reason.contains("lab id set"), task.reason)
            } else {
                XCTAssertEqual(task.status, .passed, "\(task.taskID): \(task.reason)")
            }
        }
    }

    /// A wrong answer's message never holds the expected value: the checker's sentence does not
    /// (checked for two students with different values), and no advice in lab.json uses a value
    /// that is some task's expected answer.
    func testFailureMessagesDoNotRevealTheExpectedValue() async throws {
        let lab = try self.labThree()
        for id in [LabFixtures.student, self.studentB] {
            let filled = try lab.forStudent(id)
            let expected = try self.expectedAnswers(lab, for: id)
            var answers = "student_id = \(id)\n"
            for key in expected.keys { answers += "\(key) = 999\n" }
            let result = try await self.grade(lab, answers: answers, commands: "", as: id)
            for task in result.tasks {
                guard let spec = filled.tasks.first(where: { $0.id == task.taskID })?.check, spec.kind == .answer,
                    let key = spec.key, let value = expected[key]
                else { continue }
                XCTAssertEqual(task.status, .failed, task.taskID)
                // The advice follows " — "; the sentence before it is the checker's.
                let sentence = task.reason.components(separatedBy: " — ")[0]
                let words = Set(sentence.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
                let valueWords = value.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
                XCTAssertFalse(valueWords.allSatisfy(words.contains), "\(task.taskID) reveals \(value): \(task.reason)")
            }
        }
        let template = try JSONSerialization.jsonObject(with: XCTUnwrap(lab.template)) as? [String: Any]
        let tasks = template?["tasks"] as? [[String: Any]] ?? []
        let answerPlaceholders = Set(tasks.compactMap { ($0["check"] as? [String: Any])?["expected"] as? String }.filter { $0.hasPrefix("⟨") })
        for task in tasks {
            let advice = String(decoding: try JSONSerialization.data(withJSONObject: task["advice"] ?? [:]), as: UTF8.self)
            for placeholder in answerPlaceholders {
                XCTAssertFalse(advice.contains(placeholder), "\(task["id"] ?? "?")'s advice shows \(placeholder), an answer")
            }
        }
    }

    func testAnIdIsWrittenIntoAnswersFilesThatHaveNone() throws {
        let work = try self.makeTemporaryDirectory()
        let file = work.url.appendingPathComponent(AnswersFile.fileName)
        try Data("# header\nstudent_id =\nleader_before = 2\n".utf8).write(to: file)
        XCTAssertEqual(AnswersFile.writeStudentID(LabFixtures.student, to: file), .written)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "# header\nstudent_id = alumna-c\nleader_before = 2\n")
        XCTAssertEqual(AnswersFile.writeStudentID(self.studentB, to: file), .other("alumna-c"))
        XCTAssertThrowsError(try StudentID("two words"))
        XCTAssertThrowsError(try StudentID(""))
    }
}
