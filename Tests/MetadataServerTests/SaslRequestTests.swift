import Foundation
import NIOCore
import SamsaTesting
import XCTest
import ZooKeeperProtocol

/// A SASL packet (op code 102) to a server without SASL configured gets what ZooKeeper 3.8 sends
/// then: OK, zxid 0, a null token; the session stays usable. kazoo's SASL client then fails the
/// authentication itself, as it does against an unconfigured ZooKeeper.
final class SaslRequestTests: XCTestCase {
    func testSaslPacketIsAnsweredOkWithANullTokenAndTheSessionGoesOn() throws {
        let server = try self.startMetaServer(overrides: TestServer.quickSessions)
        let client = try RawConnection(port: server.port)
        try client.handshake()
        XCTAssertEqual(try client.create(xid: 1, "/before").0.err, 0)
        let (header, body) = try client.request(xid: 2, OpCode.sasl) {
            GetSASLRequest(token: Array("n,,n=user,r=abc".utf8)).write(to: &$0)
        }
        XCTAssertEqual(header.xid, 2)
        XCTAssertEqual(header.err, 0, "OK, not Unimplemented")
        XCTAssertEqual(header.zxid, 0)
        var token = body
        XCTAssertEqual(token.readInteger(as: Int32.self), -1, "a null token")
        XCTAssertEqual(token.readableBytes, 0)
        XCTAssertEqual(try client.create(xid: 3, "/after").0.err, 0, "the connection stays usable")
    }

    /// Only SASL packets (what kazoo sends in a loop to such a server) do not keep the session
    /// alive: it expires and the connection is closed, as ZooKeeper 3.8 does.
    func testSaslPacketsAloneDoNotKeepTheSessionAlive() throws {
        let server = try self.startMetaServer(overrides: TestServer.quickSessions.merging(["tickTime": "500"]) { $1 })
        let client = try RawConnection(port: server.port)
        let session = try client.handshake(timeout: 1000)
        XCTAssertEqual(session.timeOut, 1000)
        var answered = 0
        for xid in 1...40 {
            guard
                let (header, _) = try? client.request(
                    xid: Int32(xid), OpCode.sasl, { GetSASLRequest(token: []).write(to: &$0) }),
                header.err == 0
            else { break }
            answered += 1
            Thread.sleep(forTimeInterval: 0.2)
        }
        XCTAssertGreaterThan(answered, 0)
        XCTAssertLessThan(answered, 40, "the session expired and the connection closed within 8 s of SASL packets only")
    }
}
