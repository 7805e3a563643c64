import KafkaProtocol
import NIOCore

/// A classic group as stored in `__consumer_offsets` (Kafka's `GroupMetadataValue`): its protocol,
/// generation, leader and members with their subscriptions and assignments. Written as version 3
/// (static membership's `group.instance.id`, KIP-345); versions 0-4 are read (v4 is flexible).
struct GroupMetadataValue: Sendable, Hashable {
    static let version: Int16 = 3

    struct Member: Sendable, Hashable {
        var memberId: String
        var groupInstanceId: String?
        var clientId: String
        var clientHost: String
        var rebalanceTimeoutMs: Int32
        var sessionTimeoutMs: Int32
        var subscription: ByteBuffer
        var assignment: ByteBuffer
    }

    var protocolType: String
    var generation: Int32
    var protocolName: String?
    var leader: String?
    var currentStateTimestamp: Int64
    var members: [Member]

    init(
        protocolType: String, generation: Int32, protocolName: String?, leader: String?,
        currentStateTimestamp: Int64, members: [Member]
    ) {
        self.protocolType = protocolType
        self.generation = generation
        self.protocolName = protocolName
        self.leader = leader
        self.currentStateTimestamp = currentStateTimestamp
        self.members = members
    }

    func encoded() -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInt16(Self.version)
        buffer.writeKafkaString(self.protocolType, compact: false)
        buffer.writeInt32(self.generation)
        buffer.writeKafkaNullableString(self.protocolName, compact: false)
        buffer.writeKafkaNullableString(self.leader, compact: false)
        buffer.writeInt64(self.currentStateTimestamp)
        buffer.writeKafkaArrayCount(self.members.count, compact: false)
        for member in self.members {
            buffer.writeKafkaString(member.memberId, compact: false)
            buffer.writeKafkaNullableString(member.groupInstanceId, compact: false)
            buffer.writeKafkaString(member.clientId, compact: false)
            buffer.writeKafkaString(member.clientHost, compact: false)
            buffer.writeInt32(member.rebalanceTimeoutMs)
            buffer.writeInt32(member.sessionTimeoutMs)
            buffer.writeKafkaBytes(member.subscription, compact: false)
            buffer.writeKafkaBytes(member.assignment, compact: false)
        }
        return buffer
    }

    init(from buffer: inout ByteBuffer) throws(KafkaProtocolError) {
        let version = try buffer.readInt16(field: "GroupMetadataValue.version")
        guard (0...4).contains(version) else {
            throw .unsupportedVersion("GroupMetadataValue", version, 0...4)
        }
        let flexible = version >= 4
        self.protocolType = try buffer.readKafkaString(compact: flexible, field: "GroupMetadataValue.protocolType")
        self.generation = try buffer.readInt32(field: "GroupMetadataValue.generation")
        self.protocolName = try buffer.readKafkaNullableString(compact: flexible, field: "GroupMetadataValue.protocol")
        self.leader = try buffer.readKafkaNullableString(compact: flexible, field: "GroupMetadataValue.leader")
        self.currentStateTimestamp =
            version >= 2 ? try buffer.readInt64(field: "GroupMetadataValue.currentStateTimestamp") : -1
        let count = try buffer.readKafkaArrayCount(compact: flexible, field: "GroupMetadataValue.members")
        var members: [Member] = []
        for _ in 0..<count {
            let memberId = try buffer.readKafkaString(compact: flexible, field: "MemberMetadata.memberId")
            let instanceId =
                version >= 3
                ? try buffer.readKafkaNullableString(compact: flexible, field: "MemberMetadata.groupInstanceId") : nil
            let clientId = try buffer.readKafkaString(compact: flexible, field: "MemberMetadata.clientId")
            let clientHost = try buffer.readKafkaString(compact: flexible, field: "MemberMetadata.clientHost")
            let rebalanceTimeout = version >= 1 ? try buffer.readInt32(field: "MemberMetadata.rebalanceTimeout") : -1
            let sessionTimeout = try buffer.readInt32(field: "MemberMetadata.sessionTimeout")
            let subscription = try buffer.readKafkaBytes(compact: flexible, field: "MemberMetadata.subscription")
            let assignment = try buffer.readKafkaBytes(compact: flexible, field: "MemberMetadata.assignment")
            if flexible { try buffer.skipTaggedFields(field: "MemberMetadata tags") }
            members.append(
                Member(
                    memberId: memberId, groupInstanceId: instanceId, clientId: clientId, clientHost: clientHost,
                    rebalanceTimeoutMs: rebalanceTimeout == -1 ? sessionTimeout : rebalanceTimeout,
                    sessionTimeoutMs: sessionTimeout, subscription: subscription, assignment: assignment))
        }
        if flexible { try buffer.skipTaggedFields(field: "GroupMetadataValue tags") }
        self.members = members
    }
}
