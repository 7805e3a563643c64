import CourseLanguage
import Foundation

/// Every REPL command: what `help` lists, what the parser accepts, what TAB completes. Commands
/// of two words (`broker kill`) are grouped by their first word.
public struct CommandTable: Sendable {
    public let commands: [CommandSpec]

    public init(commands: [CommandSpec] = CommandTable.standardCommands) {
        self.commands = commands
    }

    /// What a line's words resolve to.
    public enum Resolution: Sendable {
        /// A command and the words after it.
        case command(CommandSpec, arguments: [String])
        /// Nothing typed.
        case empty
    }

    /// First words, in table order without repeats: `cluster`, `broker`, ..., `quit`.
    public var topLevelWords: [String] {
        var seen = Set<String>()
        return self.commands.map { $0.words[0] }.filter { seen.insert($0).inserted }
    }

    /// Subcommand words of a group (`kill`, `stop`, ... for `broker`); empty for single words.
    public func subcommands(of group: String) -> [String] {
        self.commands.filter { $0.words.count > 1 && $0.words[0] == group }.map { $0.words[1] }
    }

    public func isGroup(_ word: String) -> Bool { !self.subcommands(of: word).isEmpty }

    /// The command spelt by `words` (e.g. `["broker", "kill"]`), exactly.
    public func spec(_ words: [String]) -> CommandSpec? {
        self.commands.first { $0.words == words }
    }

    /// Finds the command at the start of `words`, or says what the closest one is.
    public func resolve(_ words: [String]) throws(REPLError) -> Resolution {
        guard let first = words.first else { return .empty }
        let word = first.lowercased()
        if let alias = Self.aliases[word] {
            return try self.resolve(alias + words.dropFirst())
        }
        if self.isGroup(word) {
            let choices = self.subcommands(of: word)
            guard words.count > 1 else {
                throw .unknownSubcommand(group: word, given: nil, suggestion: nil, choices: choices)
            }
            let sub = words[1].lowercased()
            guard let spec = self.spec([word, sub]) else {
                throw .unknownSubcommand(
                    group: word, given: words[1], suggestion: EditDistance.closest(to: sub, among: choices),
                    choices: choices)
            }
            return .command(spec, arguments: Array(words.dropFirst(2)))
        }
        if let spec = self.spec([word]) {
            return .command(spec, arguments: Array(words.dropFirst()))
        }
        if let command = Self.shellCommand(words) {
            throw .shellCommand(command)
        }
        throw .unknownCommand(first, suggestion: self.suggestion(for: words))
    }

    /// The command a shell line starts with, when `words` is one: `samsa` (and its Kafka tools,
    /// `samsa kafka-topics`), a Kafka tool by its own name (`kafka-topics`, `kafka-topics.sh`,
    /// `bin/zookeeper-server-start.sh`), or `swift` (`swift run samsa-lab ...`). Sheets show
    /// these beside REPL lines; typed at the REPL's prompt they deserve a pointer, not "unknown".
    static func shellCommand(_ words: [String]) -> String? {
        guard let first = words.first else { return nil }
        let name = URL(fileURLWithPath: first).lastPathComponent.lowercased()
        let bare = name.hasSuffix(".sh") ? String(name.dropLast(3)) : name
        guard
            ["samsa", "samsa-lab", "swift"].contains(bare) || bare.hasPrefix("kafka-") || bare.hasPrefix("zookeeper-")
        else {
            return nil
        }
        if bare == "samsa", words.count > 1, let tool = self.shellCommand([words[1]]), tool != "samsa" {
            return "\(first) \(tool)"
        }
        return first
    }

    /// The closest command to a mistyped line: the first word against every first word, and
    /// also the first two words against two-word commands (`brokr kill` → `broker kill`).
    public func suggestion(for words: [String]) -> String? {
        guard let first = words.first else { return nil }
        if words.count > 1 {
            let typed = "\(first) \(words[1])"
            if let match = EditDistance.closest(
                to: typed, among: self.commands.filter { $0.words.count == 2 }.map(\.name)),
                EditDistance.between(typed, match) <= 2
            {
                return match
            }
        }
        return EditDistance.closest(to: first, among: self.topLevelWords + Array(Self.aliases.keys))
            .map { Self.aliases[$0]?.joined(separator: " ") ?? $0 }
    }

    /// Other spellings students type: `exit` and `q` for `quit`, `?` for `help`, `status`.
    public static let aliases: [String: [String]] = [
        "exit": ["quit"],
        "q": ["quit"],
        "?": ["help"],
        "status": ["cluster", "status"],
    ]

    /// `help`: one line per command, grouped by first word.
    public func helpText(_ language: Language = .en) -> String {
        let es = language == .es
        let width = (self.commands.map { $0.name.count }.max() ?? 0) + 2
        var lines = [
            es
                ? "Comandos (`help <comando>` explica uno; TAB completa los nombres):"
                : "Commands (`help <command>` explains one; TAB completes names):"
        ]
        for spec in self.commands {
            let name = spec.name.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("  \(name)\(spec.summary(language))")
        }
        return lines.joined(separator: "\n")
    }

    /// `help <command>`: usage, what it does, its options. For a group, each subcommand's usage.
    public func helpText(for words: [String], _ language: Language = .en) throws(REPLError) -> String {
        let es = language == .es
        let lowered = words.map { $0.lowercased() }
        if lowered.count == 1, self.isGroup(lowered[0]) {
            let specs = self.commands.filter { $0.words[0] == lowered[0] }
            return specs.map { "\($0.usage)\n    \($0.summary(language))" }.joined(separator: "\n")
        }
        guard case .command(let spec, let rest) = try self.resolve(lowered), rest.isEmpty else {
            throw .unknownCommand(words.joined(separator: " "), suggestion: self.suggestion(for: lowered))
        }
        var lines = ["\(es ? "uso" : "usage"): \(spec.usage)", "", spec.summary(language)]
        let details = spec.details(language)
        if !details.isEmpty { lines += ["", details] }
        if spec.positionals.contains(where: { $0.kind == .view }) {
            // Listed from the table, so a new view command shows up here by itself.
            let views = self.commands.filter(\.isWatchable).map { "`\($0.name)`" }.joined(separator: ", ")
            lines += ["", (es ? "Vistas: " : "Views: ") + views]
        }
        if !spec.options.isEmpty {
            lines.append("")
            let width = (spec.options.map { $0.name.count }.max() ?? 0) + 2
            for option in spec.options {
                lines.append(
                    "  \(option.name.padding(toLength: width, withPad: " ", startingAt: 0))\(spec.help(for: option, language))"
                )
            }
        }
        return lines.joined(separator: "\n")
    }
}
