import NIOCore

/// Kafka's variable-length integers.
///
/// *Unsigned* varints (LEB128, at most 5 bytes) carry compact lengths, counts and tags in flexible versions
/// (KIP-482). *Signed* varints and varlongs are zigzag-encoded first (so -1 is `01`, not ten `ff` bytes) and
/// carry the fields inside RecordBatch v2 records. Nothing is consumed when a read throws.
extension ByteBuffer {
    @inlinable
    public mutating func readUnsignedVarint(field: String = "unsigned varint") throws(KafkaProtocolError) -> UInt32 {
        var result: UInt32 = 0
        var index = self.readerIndex
        var shift: UInt32 = 0
        while true {
            guard let byte = self.getInteger(at: index, as: UInt8.self) else { throw .truncated(field) }
            index += 1
            // Like Kafka's ByteUtils, bits beyond 32 in the fifth byte are dropped; a sixth byte is an error.
            result |= UInt32(truncatingIfNeeded: byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                self.moveReaderIndex(to: index)
                return result
            }
            shift += 7
            if shift > 28 {
                throw .invalidValue("'\(field)' is an unsigned varint longer than 5 bytes")
            }
        }
    }

    @inlinable
    @discardableResult
    public mutating func writeUnsignedVarint(_ value: UInt32) -> Int {
        var value = value
        var written = 0
        while value >= 0x80 {
            written += self.writeInteger(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        written += self.writeInteger(UInt8(truncatingIfNeeded: value))
        return written
    }

    /// The number of bytes `writeUnsignedVarint(value)` writes.
    @inlinable
    public static func unsignedVarintSize(_ value: UInt32) -> Int {
        var size = 1
        var value = value >> 7
        while value != 0 {
            size += 1
            value >>= 7
        }
        return size
    }

    /// A 64-bit unsigned varint (up to 10 bytes); the raw form under `readVarlong`.
    @inlinable
    public mutating func readUnsignedVarlong(field: String = "unsigned varlong") throws(KafkaProtocolError) -> UInt64 {
        var result: UInt64 = 0
        var index = self.readerIndex
        var shift: UInt64 = 0
        while true {
            guard let byte = self.getInteger(at: index, as: UInt8.self) else { throw .truncated(field) }
            index += 1
            result |= UInt64(truncatingIfNeeded: byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                self.moveReaderIndex(to: index)
                return result
            }
            shift += 7
            if shift > 63 {
                throw .invalidValue("'\(field)' is a varlong longer than 10 bytes")
            }
        }
    }

    @inlinable
    @discardableResult
    public mutating func writeUnsignedVarlong(_ value: UInt64) -> Int {
        var value = value
        var written = 0
        while value >= 0x80 {
            written += self.writeInteger(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        written += self.writeInteger(UInt8(truncatingIfNeeded: value))
        return written
    }

    /// A zigzag-encoded `Int32`: 0 → `00`, -1 → `01`, 1 → `02`, -2 → `03` …
    @inlinable
    public mutating func readVarint(field: String = "varint") throws(KafkaProtocolError) -> Int32 {
        let raw = try self.readUnsignedVarint(field: field)
        return Int32(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    @inlinable
    @discardableResult
    public mutating func writeVarint(_ value: Int32) -> Int {
        self.writeUnsignedVarint(UInt32(bitPattern: (value << 1) ^ (value >> 31)))
    }

    /// A zigzag-encoded `Int64` (up to 10 bytes).
    @inlinable
    public mutating func readVarlong(field: String = "varlong") throws(KafkaProtocolError) -> Int64 {
        let raw = try self.readUnsignedVarlong(field: field)
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    @inlinable
    @discardableResult
    public mutating func writeVarlong(_ value: Int64) -> Int {
        self.writeUnsignedVarlong(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }
}
