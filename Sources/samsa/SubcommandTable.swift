import Foundation
import KafkaCLI
import LabKit
import Logging
import REPL
import Slides

/// Commands `samsa` runs instead of the REPL: `samsa <name> ARGS...`, or the executable invoked
/// under a tool's own name through a link (`kafka-topics` → samsa). Add a subcommand with one
/// entry in `entries`; each returns the process's exit code.
enum SubcommandTable {
    struct Entry {
        /// Whether a link named like this (argv[0]) runs the command too.
        let answersToLinkName: Bool
        let run: (_ name: String, _ arguments: [String]) -> Int32
    }

    static var entries: [String: Entry] {
        var table: [String: Entry] = [
            "install-tools": Entry(answersToLinkName: false) { _, arguments in
                InstallTools.run(arguments: arguments, executable: Self.ownExecutable())
            },
            // Labs (issue 9): grading and the student handout.
            "grade": Entry(answersToLinkName: false) { name, arguments in Self.runLabCommand([name] + arguments) },
            "lab": Entry(answersToLinkName: false) { name, arguments in Self.runLabCommand([name] + arguments) },
            // Slides (issue 10): `samsa slides build [--lang es|en] ...`.
            "slides": Entry(answersToLinkName: false) { _, arguments in
                AsyncBridge.waitFor { await SlidesCommand.run(arguments: arguments) }
            },
            // The live view of a cluster started elsewhere (issue 17); `ui` in the REPL for its own.
            "ui": Entry(answersToLinkName: false) { _, arguments in LiveViewCommand.run(arguments: arguments) },
            // Internal: waits for a server a lab's `kafka-server-start` started, and logs its outcome.
            ServerStartRecorder.subcommand: Entry(answersToLinkName: false) { _, arguments in
                ServerStartRecorder.run(arguments: arguments)
            },
        ]
        for name in KafkaTools.names {
            let entry = Entry(answersToLinkName: true) { name, arguments in Self.runKafkaTool(name, arguments) }
            table[name] = entry
            table[name + ".sh"] = entry
        }
        return table
    }

    /// The command this command line asks for, with its arguments; nil means the REPL.
    static func resolve(_ argv: [String]) -> (name: String, entry: Entry, arguments: [String])? {
        let table = self.entries
        if let first = argv.first {
            let invokedAs = URL(fileURLWithPath: first).lastPathComponent
            if let entry = table[invokedAs], entry.answersToLinkName { return (invokedAs, entry, Array(argv.dropFirst())) }
        }
        if argv.count >= 2, let entry = table[argv[1]] { return (argv[1], entry, Array(argv.dropFirst(2))) }
        return nil
    }

    /// `samsa grade` / `samsa lab export`: through `samsa-lab` (built beside this executable) when
    /// it is there, because it links the student's Swift exercises; else LabKit alone, which
    /// grades everything but the exercises.
    private static func runLabCommand(_ arguments: [String]) -> Int32 {
        let grader = Self.ownExecutable().deletingLastPathComponent().appendingPathComponent("samsa-lab")
        guard FileManager.default.isExecutableFile(atPath: grader.path) else {
            return AsyncBridge.waitFor { await LabCommand.run(arguments: arguments) }
        }
        let process = Process()
        process.executableURL = grader
        process.arguments = arguments
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(Data("samsa: cannot run \(grader.path): \(error.localizedDescription)\n".utf8))
            return 1
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    private static func runKafkaTool(_ name: String, _ arguments: [String]) -> Int32 {
        // During a lab, Kafka's tools are part of what the student did: each is logged once it
        // ended, with its outcome, for the checks.
        let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        // Logged under one name, with or without `.sh`, so the labs' patterns match either spelling.
        let loggedName = name.hasSuffix(".sh") ? String(name.dropLast(3)) : name
        let recorder = LabRecorder.forDirectory(directory).flatMap { $0.currentLabFolder == nil ? nil : $0 }
        let logged = ([loggedName] + arguments).joined(separator: " ")
        let level = ProcessInfo.processInfo.environment["SAMSA_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .error
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let executable = Self.ownExecutable()
        // A server start is logged when the server is up or has failed (`ServerStartRecorder`).
        var onServerStart: (@Sendable (Int32, String) -> Void)?
        if recorder != nil {
            onServerStart = { pid, readyFile in
                ServerStartRecorder.spawn(pid: pid, readyFile: readyFile, command: logged, executable: executable)
            }
        }
        let console = LabToolConsole(onServerStart: onServerStart)
        let status = AsyncBridge.waitFor { await KafkaTools.run(toolName: name, arguments: arguments, console: console) }
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

    /// The running executable, links resolved, so links point at the real `samsa`.
    static func ownExecutable() -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
    }
}
