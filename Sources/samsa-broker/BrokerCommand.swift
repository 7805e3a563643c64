import ArgumentParser
import Broker
import CourseLanguage
import Dispatch
import Foundation
import Logging
import PropertiesFile
import ServerReadiness
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// `samsa-broker [server.properties] [--override key=value]...`, like `kafka-server-start.sh`.
@main
struct BrokerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samsa-broker",
        abstract: "Runs a Samsa broker: the Kafka wire protocol over an on-disk log.",
        discussion: """
            Reads Kafka's server.properties keys (broker.id, listeners, log.dirs, num.partitions, \
            log.retention.hours, ...). Without zookeeper.connect the broker runs standalone and is its \
            own controller. SIGTERM or Ctrl-C shuts it down cleanly.
            """)

    @Argument(help: "The broker's properties file, e.g. config/server.properties.")
    var propertiesFile: String?

    @Option(
        name: .customLong("override"),
        help: ArgumentHelp("Sets a property, overriding the file.", valueName: "key=value"))
    var overrides: [String] = []

    @Option(
        help: "Log level: trace, debug, info, notice, warning, error or critical (default: $SAMSA_LOG_LEVEL or info).")
    var logLevel: String = ProcessInfo.processInfo.environment["SAMSA_LOG_LEVEL"] ?? "info"

    func validate() throws {
        for override in self.overrides where !override.contains("=") {
            throw ValidationError(
                "--override takes key=value, e.g. --override log.dirs=/tmp/kafka-logs; got '\(override)'")
        }
        guard Logger.Level(rawValue: self.logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        // Fetch responses are large (up to max.partition.fetch.bytes, 10 MB by default). glibc
        // raises its mmap threshold after such buffers are freed and then keeps them in the heap;
        // fixing the threshold at 1 MiB hands them back to the OS (73 MB → 28 MB RSS after a 1M-record
        // consume, docs/benchmarks.md).
        Self.fixMallocMmapThreshold(bytes: 1 << 20)
        let level = Logger.Level(rawValue: self.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "samsa-broker")
        let config: BrokerConfig
        do {
            config = try BrokerConfig(properties: try self.readProperties(), overrides: self.parsedOverrides)
        } catch {
            Self.fail("\(error)")
        }
        for warning in config.warnings { logger.warning("\(warning)") }
        let server: BrokerServer
        do {
            server = try BrokerServer(config: config, logger: logger)
        } catch {
            Self.fail(Language.preferred.pick(es: "no puede arrancar: ", en: "cannot start: ") + "\(error)")
        }
        // Signals are caught before the server starts, so a SIGTERM that arrives early is not lost.
        let stop = StopRequest()
        let signals = [SIGTERM, SIGINT].map { signal in
            // libdispatch watches a signal only while its default action is off. A signal in the
            // instant between these two lines is lost; LocalCluster repeats SIGTERM for that reason.
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .main)
            source.setEventHandler { stop.request() }
            source.resume()
            return source
        }
        // SIGUSR2: the cluster's owner changed this broker's injected faults (`fault ...` in the
        // REPL); re-read the control file. Caught from the start, since its default action would
        // end the process.
        Foundation.signal(SIGUSR2, SIG_IGN)
        let faultSignal = DispatchSource.makeSignalSource(signal: SIGUSR2, queue: .main)
        faultSignal.setEventHandler { Task { await server.reloadFaults() } }
        faultSignal.resume()
        // SIGUSR1: the cluster's owner asks for a log cleaner pass now (`topic compact` in the REPL).
        Foundation.signal(SIGUSR1, SIG_IGN)
        let compactSignal = DispatchSource.makeSignalSource(signal: SIGUSR1, queue: .main)
        compactSignal.setEventHandler { Task.detached { server.runRequestedCompaction() } }
        compactSignal.resume()
        // Up means listening and, in cluster mode, registered: what `kafka-server-start` logs for a lab.
        let serving = Task {
            try await server.run { ports in
                ReadinessNotice.announce("ok broker.id=\(server.brokerId)" + (ports.first.map { " port=\($0)" } ?? ""))
            }
        }
        stop.attach(serving)
        do {
            try await serving.value
        } catch is CancellationError {
        } catch {
            Self.fail("\(error)")
        }
        // Using the sources here keeps them alive until now: a released source stops listening.
        for source in signals + [faultSignal, compactSignal] { source.cancel() }
    }

    private var parsedOverrides: [String: String] {
        var result: [String: String] = [:]
        for override in self.overrides {
            let parts = override.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            result[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return result
    }

    private func readProperties() throws -> PropertiesFile {
        guard let path = self.propertiesFile else { return PropertiesFile() }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("cannot read \(path); pass a server.properties file such as config/server.properties")
        }
        return PropertiesFile(parsing: text)
    }

    /// `mallopt(M_MMAP_THRESHOLD, bytes)`; malloc.h is not part of Swift's Glibc module, so the
    /// function is looked up by name. Does nothing where it does not exist (non-glibc systems).
    private static func fixMallocMmapThreshold(bytes: Int32) {
        #if canImport(Glibc)
            typealias MalloptFunction = @convention(c) (Int32, Int32) -> Int32
            let mmapThresholdParameter: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            _ = unsafeBitCast(symbol, to: MalloptFunction.self)(mmapThresholdParameter, bytes)
        #endif
    }

    /// One line on stderr, exit code 1: what a bad config deserves.
    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("samsa-broker: \(message)\n".utf8))
        ReadinessNotice.announce("failed: samsa-broker: \(message)")
        Foundation.exit(1)
    }
}

/// Cancels the serving task when a stop signal arrives, even one that arrived before the task
/// existed.
final class StopRequest: Sendable {
    private let state = Mutex<(requested: Bool, task: Task<Void, any Error>?)>((false, nil))

    func request() {
        let task = self.state.withLock { state -> Task<Void, any Error>? in
            state.requested = true
            return state.task
        }
        task?.cancel()
    }

    func attach(_ task: Task<Void, any Error>) {
        let requested = self.state.withLock { state -> Bool in
            state.task = task
            return state.requested
        }
        if requested { task.cancel() }
    }
}
