import Foundation
import SamsaTesting
import XCTest

/// `zookeeper-shell` against samsa-meta: ZooKeeper's command syntax and messages.
final class ZooKeeperShellTests: XCTestCase {
    private let banner = "\nWATCHER::\n\nWatchedEvent state:SyncConnected type:None path:null\n"

    func testCommandsOnTheCommandLineAndOnStdin() async throws {
        let meta = try self.startMetaServer()
        let server = meta.connectString
        let create = await self.tool("zookeeper-shell.sh", [server, "create", "/lab", "hello"])
        XCTAssertEqual(create.status, 0, create.summary)
        XCTAssertEqual(create.stdout, "Connecting to \(server)\n" + self.banner + "Created /lab\n")
        let get = await self.tool("zookeeper-shell", [server, "get", "/lab"])
        XCTAssertEqual(get.stdout, "Connecting to \(server)\n" + self.banner + "hello\n", get.summary)
        let exists = await self.tool("zookeeper-shell", [server, "create", "/lab"])
        XCTAssertEqual(exists.status, 1)
        XCTAssertEqual(exists.stderr, "Node already exists: /lab\n")
        let missing = await self.tool("zookeeper-shell", [server, "ls", "/nope"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "Node does not exist: /nope\n")

        let session = await self.tool(
            "zookeeper-shell", [server],
            input:
                "create /lab/b\ncreate /lab/a 1\nls /lab\nset /lab/a 2\nget /lab/a\nstat /lab\ndelete /lab\ndeleteall /lab\nls /\nquit\n"
        )
        XCTAssertEqual(session.status, 0, session.summary)
        let stdout = session.stdout
        XCTAssertTrue(
            stdout.hasPrefix(
                "Connecting to \(server)\nWelcome to ZooKeeper!\nJLine support is disabled\n" + self.banner),
            session.summary)
        XCTAssertTrue(stdout.contains("Created /lab/b\nCreated /lab/a\n[a, b]\n2\ncZxid = 0x"), session.summary)
        XCTAssertTrue(
            stdout.contains(
                "\ndataVersion = 0\naclVersion = 0\nephemeralOwner = 0x0\ndataLength = 5\nnumChildren = 2\n"),
            session.summary)
        XCTAssertTrue(stdout.hasSuffix("[zookeeper]\n"), session.summary)
        XCTAssertEqual(session.stderr, "Node not empty: /lab\n")
    }

    func testAServerThatIsNotThereIsOneLine() async throws {
        let port = try FreePort.allocate()
        let run = await self.tool("zookeeper-shell", ["127.0.0.1:\(port)", "ls", "/"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.hasPrefix("Unable to connect to 127.0.0.1:\(port):"), run.summary)
    }
}
