import CourseLanguage
import Foundation

/// What a tool runs with: its console, environment and working directory (all injectable, so
/// tests run tools in-process).
struct ToolContext: Sendable {
    let console: any ToolConsole
    let environment: [String: String]
    let currentDirectory: String

    /// The language of Samsa's own lines (`Samsa: …`, its errors and hints); Kafka's formats stay
    /// as Kafka prints them. The tools run in a lab's folder too, below the project folder's choice.
    var language: Language {
        Language.resolve(
            workingDirectory: URL(fileURLWithPath: self.currentDirectory, isDirectory: true),
            environment: self.environment)
    }

    /// A path as the user typed it, made absolute against the tool's working directory.
    func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/"), let home = self.environment["HOME"] { return home + path.dropFirst(1) }
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: self.currentDirectory, isDirectory: true))
            .standardizedFileURL.path
    }
}

/// One of Kafka's command-line tools.
protocol KafkaTool: Sendable {
    /// The name without `.sh`, e.g. `kafka-topics`.
    static var name: String { get }
    static var syntax: ToolSyntax { get }
    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32
}

/// Kafka's command-line tools, by name. `samsa kafka-topics ...`, a link named `kafka-topics` or
/// `kafka-topics.sh`, and the tests all come through `run`.
public enum KafkaTools {
    static let tools: [any KafkaTool.Type] = [
        ZooKeeperServerStartTool.self, ZooKeeperServerStopTool.self,
        KafkaServerStartTool.self, KafkaServerStopTool.self,
        KafkaTopicsTool.self, ConsoleProducerTool.self, ConsoleConsumerTool.self, ConsumerGroupsTool.self,
        ConfigsTool.self, GetOffsetsTool.self, LeaderElectionTool.self, DumpLogTool.self, ZooKeeperShellTool.self,
        ProducerPerfTestTool.self, ConsumerPerfTestTool.self,
    ]

    /// Every tool name, without `.sh`.
    public static var names: [String] { self.tools.map { $0.name } }

    /// The tool `name` stands for (`kafka-topics` or `kafka-topics.sh`), if any.
    public static func canonicalName(_ name: String) -> String? {
        let bare = name.hasSuffix(".sh") ? String(name.dropLast(3)) : name
        return self.names.contains(bare) ? bare : nil
    }

    /// The version `--version` prints: the Kafka release whose tools these follow.
    public static let kafkaVersion = "3.7.0 (Samsa)"

    /// Runs tool `toolName` with `arguments` (without the tool name) and returns its exit code.
    public static func run(
        toolName: String, arguments: [String], console: any ToolConsole = StandardConsole(),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) async -> Int32 {
        let context = ToolContext(console: console, environment: environment, currentDirectory: currentDirectory)
        guard let name = self.canonicalName(toolName), let tool = self.tools.first(where: { $0.name == name }) else {
            console.errLine(
                context.language.pick(
                    es:
                        "samsa: \(toolName) no es una de las herramientas de Kafka; estas son: \(self.names.joined(separator: ", "))",
                    en:
                        "samsa: \(toolName) is not one of Kafka's tools; these are: \(self.names.joined(separator: ", "))"
                ))
            return 1
        }
        do {
            let options = try tool.syntax.parse(arguments, language: context.language)
            if options.has("help") {
                console.out(tool.syntax.help(context.language))
                return 0
            }
            if options.has("version") {
                console.outLine(self.kafkaVersion)
                return 0
            }
            return try await tool.run(options, context: context)
        } catch let error as ToolError {
            return self.report(error, syntax: tool.syntax, console: console, language: context.language)
        } catch {
            console.errLine("\(tool.name): \(ClientErrors.text(error))")
            return 1
        }
    }

    /// Prints a `ToolError` the way Kafka's tools print that kind of failure; all exit with 1.
    /// Samsa's hints after Kafka's line are in `language`.
    static func report(_ error: ToolError, syntax: ToolSyntax, console: any ToolConsole, language: Language = .en)
        -> Int32
    {
        if case .argparse(let program, let usage) = syntax.errorStyle {
            let message: String? =
                switch error {
                case .usage(let text): text
                case .unrecognizedOption(let name, _): "unrecognized arguments: '--\(name)'"
                case .missingValue(let name): "argument --\(name): expected 1 argument(s)"
                case .badValue(let option, let value, _): "argument --\(option): could not convert '\(value)'"
                case .failed: nil
                }
            if let message {
                console.err("usage: \(program) \(usage)\n\(program): error: \(message)\n")
                return 1
            }
        }
        switch error {
        case .usage(let message):
            console.err(message + "\n" + syntax.help(language))
        case .unrecognizedOption(let name, let suggestion):
            var text = "joptsimple.UnrecognizedOptionException: \(name) is not a recognized option\n"
            if let suggestion {
                text += language.pick(es: "¿Querías decir --\(suggestion)? ", en: "Did you mean --\(suggestion)? ")
            }
            text += language.pick(
                es: "`\(syntax.tool) --help` muestra las opciones.\n",
                en: "`\(syntax.tool) --help` lists the options.\n")
            console.err(text)
        case .missingValue(let name):
            console.errLine("joptsimple.OptionMissingRequiredArgumentException: Option \(name) requires an argument")
        case .badValue(let option, let value, let expected):
            console.errLine(
                "joptsimple.OptionArgumentConversionException: Cannot parse argument '\(value)' of option \(option) "
                    + language.pick(es: "(se esperaba \(expected))", en: "(expected \(expected))"))
        case .failed(let text, let toStdout):
            let line = text.hasSuffix("\n") ? text : text + "\n"
            if toStdout { console.out(line) } else { console.err(line) }
        }
        return 1
    }
}
