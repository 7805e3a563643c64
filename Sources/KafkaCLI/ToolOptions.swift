import CourseLanguage
import Foundation

/// One `--long-option` of a Kafka tool, described as Kafka's `--help` shows it.
struct OptionSpec: Sendable {
    let name: String
    /// What the value is, e.g. `String: topic`; nil for a flag.
    let valueName: String?
    let help: String
    /// Shown as `(default: ...)` and returned when the option is absent.
    let defaultValue: String?
    /// joptsimple's `withOptionalArg`: `--state` alone, or `--state Stable`.
    var isValueOptional = false

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, defaultValue: nil)
    }

    static func value(_ name: String, _ valueName: String, _ help: String, default defaultValue: String? = nil)
        -> OptionSpec
    {
        OptionSpec(name: name, valueName: valueName, help: help, defaultValue: defaultValue)
    }

    static func optionalValue(_ name: String, _ valueName: String, _ help: String) -> OptionSpec {
        var spec = OptionSpec(name: name, valueName: valueName, help: help, defaultValue: nil)
        spec.isValueOptional = true
        return spec
    }

    var takesValue: Bool { self.valueName != nil }
}

/// A tool's option table: parses `--name value`, `--name=value` and unique abbreviations such as
/// `--bootstrap` (joptsimple, which Kafka's tools use, accepts those too), and prints `--help`.
struct ToolSyntax: Sendable {
    /// Kafka's perf tools parse with argparse4j (`usage: ...` then `prog: error: ...`); the others
    /// with joptsimple.
    enum ErrorStyle: Sendable {
        case joptsimple
        case argparse(program: String, usage: String)
    }

    let tool: String
    /// Kafka's own first lines of `--help` (English, as Kafka prints them); may be empty.
    let summary: String
    /// What Samsa adds after them (the start tools say which server they run), in both languages.
    let note: LocalizedText?
    let options: [OptionSpec]
    let errorStyle: ErrorStyle

    init(
        tool: String, summary: String, note: LocalizedText? = nil, options: [OptionSpec],
        errorStyle: ErrorStyle = .joptsimple
    ) {
        self.tool = tool
        self.summary = summary
        self.note = note
        self.errorStyle = errorStyle
        self.options =
            options + [.flag("help", "Print usage information."), .flag("version", "Display Kafka version.")]
    }

    /// `language` is the one of Samsa's own messages about the options (Kafka's stay English).
    func parse(_ arguments: [String], language: Language = .en) throws(ToolError) -> ParsedOptions {
        var parsed = ParsedOptions(syntax: self, language: language)
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--"), argument.count > 2 else {
                parsed.positional.append(argument)
                continue
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            let spec = try self.resolve(name)
            if spec.takesValue {
                if let inlineValue {
                    parsed.values[spec.name, default: []].append(inlineValue)
                } else if spec.isValueOptional, index >= arguments.count || arguments[index].hasPrefix("--") {
                    parsed.flags.insert(spec.name)
                } else {
                    guard index < arguments.count else { throw .missingValue(spec.name) }
                    parsed.values[spec.name, default: []].append(arguments[index])
                    index += 1
                }
            } else {
                guard inlineValue == nil else {
                    throw .usage(
                        language.pick(
                            es: "La opción \(spec.name) no lleva valor; escribe --\(spec.name) sin más.",
                            en: "Option \(spec.name) takes no value; write --\(spec.name) alone."))
                }
                parsed.flags.insert(spec.name)
            }
        }
        return parsed
    }

    /// The option `name` names exactly, or the one it abbreviates.
    private func resolve(_ name: String) throws(ToolError) -> OptionSpec {
        if let exact = self.options.first(where: { $0.name == name }) { return exact }
        let candidates = self.options.filter { $0.name.hasPrefix(name) }
        if candidates.count == 1 { return candidates[0] }
        throw .unrecognizedOption(name, suggestion: self.closest(to: name))
    }

    private func closest(to name: String) -> String? {
        let scored = self.options.map { ($0.name, EditDistance.between(name, $0.name)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) else { return nil }
        return best.0
    }

    /// The option list, laid out as joptsimple's help formatter does, after Kafka's summary and
    /// Samsa's note in `language`.
    func help(_ language: Language = .en) -> String {
        var lines = (self.summary.isEmpty ? [] : [self.summary]) + (self.note.map { [$0.text(language)] } ?? [])
        lines += [
            "Option                                   Description",
            "------                                   -----------",
        ]
        for option in self.options.sorted(by: { $0.name < $1.name }) {
            var left = "--\(option.name)"
            if let valueName = option.valueName { left += " <\(valueName)>" }
            var description = option.help
            if let value = option.defaultValue { description += " (default: \(value))" }
            if left.count > 40 {
                lines.append(left)
                lines.append(String(repeating: " ", count: 41) + description)
            } else {
                lines.append(left.padding(toLength: 41, withPad: " ", startingAt: 0) + description)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// What the command line said.
struct ParsedOptions: Sendable {
    let syntax: ToolSyntax
    /// The language of Samsa's messages about these options.
    var language: Language = .en
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positional: [String] = []

    /// Whether the option was given (flag or valued).
    func has(_ name: String) -> Bool { self.flags.contains(name) || self.values[name] != nil }

    /// The last value given, else the default.
    func value(_ name: String) -> String? {
        self.values[name]?.last ?? self.syntax.options.first(where: { $0.name == name })?.defaultValue
    }

    /// Every value given for a repeatable option (`--property a=b --property c=d`).
    func all(_ name: String) -> [String] { self.values[name] ?? [] }

    func int(_ name: String) throws(ToolError) -> Int? {
        guard let text = self.value(name) else { return nil }
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw .badValue(
                option: name, value: text, expected: self.language.pick(es: "un número entero", en: "a whole number"))
        }
        return number
    }

    /// A Kafka `Integer` option: a whole number that fits in 32 bits.
    func int32(_ name: String) throws(ToolError) -> Int32? {
        guard let number = try self.int(name) else { return nil }
        guard let value = Int32(exactly: number) else {
            throw .badValue(
                option: name, value: "\(number)",
                expected: self.language.pick(
                    es: "un número entero entre \(Int32.min) y \(Int32.max)",
                    en: "a whole number between \(Int32.min) and \(Int32.max)"))
        }
        return value
    }

    func required(_ name: String) throws(ToolError) -> String {
        guard let value = self.value(name) else { throw .usage("Missing required argument \"[\(name)]\"") }
        return value
    }

    /// `key=value` pairs from repeated options and comma lists (`--config a=1 --config b=2`).
    func keyValues(_ name: String, splittingCommas: Bool = false) throws(ToolError) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for item in self.all(name) {
            let parts = splittingCommas ? KeyValueList.split(item) : [item]
            for part in parts {
                guard let equals = part.firstIndex(of: "=") else {
                    throw .usage(
                        self.language.pick(
                            es:
                                "\(name) no válido: '\(part)'; escribe clave=valor, p. ej. --\(name) retention.ms=60000",
                            en: "Invalid \(name) '\(part)': write key=value, e.g. --\(name) retention.ms=60000"))
                }
                pairs.append(
                    (
                        String(part[..<equals]).trimmingCharacters(in: .whitespaces),
                        String(part[part.index(after: equals)...])
                    ))
            }
        }
        return pairs
    }
}

/// Kafka's comma lists allow `[a,b]` groups (`--add-config k=[v1,v2]`); commas inside brackets stay.
enum KeyValueList {
    static func split(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "[" { depth += 1 }
            if character == "]" { depth = max(0, depth - 1) }
            if character == ",", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }
}

/// Levenshtein distance, for "did you mean --partitions?".
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
