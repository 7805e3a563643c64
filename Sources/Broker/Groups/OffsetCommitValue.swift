import KafkaProtocol
import NIOCore

/// The value of an offset commit in `__consumer_offsets` (Kafka's `OffsetCommitValue`). Written
/// as version 3 (offset, leader epoch, metadata, commit timestamp), the version Kafka 3.x writes;
/// versions 0-4 are read (v1 carried an expire timestamp, v4 is flexible).
struct OffsetCommitValue: Sendable, Hashable {
    static let version: Int16 = 3

    var offset: Int64
    var leaderEpoch: Int32 = -1
    var metadata: String = ""
    var commitTimestamp: Int64
    var expireTimestamp: Int64 = -1

    init(offset: Int64, leaderEpoch: Int32 = -1, metadata: String = "", commitTimestamp: Int64) {
        self.offset = offset
        self.leaderEpoch = leaderEpoch
        self.metadata = metadata
        self.commitTimestamp = commitTimestamp
    }

    func encoded() -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInt16(Self.version)
        buffer.writeInt64(self.offset)
        buffer.writeInt32(self.leaderEpoch)
        buffer.writeKafkaString(self.metadata, compact: false)
        buffer.writeInt64(self.commitTimestamp)
        return buffer
    }

    init(from buffer: inout ByteBuffer) throws(KafkaProtocolError) {
        let version = try buffer.readInt16(field: "OffsetCommitValue.version")
        guard (0...4).contains(version) else {
            throw .unsupportedVersion("OffsetCommitValue", version, 0...4)
        }
        let flexible = version >= 4
        self.offset = try buffer.readInt64(field: "OffsetCommitValue.offset")
        if version >= 3 { self.leaderEpoch = try buffer.readInt32(field: "OffsetCommitValue.leaderEpoch") }
        self.metadata = try buffer.readKafkaString(compact: flexible, field: "OffsetCommitValue.metadata")
        self.commitTimestamp = try buffer.readInt64(field: "OffsetCommitValue.commitTimestamp")
        if version == 1 { self.expireTimestamp = try buffer.readInt64(field: "OffsetCommitValue.expireTimestamp") }
        if flexible { try buffer.skipTaggedFields(field: "OffsetCommitValue tags") }
    }
}
