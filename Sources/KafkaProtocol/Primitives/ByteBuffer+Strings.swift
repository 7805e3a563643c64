import NIOCore

/// Kafka strings: UTF-8 with an `int16` length (-1 = null), or in flexible versions the *compact* form with an
/// unsigned-varint length + 1 (0 = null). Kafka caps both at 32767 bytes.
///
/// `compact` picks the form, so generated code passes its `isFlexible(version:)` straight through.
extension ByteBuffer {
    /// The longest string Kafka sends: its `int16` length's maximum, kept for compact strings too.
    public static let kafkaMaxStringLength = Int(Int16.max)

    /// Reads a string that may be null.
    @inlinable
    public mutating func readKafkaNullableString(
        compact: Bool,
        field: String = "string"
    ) throws(KafkaProtocolError) -> String? {
        let start = self.readerIndex
        let length: Int
        if compact {
            let raw = try self.readUnsignedVarint(field: field)
            if raw == 0 { return nil }
            length = Int(raw) - 1
        } else {
            let raw = try self.readInt16(field: field)
            if raw == -1 { return nil }
            length = Int(raw)
        }
        guard length >= 0, length <= ByteBuffer.kafkaMaxStringLength else {
            self.moveReaderIndex(to: start)
            throw .invalidLength(length, field)
        }
        guard let string = self.readString(length: length) else {
            self.moveReaderIndex(to: start)
            throw .truncated(field)
        }
        return string
    }

    /// Reads a string that must not be null.
    @inlinable
    public mutating func readKafkaString(compact: Bool, field: String = "string") throws(KafkaProtocolError) -> String {
        let start = self.readerIndex
        guard let string = try self.readKafkaNullableString(compact: compact, field: field) else {
            self.moveReaderIndex(to: start)
            throw .invalidValue("'\(field)' is null, but it is not nullable in this version")
        }
        return string
    }

    /// Writes `string`; strings longer than 32767 UTF-8 bytes, which Kafka cannot carry, are cut to that length.
    @inlinable
    @discardableResult
    public mutating func writeKafkaString(_ string: String, compact: Bool) -> Int {
        var length = string.utf8.count
        var truncated: Substring.UTF8View? = nil
        if length > ByteBuffer.kafkaMaxStringLength {
            length = ByteBuffer.kafkaMaxStringLength
            truncated = string.utf8.prefix(length)
        }
        var written: Int
        if compact {
            written = self.writeUnsignedVarint(UInt32(length + 1))
        } else {
            written = self.writeInteger(Int16(length), endianness: .big)
        }
        if let truncated {
            written += self.writeBytes(truncated)
        } else {
            written += self.writeString(string)
        }
        return written
    }

    /// Writes `string`, or null as length -1 (compact: 0).
    @inlinable
    @discardableResult
    public mutating func writeKafkaNullableString(_ string: String?, compact: Bool) -> Int {
        guard let string else {
            return compact ? self.writeUnsignedVarint(0) : self.writeInteger(-1 as Int16, endianness: .big)
        }
        return self.writeKafkaString(string, compact: compact)
    }
}
