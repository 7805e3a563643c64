import CourseLanguage
import Foundation
import LocalCluster
import SamsaTesting
import XCTest

@testable import REPL

/// `cluster attach` (issue 18, the outgrow path): the REPL on a cluster it did not start. Here the
/// cluster is a metadata server and two brokers started with `samsa zookeeper-server-start` and
/// `samsa kafka-server-start` from config files in a temporary folder, as a student would start
/// Kafka's own; every process is stopped by PID at teardown.
final class ClusterAttachTests: XCTestCase {
    func testViewsAndClientsWorkOnAClusterStartedByTheCLITools() throws {
        let (bootstrap, zookeeper) = try self.startClusterWithTheCLITools(brokers: 2)
        let directory = try self.makeTemporaryDirectory()
        let (session, console) = Session.withoutServers(in: directory, width: 120)
        defer { session.finish() }

        // Without --zookeeper the brokers are attached, and the metadata tree is not there to read.
        let attachOutput = try self.run(session, console, "cluster attach \(bootstrap)")
        XCTAssertTrue(attachOutput.hasPrefix("Attached to \(bootstrap) (cluster id "), attachOutput)
        XCTAssertTrue(session.prompt.hasPrefix("samsa [\(bootstrap) · attached"), session.prompt)
        self.assertError(
            session, "meta ls /brokers/ids",
            "the cluster at \(bootstrap) was attached without --zookeeper, so there is no metadata tree to read: "
                + "`cluster attach \(bootstrap) --zookeeper HOST:PORT` names it")

        XCTAssertTrue(
            try self.run(session, console, "cluster attach \(bootstrap) --zookeeper \(zookeeper)").contains(
                "metadata tree at \(zookeeper)"))
        XCTAssertEqual(try self.waitForOutput(session, console, "meta ls /brokers/ids") { $0 == "1\n2\n" }, "1\n2\n")
        // Both brokers must be in the controller's metadata before a topic can have 2 replicas.
        _ = try self.waitForOutput(session, console, "cluster status") { $0.contains("broker 2") }

        let created = try self.run(session, console, "topic create orders --partitions 2 --replication-factor 2")
        XCTAssertTrue(created.hasPrefix("Created topic orders: 2 partitions × 2 replicas"), created)
        XCTAssertEqual(try self.run(session, console, "topic list"), "orders\n")
        let produced = try self.run(session, console, "produce orders --key alice \"first order\"")
        XCTAssertTrue(produced.contains("key \"alice\" → murmur2"), produced)

        let status = try self.run(session, console, "cluster status")
        XCTAssertTrue(
            status.hasPrefix("cluster at \(bootstrap) · attached: started elsewhere, seen through Kafka's protocol"),
            status)
        XCTAssertTrue(status.contains("metadata server  ● up"), status)
        XCTAssertTrue(status.contains(" orders "), status)
        XCTAssertTrue(status.contains("1,2") || status.contains("2,1"), status)

        let consumed = try self.run(session, console, "consume orders --from-beginning --max-messages 1")
        XCTAssertTrue(consumed.contains("key \"alice\"  first order"), consumed)

        _ = try self.run(session, console, "consumer start c1 --group billing --topic orders")
        _ = try self.run(session, console, "wait group billing --members 1 --all-read")
        XCTAssertTrue(try self.run(session, console, "group list").contains("billing  Stable"))
        let described = try self.run(session, console, "group describe billing")
        XCTAssertTrue(described.contains("group billing · Stable"), described)
        XCTAssertTrue(described.contains("orders-0, orders-1"), described)

        // What needs Samsa's own processes is refused in one sentence, in either language.
        self.assertError(
            session, "broker kill 1",
            "`broker kill` sends a signal to a broker process Samsa started, and the cluster at \(bootstrap) was "
                + "started elsewhere: do it where its brokers run, or `cluster detach` and `cluster start` for one of your own."
        )
        session.language = .es
        XCTAssertThrowsError(try session.execute("fault isolate 1")) { error in
            XCTAssertEqual(
                (error as? REPLError)?.text(.es),
                "`fault isolate` inyecta fallos con ficheros que solo leen los brokers de Samsa, y el clúster de "
                    + "\(bootstrap) lo arrancó otro: `cluster detach` y `cluster start` te dan un clúster que romper.")
        }
        XCTAssertTrue(session.prompt.hasPrefix("samsa [\(bootstrap) · conectado"), session.prompt)
        session.language = .en

        let detached = try self.run(session, console, "cluster detach")
        XCTAssertEqual(
            detached,
            "Detached from \(bootstrap): it keeps running; no cluster now (`cluster start` starts one).\n")
        XCTAssertEqual(session.prompt, "samsa (no cluster)> ")
    }

    /// Addresses are checked before anything is asked, and nothing listening is said plainly.
    func testAttachNamesAWrongAddressAndDetachWithoutAttach() throws {
        let directory = try self.makeTemporaryDirectory()
        let (session, _) = Session.withoutServers(in: directory)
        defer { session.finish() }
        self.assertError(
            session, "cluster attach localhost",
            "'localhost' is not HOST:PORT; e.g. `cluster attach 127.0.0.1:9092 --zookeeper 127.0.0.1:2181`\n"
                + "usage: cluster attach BOOTSTRAP [--zookeeper ZOOKEEPER]")
        self.assertError(session, "cluster detach", "no cluster is attached; `cluster attach HOST:PORT` attaches one")
        let port = try FreePort.allocate()
        XCTAssertThrowsError(try session.execute("cluster attach 127.0.0.1:\(port)")) { error in
            XCTAssertTrue("\(error)".hasPrefix("no Kafka broker answers at 127.0.0.1:\(port) ("), "\(error)")
        }
        XCTAssertEqual(session.prompt, "samsa (no cluster)> ")
    }

    // MARK: - Helpers

    /// A metadata server and `brokers` brokers started by `samsa zookeeper-server-start` and
    /// `samsa kafka-server-start` from a folder of config files, on free ports; their addresses.
    private func startClusterWithTheCLITools(brokers: Int) throws -> (bootstrap: String, zookeeper: String) {
        let samsa = try Products.executable("samsa")
        let folder = try self.makeTemporaryDirectory(prefix: "samsa-cli-cluster")
        let metaPort = try FreePort.allocate()
        let zookeeper = "127.0.0.1:\(metaPort)"
        try ClusterConfigFiles.render(
            ClusterConfigFiles.zookeeperProperties(port: metaPort, dataDir: folder.appending("data/meta")),
            header: "ClusterAttachTests"
        ).write(to: folder.appending("zookeeper.properties"), atomically: true, encoding: .utf8)
        let meta = try self.launchProcess(
            samsa, arguments: ["zookeeper-server-start", "zookeeper.properties"], currentDirectoryURL: folder.url,
            logURL: folder.appending("meta.out"))
        try waitForPort(metaPort, process: meta)
        var ports: [Int] = []
        for id in 1...brokers {
            let port = try FreePort.allocate()
            ports.append(port)
            try ClusterConfigFiles.render(
                ClusterConfigFiles.serverProperties(
                    brokerID: id, port: port, logDir: folder.appending("data/broker-\(id)"), brokerCount: brokers,
                    zookeeperConnect: zookeeper),
                header: "ClusterAttachTests"
            ).write(to: folder.appending("server-\(id).properties"), atomically: true, encoding: .utf8)
            let broker = try self.launchProcess(
                samsa, arguments: ["kafka-server-start", "server-\(id).properties"], currentDirectoryURL: folder.url,
                logURL: folder.appending("broker-\(id).out"))
            try waitForPort(port, process: broker)
        }
        return (ports.map { "127.0.0.1:\($0)" }.joined(separator: ","), zookeeper)
    }

    /// What `line` printed.
    private func run(
        _ session: Session, _ console: Console, _ line: String, file: StaticString = #filePath, lineNumber: UInt = #line
    ) throws -> String {
        let before = console.output.count
        XCTAssertEqual(try session.execute(line), .proceed, line, file: file, line: lineNumber)
        return String(console.output.dropFirst(before))
    }

    /// Runs `line` every 200 ms (at most 15 s) until what it printed satisfies `condition`; the last output.
    private func waitForOutput(
        _ session: Session, _ console: Console, _ line: String, until condition: (String) -> Bool
    ) throws -> String {
        var output = ""
        for _ in 0..<75 {
            let before = console.output.count
            do {
                _ = try session.execute(line)
                output = String(console.output.dropFirst(before))
            } catch {
                output = "\(error)"
            }
            if condition(output) { return output }
            Thread.sleep(forTimeInterval: 0.2)
        }
        XCTFail("`\(line)` never printed what was waited for; last: \(output)")
        return output
    }

    private func assertError(
        _ session: Session, _ line: String, _ message: String, file: StaticString = #filePath, line number: UInt = #line
    ) {
        XCTAssertThrowsError(try session.execute(line), file: file, line: number) { error in
            XCTAssertEqual("\(error)", message, file: file, line: number)
        }
    }
}
