import MetadataTesting
import Foundation
import XCTest

/// The same client scenarios against samsa-meta and a real ZooKeeper 3.8 in one run; everything
/// a client can observe (except zxids and times) must be equal.
final class DifferentialTests: XCTestCase {
    private var scriptsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("kazoo")
    }

    private func startBoth() throws -> (samsa: ServerProcess, zooKeeper: ServerProcess) {
        let samsa = try ServerProcess.startSamsaMeta()
        self.addTeardownBlock {
            samsa.stop()
            samsa.removeDirectory()
        }
        let zooKeeper = try ServerProcess.startZooKeeper()
        self.addTeardownBlock {
            zooKeeper.stop()
            zooKeeper.removeDirectory()
        }
        return (samsa, zooKeeper)
    }

    func testKazooScenariosMatchZooKeeper() throws {
        try ToolRunner.requireKazoo()
        let (samsa, zooKeeper) = try self.startBoth()
        let script = self.scriptsDirectory.appendingPathComponent("scenarios.py").path
        // Both runs at once: the expiry steps wait on session timeouts.
        nonisolated(unsafe) var samsaResult: ToolRunner.Result?
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            samsaResult = try? ToolRunner.run(ToolRunner.python, [script, samsa.address], seconds: 180)
            group.leave()
        }
        let zooKeeperResult = try ToolRunner.run(ToolRunner.python, [script, zooKeeper.address], seconds: 180)
        XCTAssertEqual(group.wait(timeout: .now() + 200), .success)
        let ours = try XCTUnwrap(samsaResult)
        XCTAssertEqual(zooKeeperResult.status, 0, "kazoo against ZooKeeper failed:\n\(zooKeeperResult.stderr)")
        XCTAssertEqual(ours.status, 0, "kazoo against samsa-meta failed:\n\(ours.stderr)\n\(samsa.logText)")
        let expected = try Self.steps(zooKeeperResult.stdout)
        let actual = try Self.steps(ours.stdout)
        XCTAssertEqual(actual.count, expected.count)
        XCTAssertGreaterThan(expected.count, 50)
        for (theirs, mine) in zip(expected, actual) {
            XCTAssertEqual(mine, theirs, "step differs from ZooKeeper")
        }
    }

    func testZkCliSessionMatchesZooKeeper() throws {
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
            ServerProcess.zooKeeperJar, "/usr/share/java/slf4j-nop.jar",
            "/usr/share/java/commons-cli.jar",
        ].joined(separator: ":")
        func run(_ server: ServerProcess) throws -> String {
            let result = try ToolRunner.run(
                "java", ["-cp", classpath, "org.apache.zookeeper.ZooKeeperMain", "-waitforconnection", "-server", server.address],
                input: commands, mergeStandardError: true, seconds: 90
            )
            // zxids, times and the server address legitimately differ; watcher lines come from
            // another thread and may interleave anywhere.
            let skipped = [
                "cZxid", "ctime", "mZxid", "mtime", "pZxid", "ephemeralOwner", "Connecting to", "WATCHER::",
                "WatchedEvent",
            ]
            return "exit status \(result.status)\n" + result.stdout.split(separator: "\n")
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
