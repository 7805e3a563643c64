import CourseLanguage

/// The words after a command, checked against its `CommandSpec`: positionals in order, options
/// by name. Typed accessors turn a bad value into a usage error naming the option.
public struct ParsedArguments: Sendable, Equatable {
    public let command: String
    public let usage: String
    public private(set) var positionals: [String] = []
    /// Option name → values in the order given (flags map to `[]`).
    public private(set) var options: [String: [String]] = [:]
    /// The language of the usage errors it throws.
    public let language: Language

    /// Parses `words` for `spec`. `--` ends options (a value may then start with `-`).
    public init(_ words: [String], for spec: CommandSpec, language: Language = .en) throws(REPLError) {
        self.command = spec.name
        self.usage = spec.usage
        self.language = language
        let es = language == .es
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if !optionsEnded && word == "--" {
                optionsEnded = true
                continue
            }
            if !optionsEnded && word.hasPrefix("--") {
                var name = word
                var inlineValue: String?
                if let equals = word.firstIndex(of: "=") {
                    name = String(word[..<equals])
                    inlineValue = String(word[word.index(after: equals)...])
                }
                guard let option = spec.option(named: name) else {
                    let suggestion = EditDistance.closest(to: name, among: spec.options.map(\.name))
                    if es {
                        let hint = suggestion.map { "; ¿querías decir \($0)?" } ?? ""
                        throw .usage("`\(spec.name)` no tiene la opción \(name)\(hint)", usage: spec.usage)
                    }
                    let hint = suggestion.map { "; did you mean \($0)?" } ?? ""
                    throw .usage("`\(spec.name)` has no option \(name)\(hint)", usage: spec.usage)
                }
                if self.options[name] != nil && !option.isRepeatable {
                    throw .usage(es ? "\(name) aparece dos veces" : "\(name) is given twice", usage: spec.usage)
                }
                guard option.value != nil else {
                    if inlineValue != nil {
                        throw .usage(es ? "\(name) no lleva valor" : "\(name) takes no value", usage: spec.usage)
                    }
                    self.options[name] = []
                    continue
                }
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if index < words.count {
                    value = words[index]
                    index += 1
                } else {
                    throw .usage(es ? "\(name) necesita un valor" : "\(name) needs a value", usage: spec.usage)
                }
                if case .choice(let allowed)? = option.value, !allowed.contains(value) {
                    let choices = allowed.joined(separator: ", ")
                    throw .usage(
                        es
                            ? "\(name) debe ser \(choices); no '\(value)'"
                            : "\(name) must be \(choices); got '\(value)'", usage: spec.usage)
                }
                self.options[name, default: []].append(value)
                continue
            }
            self.positionals.append(word)
        }
        let required = spec.positionals.filter(\.isRequired)
        if self.positionals.count < required.count {
            let missing = required[self.positionals.count...].map(\.name).joined(separator: " ")
            throw .usage(
                es ? "`\(spec.name)` necesita \(missing)" : "`\(spec.name)` needs \(missing)", usage: spec.usage)
        }
        let isVariadic = spec.positionals.last?.isVariadic ?? false
        if !isVariadic && self.positionals.count > spec.positionals.count {
            let extra = self.positionals[spec.positionals.count...].joined(separator: " ")
            throw .usage(
                es ? "`\(spec.name)` no admite '\(extra)'" : "`\(spec.name)` does not take '\(extra)'",
                usage: spec.usage)
        }
    }

    public func has(_ flag: String) -> Bool { self.options[flag] != nil }

    public func value(_ option: String) -> String? { self.options[option]?.last }

    public func values(_ option: String) -> [String] { self.options[option] ?? [] }

    /// The option as a whole number in `range`, or nil when absent.
    public func int(_ option: String, in range: ClosedRange<Int> = 0...Int.max) throws(REPLError) -> Int? {
        guard let text = self.value(option) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw .usage(
                self.language.pick(
                    es: "\(option) lleva un número entero \(self.describe(range)); no '\(text)'",
                    en: "\(option) takes a whole number \(self.describe(range)); got '\(text)'"),
                usage: self.usage)
        }
        return number
    }

    /// Positional `index` as a whole number in `range`.
    public func positionalInt(_ index: Int, name: String, in range: ClosedRange<Int> = 0...Int.max) throws(REPLError)
        -> Int
    {
        guard index < self.positionals.count else {
            throw .usage(
                self.language.pick(es: "`\(self.command)` necesita \(name)", en: "`\(self.command)` needs \(name)"),
                usage: self.usage)
        }
        let text = self.positionals[index]
        guard let number = Int(text), range.contains(number) else {
            throw .usage(
                self.language.pick(
                    es: "\(name) debe ser un número entero \(self.describe(range)); no '\(text)'",
                    en: "\(name) must be a whole number \(self.describe(range)); got '\(text)'"),
                usage: self.usage)
        }
        return number
    }

    private func describe(_ range: ClosedRange<Int>) -> String {
        if self.language == .es {
            return range.upperBound == Int.max
                ? "desde \(range.lowerBound)" : "de \(range.lowerBound) a \(range.upperBound)"
        }
        return range.upperBound == Int.max
            ? "from \(range.lowerBound) up" : "from \(range.lowerBound) to \(range.upperBound)"
    }
}
