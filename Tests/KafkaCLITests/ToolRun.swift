import Foundation
import KafkaCLI
import XCTest

/// What a tool printed and returned, run in-process with a captured console.
struct ToolRun {
    let status: Int32
    let stdout: String
    let stderr: String
    /// What the tool reported for a lab's log (`reset=dry-run`).
    var facts: [String] = []

    var summary: String { "exit \(self.status)\n--- stdout ---\n\(self.stdout)--- stderr ---\n\(self.stderr)" }
}

extension XCTestCase {
    /// Runs a Kafka tool in this process, as `samsa TOOL ARGS` would, with `input` as stdin.
    func tool(
        _ name: String, _ arguments: [String], input: String = "", environment: [String: String] = [:],
        directory: String = FileManager.default.currentDirectoryPath
    ) async -> ToolRun {
        await ToolRun.run(name, arguments, input: input, environment: environment, directory: directory)
    }
}

extension ToolRun {
    static func run(
        _ name: String, _ arguments: [String], input: String = "", environment: [String: String] = [:],
        directory: String = FileManager.default.currentDirectoryPath
    ) async -> ToolRun {
        let console = CapturedConsole(input: input)
        let status = await KafkaTools.run(
            toolName: name, arguments: arguments, console: console,
            environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }, currentDirectory: directory)
        return ToolRun(status: status, stdout: console.stdout, stderr: console.stderr, facts: console.facts)
    }
}

/// Output with the parts that differ on every run (topic ids, timestamps) replaced by fixed text.
enum Golden {
    static func normalized(_ text: String) -> String {
        var result = text
        for (pattern, replacement) in [
            ("TopicId: [A-Za-z0-9_-]{22}", "TopicId: <id>"),
            ("CreateTime:[0-9]+", "CreateTime:<ts>"),
            ("CreateTime: [0-9]+", "CreateTime: <ts>"),
            ("crc: [0-9]+", "crc: <crc>"),
            ("timestamp: [0-9]+", "timestamp: <ts>"),
        ] {
            result = result.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return result
    }
}
