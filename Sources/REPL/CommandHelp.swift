import CourseLanguage

/// A command's help in Spanish: its summary, its details and each option's help, given with the
/// English in the command's own `CommandSpec`. Vocabulary: docs/glossary (`Glossary`): topic,
/// líder, follower, grupo de consumidores, offset, high watermark, ISR.
struct CommandHelp: Sendable {
    var summary: String
    var details: String = ""
    /// Option name → its help.
    var options: [String: String] = [:]
}

extension CommandSpec {
    /// One line for `help`, in `language`.
    public func summary(_ language: Language) -> String {
        language == .es ? self.spanish.summary : self.summary
    }

    /// More for `help <command>`, in `language`.
    public func details(_ language: Language) -> String {
        language == .es ? self.spanish.details : self.details
    }

    /// An option's help, in `language`.
    public func help(for option: Option, _ language: Language) -> String {
        language == .es ? self.spanish.options[option.name] ?? option.help : option.help
    }
}
