import NIOCore

/// Kafka `bytes` (and `records`): an `int32` length (-1 = null) or in flexible versions an unsigned-varint
/// length + 1 (0 = null), then the bytes.
///
/// Reads return a slice of this buffer: no copy, which is what keeps Produce and Fetch cheap.
extension ByteBuffer {
    @inlinable
    public mutating func readKafkaNullableBytes(
        compact: Bool,
        field: String = "bytes"
    ) throws(KafkaProtocolError) -> ByteBuffer? {
        let start = self.readerIndex
        let length: Int
        if compact {
            let raw = try self.readUnsignedVarint(field: field)
            if raw == 0 { return nil }
            length = Int(raw) - 1
        } else {
            let raw = try self.readInt32(field: field)
            if raw == -1 { return nil }
            length = Int(raw)
        }
        guard length >= 0 else {
            self.moveReaderIndex(to: start)
            throw .invalidLength(length, field)
        }
        guard let slice = self.readSlice(length: length) else {
            self.moveReaderIndex(to: start)
            throw .truncated(field)
        }
        return slice
    }

    @inlinable
    public mutating func readKafkaBytes(compact: Bool, field: String = "bytes") throws(KafkaProtocolError) -> ByteBuffer
    {
        let start = self.readerIndex
        guard let bytes = try self.readKafkaNullableBytes(compact: compact, field: field) else {
            self.moveReaderIndex(to: start)
            throw .invalidValue("'\(field)' is null, but it is not nullable in this version")
        }
        return bytes
    }

    /// Writes the readable bytes of `bytes` with their length.
    @inlinable
    @discardableResult
    public mutating func writeKafkaBytes(_ bytes: ByteBuffer, compact: Bool) -> Int {
        let length = bytes.readableBytes
        var written: Int
        if compact {
            written = self.writeUnsignedVarint(UInt32(truncatingIfNeeded: length + 1))
        } else {
            written = self.writeInteger(Int32(truncatingIfNeeded: length), endianness: .big)
        }
        written += self.writeImmutableBuffer(bytes)
        return written
    }

    @inlinable
    @discardableResult
    public mutating func writeKafkaNullableBytes(_ bytes: ByteBuffer?, compact: Bool) -> Int {
        guard let bytes else {
            return compact ? self.writeUnsignedVarint(0) : self.writeInteger(-1 as Int32, endianness: .big)
        }
        return self.writeKafkaBytes(bytes, compact: compact)
    }
}
