import Foundation
import SamsaTesting
import XCTest

/// The same client scenarios against samsa-meta and a real ZooKeeper 3.8 in one run; everything
/// a client can observe (except zxids and times) must be equal.
final class DifferentialTests: XCTestCase {
    private var scriptsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("kazoo")
    }

    private func startBoth() throws -> (samsa: TestMetaServer, zooKeeper: TestZooKeeper) {
        let samsa = try self.startMetaServer(overrides: TestServer.quickSessions)
        let zooKeeper = try self.startZooKeeper(overrides: TestServer.quickSessions)
        return (samsa, zooKeeper)
    }

    func testKazooScenariosMatchZooKeeper() throws {
        let python = try ExternalTool.requirePython(modules: ["kazoo"])
        let (samsa, zooKeeper) = try self.startBoth()
        let script = self.scriptsDirectory.appendingPathComponent("scenarios.py").path
        // Both runs at once: the expiry steps wait on session timeouts.
        nonisolated(unsafe) var samsaResult: CommandResult?
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            samsaResult = try? ExternalTool.run(python, arguments: [script, samsa.address], timeout: .seconds(180))
            group.leave()
        }
        let zooKeeperResult = try ExternalTool.run(
            python, arguments: [script, zooKeeper.address], timeout: .seconds(180))
        XCTAssertEqual(group.wait(timeout: .now() + 200), .success)
        let ours = try XCTUnwrap(samsaResult)
        XCTAssertEqual(zooKeeperResult.exitStatus, 0, "kazoo against ZooKeeper failed:\n\(zooKeeperResult.stderr)")
        XCTAssertEqual(ours.exitStatus, 0, "kazoo against samsa-meta failed:\n\(ours.stderr)\n\(samsa.output)")
        let expected = try Self.steps(zooKeeperResult.stdoutText)
        let actual = try Self.steps(ours.stdoutText)
        XCTAssertEqual(actual.count, expected.count)
        XCTAssertGreaterThan(expected.count, 50)
        for (theirs, mine) in zip(expected, actual) {
            XCTAssertEqual(mine, theirs, "step differs from ZooKeeper")
        }
    }

    func testZkCliSessionMatchesZooKeeper() throws {
        let java = try TestZooKeeper.java()
        let (samsa, zooKeeper) = try self.startBoth()
        let commands = """
            create /cli hello
            ls /
            get -s /cli
            set /cli world
            get /cli
            stat /cli
            create -e /cli/eph
            create -s /cli/seq-
            ls -s /cli
            delete /cli
            delete /cli/eph
            deleteall /cli
            ls /cli
            ls /zookeeper
            get /zookeeper/quota
            create /nested/child
            quit

            """
        let classpath = [
            TestZooKeeper.jar.path, TestZooKeeper.quietLogging.path,
            "/usr/share/java/commons-cli.jar",
        ].joined(separator: ":")
        func run(_ server: TestServer) throws -> String {
            let result = try ExternalTool.run(
                java,
                arguments: [
                    "-cp", classpath, "org.apache.zookeeper.ZooKeeperMain", "-waitforconnection", "-server",
                    server.address,
                ],
                input: Data(commands.utf8), mergingStandardError: true, timeout: .seconds(90))
            // zxids, times and the server address legitimately differ; watcher lines come from
            // another thread and may interleave anywhere.
            let skipped = [
                "cZxid", "ctime", "mZxid", "mtime", "pZxid", "ephemeralOwner", "Connecting to", "WATCHER::",
                "WatchedEvent",
            ]
            return "exit status \(result.exitStatus)\n"
                + result.stdoutText.split(separator: "\n")
                .filter { line in !skipped.contains { line.hasPrefix($0) } }
                .joined(separator: "\n")
        }
        let expected = try run(zooKeeper)
        let actual = try run(samsa)
        XCTAssertTrue(expected.contains("Created /cli"), "zkCli against ZooKeeper printed:\n\(expected)")
        XCTAssertEqual(actual, expected)
    }

    private static func steps(_ json: String) throws -> [NSDictionary] {
        let data = Data(json.utf8)
        let value = try JSONSerialization.jsonObject(with: data)
        return try XCTUnwrap(value as? [NSDictionary], "not a JSON list:\n\(json)")
    }
}
