import KafkaProtocol
import NIOCore

/// The key of an offset commit in `__consumer_offsets` (Kafka's `OffsetCommitKey`, versions 0-1):
/// an int16 version, then group, topic and partition. Records with the same key replace each
/// other under compaction, so the topic keeps the latest commit per group and partition.
struct OffsetCommitKey: Sendable, Hashable {
    static let version: Int16 = 1

    var group: String
    var topic: String
    var partition: Int32

    func encoded() -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInt16(Self.version)
        buffer.writeKafkaString(self.group, compact: false)
        buffer.writeKafkaString(self.topic, compact: false)
        buffer.writeInt32(self.partition)
        return buffer
    }

    /// Reads the fields after the version prefix.
    init(fieldsFrom buffer: inout ByteBuffer) throws(KafkaProtocolError) {
        self.group = try buffer.readKafkaString(compact: false, field: "OffsetCommitKey.group")
        self.topic = try buffer.readKafkaString(compact: false, field: "OffsetCommitKey.topic")
        self.partition = try buffer.readInt32(field: "OffsetCommitKey.partition")
    }

    init(group: String, topic: String, partition: Int32) {
        self.group = group
        self.topic = topic
        self.partition = partition
    }
}
