import Foundation

/// The CSV of a regrade (`samsa grade --submissions DIR`): one row per student and lab, with the
/// lab's score and each task's points, so a spreadsheet or an LMS import reads it as it is.
enum RegradeTable {
    struct Row {
        /// The submission's folder name, which is the student's id.
        var folder: String
        /// nil when the folder name is not a valid id (the answers file's own id was used).
        var studentID: StudentID?
        var results: [LabResult]
        /// Per lab number, the id its answers.properties names when it is not this student's.
        var writtenFor: [Int: String] = [:]
    }

    /// Columns: student_id, lab, score, max_score, then every task of every graded lab as
    /// `N:task-id` (empty in another lab's rows), then a note for rows an instructor should look at.
    static func csv(_ rows: [Row], labs: [LabManifest]) -> String {
        let taskColumns = labs.flatMap { lab in lab.tasks.map { "\(lab.number):\($0.id)" } }
        var lines = [
            (["student_id", "lab", "score", "max_score"] + taskColumns + ["note"]).map(Self.field).joined(
                separator: ",")
        ]
        for row in rows {
            for result in row.results {
                var points: [String: String] = [:]
                for task in result.tasks {
                    points["\(result.lab.number):\(task.taskID)"] = GradeReport.points(task.score)
                }
                let note = Self.note(row, result)
                let fields =
                    [
                        row.folder, String(result.lab.number), GradeReport.points(result.score),
                        GradeReport.points(result.maxScore),
                    ]
                    + taskColumns.map { points[$0] ?? "" } + [note]
                lines.append(fields.map(Self.field).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the instructor should know about a row: a folder name that is no id, an answers file
    /// written for someone else, no answers at all.
    static func note(_ row: Row, _ result: LabResult) -> String {
        var notes: [String] = []
        if row.studentID == nil { notes.append("folder name is not a student id") }
        if let other = row.writtenFor[result.lab.number] { notes.append("answers written for student id \(other)") }
        if result.tasks.allSatisfy({ $0.status == .notAttempted }) { notes.append("nothing submitted for this lab") }
        return notes.joined(separator: "; ")
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
