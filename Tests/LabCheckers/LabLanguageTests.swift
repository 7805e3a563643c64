import CourseLanguage
import Foundation
import LabKit
import LocalCluster
import REPL
import SamsaTesting
import XCTest

/// A Spanish student sees Spanish: every `lab check` message, and Lab 1 started from the REPL
/// points to README.es.md with Spanish steps, footers and hints.
final class LabLanguageTests: XCTestCase {
    /// Each lab graded in both languages on the starter folder (nothing done) and on the reference
    /// solution (everything done): every task's title and message is worded differently in each.
    func testEveryLabCheckMessageExistsInSpanish() async throws {
        let catalog = try LabFixtures.catalog()
        var compared = 0
        for lab in catalog.labs {
            var folders = [catalog.folder(of: lab)]
            let solution = catalog.folder(of: lab).appendingPathComponent("solution")
            if FileManager.default.fileExists(atPath: solution.path) { folders.append(solution) }
            for folder in folders {
                let spanish = await LabChecker(
                    submission: folder, code: LabFixtures.reference, language: .es, studentID: LabFixtures.student
                ).run(lab)
                let english = await LabChecker(
                    submission: folder, code: LabFixtures.reference, language: .en, studentID: LabFixtures.student
                ).run(lab)
                for (es, en) in zip(spanish.tasks, english.tasks) {
                    XCTAssertNotEqual(es.title, en.title, "lab \(lab.number) \(es.taskID): title")
                    XCTAssertNotEqual(
                        es.reason, en.reason,
                        "lab \(lab.number) \(es.taskID) (\(folder.lastPathComponent)): \(es.reason)")
                    compared += 1
                }
                let report = GradeReport.text([spanish], language: .es)
                for word in [" passed", " failed", "not attempted"] where report.contains(word) {
                    XCTFail("lab \(lab.number): '\(word)' in a Spanish report:\n\(report)")
                }
            }
        }
        XCTAssertGreaterThan(compared, 60, "every lab's tasks compared")
    }

    func testLabOneInASpanishREPL() throws {
        let directory = try self.makeTemporaryDirectory()
        try FileManager.default.copyItem(at: LabFixtures.labsRoot, to: directory.url.appendingPathComponent("labs"))
        let console = Console.capturing(width: 100)
        let session = Session(
            configuration: .init(
                clusterName: "lab", baseDirectory: directory.url,
                executables: ClusterExecutables(searchDirectories: [directory.url]), usesWatchdog: false, language: .es),
            console: console)
        XCTAssertEqual(session.language, .es)
        XCTAssertEqual(try session.execute("lab id set \(LabFixtures.student)"), .proceed)
        XCTAssertEqual(try session.execute("lab start 1"), .proceed)
        XCTAssertTrue(console.output.contains("/labs/01-first-cluster/README.es.md"), console.output)
        XCTAssertTrue(console.output.contains("Paso 1/"), console.output)
        XCTAssertTrue(
            console.output.contains("  En una terminal:\n    swift run samsa\n  En el REPL:\n    lab start 1\n"),
            console.output)
        XCTAssertTrue(console.output.contains("`lab next` cuando acabes · `lab hint` para una pista"), console.output)
        XCTAssertEqual(try session.execute("lab next"), .proceed)
        XCTAssertEqual(try session.execute("lab hint"), .proceed)
        XCTAssertEqual(try session.execute("lab check"), .proceed)
        XCTAssertTrue(console.output.contains("Comprobación nº 1 del laboratorio 1"), console.output)
        for english in ["Sheet:", "Step ", "when done", "checks your work", "points.", "not attempted", "Student id:"] {
            XCTAssertFalse(console.output.contains(english), "'\(english)' in:\n\(console.output)")
        }
    }
}
