import Foundation

/// A `samsa-meta` process (the ZooKeeper-compatible metadata server) for one test:
/// `zookeeper.properties` in its own directory, `clientPort` a free port on 127.0.0.1, snapshots
/// and transaction log in `<directory>/data`.
public final class TestMetaServer: TestServer, @unchecked Sendable {
    /// `dataDir` (unless overridden).
    public let dataDir: URL

    /// `"127.0.0.1:<port>"`, for `zookeeper.connect` or a ZooKeeper client.
    public var connectString: String { self.address }

    /// Writes `zookeeper.properties` (`clientPort`, `clientPortAddress=127.0.0.1`, `dataDir`,
    /// `tickTime=2000`, then `overrides`) into `directory`, starts `samsa-meta <file>` and waits
    /// until it accepts connections. `executableURL` replaces the built product; `port` fixes the
    /// port instead of a free one.
    public init(
        overrides: [String: String] = [:],
        directory: URL,
        port: Int? = nil,
        executableURL: URL? = nil,
        startTimeout: Duration = .seconds(60)
    ) throws {
        let dataDir = directory.appendingPathComponent("data", isDirectory: true)
        self.dataDir = dataDir
        try super.init(
            product: "samsa-meta", executableURL: executableURL, directory: directory,
            configFileName: "zookeeper.properties", port: port, startTimeout: startTimeout
        ) { port in
            mergeProperties(Self.zooKeeperDefaults(port: port, dataDir: dataDir), overrides)
        }
    }

    /// What a ZooKeeper-protocol server in a test needs: loopback only, its port and data dir, the default tick.
    static func zooKeeperDefaults(port: Int, dataDir: URL) -> [(String, String)] {
        [
            ("clientPort", "\(port)"), ("clientPortAddress", "127.0.0.1"), ("dataDir", dataDir.path),
            ("tickTime", "2000"),
        ]
    }

    /// Stops the server, deletes its data when `wipingData` (it forgets every session and znode),
    /// and starts it again on the same port.
    public func restart(wipingData: Bool) throws {
        self.stop()
        if wipingData { try? FileManager.default.removeItem(at: self.dataDir) }
        try self.restart()
    }
}
