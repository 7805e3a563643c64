import Foundation

/// The language chosen in a project folder, kept in `.samsa/language` (one line, `es` or `en`) beside
/// the REPL's other state, so every later session there (REPL, `samsa grade`) speaks it too.
public enum LanguageSetting {
    public static func file(projectFolder: URL) -> URL {
        projectFolder.appendingPathComponent(".samsa/language")
    }

    /// The language chosen in this folder, or nil when none was.
    public static func load(projectFolder: URL) -> Language? {
        guard let data = FileManager.default.contents(atPath: self.file(projectFolder: projectFolder).path) else {
            return nil
        }
        return Language(code: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The language chosen in `folder` or the nearest folder above it that has a choice: a Kafka
    /// tool runs in a lab's folder (`labs/01-first-cluster`), below the project folder where the
    /// REPL kept the student's choice.
    public static func load(searchingUpFrom folder: URL) -> Language? {
        var current = folder.standardizedFileURL
        while true {
            if let chosen = self.load(projectFolder: current) { return chosen }
            let parent = current.deletingLastPathComponent()
            guard parent.path != current.path, !current.path.isEmpty, current.path != "/" else { return nil }
            current = parent
        }
    }

    public static func save(_ language: Language, projectFolder: URL) throws {
        let file = self.file(projectFolder: projectFolder)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((language.rawValue + "\n").utf8).write(to: file, options: .atomic)
    }
}
