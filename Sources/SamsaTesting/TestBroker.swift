import Foundation

/// A `samsa-broker` process for one test: `server.properties` in its own directory, listening on
/// a free port of 127.0.0.1, its partition logs in `<directory>/logs`.
///
/// ```swift
/// let broker = try startBroker(overrides: ["num.partitions": "3"])   // XCTestCase helper
/// run(client, broker.bootstrap)
/// broker.kill(); try broker.restart()                                // same port and logs
/// ```
public final class TestBroker: TestServer, @unchecked Sendable {
    public let brokerID: Int
    /// `log.dirs` (unless overridden).
    public let logDir: URL

    /// `"127.0.0.1:<port>"`, for `bootstrap.servers`.
    public var bootstrap: String { "127.0.0.1:\(self.port)" }

    /// Writes `server.properties` (`broker.id`, `listeners`, `log.dirs`, a short
    /// `controlled.shutdown.retry.backoff.ms`, then `overrides`, which may replace those too) into
    /// `directory`, starts `samsa-broker <server.properties>` and waits until it accepts connections. `executableURL` replaces the built product (a
    /// stand-in in SamsaTesting's own tests); `port` fixes the port instead of a free one.
    public init(
        brokerID: Int = 1,
        overrides: [String: String] = [:],
        directory: URL,
        port: Int? = nil,
        executableURL: URL? = nil,
        startTimeout: Duration = .seconds(60)
    ) throws {
        self.brokerID = brokerID
        let logDir = directory.appendingPathComponent("logs", isDirectory: true)
        self.logDir = logDir
        try super.init(
            product: "samsa-broker", executableURL: executableURL, directory: directory,
            configFileName: "server.properties", port: port, startTimeout: startTimeout
        ) { port in
            mergeProperties(
                [
                    ("broker.id", "\(brokerID)"),
                    ("listeners", "PLAINTEXT://127.0.0.1:\(port)"),
                    ("log.dirs", logDir.path),
                    // Kafka waits 5 s between controlled shutdown attempts; a test cluster stopping
                    // its last broker (no one left to lead its partitions) need not.
                    ("controlled.shutdown.retry.backoff.ms", "200"),
                ], overrides)
        }
    }
}
