import CourseLanguage
import LocalCluster

/// What went wrong with one command. Each description is the one line the student sees: what is
/// wrong and what would be right.
public enum REPLError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Not a command; `suggestion` is the closest one, if any is close.
    case unknownCommand(String, suggestion: String?)
    /// A command group (`broker`) without a valid subcommand.
    case unknownSubcommand(group: String, given: String?, suggestion: String?, choices: [String])
    /// Arguments that do not fit; `usage` is the command's usage line.
    case usage(String, usage: String)
    /// A shell command typed in the REPL (`samsa kafka-topics ...`, `kafka-topics.sh`): it runs in a terminal.
    case shellCommand(String)
    /// A line with an unterminated quote or a trailing backslash.
    case syntax(String)
    /// A cluster operation failed.
    case cluster(LocalClusterError)
    /// `explain` of a term it does not know.
    case unknownTerm(String, suggestion: String?)
    /// `source` of a file that cannot be read, or a nested `source` loop.
    case file(String)
    /// A request to the cluster failed (client or metadata server), in one line.
    case client(String)
    /// An error inside a sourced file, at a line of it.
    case inFile(path: String, line: Int, underlying: String)

    /// In English, as logs and tests read it; the REPL prints `text(_:)` in the session's language.
    public var description: String { self.text(.en) }

    /// The one line the student sees. Free-form messages (`usage`, `file`, `client`, `cluster`) are
    /// worded where they are made.
    public func text(_ language: Language) -> String {
        let es = language == .es
        switch self {
        case .unknownCommand(let name, let suggestion):
            if es {
                let hint = suggestion.map { "; ¿querías decir `\($0)`?" } ?? "; `help` muestra los comandos"
                return "comando desconocido '\(name)'\(hint)"
            }
            let hint = suggestion.map { "; did you mean `\($0)`?" } ?? "; `help` lists the commands"
            return "unknown command '\(name)'\(hint)"
        case .unknownSubcommand(let group, let given, let suggestion, let choices):
            let listed = choices.map { "`\(group) \($0)`" }.joined(separator: ", ")
            guard let given else {
                return es ? "`\(group)` necesita un subcomando: \(listed)" : "`\(group)` needs a subcommand: \(listed)"
            }
            if let suggestion {
                return es
                    ? "comando desconocido '\(group) \(given)'; ¿querías decir `\(group) \(suggestion)`?"
                    : "unknown command '\(group) \(given)'; did you mean `\(group) \(suggestion)`?"
            }
            return es
                ? "comando desconocido '\(group) \(given)'; prueba \(listed)"
                : "unknown command '\(group) \(given)'; try \(listed)"
        case .shellCommand(let command):
            return es
                ? "`\(command)` es un comando de terminal: ejecuta esta línea en otra terminal, no en el REPL"
                : "`\(command)` is a terminal command: run this line in another terminal, not in the REPL"
        case .usage(let message, let usage):
            return "\(message)\n\(es ? "uso" : "usage"): \(usage)"
        case .syntax(let message):
            return message
        case .cluster(let error):
            return error.text(language)
        case .unknownTerm(let term, let suggestion):
            if es {
                let hint = suggestion.map { "; ¿querías decir `explain \($0)`?" } ?? "; `explain` muestra los términos"
                return "no hay explicación para '\(term)'\(hint)"
            }
            let hint = suggestion.map { "; did you mean `explain \($0)`?" } ?? "; `explain` lists the terms"
            return "no explanation for '\(term)'\(hint)"
        case .file(let message), .client(let message):
            return message
        case .inFile(let path, let line, let underlying):
            return "\(path):\(line): \(underlying)"
        }
    }
}
