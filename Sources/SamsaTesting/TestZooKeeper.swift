import Foundation

/// A real Apache ZooKeeper 3.8 (Debian's `zookeeper` package, run by its JVM) for one test:
/// `zoo.cfg` in its own directory, `clientPort` a free port on 127.0.0.1, data in
/// `<directory>/data`. The differential and compatibility tests run the same scenario against it
/// and against `samsa-meta`. Missing Java or ZooKeeper skips the test, or fails it under `CI=true`.
public final class TestZooKeeper: TestServer, @unchecked Sendable {
    /// The server's classes; `ZooKeeperMain` (the CLI) comes from the same jar.
    public static let jar = URL(fileURLWithPath: "/usr/share/java/zookeeper.jar")
    /// Logging for the JVM, quiet or to the output file.
    public static let quietLogging = URL(fileURLWithPath: "/usr/share/java/slf4j-nop.jar")
    static let simpleLogging = URL(fileURLWithPath: "/usr/share/java/slf4j-simple.jar")

    public let dataDir: URL

    /// `"127.0.0.1:<port>"`, for `zookeeper.connect` or a ZooKeeper client.
    public var connectString: String { self.address }

    /// The JVM that runs ZooKeeper, required as `ExternalTool.require` does.
    public static func java(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let found = ["/usr/bin/java", "/usr/lib/jvm/default-java/bin/java"].map { URL(fileURLWithPath: $0) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return try ExternalTool.require(
            "java", found, hint: "scripts/test.sh installs Debian's zookeeper package, which brings a JRE", file: file,
            line: line)
    }

    /// Writes `zoo.cfg` (`clientPort`, `clientPortAddress=127.0.0.1`, `dataDir`, `tickTime=2000`,
    /// the admin server off, then `overrides`), starts ZooKeeper and waits until it listens.
    public init(
        overrides: [String: String] = [:], directory: URL, startTimeout: Duration = .seconds(60),
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let java = try Self.java(file: file, line: line)
        _ = try ExternalTool.require(
            "ZooKeeper 3.8", FileManager.default.fileExists(atPath: Self.jar.path) ? Self.jar : nil,
            hint: "scripts/test.sh installs Debian's zookeeper package", file: file, line: line)
        let dataDir = directory.appendingPathComponent("data", isDirectory: true)
        self.dataDir = dataDir
        try super.init(
            product: "zookeeper", executableURL: java, directory: directory, configFileName: "zoo.cfg", port: nil,
            startTimeout: startTimeout,
            leadingArguments: [
                "-Xmx256m", "-Dzookeeper.admin.enableServer=false",
                "-cp", "\(Self.jar.path):\(Self.simpleLogging.path)",
                "org.apache.zookeeper.server.ZooKeeperServerMain",
            ]
        ) { port in
            mergeProperties(
                TestMetaServer.zooKeeperDefaults(port: port, dataDir: dataDir) + [("admin.enableServer", "false")],
                overrides)
        }
    }
}
