import Foundation
import NIOCore
import SamsaTesting
import XCTest
import ZooKeeperProtocol

/// Hostile and broken clients: each gets the protocol's error or a closed connection, and the
/// server keeps serving everyone else.
final class BadInputTests: XCTestCase {
    private var server: TestMetaServer!

    override func setUpWithError() throws {
        self.server = try self.startMetaServer(
            overrides: TestServer.quickSessions.merging(["maxClientCnxns": "8"]) { $1 })
    }

    /// A fresh connection still gets full service.
    private func assertServerHealthy(file: StaticString = #filePath, line: UInt = #line) throws {
        let client = try RawConnection(port: self.server.port)
        try client.handshake()
        let (header, _) = try client.create(xid: 1, "/healthy-\(UUID().uuidString)")
        XCTAssertEqual(header.err, 0, file: file, line: line)
        XCTAssertTrue(self.server.isRunning, "samsa-meta crashed:\n\(self.server.output)", file: file, line: line)
    }

    func testOversizedLengthClosesOnlyThatConnection() throws {
        let good = try RawConnection(port: self.server.port)
        try good.handshake()
        let bad = try RawConnection(port: self.server.port)
        try bad.send([0x00, 0x20, 0x00, 0x00])  // 2 MiB > jute.maxbuffer
        XCTAssertTrue(bad.isClosedByPeer())
        let negative = try RawConnection(port: self.server.port)
        try negative.send([0xFF, 0xFF, 0xFF, 0xF0])
        XCTAssertTrue(negative.isClosedByPeer())
        let (header, _) = try good.request(xid: 1, .ping) { _ in }
        XCTAssertEqual(header.xid, Xid.ping)
        try self.assertServerHealthy()
    }

    func testGarbageHandshakeIsClosed() throws {
        let bad = try RawConnection(port: self.server.port)
        try bad.send([0, 0, 0, 3, 0x61, 0x62, 0x63])
        XCTAssertTrue(bad.isClosedByPeer())
        let silent = try RawConnection(port: self.server.port)
        try silent.send([0, 0])  // half a length, then nothing
        try self.assertServerHealthy()
        silent.close()
    }

    func testTruncatedRequestGetsMarshallingError() throws {
        let client = try RawConnection(port: self.server.port)
        try client.handshake()
        var packet = ByteBuffer()
        packet.writeZooKeeperPacket {
            RequestHeader(xid: 5, type: OpCode.create.rawValue).write(to: &$0)
            $0.writeJuteInt(100)  // a path length with no path after it
        }
        try client.send(packet)
        var reply = try client.readPacket()
        let replyHeader = try ReplyHeader(from: &reply)
        XCTAssertEqual(replyHeader.xid, 5)
        XCTAssertEqual(replyHeader.err, ErrorCode.marshallingError.rawValue)
        XCTAssertEqual(try client.create(xid: 6, "/after").0.err, 0, "the connection stays usable")
    }

    func testUnknownOpCodeGetsUnimplemented() throws {
        let client = try RawConnection(port: self.server.port)
        try client.handshake()
        let (header, _) = try client.request(xid: 9, OpCode(rawValue: 999)) { $0.writeJuteString("/x") }
        XCTAssertEqual(header.xid, 9)
        XCTAssertEqual(header.err, ErrorCode.unimplemented.rawValue)
        XCTAssertEqual(try client.create(xid: 10, "/still-fine").0.err, 0)
    }

    func testInvalidPathsGetBadArguments() throws {
        let client = try RawConnection(port: self.server.port)
        try client.handshake()
        XCTAssertEqual(try client.create(xid: 1, "/p").0.err, 0)
        var xid: Int32 = 2
        for path in ["//a", "a", "/p/", "/p/.", "/p/..", "/p\u{0}b", "/p/\u{1}", ""] {
            let (header, _) = try client.create(xid: xid, path)
            XCTAssertEqual(header.err, ErrorCode.badArguments.rawValue, "create \(path.debugDescription)")
            xid += 1
        }
        let (setHeader, _) = try client.request(xid: xid, .setData) {
            SetDataRequest(path: "/p/./x", data: [], version: -1).write(to: &$0)
        }
        XCTAssertEqual(setHeader.err, ErrorCode.badArguments.rawValue)
        let (deleteHeader, _) = try client.request(xid: xid + 1, .delete) {
            DeleteRequest(path: "/", version: -1).write(to: &$0)
        }
        XCTAssertEqual(deleteHeader.err, ErrorCode.badArguments.rawValue)
    }

    func testConnectionsBeyondMaxClientCnxnsAreRefused() throws {
        var kept: [RawConnection] = []
        for _ in 0..<8 {
            let connection = try RawConnection(port: self.server.port)
            try connection.handshake()
            kept.append(connection)
        }
        for _ in 0..<20 {
            let extra = try RawConnection(port: self.server.port)
            XCTAssertTrue(extra.isClosedByPeer(), "connection over maxClientCnxns=8 is closed")
        }
        for (index, connection) in kept.enumerated() {
            XCTAssertEqual(try connection.create(xid: 1, "/kept\(index)").0.err, 0)
        }
        kept.removeAll()
        // Closed connections free their slots.
        let deadline = Date().addingTimeInterval(5)
        var healthy = false
        while !healthy && Date() < deadline {
            healthy = (try? self.assertServerHealthy()) != nil
            if !healthy { usleep(50_000) }
        }
        XCTAssertTrue(healthy)
    }

    func testClientThatStopsReadingIsDroppedAndOthersAreServed() throws {
        let writer = try RawConnection(port: self.server.port)
        try writer.handshake()
        let big = [UInt8](repeating: 0x5A, count: 1_000_000)
        XCTAssertEqual(try writer.create(xid: 1, "/big", data: big).0.err, 0)

        let slow = try RawConnection(port: self.server.port)
        try slow.handshake()
        var requests = ByteBuffer()
        requests.writeZooKeeperPacket {
            RequestHeader(xid: 1, type: OpCode.addWatch.rawValue).write(to: &$0)
            AddWatchRequest(path: "/", mode: AddWatchMode.persistentRecursive.rawValue).write(to: &$0)
        }
        for xid in 2..<62 {
            requests.writeZooKeeperPacket {
                RequestHeader(xid: Int32(xid), type: OpCode.getData.rawValue).write(to: &$0)
                GetDataRequest(path: "/big", watch: true).write(to: &$0)
            }
        }
        try slow.send(requests)  // 60 MB of replies queued, never read
        XCTAssertEqual(try writer.create(xid: 2, "/events").0.err, 0)
        for index in 0..<200 {
            // Each change fires the slow client's recursive watch.
            let (header, _) = try writer.request(xid: Int32(index + 3), .setData) {
                SetDataRequest(path: "/events", data: [UInt8(index % 256)], version: -1).write(to: &$0)
            }
            XCTAssertEqual(header.err, 0)
        }
        XCTAssertTrue(slow.isClosedByPeer(seconds: 20), "the server drops a client that does not read")
        try self.assertServerHealthy()
        XCTAssertTrue(self.server.output.contains("not reading"), self.server.output)
    }
}
