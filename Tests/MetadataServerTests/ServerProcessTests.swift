import Foundation
import NIOCore
import SamsaTesting
import XCTest
import ZooKeeperProtocol

/// Runs the built samsa-meta binary: startup, four-letter words, config errors, SIGTERM, and
/// recovery of data and sessions after a crash.
final class ServerProcessTests: XCTestCase {
    private func start(_ settings: [String: String] = [:]) throws -> TestMetaServer {
        try self.startMetaServer(overrides: TestServer.quickSessions.merging(settings) { $1 })
    }

    private func fourLetterWord(_ word: String, port: Int) throws -> String {
        let connection = try RawConnection(port: port)
        try connection.send(Array(word.utf8))
        let (bytes, closed) = connection.readToEnd()
        XCTAssertTrue(closed, "the server closes the connection after a four-letter word")
        return String(decoding: bytes, as: UTF8.self)
    }

    func testRuokAnswersImok() throws {
        let server = try self.start()
        XCTAssertEqual(try self.fourLetterWord("ruok", port: server.port), "imok")
    }

    func testSrvrAndMntrUseZooKeeperFormats() throws {
        let server = try self.start()
        let srvr = try self.fourLetterWord("srvr", port: server.port)
        XCTAssertTrue(srvr.hasPrefix("Zookeeper version: "), srvr)
        for line in ["Mode: standalone", "Node count: 4", "Zxid: 0x0"] {
            XCTAssertTrue(srvr.contains(line + "\n"), "missing \(line) in:\n\(srvr)")
        }
        let mntr = try self.fourLetterWord("mntr", port: server.port)
        XCTAssertTrue(mntr.contains("zk_server_state\tstandalone\n"), mntr)
        XCTAssertTrue(mntr.contains("zk_znode_count\t4\n"), mntr)
        let conf = try self.fourLetterWord("conf", port: server.port)
        XCTAssertTrue(conf.contains("clientPort=\(server.port)\n"), conf)
        XCTAssertTrue(try self.fourLetterWord("envi", port: server.port).hasPrefix("Environment:\n"))
        XCTAssertTrue(try self.fourLetterWord("wchs", port: server.port).contains("Total watches:0"))
    }

    func testWordsOutsideTheWhitelistAreRefused() throws {
        let server = try self.start(["4lw.commands.whitelist": "srvr"])
        XCTAssertEqual(
            try self.fourLetterWord("ruok", port: server.port),
            "ruok is not executed because it is not in the whitelist.\n"
        )
        XCTAssertTrue(try self.fourLetterWord("srvr", port: server.port).hasPrefix("Zookeeper version"))
    }

    func testDumpListsEachSessionsEphemerals() throws {
        let server = try self.start()
        let client = try RawConnection(port: server.port)
        let session = try client.handshake()
        XCTAssertNotEqual(session.sessionId, 0)
        XCTAssertEqual(try client.create(xid: 1, "/brokers").0.err, 0)
        XCTAssertEqual(try client.create(xid: 2, "/brokers/1", mode: .ephemeral).0.err, 0)
        let dump = try self.fourLetterWord("dump", port: server.port)
        let hex = "0x" + String(UInt64(bitPattern: session.sessionId), radix: 16)
        XCTAssertTrue(
            dump.contains("ephemeral nodes dump:\nSessions with Ephemerals (1):\n\(hex):\n\t/brokers/1\n"), dump)
        XCTAssertTrue(dump.hasPrefix("SessionTracker dump:\n"), dump)
    }

    func testSessionTimeoutIsClampedToTickTimeBounds() throws {
        let server = try self.start()
        XCTAssertEqual(try RawConnection(port: server.port).handshake(timeout: 10).timeOut, 400)
        XCTAssertEqual(try RawConnection(port: server.port).handshake(timeout: 100_000).timeOut, 30000)
        XCTAssertEqual(try RawConnection(port: server.port).handshake(timeout: 3000).timeOut, 3000)
    }

    func testBadConfigValueExitsOneWithOneLine() throws {
        let config = try self.makeTemporaryDirectory(prefix: "samsa-meta-config").appending("bad.properties")
        try "clientPort=2181\ntickTime=soon\n".write(to: config, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = try Products.executable("samsa-meta")
        process.arguments = [config.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        let lines = output.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, output)
        XCTAssertTrue(output.contains("bad.properties:2: tickTime=soon"), output)
    }

    func testSIGTERMStopsCleanlyWithStatusZero() throws {
        let server = try self.start()
        XCTAssertEqual(server.stop(), 0, server.output)
        XCTAssertTrue(server.output.contains("server stopped"), server.output)
    }

    func testSIGINTStopsCleanlyWithStatusZero() throws {
        let server = try self.start()
        let process = try XCTUnwrap(server.process)
        kill(process.pid, SIGINT)
        XCTAssertEqual(process.waitForExit(timeout: .seconds(10)), 0, server.output)
    }

    func testCrashRecoveryKeepsDataZxidsAndSessions() throws {
        let server = try self.start()
        let client = try RawConnection(port: server.port)
        let session = try client.handshake(timeout: 30000)
        XCTAssertEqual(try client.create(xid: 1, "/kept", data: Array("v1".utf8)).0.err, 0)
        XCTAssertEqual(try client.create(xid: 2, "/kept/eph", mode: .ephemeral).0.err, 0)
        let (setHeader, _) = try client.request(xid: 3, .setData) {
            SetDataRequest(path: "/kept", data: Array("v2".utf8), version: 0).write(to: &$0)
        }
        XCTAssertEqual(setHeader.err, 0)
        client.close()
        server.kill()
        try server.restart()

        let resumed = try RawConnection(port: server.port)
        let response = try resumed.handshake(timeout: 30000, sessionId: session.sessionId, password: session.passwd)
        XCTAssertEqual(response.sessionId, session.sessionId, "the session survives the restart")
        XCTAssertGreaterThan(response.timeOut, 0)
        var (header, body) = try resumed.request(xid: 1, .getData) {
            GetDataRequest(path: "/kept", watch: false).write(to: &$0)
        }
        XCTAssertEqual(header.err, 0)
        XCTAssertEqual(header.zxid, setHeader.zxid, "the zxid continues from the log")
        let data = try GetDataResponse(from: &body)
        XCTAssertEqual(data.data, Array("v2".utf8))
        XCTAssertEqual(data.stat.version, 1)
        (header, body) = try resumed.request(xid: 2, .exists) {
            ExistsRequest(path: "/kept/eph", watch: false).write(to: &$0)
        }
        XCTAssertEqual(header.err, 0, "the ephemeral of the live session is still there")
        XCTAssertEqual(try ExistsResponse(from: &body).stat.ephemeralOwner, session.sessionId)
    }

    func testSnapshotsAreWrittenEverySnapCountAndRecovered() throws {
        let server = try self.start(["snapCount": "10", "autopurge.purgeInterval": "1"])
        let client = try RawConnection(port: server.port)
        try client.handshake()
        for index in 0..<35 {
            XCTAssertEqual(try client.create(xid: Int32(index + 1), "/n\(index)").0.err, 0)
        }
        client.close()
        XCTAssertEqual(server.stop(), 0)
        let files = try FileManager.default.contentsOfDirectory(
            atPath: server.directory.appendingPathComponent("data/version-2").path)
        let snapshots = files.filter { $0.hasPrefix("snapshot.") }
        XCTAssertEqual(snapshots.count, 3, "retains autopurge.snapRetainCount snapshots: \(files)")
        try server.restart()
        let again = try RawConnection(port: server.port)
        try again.handshake()
        let (header, body) = try again.request(xid: 1, .getAllChildrenNumber) {
            GetAllChildrenNumberRequest(path: "/").write(to: &$0)
        }
        XCTAssertEqual(header.err, 0)
        var reply = body
        XCTAssertEqual(try GetAllChildrenNumberResponse(from: &reply).totalNumber, 35 + 3)
    }

    func testEmptyContainersAndExpiredTTLNodesAreDeleted() throws {
        let server = try self.start(["znode.container.checkIntervalMs": "100", "extendedTypesEnabled": "true"])
        let client = try RawConnection(port: server.port)
        try client.handshake()
        var (header, body) = try client.request(xid: 1, .createContainer) {
            CreateRequest(path: "/lock", data: [], acl: ACL.openACLUnsafe, flags: CreateMode.container.rawValue).write(
                to: &$0)
        }
        XCTAssertEqual(header.err, 0)
        XCTAssertEqual(try Create2Response(from: &body).stat.ephemeralOwner, Int64(bitPattern: 0x8000_0000_0000_0000))
        XCTAssertEqual(try client.create(xid: 2, "/lock/a").0.err, 0)
        (header, _) = try client.request(xid: 3, .createTTL) {
            CreateTTLRequest(
                path: "/ttl", data: [], acl: ACL.openACLUnsafe, flags: CreateMode.persistentWithTTL.rawValue, ttl: 200
            )
            .write(to: &$0)
        }
        XCTAssertEqual(header.err, 0)
        usleep(500_000)
        (header, _) = try client.request(xid: 4, .exists) { ExistsRequest(path: "/lock", watch: false).write(to: &$0) }
        XCTAssertEqual(header.err, 0, "a container with children stays")
        (header, _) = try client.request(xid: 5, .exists) { ExistsRequest(path: "/ttl", watch: false).write(to: &$0) }
        XCTAssertEqual(header.err, ErrorCode.noNode.rawValue, "an expired TTL node is deleted")
        (header, _) = try client.request(xid: 6, .delete) { DeleteRequest(path: "/lock/a", version: -1).write(to: &$0) }
        XCTAssertEqual(header.err, 0)
        let deadline = Date().addingTimeInterval(5)
        var xid: Int32 = 7
        repeat {
            usleep(100_000)
            (header, _) = try client.request(xid: xid, .exists) {
                ExistsRequest(path: "/lock", watch: false).write(to: &$0)
            }
            xid += 1
        } while header.err == 0 && Date() < deadline
        XCTAssertEqual(header.err, ErrorCode.noNode.rawValue, "an emptied container is deleted")
    }

    func testTTLNodesNeedExtendedTypes() throws {
        let server = try self.start()
        let client = try RawConnection(port: server.port)
        try client.handshake()
        let (header, _) = try client.request(xid: 1, .createTTL) {
            CreateTTLRequest(
                path: "/ttl", data: [], acl: ACL.openACLUnsafe, flags: CreateMode.persistentWithTTL.rawValue, ttl: 1000
            )
            .write(to: &$0)
        }
        XCTAssertEqual(
            header.err, ErrorCode.unimplemented.rawValue, "as in ZooKeeper without zookeeper.extendedTypesEnabled")
    }

    func testNoAcknowledgedWriteIsLostWhenTheServerIsKilled() throws {
        let server = try self.start()
        let client = try RawConnection(port: server.port)
        try client.handshake()
        // Kill the server while writes are in flight; pipelined requests keep several batches open.
        let killer = Thread {
            usleep(300_000)
            server.kill()
        }
        killer.start()
        var acknowledged: [String] = []
        var xid: Int32 = 1
        writing: while xid < 100_000 {
            var batch = ByteBuffer()
            for offset in 0..<8 {
                batch.writeZooKeeperPacket {
                    RequestHeader(xid: xid + Int32(offset), type: OpCode.create.rawValue).write(to: &$0)
                    CreateRequest(path: "/w\(xid + Int32(offset))", data: [1], acl: ACL.openACLUnsafe, flags: 0).write(
                        to: &$0)
                }
            }
            do {
                try client.send(batch)
                for _ in 0..<8 {
                    var reply = try client.readPacket(seconds: 5)
                    let header = try ReplyHeader(from: &reply)
                    guard header.err == 0 else { break writing }
                    acknowledged.append("/w\(header.xid)")
                }
            } catch {
                break writing
            }
            xid += 8
        }
        while killer.isExecuting { usleep(10_000) }
        XCTAssertGreaterThan(acknowledged.count, 0)
        try server.restart()
        let reader = try RawConnection(port: server.port)
        try reader.handshake()
        var missing: [String] = []
        for (index, path) in acknowledged.enumerated() {
            let (header, _) = try reader.request(xid: Int32(index + 1), .exists) {
                ExistsRequest(path: path, watch: false).write(to: &$0)
            }
            if header.err != 0 { missing.append(path) }
        }
        XCTAssertEqual(missing, [], "\(missing.count) of \(acknowledged.count) acknowledged creates were lost")
    }
}
