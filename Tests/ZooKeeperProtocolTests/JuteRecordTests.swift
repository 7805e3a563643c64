import NIOCore
import XCTest
import ZooKeeperProtocol

/// Golden bytes produced by kazoo 2.11's serializer (an independent implementation), both ways.
final class JuteRecordTests: XCTestCase {
    static func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }

    private func assertGolden<Record: JuteRecord>(
        _ record: Record,
        _ hex: String,
        file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        XCTAssertEqual(record.juteBytes, Self.bytes(hex), "encoding", file: file, line: line)
        XCTAssertEqual(try Record(juteBytes: Self.bytes(hex)), record, "decoding", file: file, line: line)
    }

    func testConnectRequestMatchesKazoo() throws {
        try self.assertGolden(
            ConnectRequest(
                protocolVersion: 0, lastZxidSeen: 0, timeOut: 10000, sessionId: 0,
                passwd: [UInt8](repeating: 0, count: 16), readOnly: false),
            "00000000" + "0000000000000000" + "00002710" + "0000000000000000" + "00000010"
                + String(repeating: "00", count: 16) + "00"
        )
    }

    func testCreateRequestMatchesKazoo() throws {
        try self.assertGolden(
            CreateRequest(
                path: "/brokers/ids/1", data: Array("{\"a\":1}".utf8), acl: ACL.openACLUnsafe,
                flags: CreateMode.ephemeralSequential.rawValue),
            "0000000e2f62726f6b6572732f6964732f31000000077b2261223a317d000000010000001f00000005776f726c6400000006616e796f6e6500000003"
        )
    }

    func testSmallRequestsMatchKazoo() throws {
        try self.assertGolden(GetDataRequest(path: "/a", watch: true), "000000022f6101")
        try self.assertGolden(
            SetDataRequest(path: "/a", data: Array("x".utf8), version: 7), "000000022f61000000017800000007")
        try self.assertGolden(DeleteRequest(path: "/a", version: -1), "000000022f61ffffffff")
    }

    func testMultiRequestLayoutMatchesKazoo() {
        var buffer = ByteBuffer()
        MultiHeader(type: OpCode.create.rawValue, done: false, err: -1).write(to: &buffer)
        CreateRequest(path: "/a", data: [], acl: ACL.openACLUnsafe, flags: 0).write(to: &buffer)
        MultiHeader(type: OpCode.delete.rawValue, done: false, err: -1).write(to: &buffer)
        DeleteRequest(path: "/b", version: 3).write(to: &buffer)
        MultiHeader(type: OpCode.check.rawValue, done: false, err: -1).write(to: &buffer)
        CheckVersionRequest(path: "/c", version: 1).write(to: &buffer)
        MultiHeader(type: OpCode.setData.rawValue, done: false, err: -1).write(to: &buffer)
        SetDataRequest(path: "/d", data: Array("v".utf8), version: -1).write(to: &buffer)
        MultiHeader(type: -1, done: true, err: -1).write(to: &buffer)
        XCTAssertEqual(
            Array(buffer.readableBytesView),
            Self.bytes(
                "0000000100ffffffff000000022f6100000000000000010000001f00000005776f726c6400000006616e796f6e65000000000000000200ffffffff000000022f62000000030000000d00ffffffff000000022f63000000010000000500ffffffff000000022f640000000176ffffffffffffffff01ffffffff"
            )
        )
    }

    func testStatRoundTripsAllElevenFields() throws {
        let stat = Stat(
            czxid: 1, mzxid: 2, ctime: 3, mtime: 4, version: 5, cversion: 6, aversion: 7, ephemeralOwner: 8,
            dataLength: 9, numChildren: 10, pzxid: 11)
        XCTAssertEqual(stat.juteBytes.count, 8 * 4 + 4 * 3 + 8 + 4 * 2 + 8)
        XCTAssertEqual(try Stat(juteBytes: stat.juteBytes), stat)
    }

    func testNullBufferIsMinusOneAndStaysNull() throws {
        let response = GetDataResponse(data: nil, stat: Stat())
        XCTAssertEqual(Array(response.juteBytes.prefix(4)), [0xFF, 0xFF, 0xFF, 0xFF])
        XCTAssertNil(try GetDataResponse(juteBytes: response.juteBytes).data)
    }

    func testTruncatedInputThrowsInsteadOfTrapping() {
        let full = CreateRequest(path: "/a/b", data: [1, 2, 3], acl: ACL.openACLUnsafe, flags: 0).juteBytes
        for length in 0..<full.count {
            XCTAssertThrowsError(try CreateRequest(juteBytes: Array(full.prefix(length))), "prefix \(length)")
        }
    }

    func testHostileLengthsAreRejected() {
        // A vector claiming 2^31-1 elements in an 8-byte packet.
        XCTAssertThrowsError(try GetChildrenResponse(juteBytes: [0x7F, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0])) { error in
            XCTAssertEqual(error as? JuteError, .invalidLength(field: "vector", length: Int32.max))
        }
        XCTAssertThrowsError(try SyncRequest(juteBytes: [0xFF, 0xFF, 0xFF, 0xFE])) { error in
            XCTAssertEqual(error as? JuteError, .invalidLength(field: "ustring", length: -2))
        }
    }

    func testErrorCodesHaveZooKeeperNames() {
        XCTAssertEqual(ErrorCode.noNode.rawValue, -101)
        XCTAssertEqual(ErrorCode.noNode.name, "NoNode")
        XCTAssertEqual(ErrorCode(rawValue: -110).description, "NodeExists (-110)")
        XCTAssertEqual(OpCode(rawValue: 106).description, "addWatch")
        XCTAssertEqual(Permissions.all.description, "cdrwa")
    }
}
