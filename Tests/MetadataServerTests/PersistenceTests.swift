import Foundation
import Logging
import NIOCore
import XCTest
import ZooKeeperProtocol

@testable import MetadataServer

final class PersistenceTests: XCTestCase {
    private func records(_ count: Int) -> (ByteBuffer, [(TxnHeader, TxnBody)]) {
        var buffer = ByteBuffer()
        TransactionLogFormat.writeFileHeader(to: &buffer)
        var written: [(TxnHeader, TxnBody)] = []
        for index in 1...count {
            let body = TxnBody.create(
                CreateTxn(
                    path: "/n\(index)", data: [UInt8(index)], acl: ACL.openACLUnsafe, ephemeral: false,
                    parentCVersion: Int32(index)))
            let header = TxnHeader(
                clientId: 1, cxid: Int32(index), zxid: Int64(index), time: 5, type: body.opCode.rawValue)
            TransactionLogFormat.writeRecord(header: header, body: body, to: &buffer)
            written.append((header, body))
        }
        return (buffer, written)
    }

    func testLogRecordsRoundTrip() {
        let (buffer, written) = self.records(3)
        let bytes = Array(buffer.readableBytesView)
        let (read, valid, _) = TransactionLogFormat.readRecords(bytes)
        XCTAssertEqual(valid, bytes.count)
        XCTAssertEqual(read.map(\.0), written.map(\.0))
        XCTAssertEqual(read.map(\.1), written.map(\.1))
    }

    func testEveryTornTailIsDroppedAndEarlierRecordsKept() {
        let (full, _) = self.records(3)
        let (two, _) = self.records(2)
        let bytes = Array(full.readableBytesView)
        for cut in two.readableBytes..<bytes.count {
            let (read, valid, _) = TransactionLogFormat.readRecords(Array(bytes.prefix(cut)))
            XCTAssertEqual(read.count, 2, "cut at \(cut)")
            XCTAssertEqual(valid, two.readableBytes)
        }
        var corrupt = bytes
        corrupt[corrupt.count - 3] ^= 0xFF
        XCTAssertEqual(TransactionLogFormat.readRecords(corrupt).records.count, 2, "a bad checksum ends the log")
    }

    func testPreallocatedZerosAreACleanEndNotATornOne() throws {
        let (buffer, written) = self.records(2)
        let bytes = Array(buffer.readableBytesView)
        let (read, valid, isZeroTail) = TransactionLogFormat.readRecords(bytes + [UInt8](repeating: 0, count: 5000))
        XCTAssertEqual(read.count, written.count)
        XCTAssertEqual(valid, bytes.count)
        XCTAssertTrue(isZeroTail)
        XCTAssertFalse(TransactionLogFormat.readRecords(Array(bytes.dropLast(3)) + [0, 0, 0]).isZeroTail)

        // Two preallocated logs in a row: both replay, nothing is moved aside.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "samsa-prealloc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = DataDirectory(dataDir: directory.path, logger: Logger(label: "test"), preallocationSize: 4096)
        _ = try store.recover()
        try store.startLog(firstZxid: 1)
        var first = ByteBuffer()
        var second = ByteBuffer()
        for zxid in 1...3 {
            let body = TxnBody.create(
                CreateTxn(
                    path: "/p\(zxid)", data: [], acl: ACL.openACLUnsafe, ephemeral: false, parentCVersion: Int32(zxid)))
            let header = TxnHeader(clientId: 1, cxid: 1, zxid: Int64(zxid), time: 1, type: 1)
            if zxid < 3 {
                TransactionLogFormat.writeRecord(header: header, body: body, to: &first)
            } else {
                TransactionLogFormat.writeRecord(header: header, body: body, to: &second)
            }
        }
        try store.append(first)
        try store.startLog(firstZxid: 3)
        try store.append(second)
        let reopened = DataDirectory(dataDir: directory.path, logger: Logger(label: "test"))
        let database = try reopened.recover()
        XCTAssertEqual(database.lastZxid, 3)
        let names = try FileManager.default.contentsOfDirectory(
            atPath: directory.appendingPathComponent("version-2").path)
        XCTAssertFalse(names.contains { $0.hasSuffix(".corrupt") }, "\(names)")
    }

    func testSnapshotRoundTripsTreeAndSessions() {
        var database = MetadataDatabase()
        var triggers: [WatchTrigger] = []
        database.apply(
            .createSession(CreateSessionTxn(timeOut: 4000)),
            header: TxnHeader(clientId: 9, cxid: 0, zxid: 1, time: 1, type: -10), triggers: &triggers)
        database.apply(
            .create(CreateTxn(path: "/a", data: nil, acl: ACL.openACLUnsafe, ephemeral: true, parentCVersion: 1)),
            header: TxnHeader(clientId: 9, cxid: 1, zxid: 2, time: 2, type: 1), triggers: &triggers)
        let bytes = SnapshotFormat.encode(database)
        let loaded = SnapshotFormat.decode(bytes)
        XCTAssertEqual(loaded?.lastZxid, 2)
        XCTAssertEqual(loaded?.sessionTimeouts, [9: 4000])
        XCTAssertEqual(loaded?.tree.node(at: "/a"), database.tree.node(at: "/a"))
        XCTAssertEqual(loaded?.tree.ephemerals[9], ["/a"])
        XCTAssertNil(loaded?.tree.node(at: "/a")?.data, "null data stays null")
        XCTAssertEqual(loaded?.tree.node(at: "/")?.children, ["a", "zookeeper"])
        var damaged = bytes
        damaged[20] ^= 1
        XCTAssertNil(SnapshotFormat.decode(damaged))
    }

    func testRecoveryTruncatesATornLogOnDisk() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "samsa-recovery-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let logDirectory = directory.appendingPathComponent("version-2")
        try FileManager.default.createDirectory(at: logDirectory, withIntermediateDirectories: true)
        let (buffer, _) = self.records(3)
        let torn = Array(buffer.readableBytesView).dropLast(5)
        try Data(torn).write(to: logDirectory.appendingPathComponent("log.1"))
        let store = DataDirectory(dataDir: directory.path, logger: Logger(label: "test"))
        let database = try store.recover()
        XCTAssertEqual(database.lastZxid, 2)
        XCTAssertNotNil(database.tree.node(at: "/n2"))
        XCTAssertNil(database.tree.node(at: "/n3"))
        let size =
            try FileManager.default.attributesOfItem(atPath: logDirectory.appendingPathComponent("log.1").path)[.size]
            as? Int
        XCTAssertEqual(size, self.records(2).0.readableBytes)
    }

    func testSessionPasswordsMatchZooKeepers() {
        // Printed by Java 17: new Random(0x0100000000000001L ^ 0xB3415C00L).nextBytes(new byte[16]).
        let password = SessionPassword.make(for: 0x0100_0000_0000_0001)
        XCTAssertEqual(password, [5, 76, 199, 74, 55, 50, 125, 178, 21, 231, 2, 226, 12, 115, 240, 5])
        XCTAssertEqual(password, SessionPassword.make(for: 0x0100_0000_0000_0001))
        XCTAssertNotEqual(password, SessionPassword.make(for: 0x0100_0000_0000_0002))
    }
}
