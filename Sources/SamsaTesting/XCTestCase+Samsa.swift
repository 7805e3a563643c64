import Foundation
import XCTest

/// Helpers that tie what a test starts to the test's lifetime: each registers a teardown block
/// that stops the process and deletes its directory, whether the test passed, failed or threw.
/// When the test failed, the teardown prints the tail of each server's output first.
extension XCTestCase {
    /// A temporary directory removed when the test ends.
    public func makeTemporaryDirectory(
        prefix: String = "samsa-test", file: StaticString = #filePath, line: UInt = #line
    ) throws -> TemporaryDirectory {
        let directory = try self.reporting("making a temporary directory", file: file, line: line) {
            try TemporaryDirectory(prefix: prefix)
        }
        self.addTeardownBlock { directory.remove() }
        return directory
    }

    /// A `samsa-broker` on a free port in its own temporary directory; stopped and deleted when
    /// the test ends. See `TestBroker.init` for the properties written.
    public func startBroker(
        brokerID: Int = 1, overrides: [String: String] = [:],
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> TestBroker {
        let directory = try self.makeTemporaryDirectory(prefix: "samsa-broker-\(brokerID)", file: file, line: line)
        let broker = try self.reporting("starting samsa-broker \(brokerID)", file: file, line: line) {
            try TestBroker(brokerID: brokerID, overrides: overrides, directory: directory.url)
        }
        self.stopAtTeardown(broker, name: "samsa-broker \(brokerID)")
        return broker
    }

    /// A `samsa-meta` on a free port in its own temporary directory; stopped and deleted when the
    /// test ends.
    public func startMetaServer(
        overrides: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line
    ) throws -> TestMetaServer {
        let directory = try self.makeTemporaryDirectory(prefix: "samsa-meta", file: file, line: line)
        let server = try self.reporting("starting samsa-meta", file: file, line: line) {
            try TestMetaServer(overrides: overrides, directory: directory.url)
        }
        self.stopAtTeardown(server, name: "samsa-meta")
        return server
    }

    /// A real Apache ZooKeeper on a free port in its own temporary directory; stopped and deleted
    /// when the test ends. Skips (fails under `CI=true`) when Java or ZooKeeper is missing.
    public func startZooKeeper(
        overrides: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line
    ) throws -> TestZooKeeper {
        let directory = try self.makeTemporaryDirectory(prefix: "zookeeper", file: file, line: line)
        let server = try self.reporting("starting ZooKeeper", file: file, line: line) {
            try TestZooKeeper(overrides: overrides, directory: directory.url, file: file, line: line)
        }
        self.stopAtTeardown(server, name: "ZooKeeper")
        return server
    }

    /// Any process, terminated (SIGTERM, then SIGKILL) when the test ends.
    public func launchProcess(
        _ executableURL: URL, arguments: [String] = [], environment: [String: String] = [:],
        currentDirectoryURL: URL? = nil, logURL: URL, stderrURL: URL? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> TestProcess {
        let process = try self.reporting("launching \(executableURL.lastPathComponent)", file: file, line: line) {
            try TestProcess(
                executableURL: executableURL, arguments: arguments, environment: environment,
                currentDirectoryURL: currentDirectoryURL, logURL: logURL, stderrURL: stderrURL)
        }
        self.addTeardownBlock { process.terminate() }
        return process
    }

    private func stopAtTeardown(_ server: TestServer, name: String) {
        // Teardown blocks run last-added first: this one runs before its directory is removed.
        self.addTeardownBlock { [weak self] in
            if let run = self?.testRun, run.totalFailureCount > 0 {
                print("--- \(name) output (\(server.outputURL.path)) ---\n\(server.logTail())\n--- end ---")
            }
            server.stop()
        }
    }

    /// Runs `body`; a failure is recorded at the caller's `file:line:` with the full message and
    /// the test then stops with a short error. `XCTSkip` passes through untouched.
    private func reporting<T>(
        _ what: String, file: StaticString, line: UInt, _ body: () throws -> T
    ) throws -> T {
        do {
            return try body()
        } catch let skip as XCTSkip {
            throw skip
        } catch {
            XCTFail("\(what): \(error)", file: file, line: line)
            throw SamsaTestingError.reported(what)
        }
    }
}
