import NIOCore

/// Tagged-field sections (KIP-482), which end every struct in a flexible version: an unsigned-varint count,
/// then per field an unsigned-varint tag, an unsigned-varint size and that many bytes.
///
/// A reader skips tags it does not know, which is how new optional fields reach old peers without a new version.
extension ByteBuffer {
    /// Reads one tagged-field section, handing each field's tag and bytes (as a slice) to `body`.
    ///
    /// Nothing is consumed if the section is cut short.
    @inlinable
    public mutating func readTaggedFields(
        field: String = "tagged fields",
        _ body: (UInt32, inout ByteBuffer) throws(KafkaProtocolError) -> Void
    ) throws(KafkaProtocolError) {
        let start = self.readerIndex
        do throws(KafkaProtocolError) {
            let count = try self.readUnsignedVarint(field: field)
            var remaining = count
            while remaining > 0 {
                let tag = try self.readUnsignedVarint(field: field)
                var value = try self.readTaggedFieldValue(field: field)
                try body(tag, &value)
                remaining -= 1
            }
        } catch {
            self.moveReaderIndex(to: start)
            throw error
        }
    }

    /// Reads a tagged field's size and returns its bytes as a slice.
    @inlinable
    public mutating func readTaggedFieldValue(field: String = "tagged field") throws(KafkaProtocolError) -> ByteBuffer {
        let start = self.readerIndex
        let size = Int(try self.readUnsignedVarint(field: field))
        guard let slice = self.readSlice(length: size) else {
            self.moveReaderIndex(to: start)
            throw .truncated(field)
        }
        return slice
    }

    /// Skips a whole tagged-field section, keeping none of it.
    @inlinable
    public mutating func skipTaggedFields(field: String = "tagged fields") throws(KafkaProtocolError) {
        try self.readTaggedFields(field: field) { (_, _) throws(KafkaProtocolError) in }
    }

    /// Writes one tagged field: `tag`, the size of what `body` writes, then those bytes.
    @inlinable
    @discardableResult
    public mutating func writeTaggedField(tag: UInt32, _ body: (inout ByteBuffer) -> Void) -> Int {
        var value = ByteBuffer()
        body(&value)
        var written = self.writeUnsignedVarint(tag)
        written += self.writeUnsignedVarint(UInt32(truncatingIfNeeded: value.readableBytes))
        written += self.writeBuffer(&value)
        return written
    }

    /// Writes an empty tagged-field section (`00`), what Samsa sends when it has no tagged field to add.
    @inlinable
    @discardableResult
    public mutating func writeEmptyTaggedFields() -> Int {
        self.writeUnsignedVarint(0)
    }
}
