import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A samsa-meta or ZooKeeper server run as a child process on a free 127.0.0.1 port in its own
/// temporary directory. Shared by the metadata server and client test targets.
public final class ServerProcess: @unchecked Sendable {
    // Mutated only by the test that owns it, on one thread.
    public enum Kind {
        case samsaMeta
        case zooKeeper
    }

    public let kind: Kind
    public let port: Int
    public let directory: URL
    public private(set) var process: Process
    private let arguments: [String]
    private let executable: URL

    public var address: String { "127.0.0.1:\(self.port)" }
    public var logURL: URL { self.directory.appendingPathComponent("server.log") }
    public var logText: String { (try? String(contentsOf: self.logURL, encoding: .utf8)) ?? "" }

    private init(kind: Kind, port: Int, directory: URL, executable: URL, arguments: [String]) {
        self.kind = kind
        self.port = port
        self.directory = directory
        self.executable = executable
        self.arguments = arguments
        self.process = Process()
    }

    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// A missing tool fails the test in CI and skips it elsewhere.
    public static func requireTool(_ available: Bool, _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        guard !available else { return }
        if Self.isCI {
            XCTFail("\(message) (CI=true, so this is a failure)", file: file, line: line)
            throw XCTSkip("failed: \(message)")
        }
        throw XCTSkip(message)
    }

    /// The directory holding the built products (samsa-meta), next to the test bundle.
    public static func productsDirectory() -> URL {
        let bundle = Bundle(for: ServerProcess.self).bundleURL
        let candidates = [
            bundle.deletingLastPathComponent(), bundle,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ]
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("samsa-meta").path) {
            return candidate
        }
        return bundle.deletingLastPathComponent()
    }

    public static func makeTemporaryDirectory(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Starts samsa-meta with `zookeeper.properties` built from `settings`.
    public static func startSamsaMeta(
        _ settings: [String: String] = [:],
        directory existing: URL? = nil,
        port fixedPort: Int? = nil,
        file: StaticString = #filePath,
        line: UInt = #line
    ) throws -> ServerProcess {
        let executable = Self.productsDirectory().appendingPathComponent("samsa-meta")
        try Self.requireTool(
            FileManager.default.isExecutableFile(atPath: executable.path),
            "samsa-meta is not built at \(executable.path); run swift build first", file: file, line: line
        )
        let directory = try existing ?? Self.makeTemporaryDirectory("samsa-meta")
        let port = fixedPort ?? Self.freePort()
        var properties = [
            "clientPort": "\(port)", "clientPortAddress": "127.0.0.1",
            "dataDir": directory.appendingPathComponent("data").path, "tickTime": "200",
            // Generous upper bound: a loaded CI machine can stall a client for seconds.
            "maxSessionTimeout": "30000", "4lw.commands.whitelist": "*",
        ]
        properties.merge(settings) { $1 }
        let text = properties.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n") + "\n"
        let config = directory.appendingPathComponent("zookeeper.properties")
        try text.write(to: config, atomically: true, encoding: .utf8)
        let server = ServerProcess(kind: .samsaMeta, port: port, directory: directory, executable: executable, arguments: [config.path])
        try server.launch()
        try server.waitForPort(file: file, line: line)
        return server
    }

    public static let zooKeeperJar = "/usr/share/java/zookeeper.jar"

    /// Starts a real ZooKeeper 3.8 (Debian's `zookeeper` package) with its own dataDir.
    public static func startZooKeeper(file: StaticString = #filePath, line: UInt = #line) throws -> ServerProcess {
        let java = ["/usr/bin/java", "/usr/lib/jvm/default-java/bin/java"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try Self.requireTool(java != nil, "java is not installed; apt-get install default-jre-headless", file: file, line: line)
        try Self.requireTool(
            FileManager.default.fileExists(atPath: Self.zooKeeperJar),
            "ZooKeeper is not installed; apt-get install zookeeper", file: file, line: line
        )
        let directory = try Self.makeTemporaryDirectory("zookeeper")
        let port = Self.freePort()
        let config = directory.appendingPathComponent("zoo.cfg")
        let text = """
            clientPort=\(port)
            clientPortAddress=127.0.0.1
            dataDir=\(directory.appendingPathComponent("data").path)
            tickTime=200
            maxSessionTimeout=30000
            4lw.commands.whitelist=*
            admin.enableServer=false

            """
        try text.write(to: config, atomically: true, encoding: .utf8)
        let arguments = [
            "-Xmx256m", "-Dzookeeper.admin.enableServer=false",
            "-cp", "\(Self.zooKeeperJar):/usr/share/java/slf4j-simple.jar",
            "org.apache.zookeeper.server.ZooKeeperServerMain", config.path,
        ]
        let server = ServerProcess(
            kind: .zooKeeper, port: port, directory: directory, executable: URL(fileURLWithPath: java ?? "java"),
            arguments: arguments
        )
        try server.launch()
        try server.waitForPort(seconds: 60, file: file, line: line)
        return server
    }

    private func launch() throws {
        let process = Process()
        process.executableURL = self.executable
        process.arguments = self.arguments
        process.currentDirectoryURL = self.directory
        FileManager.default.createFile(atPath: self.logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: self.logURL)
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
    }

    /// Waits until the port accepts connections (bounded), failing if the process exits.
    public func waitForPort(seconds: Double = 20, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if !self.process.isRunning {
                XCTFail("server exited with \(self.process.terminationStatus) before listening:\n\(self.logText)", file: file, line: line)
                throw XCTSkip("server did not start")
            }
            if Self.canConnect(port: self.port) { return }
            usleep(50_000)
        }
        self.stop()
        XCTFail("server did not listen on \(self.port) within \(seconds)s:\n\(self.logText)", file: file, line: line)
        throw XCTSkip("server did not start")
    }

    /// SIGTERM, then SIGKILL after 10 s; returns the exit status.
    @discardableResult
    public func stop() -> Int32 {
        guard self.process.isRunning else { return self.process.terminationStatus }
        self.process.terminate()
        if !self.wait(seconds: 10) {
            kill(self.process.processIdentifier, SIGKILL)
            _ = self.wait(seconds: 5)
        }
        return self.process.isRunning ? -1 : self.process.terminationStatus
    }

    /// Simulates a crash.
    public func crash() {
        guard self.process.isRunning else { return }
        kill(self.process.processIdentifier, SIGKILL)
        _ = self.wait(seconds: 5)
    }

    /// Starts the same server again (same port; same data unless `wipingData`, which makes the
    /// server forget every session).
    public func restart(wipingData: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws {
        self.stop()
        if wipingData { try? FileManager.default.removeItem(at: self.directory.appendingPathComponent("data")) }
        try self.launch()
        try self.waitForPort(file: file, line: line)
    }

    public func removeDirectory() {
        try? FileManager.default.removeItem(at: self.directory)
    }

    private func wait(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while self.process.isRunning && Date() < deadline { usleep(20_000) }
        return !self.process.isRunning
    }

    public static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    public static func canConnect(port: Int) -> Bool {
        guard let connection = try? RawConnection(port: port) else { return false }
        connection.close()
        return true
    }
}
