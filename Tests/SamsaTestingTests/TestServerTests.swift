import Foundation
import SamsaTesting
import XCTest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// TestBroker and TestMetaServer run a stand-in executable here (a shell script that reads the
/// port from the properties file and serves HTTP on it), so their config writing, port waiting,
/// restart and teardown are tested without depending on the real servers.
final class TestServerTests: XCTestCase {
    func testBrokerWritesServerPropertiesAndListens() throws {
        let dir = try self.makeTemporaryDirectory()
        let broker = try TestBroker(
            brokerID: 7, overrides: ["num.partitions": "3", "log.dirs": dir.appending("elsewhere").path],
            directory: dir.url, executableURL: try self.standIn(in: dir, portKey: "listeners"))
        defer { broker.stop() }

        let properties = try String(contentsOf: broker.configURL, encoding: .utf8)
        XCTAssertTrue(properties.contains("broker.id=7\n"))
        XCTAssertTrue(properties.contains("listeners=PLAINTEXT://127.0.0.1:\(broker.port)\n"))
        XCTAssertTrue(
            properties.contains("log.dirs=\(dir.appending("elsewhere").path)\n"),
            "overrides replace defaults")
        XCTAssertTrue(properties.contains("num.partitions=3\n"))
        XCTAssertEqual(broker.configURL.lastPathComponent, "server.properties")
        XCTAssertEqual(broker.bootstrap, "127.0.0.1:\(broker.port)")
        XCTAssertEqual(broker.logDir, dir.appending("logs", isDirectory: true))
        XCTAssertTrue(FreePort.isOpen(broker.port))
        XCTAssertTrue(broker.isRunning)
        // The stand-in prints the argument it got: the path of server.properties.
        XCTAssertTrue(broker.logTail().contains("config=\(broker.configURL.path)"))
    }

    func testKillThenRestartKeepsPortAndDirectory() throws {
        let dir = try self.makeTemporaryDirectory()
        let broker = try TestBroker(directory: dir.url, executableURL: try self.standIn(in: dir, portKey: "listeners"))
        defer { broker.stop() }
        let port = broker.port
        let first = try XCTUnwrap(broker.process)

        broker.kill()
        XCTAssertEqual(first.exitStatus, SIGKILL)
        XCTAssertFalse(broker.isRunning)
        XCTAssertFalse(FreePort.isOpen(port))

        try broker.restart()
        XCTAssertEqual(broker.port, port)
        XCTAssertTrue(FreePort.isOpen(port))
        XCTAssertNotEqual(broker.process?.pid, first.pid)

        try broker.restart()  // restart of a running server stops it first
        XCTAssertTrue(FreePort.isOpen(port))
        broker.stop()
        XCTAssertFalse(broker.isRunning)
        XCTAssertEqual(broker.logTail().components(separatedBy: "config=").count - 1, 3, "three starts, one log")
    }

    func testMetaServerWritesZooKeeperProperties() throws {
        let dir = try self.makeTemporaryDirectory()
        let meta = try TestMetaServer(
            overrides: ["tickTime": "100"], directory: dir.url,
            executableURL: try self.standIn(in: dir, portKey: "clientPort"))
        defer { meta.stop() }
        let properties = try String(contentsOf: meta.configURL, encoding: .utf8)
        XCTAssertTrue(properties.contains("clientPort=\(meta.port)\n"))
        XCTAssertTrue(properties.contains("clientPortAddress=127.0.0.1\n"))
        XCTAssertTrue(properties.contains("dataDir=\(meta.dataDir.path)\n"))
        XCTAssertTrue(properties.contains("tickTime=100\n"))
        XCTAssertFalse(properties.contains("tickTime=2000"))
        XCTAssertEqual(meta.connectString, "127.0.0.1:\(meta.port)")
        XCTAssertTrue(FreePort.isOpen(meta.port))
    }

    func testAServerThatExitsAtOnceIsReportedWithItsOutput() throws {
        let dir = try self.makeTemporaryDirectory()
        let script = dir.appending("broken-broker")
        let text = "#!/bin/sh\necho \"no such setting in $1\" >&2\nexit 2\n"
        try text.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        XCTAssertThrowsError(try TestBroker(directory: dir.url, executableURL: script)) { error in
            guard case SamsaTestingError.processExited(_, let status, let tail) = error else {
                return XCTFail("expected processExited, got \(error)")
            }
            XCTAssertEqual(status, 2)
            XCTAssertTrue(tail.contains("no such setting in"), tail)
        }
    }

    func testProductsDirectoryHoldsTheBuiltExecutables() throws {
        // Only that SwiftPM put samsa-broker where TestBroker looks; the broker itself is not run.
        let url = try Products.executable("samsa-broker")
        XCTAssertEqual(url.lastPathComponent, "samsa-broker")
        XCTAssertThrowsError(try Products.executable("no-such-product")) { error in
            XCTAssertTrue("\(error)".contains("no-such-product"))
        }
    }

    /// A script that takes a properties file, prints its path, and serves HTTP on the port found
    /// under `portKey` (`listeners=PLAINTEXT://127.0.0.1:PORT` or `clientPort=PORT`).
    private func standIn(in dir: TemporaryDirectory, portKey: String) throws -> URL {
        let python = try ExternalTool.require("python3", ExternalTool.python())
        let script = dir.appending("stand-in-\(portKey)")
        let text = """
            #!/bin/sh
            echo "config=$1"
            port=$(grep '^\(portKey)=' "$1" | sed 's/.*[:=]//')
            exec '\(python.path)' -m http.server --bind 127.0.0.1 "$port"

            """
        try text.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script
    }
}
