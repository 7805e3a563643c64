import Foundation
import MetadataClient
import SamsaClient
import SamsaTesting
import XCTest
import ZooKeeperProtocol

/// What a student sees when brokers stop and start again by hand (Lab 1): a controlled shutdown
/// asked while the broker still listens, one calm line when the controller is gone, and a taken
/// broker.id explained by the session that holds it.
final class BrokerShutdownTests: XCTestCase {
    /// The only broker is the controller: its ControlledShutdown goes to itself, so it must still
    /// be listening when it asks (Kafka stops the socket server after the controlled shutdown).
    func testTheControllerStoppingAloneHasItsControlledShutdown() async throws {
        let meta = try self.startMetaServer(overrides: ["tickTime": "500"])
        let broker = try self.startBroker(brokerID: 1, overrides: self.clusterOverrides(meta))
        try await self.waitUntilKnowsController([broker], brokers: 1)
        broker.stop()
        let log = try String(contentsOf: broker.outputURL, encoding: .utf8)
        XCTAssertTrue(log.contains("controlled shutdown done"), log)
        XCTAssertFalse(log.contains("not reachable"), log)
        XCTAssertFalse(log.contains("controlled shutdown request failed"), log)
    }

    /// The controller killed, its session still alive: the other broker cannot reach it, tries
    /// `controlled.shutdown.max.retries` times as Kafka does, says so once and shuts down.
    func testAnUnreachableControllerIsSaidOnceAndTheBrokerShutsDownWithoutIt() async throws {
        let meta = try self.startMetaServer(overrides: ["tickTime": "500"])
        var overrides = self.clusterOverrides(meta)
        overrides["controlled.shutdown.retry.backoff.ms"] = "100"
        let brokers = [
            try self.startBroker(brokerID: 1, overrides: overrides),
            try self.startBroker(brokerID: 2, overrides: overrides),
        ]
        let controller = try await self.waitUntilKnowsController(brokers, brokers: 2)
        let (dead, survivor) = controller == 1 ? (brokers[0], brokers[1]) : (brokers[1], brokers[0])
        dead.kill()
        let began = ContinuousClock.now
        survivor.stop()
        let took = ContinuousClock.now - began
        XCTAssertGreaterThanOrEqual(took, .milliseconds(200), "three attempts 100 ms apart")
        XCTAssertLessThan(took, .seconds(8), "three attempts 100 ms apart, not Kafka's 5 s")
        let log = try String(contentsOf: survivor.outputURL, encoding: .utf8)
        let lines = log.split(separator: "\n").filter { $0.contains("controlled shutdown") }
        XCTAssertEqual(lines.count, 1, log)
        XCTAssertTrue(lines.first?.contains("the controller (broker \(controller)) is not reachable") ?? false, log)
        XCTAssertTrue(
            lines.first?.contains("asking again 2 more time(s), 100 ms apart, then shutting down without it") ?? false,
            log)
        XCTAssertFalse(log.contains("controlled shutdown request failed"), log)
        XCTAssertTrue(log.contains("shut down completed"), log)
    }

    /// A broker.id still registered by a live session (as a broker killed a moment ago leaves
    /// it): the refusal names the session and says that waiting for it to expire fixes it.
    func testATakenBrokerIdNamesTheSessionHoldingIt() async throws {
        let meta = try self.startMetaServer(overrides: ["tickTime": "500"])
        let holder = try ZooKeeperClient(connectString: meta.connectString, sessionTimeout: .seconds(6))
        try await holder.connect(timeout: .seconds(10))
        try await holder.ensurePath("/brokers/ids")
        _ = try await holder.create("/brokers/ids/5", data: Array("{}".utf8), mode: .ephemeral)
        let session = await holder.sessionId

        let directory = try self.makeTemporaryDirectory()
        var arguments: [String] = []
        for (key, value) in self.clusterOverrides(meta).merging(
            [
                "broker.id": "5", "listeners": "PLAINTEXT://127.0.0.1:\(try FreePort.allocate())",
                "log.dirs": directory.appending("logs").path,
            ], uniquingKeysWith: { $1 }
        ).sorted(by: { $0.key < $1.key }) {
            arguments += ["--override", "\(key)=\(value)"]
        }
        let broker = try self.launchProcess(
            try Products.executable("samsa-broker"), arguments: arguments,
            logURL: directory.appending("out.log"), stderrURL: directory.appending("err.log"))
        XCTAssertEqual(broker.waitForExit(timeout: .seconds(30)), 1)
        await holder.close()
        let stderr = (try? String(contentsOf: directory.appending("err.log"), encoding: .utf8)) ?? ""
        XCTAssertEqual(
            stderr.split(separator: "\n").last.map(String.init),
            "samsa-broker: broker.id=5 is already registered at /brokers/ids/5, an ephemeral znode of session 0x"
                + String(session, radix: 16) + ". If a broker with this id stopped a moment ago, that session expires "
                + "within about 6 s (zookeeper.session.timeout.ms) and the znode goes with it: wait and start again. "
                + "If another broker runs with broker.id=5, give this one its own broker.id", stderr)
        Self.assertNoWorkAfterShutdown(in: directory)
    }

    /// A port another broker holds: one line naming the port and the way out, and a shutdown that
    /// schedules nothing on the event loops it already stopped.
    func testATakenPortIsSaidInOneLineAndTheBrokerExitsCleanly() async throws {
        let holder = try self.startBroker(brokerID: 1)
        let directory = try self.makeTemporaryDirectory()
        let broker = try self.launchProcess(
            try Products.executable("samsa-broker"),
            arguments: [
                "--override", "broker.id=2", "--override", "listeners=PLAINTEXT://127.0.0.1:\(holder.port)",
                "--override", "log.dirs=\(directory.appending("logs").path)",
            ],
            logURL: directory.appending("out.log"), stderrURL: directory.appending("err.log"))
        XCTAssertEqual(broker.waitForExit(timeout: .seconds(30)), 1)
        let stderr = (try? String(contentsOf: directory.appending("err.log"), encoding: .utf8)) ?? ""
        XCTAssertEqual(
            stderr.split(separator: "\n").last.map(String.init),
            "samsa-broker: cannot listen on 127.0.0.1:\(holder.port): another process holds that port (a broker "
                + "already started with this file, or one still stopping); stop it or give `listeners` another port",
            stderr)
        Self.assertNoWorkAfterShutdown(in: directory)
    }

    /// SwiftNIO prints this (and will crash in later versions) when a channel closes or a task is
    /// scheduled after its event loops shut down: the broker must stop them last, once.
    private static func assertNoWorkAfterShutdown(
        in directory: TemporaryDirectory, file: StaticString = #filePath, line: UInt = #line
    ) {
        for name in ["out.log", "err.log"] {
            let text = (try? String(contentsOf: directory.appending(name), encoding: .utf8)) ?? ""
            XCTAssertFalse(
                text.contains("Cannot schedule tasks on an EventLoop"), "\(name): \(text)", file: file, line: line)
        }
    }

    private func clusterOverrides(_ meta: TestMetaServer) -> [String: String] {
        [
            "zookeeper.connect": meta.connectString, "zookeeper.session.timeout.ms": "6000",
            "num.partitions": "1", "default.replication.factor": "1", "offsets.topic.replication.factor": "1",
        ]
    }

    /// Polls every broker's Metadata (bounded: 120 × 0.25 s) until each lists `count` brokers and
    /// a controller, which is what its cache will ask at shutdown. Returns the controller.
    @discardableResult
    private func waitUntilKnowsController(_ brokers: [TestBroker], brokers count: Int) async throws -> Int32 {
        for _ in 0..<120 {
            var controllers: Set<Int32> = []
            for broker in brokers {
                let client = try KafkaClient(bootstrapServers: broker.bootstrap, clientId: "shutdown-test")
                let metadata = try? await client.refreshMetadata(topics: [])
                await client.close()
                if let metadata, metadata.brokers.count == count, metadata.controllerId >= 0 {
                    controllers.insert(metadata.controllerId)
                } else {
                    controllers.insert(-1)
                }
            }
            if controllers.count == 1, let controller = controllers.first, controller >= 0 { return controller }
            try await Task.sleep(for: .milliseconds(250))
        }
        XCTFail("the brokers never agreed on a controller")
        return -1
    }
}
