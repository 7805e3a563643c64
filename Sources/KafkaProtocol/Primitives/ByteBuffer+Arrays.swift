import NIOCore

/// Kafka array headers: an `int32` count (-1 = null) or in flexible versions an unsigned-varint count + 1
/// (0 = null). The elements follow; generated code reads them in a loop.
extension ByteBuffer {
    /// Reads an array count that may be null.
    ///
    /// Like Kafka, a count larger than the bytes left is rejected before anything is allocated: every element
    /// takes at least one byte on the wire.
    @inlinable
    public mutating func readKafkaNullableArrayCount(
        compact: Bool,
        field: String = "array"
    ) throws(KafkaProtocolError) -> Int? {
        let start = self.readerIndex
        let count: Int
        if compact {
            let raw = try self.readUnsignedVarint(field: field)
            if raw == 0 { return nil }
            count = Int(raw) - 1
        } else {
            let raw = try self.readInt32(field: field)
            if raw == -1 { return nil }
            count = Int(raw)
        }
        guard count >= 0 else {
            self.moveReaderIndex(to: start)
            throw .invalidLength(count, field)
        }
        guard count <= self.readableBytes else {
            self.moveReaderIndex(to: start)
            throw .truncated(field)
        }
        return count
    }

    @inlinable
    public mutating func readKafkaArrayCount(compact: Bool, field: String = "array") throws(KafkaProtocolError) -> Int {
        let start = self.readerIndex
        guard let count = try self.readKafkaNullableArrayCount(compact: compact, field: field) else {
            self.moveReaderIndex(to: start)
            throw .invalidValue("'\(field)' is null, but it is not nullable in this version")
        }
        return count
    }

    @inlinable
    @discardableResult
    public mutating func writeKafkaArrayCount(_ count: Int, compact: Bool) -> Int {
        if compact {
            return self.writeUnsignedVarint(UInt32(truncatingIfNeeded: count + 1))
        }
        return self.writeInteger(Int32(truncatingIfNeeded: count), endianness: .big)
    }

    /// Writes a count, or null as -1 (compact: 0).
    @inlinable
    @discardableResult
    public mutating func writeKafkaNullableArrayCount(_ count: Int?, compact: Bool) -> Int {
        guard let count else {
            return compact ? self.writeUnsignedVarint(0) : self.writeInteger(-1 as Int32, endianness: .big)
        }
        return self.writeKafkaArrayCount(count, compact: compact)
    }

    /// Reads a whole array with `element`, for hand-written codecs; generated code inlines the loop.
    @inlinable
    public mutating func readKafkaArray<Element>(
        compact: Bool,
        field: String = "array",
        _ element: (inout ByteBuffer) throws(KafkaProtocolError) -> Element
    ) throws(KafkaProtocolError) -> [Element] {
        let count = try self.readKafkaArrayCount(compact: compact, field: field)
        var result: [Element] = []
        result.reserveCapacity(Swift.min(count, 1024))
        for _ in 0..<count {
            result.append(try element(&self))
        }
        return result
    }
}
