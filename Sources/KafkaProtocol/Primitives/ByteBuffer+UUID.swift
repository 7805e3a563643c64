import NIOCore

/// Kafka `uuid` fields: 16 raw bytes, most significant first.
extension ByteBuffer {
    @inlinable
    public mutating func readKafkaUUID(field: String = "uuid") throws(KafkaProtocolError) -> KafkaUUID {
        guard self.readableBytes >= 16,
            let msb = self.readInteger(endianness: .big, as: UInt64.self),
            let lsb = self.readInteger(endianness: .big, as: UInt64.self)
        else { throw .truncated(field) }
        return KafkaUUID(mostSignificantBits: msb, leastSignificantBits: lsb)
    }

    @inlinable
    @discardableResult
    public mutating func writeKafkaUUID(_ uuid: KafkaUUID) -> Int {
        self.writeInteger(uuid.mostSignificantBits, endianness: .big)
            + self.writeInteger(uuid.leastSignificantBits, endianness: .big)
    }
}
