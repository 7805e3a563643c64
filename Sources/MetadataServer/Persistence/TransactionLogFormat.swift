import NIOCore
import ZooKeeperProtocol

/// The bytes of `dataDir/version-2/log.<zxid>` files, laid out like ZooKeeper's: a `FileHeader`,
/// then per transaction a checksum (i64), length (i32), `TxnHeader` + txn record, and a 'B'.
public enum TransactionLogFormat {
    public static let magic: Int32 = 0x5A4B_4C47  // "ZKLG"
    static let endOfRecord: UInt8 = 0x42  // 'B'

    public static func writeFileHeader(to buffer: inout ByteBuffer) {
        FileHeader(magic: Self.magic, version: 2, dbid: 0).write(to: &buffer)
    }

    public static func writeRecord(header: TxnHeader, body: TxnBody, to buffer: inout ByteBuffer) {
        var payload = ByteBuffer()
        header.write(to: &payload)
        body.write(to: &payload)
        buffer.writeInteger(Int64(CRC32.checksum(payload.readableBytesView)))
        buffer.writeInteger(Int32(payload.readableBytes))
        buffer.writeBuffer(&payload)
        buffer.writeInteger(Self.endOfRecord)
    }

    /// The records of one log file up to the first torn or corrupt one, how many bytes they span
    /// (the file is truncated there on recovery), and whether only zeros follow (preallocated
    /// space, a clean end rather than a torn one).
    public static func readRecords(
        _ bytes: [UInt8]
    ) -> (records: [(TxnHeader, TxnBody)], validLength: Int, isZeroTail: Bool) {
        var buffer = ByteBuffer(bytes: bytes)
        guard let header = try? FileHeader(from: &buffer), header.magic == Self.magic else {
            return ([], 0, bytes.allSatisfy { $0 == 0 })
        }
        var records: [(TxnHeader, TxnBody)] = []
        var valid = buffer.readerIndex
        while buffer.readableBytes > 0 {
            guard let checksum = buffer.readInteger(as: Int64.self),
                let length = buffer.readInteger(as: Int32.self),
                length > 0, Int(length) < buffer.readableBytes,
                var payload = buffer.readSlice(length: Int(length)),
                buffer.readInteger(as: UInt8.self) == Self.endOfRecord,
                UInt32(truncatingIfNeeded: checksum) == CRC32.checksum(payload.readableBytesView),
                let txnHeader = try? TxnHeader(from: &payload),
                let body = try? TxnBody(type: OpCode(rawValue: txnHeader.type), from: &payload)
            else { break }
            records.append((txnHeader, body))
            valid = buffer.readerIndex
        }
        return (records, valid, bytes[valid...].allSatisfy { $0 == 0 })
    }
}
