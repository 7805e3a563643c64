import Foundation

/// One REPL command as the table describes it: its words, usage line, help text (English here,
/// Spanish in `spanish`), what its arguments are, which drives argument checking, `help <command>`
/// and TAB completion alike, and the handler that runs it. A command is declared once, beside its
/// handler (`Session+*.swift`), and listed in `CommandTable.standardCommands`.
public struct CommandSpec: Sendable {
    /// Runs the command on a session with its checked arguments.
    public typealias Handler = @Sendable (Session, ParsedArguments) throws(REPLError) -> Session.Outcome

    /// What an argument holds, so completion can offer the right names.
    public enum ValueKind: Sendable, Equatable {
        case text
        case number
        case brokerID
        case topic
        case group
        case consumer
        case term
        case file
        case command
        /// A command that `watch` can repeat (`isWatchable`).
        case view
        case metaPath
        case choice([String])
    }

    /// A `--name` option. `value` nil makes it a flag.
    public struct Option: Sendable {
        public let name: String
        public let value: ValueKind?
        public let help: String
        /// May be given more than once (`--config k=v --config k2=v2`).
        public let isRepeatable: Bool

        public init(_ name: String, _ value: ValueKind?, _ help: String, isRepeatable: Bool = false) {
            self.name = name
            self.value = value
            self.help = help
            self.isRepeatable = isRepeatable
        }
    }

    /// A positional argument.
    public struct Positional: Sendable {
        public let name: String
        public let kind: ValueKind
        public let isRequired: Bool
        /// Takes every remaining word (`VALUE...`, `explain high watermark`).
        public let isVariadic: Bool

        public init(_ name: String, _ kind: ValueKind, isRequired: Bool = true, isVariadic: Bool = false) {
            self.name = name
            self.kind = kind
            self.isRequired = isRequired
            self.isVariadic = isVariadic
        }
    }

    /// `["broker", "kill"]` or `["explain"]`.
    public let words: [String]
    public let positionals: [Positional]
    public let options: [Option]
    /// One line for `help`.
    public let summary: String
    /// More for `help <command>`: what it does in Kafka's terms.
    public let details: String
    /// The same help in Spanish; `LanguageCoverageTests` checks it says something else.
    let spanish: CommandHelp
    /// A view that changes nothing, so `watch` may repeat it.
    public let isWatchable: Bool
    /// Written to a started lab's commands.log; `lab ...` itself is not the student's work.
    public let isLoggedForLab: Bool
    /// What of Samsa's own processes the command needs; nil: Kafka's protocol is enough, so it runs
    /// on an attached cluster too (`cluster attach`), and otherwise it is refused there.
    public let localNeed: LocalNeed?
    public let run: Handler

    /// `run` returns nothing: the session proceeds to the next line.
    init(
        _ words: [String], positionals: [Positional] = [], options: [Option] = [], summary: String,
        details: String = "", spanish: CommandHelp, isWatchable: Bool = false, isLoggedForLab: Bool = true,
        needsLocal localNeed: LocalNeed? = nil,
        run: @escaping @Sendable (Session, ParsedArguments) throws(REPLError) -> Void
    ) {
        self.init(
            words, positionals: positionals, options: options, summary: summary, details: details, spanish: spanish,
            isWatchable: isWatchable, isLoggedForLab: isLoggedForLab, needsLocal: localNeed,
            handler: { session, arguments throws(REPLError) in
                try run(session, arguments)
                return .proceed
            })
    }

    init(
        _ words: [String], positionals: [Positional] = [], options: [Option] = [], summary: String,
        details: String = "", spanish: CommandHelp, isWatchable: Bool = false, isLoggedForLab: Bool = true,
        needsLocal localNeed: LocalNeed? = nil, handler: @escaping Handler
    ) {
        self.words = words
        self.positionals = positionals
        self.options = options
        self.summary = summary
        self.details = details
        self.spanish = spanish
        self.isWatchable = isWatchable
        self.isLoggedForLab = isLoggedForLab
        self.localNeed = localNeed
        self.run = handler
    }

    public var name: String { self.words.joined(separator: " ") }

    /// `broker kill N`, `topic create NAME [--partitions P] ...`.
    public var usage: String {
        var parts = [self.name]
        for positional in self.positionals {
            let word = positional.isVariadic ? "\(positional.name)..." : positional.name
            parts.append(positional.isRequired ? word : "[\(word)]")
        }
        for option in self.options {
            let value = option.value.map { " \(Self.placeholder(for: $0, option: option.name))" } ?? ""
            parts.append("[\(option.name)\(value)]" + (option.isRepeatable ? "..." : ""))
        }
        return parts.joined(separator: " ")
    }

    public func option(named name: String) -> Option? {
        self.options.first { $0.name == name }
    }

    static func placeholder(for kind: ValueKind, option: String) -> String {
        switch kind {
        case .choice(let values): return values.joined(separator: "|")
        case .number: return "N"
        case .brokerID: return "ID"
        case .file: return "FILE"
        default:
            let base = option.drop { $0 == "-" }
            return base.uppercased().replacingOccurrences(of: "-", with: "_")
        }
    }
}
