import Broker
import Foundation
import Logging
import PropertiesFile
import XCTest

/// A broker running inside the test process on an ephemeral port with its own temp log dir;
/// stopped (clean shutdown) and deleted at teardown.
struct InProcessBroker {
    let port: Int
    let logDir: String
    let task: Task<Void, any Error>
}

extension XCTestCase {
    func startInProcessBroker(
        _ overrides: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line
    ) async throws -> InProcessBroker {
        let root = NSTemporaryDirectory() + "samsa-broker-test-\(UUID().uuidString)"
        var properties: [String: String] = [
            "broker.id": "1", "listeners": "PLAINTEXT://127.0.0.1:0", "log.dirs": "\(root)/logs",
        ]
        for (key, value) in overrides { properties[key] = value }
        let config = try BrokerConfig(properties: PropertiesFile(), overrides: properties)
        var logger = Logger(label: "test-broker")
        logger.logLevel = .warning
        let server = try BrokerServer(config: config, logger: logger)
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            defer { continuation.finish() }
            try await server.run { ports in
                continuation.yield(ports[0])
                continuation.finish()
            }
        }
        var port: Int?
        for await value in stream { port = value }
        guard let port else {
            task.cancel()
            XCTFail("broker did not start", file: file, line: line)
            throw CancellationError()
        }
        self.addTeardownBlock {
            task.cancel()
            _ = await task.result
            try? FileManager.default.removeItem(atPath: root)
        }
        return InProcessBroker(port: port, logDir: "\(root)/logs", task: task)
    }
}
