import Foundation
import LabKit
import SamsaTesting
import XCTest

/// `samsa grade --submissions DIR` (issue 15, regrading): a folder per student, named by id, graded
/// with that id's values into one CSV; copied answers and empty folders are flagged.
final class RegradeTests: XCTestCase {
    func testAFolderOfSubmissionsBecomesOneCsvRowPerStudent() async throws {
        try LabFixtures.requireSolutions()
        let lab = try LabFixtures.catalog().lab(3)
        let work = try self.makeTemporaryDirectory(prefix: "regrade")
        let root = work.url.appendingPathComponent("submissions")
        func submit(_ folder: String, answers: String?, commands: String?) throws {
            _ = try LabFixtures.submission(
                in: root.appendingPathComponent(folder), answers: answers, commands: commands)
        }
        let ana = try StudentID("ana")
        let ben = try StudentID("ben")
        let anaAnswers = try LabFixtures.text(lab, "solution/answers.properties", for: ana)
        let anaLog = try LabFixtures.text(lab, "solution/commands.log", for: ana)
        try submit("ana", answers: anaAnswers, commands: anaLog)
        // ben hands in ana's files.
        try submit("ben", answers: anaAnswers, commands: anaLog)
        try submit(
            "carla",
            answers: try LabFixtures.text(lab, "solution/answers.properties", for: try StudentID("carla"))
                .replacingOccurrences(of: "acks_all_error = NOT_ENOUGH_REPLICAS", with: "acks_all_error = TIMEOUT"),
            commands: try LabFixtures.text(lab, "solution/commands.log", for: try StudentID("carla")))
        try submit("dario", answers: nil, commands: nil)

        let csv = work.url.appendingPathComponent("grades.csv")
        let status = await LabCommand.run(arguments: [
            "grade", "--submissions", root.path, "--lab", "3", "--labs", LabFixtures.labsRoot.path, "--output",
            csv.path,
        ])
        XCTAssertEqual(status, 0)
        let rows = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").map {
            $0.components(separatedBy: ",")
        }
        XCTAssertEqual(rows.count, 5, "a header and one row per student")
        let header = rows[0]
        XCTAssertEqual(Array(header.prefix(4)), ["student_id", "lab", "score", "max_score"])
        XCTAssertEqual(header.count, 4 + lab.tasks.count + 1)
        XCTAssertEqual(header.last, "note")
        let byStudent = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
        let max = GradeReportPoints.text(lab.maxScore)
        XCTAssertEqual(byStudent["ana"]?[2], max, "the reference for ana scores full marks")
        XCTAssertEqual(byStudent["ana"]?.last, "")
        XCTAssertNotEqual(byStudent["ben"]?[2], max)
        XCTAssertEqual(byStudent["ben"]?.last, "answers written for student id ana")
        let refusedColumn = try XCTUnwrap(header.firstIndex(of: "3:acks-all-refused"))
        XCTAssertEqual(byStudent["carla"]?[refusedColumn], "0")
        XCTAssertEqual(Double(byStudent["carla"]?[2] ?? ""), lab.maxScore - 1)
        XCTAssertEqual(byStudent["dario"]?[2], "0")
        XCTAssertEqual(byStudent["dario"]?.last, "nothing submitted for this lab")
        _ = ben
    }
}

/// Points as the CSV writes them (whole numbers without a decimal point).
private enum GradeReportPoints {
    static func text(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
