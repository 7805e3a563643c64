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
}
