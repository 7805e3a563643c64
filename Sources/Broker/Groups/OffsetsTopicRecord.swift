import KafkaProtocol
import NIOCore

/// One record of `__consumer_offsets`, told apart by its key's version as Kafka does: 0-1 an offset
/// commit, 2 group metadata. A null value is a tombstone (the offset or group was deleted).
enum OffsetsTopicRecord: Sendable, Hashable {
    case offsetCommit(OffsetCommitKey, OffsetCommitValue?)
    case groupMetadata(GroupMetadataKey, GroupMetadataValue?)

    /// `nil` for key versions this broker does not know (Kafka's newer consumer-group records,
    /// KIP-848), which a reload skips.
    init?(key: ByteBuffer, value: ByteBuffer?) throws(KafkaProtocolError) {
        var key = key
        let version = try key.readInt16(field: "__consumer_offsets key version")
        switch version {
        case 0, 1:
            let parsed = try OffsetCommitKey(fieldsFrom: &key)
            self = .offsetCommit(parsed, try Self.decodeOffset(value))
        case 2:
            let group = try key.readKafkaString(compact: false, field: "GroupMetadataKey.group")
            self = .groupMetadata(GroupMetadataKey(group: group), try Self.decodeGroup(value))
        default:
            return nil
        }
    }

    private static func decodeOffset(_ value: ByteBuffer?) throws(KafkaProtocolError) -> OffsetCommitValue? {
        guard var value else { return nil }
        return try OffsetCommitValue(from: &value)
    }

    private static func decodeGroup(_ value: ByteBuffer?) throws(KafkaProtocolError) -> GroupMetadataValue? {
        guard var value else { return nil }
        return try GroupMetadataValue(from: &value)
    }

    var key: ByteBuffer {
        switch self {
        case .offsetCommit(let key, _): key.encoded()
        case .groupMetadata(let key, _): key.encoded()
        }
    }

    var value: ByteBuffer? {
        switch self {
        case .offsetCommit(_, let value): value?.encoded()
        case .groupMetadata(_, let value): value?.encoded()
        }
    }
}
