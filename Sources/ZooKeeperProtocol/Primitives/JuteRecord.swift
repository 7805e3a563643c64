import NIOCore

/// A value with ZooKeeper's jute layout (big-endian ints, length-prefixed buffers and vectors),
/// so the same types serve the server, the client, the transaction log and golden-byte tests.
public protocol JuteRecord: Sendable, Hashable {
    /// Reads one record, advancing `buffer`; throws instead of trapping on short or bad input.
    init(from buffer: inout ByteBuffer) throws(JuteError)
    /// Appends the record's bytes to `buffer`.
    func write(to buffer: inout ByteBuffer)
}

extension JuteRecord {
    /// The record's bytes, for logs, snapshots and tests.
    public var juteBytes: [UInt8] {
        var buffer = ByteBuffer()
        self.write(to: &buffer)
        return Array(buffer.readableBytesView)
    }

    /// Decodes a record from a byte array; the array may hold more bytes than the record.
    public init(juteBytes bytes: [UInt8]) throws(JuteError) {
        var buffer = ByteBuffer(bytes: bytes)
        try self.init(from: &buffer)
    }
}
