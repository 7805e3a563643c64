import Foundation
import PropertiesFile

/// A student's answers: `key = value` lines with `#` comments (`answers.properties` in the lab
/// folder). An empty value, or one still holding the starter's `?`, counts as not answered.
public struct AnswersFile: Sendable, Equatable {
    public let values: [String: String]

    public init(values: [String: String]) {
        self.values = values
    }

    public init(parsing text: String) {
        let properties = PropertiesFile(parsing: text)
        var values: [String: String] = [:]
        for (key, value) in properties.values {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, trimmed != "?" { values[key] = trimmed }
        }
        self.values = values
    }

    /// The answers in `folder/answers.properties`; none when the file is missing.
    public static func load(folder: URL) -> AnswersFile {
        let file = folder.appendingPathComponent(Self.fileName)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return AnswersFile(values: [:]) }
        return AnswersFile(parsing: text)
    }

    public static let fileName = "answers.properties"

    public subscript(key: String) -> String? { self.values[key] }

    /// What `writeStudentID` did.
    public enum StudentIDWrite: Equatable {
        case written
        /// The file has no `student_id` line (or no file): nothing written.
        case noLine
        /// The line already names this other id: left alone.
        case other(String)
    }

    /// Fills the empty `student_id =` line of the answers file at `file` with `id`; the rest of the
    /// file stays byte for byte.
    public static func writeStudentID(_ id: StudentID, to file: URL) -> StudentIDWrite {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return .noLine }
        var lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { Self.key(of: $0) == StudentID.answersKey }) else { return .noLine }
        let value =
            lines[index].split(separator: "=", maxSplits: 1).dropFirst().first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        if !value.isEmpty, value != "?" {
            return (try? StudentID(value)) == id ? .written : .other(value)
        }
        lines[index] = "\(StudentID.answersKey) = \(id)"
        guard (try? Data(lines.joined(separator: "\n").utf8).write(to: file, options: .atomic)) != nil else {
            return .noLine
        }
        return .written
    }

    private static func key(of line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.hasPrefix("#"), !trimmed.hasPrefix("!"),
            let equals = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" })
        else { return nil }
        return trimmed[..<equals].trimmingCharacters(in: .whitespaces)
    }
}
