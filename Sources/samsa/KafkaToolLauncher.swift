import Foundation
import KafkaCLI
import LabKit
import Logging
import REPL

/// Kafka's command-line tools, run by name before any other parsing: `samsa kafka-topics ARGS...`,
/// or the executable invoked under a tool's own name through a link (`kafka-topics` → samsa). The
/// tools parse their own `--long-option value` command lines, as Kafka's do; every other `samsa`
/// subcommand is an ArgumentParser subcommand of `SamsaCommand`.
enum KafkaToolLauncher {
    /// The tool this command line asks for, with its arguments; nil means no Kafka tool.
    static func resolve(_ argv: [String]) -> (name: String, arguments: [String])? {
        let names = Set(KafkaTools.names.flatMap { [$0, $0 + ".sh"] })
        if let first = argv.first {
            let invokedAs = URL(fileURLWithPath: first).lastPathComponent
            if names.contains(invokedAs) { return (invokedAs, Array(argv.dropFirst())) }
        }
        if argv.count >= 2, names.contains(argv[1]) { return (argv[1], Array(argv.dropFirst(2))) }
        return nil
    }

    static func run(_ name: String, _ arguments: [String]) -> Int32 {
        // During a lab, Kafka's tools are part of what the student did: each is logged once it
        // ended, with its outcome, for the checks.
        let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        // Logged under one name, with or without `.sh`, so the labs' patterns match either spelling.
        let loggedName = name.hasSuffix(".sh") ? String(name.dropLast(3)) : name
        let recorder = LabRecorder.forDirectory(directory).flatMap { $0.currentLabFolder == nil ? nil : $0 }
        let logged = ([loggedName] + arguments).joined(separator: " ")
        let level =
            ProcessInfo.processInfo.environment["SAMSA_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .error
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let executable = SamsaMain.ownExecutable()
        // A server start is logged when the server is up or has failed (`ServerStartRecorder`).
        var onServerStart: (@Sendable (Int32, String) -> Void)?
        if recorder != nil {
            onServerStart = { pid, readyFile in
                ServerStartRecorder.spawn(pid: pid, readyFile: readyFile, command: logged, executable: executable)
            }
        }
        let console = LabToolConsole(onServerStart: onServerStart)
        let status = AsyncBridge.waitFor {
            await KafkaTools.run(toolName: name, arguments: arguments, console: console)
        }
        guard let recorder, !console.handedOffServerStart else { return status }
        let outcome: CommandOutcome
        if status == 0 {
            outcome = .succeeded(facts: console.facts.map { CommandOutcome.Fact($0.key, $0.value) })
        } else {
            outcome = .failure("exit status \(status)" + (console.lastErrorLine.map { ": \($0)" } ?? ""))
        }
        try? recorder.record(logged, source: "cli", outcome: outcome)
        // A perf test's total line goes to the lab's log too: measured numbers the checks compare.
        if status == 0, let measurement = console.lastMeasurement {
            try? recorder.recordMeasurement(of: logged, measurement)
        }
        return status
    }
}
