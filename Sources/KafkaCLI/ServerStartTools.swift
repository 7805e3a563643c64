import CourseLanguage
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
    static func start(_ role: ServerPidFiles.Role, tool: String, options: ParsedOptions, context: ToolContext) throws
        -> Int32
    {
        var positional = options.positional
        let daemon = positional.contains("-daemon")
        positional.removeAll { $0 == "-daemon" }
        let usage =
            role == .kafka
            ? "USAGE: \(tool) [-daemon] server.properties [--override property=value]*"
            : "USAGE: \(tool) [-daemon] zookeeper.properties"
        guard positional.count == 1 else { throw ToolError.failed(usage) }
        let language = context.language
        let configPath = context.absolutePath(positional[0])
        let file = role == .kafka ? "server.properties" : "zookeeper.properties"
        guard FileManager.default.isReadableFile(atPath: configPath) else {
            throw ToolError.failed(
                language.pick(
                    es:
                        "\(tool): no se puede leer \(positional[0]) (\(configPath)); pasa la ruta de un fichero \(file), p. ej. config/\(file)",
                    en:
                        "\(tool): cannot read \(positional[0]) (\(configPath)); pass the path of a \(file) file, e.g. config/\(file)"
                ))
        }
        let executable: URL
        do {
            executable = try ClusterExecutables.fromEnvironment(context.environment).url(for: role.executable)
        } catch {
            throw ToolError.failed(
                "\(tool): \(error)"
                    + language.pick(
                        es: "; compílalo con `swift build` (se compila junto a samsa)",
                        en: "; build it with `swift build` (it is built beside samsa)"))
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
            throw ToolError.failed(
                language.pick(
                    es:
                        "\(tool) se ejecuta en primer plano en una terminal; usa -daemon para arrancarlo en segundo plano",
                    en: "\(tool) runs in the foreground of a terminal; use -daemon to start it in the background"))
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
        throw ToolError.failed(
            language.pick(
                es: "\(tool): no se puede ejecutar \(executable.path): \(reason)",
                en: "\(tool): cannot run \(executable.path): \(reason)"))
    }

    static func startInBackground(
        _ role: ServerPidFiles.Role, executable: URL, arguments: [String], configPath: String, pidFiles: ServerPidFiles,
        readyFile: String?, context: ToolContext
    ) throws -> Int32 {
        let logDirectory = URL(
            fileURLWithPath: context.environment["LOG_DIR"] ?? context.absolutePath("logs"), isDirectory: true)
        try FileManager.default.createDirectory(at: logDirectory, withIntermediateDirectories: true)
        let logURL = logDirectory.appendingPathComponent(role == .kafka ? "kafkaServer.out" : "zookeeper.out")
        if !FileManager.default.fileExists(atPath: logURL.path) {
            _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        }
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
            process.environment = context.environment.merging([ReadinessNotice.environmentKey: readyFile]) { _, new in
                new
            }
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
        summary: "USAGE: kafka-server-start.sh [-daemon] server.properties [--override property=value]*",
        note: LocalizedText(
            es: "Arranca un broker de Kafka (samsa-broker) con el fichero de propiedades que le pases.",
            en: "Starts a Kafka broker (samsa-broker) with the given properties file."),
        options: [
            .value(
                "override", "String: property=value",
                "Optional property that should override values set in server.properties file.")
        ])

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        try ServerLauncher.start(.kafka, tool: self.name, options: options, context: context)
    }
}

enum KafkaServerStopTool: KafkaTool {
    static let name = "kafka-server-stop"
    static let syntax = ToolSyntax(
        tool: name, summary: "",
        note: LocalizedText(
            es: "Para los brokers arrancados con kafka-server-start (SIGTERM: un apagado ordenado).",
            en: "Stops the brokers started with kafka-server-start (SIGTERM: a clean shutdown)."),
        options: [])

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        ServerLauncher.stop(.kafka, context: context)
    }
}

enum ZooKeeperServerStartTool: KafkaTool {
    static let name = "zookeeper-server-start"
    static let syntax = ToolSyntax(
        tool: name,
        summary: "USAGE: zookeeper-server-start.sh [-daemon] zookeeper.properties",
        note: LocalizedText(
            es:
                "Arranca el servidor de metadatos (samsa-meta, que habla el protocolo de ZooKeeper) con el fichero de propiedades que le pases.",
            en:
                "Starts the metadata server (samsa-meta, which speaks ZooKeeper's protocol) with the given properties file."
        ),
        options: [])

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        try ServerLauncher.start(.zookeeper, tool: self.name, options: options, context: context)
    }
}

enum ZooKeeperServerStopTool: KafkaTool {
    static let name = "zookeeper-server-stop"
    static let syntax = ToolSyntax(
        tool: name, summary: "",
        note: LocalizedText(
            es: "Para los servidores de metadatos arrancados con zookeeper-server-start.",
            en: "Stops the metadata servers started with zookeeper-server-start."),
        options: [])

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        ServerLauncher.stop(.zookeeper, context: context)
    }
}
