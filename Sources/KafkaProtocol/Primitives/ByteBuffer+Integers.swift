import NIOCore

/// Kafka's fixed-width primitives (`int8` … `int64`, `uint16`, `uint32`, `float64`, `bool`), big-endian.
///
/// Unlike NIO's `readInteger`, these throw instead of returning `nil`, naming the field that ran short, so the
/// generated codecs can decode straight-line. Nothing is consumed when they throw.
extension ByteBuffer {
    @inlinable
    public mutating func readInt8(field: String = "int8") throws(KafkaProtocolError) -> Int8 {
        guard let value = self.readInteger(as: Int8.self) else { throw .truncated(field) }
        return value
    }

    @inlinable
    public mutating func readInt16(field: String = "int16") throws(KafkaProtocolError) -> Int16 {
        guard let value = self.readInteger(endianness: .big, as: Int16.self) else { throw .truncated(field) }
        return value
    }

    @inlinable
    public mutating func readInt32(field: String = "int32") throws(KafkaProtocolError) -> Int32 {
        guard let value = self.readInteger(endianness: .big, as: Int32.self) else { throw .truncated(field) }
        return value
    }

    @inlinable
    public mutating func readInt64(field: String = "int64") throws(KafkaProtocolError) -> Int64 {
        guard let value = self.readInteger(endianness: .big, as: Int64.self) else { throw .truncated(field) }
        return value
    }

    @inlinable
    public mutating func readUInt16(field: String = "uint16") throws(KafkaProtocolError) -> UInt16 {
        guard let value = self.readInteger(endianness: .big, as: UInt16.self) else { throw .truncated(field) }
        return value
    }

    @inlinable
    public mutating func readUInt32(field: String = "uint32") throws(KafkaProtocolError) -> UInt32 {
        guard let value = self.readInteger(endianness: .big, as: UInt32.self) else { throw .truncated(field) }
        return value
    }

    /// An IEEE 754 double, sent as its 8-byte big-endian bit pattern (Java's `writeDouble`).
    @inlinable
    public mutating func readFloat64(field: String = "float64") throws(KafkaProtocolError) -> Double {
        guard let bits = self.readInteger(endianness: .big, as: UInt64.self) else { throw .truncated(field) }
        return Double(bitPattern: bits)
    }

    /// One byte; like Kafka, any non-zero byte reads as `true`.
    @inlinable
    public mutating func readBool(field: String = "bool") throws(KafkaProtocolError) -> Bool {
        guard let byte = self.readInteger(as: UInt8.self) else { throw .truncated(field) }
        return byte != 0
    }

    @inlinable
    @discardableResult
    public mutating func writeInt8(_ value: Int8) -> Int {
        self.writeInteger(value)
    }

    @inlinable
    @discardableResult
    public mutating func writeInt16(_ value: Int16) -> Int {
        self.writeInteger(value, endianness: .big)
    }

    @inlinable
    @discardableResult
    public mutating func writeInt32(_ value: Int32) -> Int {
        self.writeInteger(value, endianness: .big)
    }

    @inlinable
    @discardableResult
    public mutating func writeInt64(_ value: Int64) -> Int {
        self.writeInteger(value, endianness: .big)
    }

    @inlinable
    @discardableResult
    public mutating func writeUInt16(_ value: UInt16) -> Int {
        self.writeInteger(value, endianness: .big)
    }

    @inlinable
    @discardableResult
    public mutating func writeUInt32(_ value: UInt32) -> Int {
        self.writeInteger(value, endianness: .big)
    }

    @inlinable
    @discardableResult
    public mutating func writeFloat64(_ value: Double) -> Int {
        self.writeInteger(value.bitPattern, endianness: .big)
    }

    @inlinable
    @discardableResult
    public mutating func writeBool(_ value: Bool) -> Int {
        self.writeInteger(value ? 1 as UInt8 : 0)
    }
}
