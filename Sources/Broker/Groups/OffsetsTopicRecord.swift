import KafkaProtocol
import NIOCore

/// One record of `__consumer_offsets`, told apart by its key's version as Kafka does: 0-1 an offset
/// commit, 2 group metadata. A null value is a tombstone (the offset or group was deleted).
/// Values are the generated `OffsetCommitValue` (written as v3, as Kafka 3.x) and
/// `GroupMetadataValue` (v3, static membership), each behind an int16 version.
enum OffsetsTopicRecord: Sendable, Hashable {
    static let offsetCommitValueVersion: Int16 = 3
    static let groupMetadataValueVersion: Int16 = 3

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
        return try OffsetCommitValue(from: &value, version: try Self.readVersion(&value, of: OffsetCommitValue.self))
    }

    private static func decodeGroup(_ value: ByteBuffer?) throws(KafkaProtocolError) -> GroupMetadataValue? {
        guard var value else { return nil }
        return try GroupMetadataValue(from: &value, version: try Self.readVersion(&value, of: GroupMetadataValue.self))
    }

    private static func readVersion<Message: KafkaMessage>(_ buffer: inout ByteBuffer, of type: Message.Type)
        throws(KafkaProtocolError) -> Int16
    {
        let version = try buffer.readInt16(field: "\(Message.self) version")
        guard Message.validVersions.contains(version) else {
            throw .unsupportedVersion("\(Message.self)", version, Message.validVersions)
        }
        return version
    }

    static func encode(_ message: some KafkaMessage, version: Int16) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInt16(version)
        message.write(to: &buffer, version: version)
        return buffer
    }

    var key: ByteBuffer {
        switch self {
        case .offsetCommit(let key, _): key.encoded()
        case .groupMetadata(let key, _): key.encoded()
        }
    }

    var value: ByteBuffer? {
        switch self {
        case .offsetCommit(_, let value): value.map { Self.encode($0, version: Self.offsetCommitValueVersion) }
        case .groupMetadata(_, let value): value.map { Self.encode($0, version: Self.groupMetadataValueVersion) }
        }
    }
}
