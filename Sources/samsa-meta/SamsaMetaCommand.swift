import ArgumentParser
import Dispatch
import Foundation
import Logging
import MetadataServer
import PropertiesFile
import ServerReadiness

/// `samsa-meta [zookeeper.properties]`: a ZooKeeper-compatible metadata server in the
/// foreground, like `zookeeper-server-start.sh`; logs go to stderr, SIGTERM/SIGINT stop it.
@main
struct SamsaMetaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samsa-meta",
        abstract: "Run a ZooKeeper-compatible metadata server (standalone) in the foreground."
    )

    @Argument(help: "A zookeeper.properties file (clientPort, dataDir, tickTime, ...). Defaults apply without one.")
    var propertiesFile: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard Logger.Level(rawValue: self.logLevel) != nil else {
            throw ValidationError(
                "--log-level '\(self.logLevel)' is not a level; use one of trace, debug, info, notice, warning, error, critical"
            )
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: self.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "samsa-meta")
        let configuration: ServerConfiguration
        do {
            configuration = try Self.loadConfiguration(self.propertiesFile)
        } catch {
            Self.printError("\(error)")
            throw ExitCode(1)
        }
        let serverTask = Task {
            try await MetadataServerRunner.run(configuration: configuration, logger: logger) { port in
                ReadinessNotice.announce("ok port=\(port)")
            }
        }
        let signals = [SIGTERM, SIGINT].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                logger.info("received signal \(signalNumber); shutting down")
                serverTask.cancel()
            }
            source.resume()
            return source
        }
        defer { for signal in signals { signal.cancel() } }
        do {
            try await serverTask.value
        } catch {
            Self.printError("\(error)")
            throw ExitCode(1)
        }
    }

    static func loadConfiguration(_ path: String?) throws -> ServerConfiguration {
        guard let path else { return ServerConfiguration() }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(
                file: path, line: 0, message: "cannot read the file; pass the path of a zookeeper.properties")
        }
        return try ServerConfiguration(properties: PropertiesFile(parsing: text), file: path)
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("samsa-meta: \(message)\n".utf8))
        ReadinessNotice.announce("failed: samsa-meta: \(message)")
    }
}
