import CourseLanguage
import Foundation
import LabKit
import SamsaTesting
import XCTest

/// Variants (issue 15): each student id gets its own values in every lab with `variables`, the
/// checker derives the expected answers from the id, and an answers file written for another id
/// is refused without showing that student's values. Each test runs over every such lab.
final class LabVariantTests: XCTestCase {
    /// Other students, in order: a lab's "other student" is the first whose expected answers
    /// differ from the test student's (two ids may share every value by chance).
    private let others = ["alumno-b", "alumno-d", "alumna-e", "uo123456"].map { try! StudentID($0) }

    /// Every lab whose students get their own values, and at least the labs converted so far.
    private func labsWithVariables() throws -> [LabManifest] {
        let labs = try LabFixtures.catalog().labs.filter(\.hasVariants)
        XCTAssertTrue(
            Set([1, 2, 3, 4, 5]).isSubset(of: labs.map(\.number)), "labs with variables: \(labs.map(\.number))")
        return labs
    }

    private func otherStudent(_ lab: LabManifest) throws -> StudentID {
        let own = try self.expectedAnswers(lab, for: LabFixtures.student)
        for id in self.others where try self.expectedAnswers(lab, for: id) != own { return id }
        XCTFail("lab \(lab.number): every other id has alumna-c's answers")
        return self.others[0]
    }

    private func grade(_ lab: LabManifest, answers: String, commands: String, as id: StudentID?) async throws
        -> LabResult
    {
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
        for lab in try self.labsWithVariables() {
            XCTAssertEqual(
                lab.variant(for: LabFixtures.student), lab.variant(for: try StudentID("ALUMNA-C")), "lab \(lab.number)")
        }
        // Pinned (computed by an independent reimplementation of the choice): a change would give
        // every student new values in the middle of a course.
        let lab = try LabFixtures.catalog().lab(3)
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
        for lab in try self.labsWithVariables() {
            let a = try self.expectedAnswers(lab, for: LabFixtures.student)
            let b = try self.expectedAnswers(lab, for: self.otherStudent(lab))
            XCTAssertEqual(Set(a.keys), Set(b.keys), "lab \(lab.number)")
            XCTAssertGreaterThanOrEqual(a.keys.count, 2, "lab \(lab.number): answers that depend on the student: \(a)")
            XCTAssertNotEqual(a, b, "lab \(lab.number)")
            // Among many ids, most pairs differ: few students share every answer.
            var answerSets: Set<[String: String]> = []
            for index in 0..<40 {
                answerSets.insert(try self.expectedAnswers(lab, for: try StudentID("student\(index)")))
            }
            XCTAssertGreaterThanOrEqual(
                answerSets.count, 8, "lab \(lab.number): only \(answerSets.count) different sets of answers in 40 ids")
        }
    }

    /// Across many ids, every choice of every group is used: no variant is dead.
    func testEveryChoiceIsUsed() throws {
        for lab in try self.labsWithVariables() {
            var seen: [String: Set<String>] = [:]
            for index in 0..<300 {
                for (name, value) in lab.variant(for: try StudentID("student\(index)")).values {
                    seen[name, default: []].insert(value)
                }
            }
            for group in lab.variables ?? [] {
                for (name, _) in group.choices[0] {
                    XCTAssertEqual(
                        seen[name]?.count, Set(group.choices.compactMap { $0[name] }).count,
                        "lab \(lab.number) \(group.name).\(name)")
                }
            }
        }
    }

    func testEveryChoiceNamesTheSameValuesAndEveryPlaceholderIsDefined() throws {
        for lab in try self.labsWithVariables() {
            var names: Set<String> = []
            for group in lab.variables ?? [] {
                let groupNames = Set(group.choices[0].keys)
                XCTAssertTrue(
                    names.isDisjoint(with: groupNames),
                    "lab \(lab.number): \(group.name) names a value another group names")
                names.formUnion(groupNames)
                for choice in group.choices {
                    XCTAssertEqual(Set(choice.keys), groupNames, "lab \(lab.number) \(group.name)")
                }
                XCTAssertEqual(
                    Set(group.choices).count, group.choices.count, "lab \(lab.number) \(group.name) repeats a choice")
            }
            let variant = lab.variant(for: LabFixtures.student)
            let folder = LabFixtures.labsRoot.appendingPathComponent(lab.folderName)
            let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { path in
                [".json", ".md", ".properties", ".log"].contains { path.hasSuffix($0) } && path != CommandLog.fileName
            }
            XCTAssertTrue(files.contains("solution/answers.properties"), "lab \(lab.number): \(files)")
            var used: Set<String> = []
            for name in files {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                for match in text.matches(of: /⟨([A-Z0-9_]+)⟩/) { used.insert(String(match.1)) }
                XCTAssertNil(
                    variant.fill(text).range(of: #"⟨[A-Z0-9_]+⟩"#, options: .regularExpression),
                    "lab \(lab.number) \(name) has an undefined placeholder")
            }
            // Every value a group defines shows somewhere (or it varies nothing).
            for name in names { XCTAssertTrue(used.contains(name), "lab \(lab.number): ⟨\(name)⟩ is used nowhere") }
        }
    }

    func testTheReferenceOfOneStudentScoresFullMarksForThemAndFailsForAnother() async throws {
        for lab in try self.labsWithVariables() {
            let studentB = try self.otherStudent(lab)
            let answers = try LabFixtures.text(lab, "solution/answers.properties")
            let commands = try LabFixtures.text(lab, "solution/commands.log")
            let own = try await self.grade(lab, answers: answers, commands: commands, as: LabFixtures.student)
            XCTAssertEqual(own.score, own.maxScore, "lab \(lab.number): " + GradeReport.text([own], language: .en))

            // The same file handed in for student B: refused as someone else's, not graded with A's values.
            let copied = try await self.grade(lab, answers: answers, commands: commands, as: studentB)
            let answerTasks = Set(
                lab.tasks.filter { $0.check.kind == .answer || $0.check.kind == .answerRelation }.map(\.id))
            for task in copied.tasks where lab.variantTaskIDs.contains(task.taskID) || answerTasks.contains(task.taskID)
            {
                XCTAssertEqual(task.status, .failed, "lab \(lab.number) \(task.taskID)")
                XCTAssertTrue(task.reason.contains("another student") && task.reason.contains("alumna-c"), task.reason)
            }
            XCTAssertLessThan(copied.score, own.maxScore, "lab \(lab.number)")

            // With the id changed to B's but A's values kept: the answers that differ fail.
            let renamed = answers.replacingOccurrences(of: "student_id = alumna-c", with: "student_id = \(studentB)")
            XCTAssertNotEqual(renamed, answers, "lab \(lab.number)")
            let disguised = try await self.grade(lab, answers: renamed, commands: commands, as: nil)
            let expectedA = try self.expectedAnswers(lab, for: LabFixtures.student)
            let expectedB = try self.expectedAnswers(lab, for: studentB)
            let differing = expectedA.filter { expectedB[$0.key] != $0.value }.map(\.key)
            XCTAssertFalse(differing.isEmpty, "lab \(lab.number)")
            for key in differing {
                let task = try XCTUnwrap(
                    disguised.tasks.first { lab.tasks.first(where: { $0.check.key == key })?.id == $0.taskID })
                XCTAssertEqual(task.status, .failed, "lab \(lab.number) \(key): \(task.reason)")
            }
        }
    }

    func testWithoutAnIdTheVariantTasksAreNotGradedAndSaySo() async throws {
        for lab in try self.labsWithVariables() {
            let answers = try LabFixtures.text(lab, "solution/answers.properties")
                .replacingOccurrences(of: "student_id = alumna-c", with: "student_id =")
            let result = try await self.grade(
                lab, answers: answers, commands: try LabFixtures.text(lab, "solution/commands.log"), as: nil)
            XCTAssertFalse(lab.variantTaskIDs.isEmpty, "lab \(lab.number)")
            for task in result.tasks {
                if lab.variantTaskIDs.contains(task.taskID) {
                    XCTAssertEqual(task.status, .notAttempted, "lab \(lab.number) \(task.taskID)")
                    XCTAssertTrue(task.reason.contains("lab id set"), task.reason)
                } else {
                    XCTAssertEqual(task.status, .passed, "lab \(lab.number) \(task.taskID): \(task.reason)")
                }
            }
        }
    }

    /// A wrong answer's message never holds the expected value: the checker's sentence does not
    /// (checked for two students with different values), and no step text, hint or advice in
    /// lab.json uses a placeholder that is some task's expected answer, unless that step itself
    /// gives the value (the records it writes).
    func testFailureMessagesDoNotRevealTheExpectedValue() async throws {
        for lab in try self.labsWithVariables() {
            for id in [LabFixtures.student, try self.otherStudent(lab)] {
                let filled = try lab.forStudent(id)
                let expected = try self.expectedAnswers(lab, for: id)
                var answers = "student_id = \(id)\n"
                for key in expected.keys { answers += "\(key) = 999\n" }
                let result = try await self.grade(lab, answers: answers, commands: "", as: id)
                for task in result.tasks {
                    guard let spec = filled.tasks.first(where: { $0.id == task.taskID })?.check, spec.kind == .answer,
                        let key = spec.key, let value = expected[key]
                    else { continue }
                    XCTAssertEqual(task.status, .failed, "lab \(lab.number) \(task.taskID)")
                    // The advice follows " — "; the sentence before it is the checker's.
                    let sentence = task.reason.components(separatedBy: " — ")[0]
                    let words = Set(sentence.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
                    let valueWords = value.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
                    XCTAssertFalse(
                        valueWords.allSatisfy(words.contains),
                        "lab \(lab.number) \(task.taskID) reveals \(value): \(task.reason)")
                }
            }
            let template = try JSONSerialization.jsonObject(with: XCTUnwrap(lab.template)) as? [String: Any]
            let tasks = template?["tasks"] as? [[String: Any]] ?? []
            let answerPlaceholders = Set(
                tasks.compactMap { ($0["check"] as? [String: Any])?["expected"] as? String }.filter {
                    $0.hasPrefix("⟨")
                })
            for task in tasks {
                let advice = String(
                    decoding: try JSONSerialization.data(withJSONObject: task["advice"] ?? [:]), as: UTF8.self)
                for placeholder in answerPlaceholders {
                    XCTAssertFalse(
                        advice.contains(placeholder),
                        "lab \(lab.number) \(task["id"] ?? "?")'s advice shows \(placeholder), an answer")
                }
            }
            // A step gives an answer's value only when it is what the step has the student write
            // (a record count in its command): then the step's text may name it too.
            for (index, step) in lab.templateSteps.enumerated() {
                let commands = step.commands.joined(separator: "\n")
                for placeholder in answerPlaceholders
                where step.text.contains(placeholder) && !commands.contains(placeholder) {
                    XCTFail(
                        "lab \(lab.number) step \(index + 1) shows \(placeholder), an answer its commands do not give")
                }
            }
        }
    }

    func testAnIdIsWrittenIntoAnswersFilesThatHaveNone() throws {
        let work = try self.makeTemporaryDirectory()
        let file = work.url.appendingPathComponent(AnswersFile.fileName)
        try Data("# header\nstudent_id =\nleader_before = 2\n".utf8).write(to: file)
        XCTAssertEqual(AnswersFile.writeStudentID(LabFixtures.student, to: file), .written)
        XCTAssertEqual(
            try String(contentsOf: file, encoding: .utf8), "# header\nstudent_id = alumna-c\nleader_before = 2\n")
        XCTAssertEqual(AnswersFile.writeStudentID(try StudentID("alumno-b"), to: file), .other("alumna-c"))
        XCTAssertThrowsError(try StudentID("two words"))
        XCTAssertThrowsError(try StudentID(""))
    }
}

extension LabManifest {
    /// lab.json's steps as written, placeholders and all: each step's texts and hints (both
    /// languages) and its commands.
    fileprivate var templateSteps: [(text: String, commands: [String])] {
        guard let template = self.template,
            let tree = try? JSONSerialization.jsonObject(with: template) as? [String: Any],
            let steps = tree["steps"] as? [[String: Any]]
        else { return [] }
        return steps.map { step in
            let texts = ["text", "hint"].compactMap { step[$0] as? [String: String] }.flatMap(\.values)
            return (texts.joined(separator: "\n"), step["commands"] as? [String] ?? [])
        }
    }
}
