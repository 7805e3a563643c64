import Foundation
import PropertiesFile
import Synchronization

/// What `TestBroker` and `TestMetaServer` share: a server executable that takes one properties
/// file, listens on one port of 127.0.0.1, and keeps its data in a directory that outlives
/// restarts. Writes the file, launches the product, waits for the port, restarts on the same
/// port and directory.
///
/// `@unchecked Sendable` because subclasses exist; the mutable state (the process and the port)
/// lives in `state`.
public class TestServer: @unchecked Sendable {
    /// The executable run: the SwiftPM product (e.g. `samsa-broker`) unless the caller gave one.
    public let executableURL: URL
    /// Holds the config file, the output log and the data directories.
    public let directory: URL
    public let configURL: URL
    /// The server's stdout and stderr, across restarts.
    public let outputURL: URL
    /// The port the server listens on; kept across restarts.
    public var port: Int {
        self.state.withLock { $0.port }
    }
    /// `"127.0.0.1:<port>"`.
    public var address: String { "127.0.0.1:\(self.port)" }

    /// For samsa-meta and ZooKeeper in tests of the ZooKeeper protocol itself: ticks of 200 ms,
    /// so sessions expire within seconds; a generous `maxSessionTimeout`, since a loaded machine
    /// can stall a client; every four-letter word allowed.
    public static let quickSessions = ["tickTime": "200", "maxSessionTimeout": "30000", "4lw.commands.whitelist": "*"]

    /// How long to wait for the port to open after a (re)start. A bound, not an expectation.
    public let startTimeout: Duration

    private let state: Mutex<(process: TestProcess?, port: Int)>
    private let makeConfig: @Sendable (Int) -> [(String, String)]
    private let leadingArguments: [String]

    /// - Parameters:
    ///   - config: the properties for a given port, in file order.
    ///   - leadingArguments: what goes before the config file's path on the command line (a JVM's
    ///     options and main class); nothing for Samsa's own servers.
    init(
        product: String, executableURL: URL?, directory: URL, configFileName: String, port: Int?,
        startTimeout: Duration, leadingArguments: [String] = [], config: @escaping @Sendable (Int) -> [(String, String)]
    ) throws {
        self.executableURL = try executableURL ?? Products.executable(product)
        self.leadingArguments = leadingArguments
        self.directory = directory
        self.configURL = directory.appendingPathComponent(configFileName)
        self.outputURL = directory.appendingPathComponent("\(product).out")
        self.startTimeout = startTimeout
        self.makeConfig = config
        self.state = Mutex((process: nil, port: try port ?? FreePort.allocate()))
        try self.start(retryOnNewPort: port == nil)
    }

    /// The running process (the latest one after a restart).
    public var process: TestProcess? {
        self.state.withLock { $0.process }
    }

    public var isRunning: Bool { self.process?.isRunning ?? false }

    /// SIGKILL (a crash); data stays for `restart()`.
    public func kill() { self.process?.kill() }

    /// SIGTERM, bounded wait, then SIGKILL; data stays for `restart()`. Returns the exit status
    /// (0 for a clean shutdown), nil if no process was started.
    @discardableResult
    public func stop() -> Int32? {
        guard let process = self.process else { return nil }
        process.terminate()
        return process.exitStatus
    }

    /// SIGSTOP / SIGCONT: the server freezes with its sockets open.
    public func pause() { self.process?.pause() }
    public func resume() { self.process?.resume() }

    /// Stops the server if it still runs, then starts it again on the same port, config and data
    /// directories, and waits until it listens.
    public func restart() throws {
        self.stop()
        try self.start(retryOnNewPort: false)
    }

    /// Everything the server printed, across restarts.
    public var output: String { TestProcess.tail(of: self.outputURL, maxBytes: Int.max) }

    /// Last part of the server's output, for failure messages.
    public func logTail(maxBytes: Int = 4000) -> String {
        TestProcess.tail(of: self.outputURL, maxBytes: maxBytes)
    }

    private func start(retryOnNewPort: Bool) throws {
        // The port was free when allocated but another process can take it before the server
        // binds; a server that exits before listening gets a new port, three times at most.
        let attempts = retryOnNewPort ? 3 : 1
        for attempt in 1...attempts {
            try self.writeConfig()
            let process = try TestProcess(
                executableURL: self.executableURL, arguments: self.leadingArguments + [self.configURL.path],
                currentDirectoryURL: self.directory, logURL: self.outputURL)
            self.state.withLock { $0.process = process }
            do {
                try waitForPort(self.port, timeout: self.startTimeout, process: process)
                return
            } catch SamsaTestingError.processExited where attempt < attempts {
                let newPort = try FreePort.allocate()
                self.state.withLock { $0.port = newPort }
            } catch {
                process.kill()
                throw error
            }
        }
    }

    private func writeConfig() throws {
        let entries = self.makeConfig(self.port)
        var properties = PropertiesFile()
        for (key, value) in entries { properties[key] = value }
        let text = "# Written by SamsaTesting for one test.\n" + properties.rendered(keys: entries.map(\.0))
        try text.write(to: self.configURL, atomically: true, encoding: .utf8)
    }
}

/// Merges `overrides` into `defaults`: a default is replaced in place, new keys follow sorted.
func mergeProperties(_ defaults: [(String, String)], _ overrides: [String: String]) -> [(String, String)] {
    var merged = defaults.map { (key, value) in (key, overrides[key] ?? value) }
    let known = Set(defaults.map(\.0))
    for key in overrides.keys.sorted() where !known.contains(key) {
        merged.append((key, overrides[key] ?? ""))
    }
    return merged
}
