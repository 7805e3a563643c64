import CourseLanguage

/// TAB completion: given the line up to the cursor, the words that could come next. Command
/// words come from the `CommandTable`, option names from the command's spec, and argument values
/// (broker ids, topics, groups, terms) from `names`, which the session fills from what it knows.
public struct Completer: Sendable {
    /// Names the session knows now, per kind of argument.
    public struct Names: Sendable, Equatable {
        public var brokerIDs: [Int] = []
        public var topics: [String] = []
        public var groups: [String] = []
        public var consumers: [String] = []

        public init(brokerIDs: [Int] = [], topics: [String] = [], groups: [String] = [], consumers: [String] = []) {
            self.brokerIDs = brokerIDs
            self.topics = topics
            self.groups = groups
            self.consumers = consumers
        }
    }

    /// What completion found for the word being typed.
    public enum Result: Sendable, Equatable {
        /// Whole words that start with the typed text, sorted.
        case words([String])
        /// The argument is a file name: let the line editor complete paths.
        case fileName
    }

    public let table: CommandTable

    public init(table: CommandTable) {
        self.table = table
    }

    /// Candidates for the last (possibly empty) word of `line`.
    public func complete(_ line: String, names: Names) -> Result {
        // A line with an open quote completes as if the quote were closed.
        let words = (try? CommandLineSplitter.split(line)) ?? line.split(separator: " ").map(String.init)
        let endsInWord = CommandLineSplitter.endsInWord(line)
        let typed = endsInWord ? (words.last ?? "") : ""
        let before = endsInWord ? Array(words.dropLast()) : words
        let candidates: [String]
        switch before.count {
        case 0:
            candidates = self.table.topLevelWords
        case 1 where self.table.isGroup(before[0].lowercased()):
            candidates = self.table.subcommands(of: before[0].lowercased())
        default:
            return self.completeArgument(before: before, typed: typed, names: names)
        }
        return .words(Self.matching(candidates, typed))
    }

    private func completeArgument(before: [String], typed: String, names: Names) -> Result {
        let lowered = before.map { $0.lowercased() }
        let commandLength = self.table.isGroup(lowered[0]) ? 2 : 1
        guard lowered.count >= commandLength, let spec = self.table.spec(Array(lowered.prefix(commandLength))) else {
            return .words([])
        }
        let arguments = Array(before.dropFirst(commandLength))
        // The value of an option just typed (`--acks <TAB>`).
        if let last = arguments.last, let option = spec.option(named: last), let kind = option.value {
            return self.values(for: kind, typed: typed, names: names, previous: [])
        }
        if typed.hasPrefix("-") {
            let used = Set(arguments.filter { $0.hasPrefix("--") })
            let options = spec.options.filter { $0.isRepeatable || !used.contains($0.name) }.map(\.name)
            return .words(Self.matching(options, typed))
        }
        // Which positional this word fills: count earlier positionals, skipping options and values.
        var positionalIndex = 0
        var index = 0
        while index < arguments.count {
            if let option = spec.option(named: arguments[index]) {
                index += option.value == nil ? 1 : 2
                continue
            }
            positionalIndex += 1
            index += 1
        }
        let positional: CommandSpec.Positional?
        if positionalIndex < spec.positionals.count {
            positional = spec.positionals[positionalIndex]
        } else if let last = spec.positionals.last, last.isVariadic {
            positional = last
        } else {
            positional = nil
        }
        guard let positional else {
            return .words(Self.matching(spec.options.map(\.name), typed))
        }
        let previous = Array(arguments.suffix(from: min(arguments.count, spec.positionals.count - 1)))
        return self.values(for: positional.kind, typed: typed, names: names, previous: previous)
    }

    private func values(for kind: CommandSpec.ValueKind, typed: String, names: Names, previous: [String]) -> Result {
        switch kind {
        case .brokerID: return .words(Self.matching(names.brokerIDs.map(String.init), typed))
        case .topic: return .words(Self.matching(names.topics, typed))
        case .group: return .words(Self.matching(names.groups, typed))
        case .consumer: return .words(Self.matching(names.consumers, typed))
        case .choice(let values): return .words(Self.matching(values, typed))
        case .term: return .words(Self.matching(Explanations.entries.map(\.term), typed))
        case .file: return .fileName
        case .command:
            // `help broker <TAB>` offers broker's subcommands.
            if let group = previous.last?.lowercased(), previous.count == 1, self.table.isGroup(group) {
                return .words(Self.matching(self.table.subcommands(of: group), typed))
            }
            return .words(previous.isEmpty ? Self.matching(self.table.topLevelWords, typed) : [])
        case .view:
            // `watch topic <TAB>` offers topic's views only.
            let views = self.table.commands.filter(\.isWatchable).map(\.words)
            if let group = previous.last?.lowercased(), previous.count == 1 {
                return .words(Self.matching(views.filter { $0.count > 1 && $0[0] == group }.map { $0[1] }, typed))
            }
            return .words(previous.isEmpty ? Self.matching(views.map { $0[0] }, typed) : [])
        case .text, .number, .metaPath: return .words([])
        }
    }

    static func matching(_ candidates: [String], _ typed: String) -> [String] {
        let lowered = typed.lowercased()
        return Array(Set(candidates.filter { $0.lowercased().hasPrefix(lowered) })).sorted()
    }

    /// The longest prefix all `words` share (what TAB inserts when several match).
    public static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
