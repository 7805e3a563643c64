import Foundation

/// The language a student reads the kit in. The course is taught in Spanish; everything a student
/// reads (REPL, sheets, grading, slides) also exists in English.
public enum Language: String, Sendable, Codable, CaseIterable {
    case es, en

    /// `es`/`en`, or a locale name such as `es_ES.UTF-8`, `es_MX`, `en_GB.UTF-8`; nil for any other.
    public init?(code: String) {
        let lowered = code.lowercased()
        if let exact = Language(rawValue: lowered) {
            self = exact
            return
        }
        let base = lowered.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." || $0 == "@" }).first.map(
            String.init)
        guard let base, let language = Language(rawValue: base) else { return nil }
        self = language
    }

    /// The system's language as POSIX orders it (LC_ALL, then LC_MESSAGES, then LANG): Spanish
    /// when the first one set names Spanish, else English. `C`/`POSIX` count as English.
    public static func system(environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return Language(code: value) == .es ? .es : .en
        }
        return .en
    }

    /// The language of a session in `projectFolder`: `SAMSA_LANGUAGE` when set (scripts and slide
    /// builds force one), else the one chosen there (`--language` or the REPL's `language`, kept in
    /// `.samsa/language`), else the system's.
    public static func resolve(
        projectFolder: URL, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Language {
        if let forced = environment["SAMSA_LANGUAGE"].flatMap(Language.init(code:)) { return forced }
        if let chosen = LanguageSetting.load(projectFolder: projectFolder) { return chosen }
        return self.system(environment: environment)
    }

    /// The language of a Kafka tool or server started in `workingDirectory`: `SAMSA_LANGUAGE`, else
    /// the choice kept in that folder or the nearest one above it (the tools run in a lab's folder,
    /// inside the project folder), else the system's.
    public static func resolve(
        workingDirectory: URL, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Language {
        if let forced = environment["SAMSA_LANGUAGE"].flatMap(Language.init(code:)) { return forced }
        if let chosen = LanguageSetting.load(searchingUpFrom: workingDirectory) { return chosen }
        return self.system(environment: environment)
    }

    /// For a process that has no project folder of its own: the choice of the current directory or
    /// the nearest one above it.
    public static var preferred: Language {
        self.resolve(
            workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
    }

    /// The text in this language.
    public func pick(es: String, en: String) -> String { self == .es ? es : en }
}
