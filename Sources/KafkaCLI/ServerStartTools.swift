import Foundation
import LocalCluster
import ServerReadiness

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `zookeeper-server-start` / `kafka-server-start`: run samsa-meta / samsa-broker with the given
/// properties file in the foreground, as Kafka's scripts run the JVM (`-daemon` puts it in the
/// background, its output in `logs/`). The PID is recorded for the stop tools.
enum ServerLauncher {
    static func start(_ role: ServerPidFiles.Role, tool: String, options: ParsedOptions, context: ToolContext) throws -> Int32 {
        var positional = options.positional
        let daemon = positional.contains("-daemon")
        positional.removeAll { $0 == "-daemon" }
        let usage = role == .kafka
            ? "USAGE: \(tool) [-daemon] server.properties [--override property=value]*"
            : "USAGE: \(tool) [-daemon] zookeeper.properties"
        guard positional.count == 1 else { throw ToolError.failed(usage) }
        let configPath = context.absolutePath(positional[0])
        guard FileManager.default.isReadableFile(atPath: configPath) else {
            throw ToolError.failed(
                "\(tool): cannot read \(positional[0]) (\(configPath)); pass the path of a \(role == .kafka ? "server" : "zookeeper").properties file, e.g. config/\(role == .kafka ? "server" : "zookeeper").properties")
        }
        let executable: URL
        do {
            executable = try ClusterExecutables.fromEnvironment(context.environment).url(for: role.executable)
        } catch {
            throw ToolError.failed("\(tool): \(error); build it with `swift build` (it is built beside samsa)")
        }
        var arguments = [configPath]
        for override in options.all("override") { arguments += ["--override", override] }
        let pidFiles = ServerPidFiles(environment: context.environment)
        // Whether the start worked (port free, broker.id not taken) is known only to the server:
        // it writes a notice there, and the caller (a lab's log) waits for it.
        let readyFile = context.console.watchesServerStarts ? ReadinessNotice.newFile() : nil

        if daemon {
            return try self.startInBackground(
                role, executable: executable, arguments: arguments, configPath: configPath, pidFiles: pidFiles,
                readyFile: readyFile, context: context)
        }
        guard context.console.isProcessConsole else {
            throw ToolError.failed("\(tool) runs in the foreground of a terminal; use -daemon to start it in the background")
        }
        // Become the server: same PID, so Ctrl-C, `kill` and the PID file all reach it directly.
        try pidFiles.record(role, pid: getpid(), configPath: configPath)
        if let readyFile {
            setenv(ReadinessNotice.environmentKey, readyFile, 1)
            context.console.serverStarting(pid: getpid(), readyFile: readyFile)
        }
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        execv(executable.path, argv)
        let reason = String(cString: strerror(errno))
        throw ToolError.failed("\(tool): cannot run \(executable.path): \(reason)")
    }

    static func startInBackground(
        _ role: ServerPidFiles.Role, executable: URL, arguments: [String], configPath: String, pidFiles: ServerPidFiles,
        readyFile: String?, context: ToolContext
    ) throws -> Int32 {
        let logDirectory = URL(fileURLWithPath: context.environment["LOG_DIR"] ?? context.absolutePath("logs"), isDirectory: true)
        try FileManager.default.createDirectory(at: logDirectory, withIntermediateDirectories: true)
        let logURL = logDirectory.appendingPathComponent(role == .kafka ? "kafkaServer.out" : "zookeeper.out")
        if !FileManager.default.fileExists(atPath: logURL.path) { _ = FileManager.default.createFile(atPath: logURL.path, contents: nil) }
        let log = try FileHandle(forWritingTo: logURL)
        log.seekToEndOfFile()
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: context.currentDirectory, isDirectory: true)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        if let readyFile {
            process.environment = context.environment.merging([ReadinessNotice.environmentKey: readyFile]) { _, new in new }
        }
        try process.run()
        try pidFiles.record(role, pid: process.processIdentifier, configPath: configPath)
        if let readyFile { context.console.serverStarting(pid: process.processIdentifier, readyFile: readyFile) }
        return 0
    }

    /// Kafka's stop scripts: SIGTERM to every server of that kind (ours only), or "No ... to stop"
    /// and exit code 1.
    static func stop(_ role: ServerPidFiles.Role, context: ToolContext) -> Int32 {
        let running = ServerPidFiles(environment: context.environment).running(role)
        guard !running.isEmpty else {
            context.console.outLine(role == .kafka ? "No kafka server to stop" : "No zookeeper server to stop")
            return 1
        }
        for entry in running {
            kill(entry.pid, SIGCONT)  // a paused server must be able to handle SIGTERM
            kill(entry.pid, SIGTERM)
        }
        return 0
    }
}

enum KafkaServerStartTool: KafkaTool {
    static let name = "kafka-server-start"
    static let syntax = ToolSyntax(
        tool: name,
        summary: "USAGE: kafka-server-start.sh [-daemon] server.properties [--override property=value]*\nStarts a Kafka broker (samsa-broker) with the given properties file.",
        options: [.value("override", "String: property=value", "Optional property that should override values set in server.properties file.")])

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        try ServerLauncher.start(.kafka, tool: self.name, options: options, context: context)
    }
}

enum KafkaServerStopTool: KafkaTool {
    static let name = "kafka-server-stop"
    static let syntax = ToolSyntax(tool: name, summary: "Stops the brokers started with kafka-server-start (SIGTERM: a clean shutdown).", options: [])

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        ServerLauncher.stop(.kafka, context: context)
    }
}

enum ZooKeeperServerStartTool: KafkaTool {
    static let name = "zookeeper-server-start"
    static let syntax = ToolSyntax(
        tool: name,
        summary: "USAGE: zookeeper-server-start.sh [-daemon] zookeeper.properties\nStarts the metadata server (samsa-meta, which speaks ZooKeeper's protocol) with the given properties file.",
        options: [])

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        try ServerLauncher.start(.zookeeper, tool: self.name, options: options, context: context)
    }
}

enum ZooKeeperServerStopTool: KafkaTool {
    static let name = "zookeeper-server-stop"
    static let syntax = ToolSyntax(tool: name, summary: "Stops the metadata servers started with zookeeper-server-start.", options: [])

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        ServerLauncher.stop(.zookeeper, context: context)
    }
}
