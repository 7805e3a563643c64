import KafkaProtocol
import NIOCore

/// The key of a group's metadata in `__consumer_offsets` (Kafka's `GroupMetadataKey`, version 2):
/// an int16 version and the group id. Version 2 is how a reader tells it from an offset key.
struct GroupMetadataKey: Sendable, Hashable {
    static let version: Int16 = 2

    var group: String

    func encoded() -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInt16(Self.version)
        buffer.writeKafkaString(self.group, compact: false)
        return buffer
    }
}
