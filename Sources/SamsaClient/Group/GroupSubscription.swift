import KafkaProtocol
import NIOCore

/// One member's subscription as the group leader sees it in JoinGroup: the `ConsumerProtocolSubscription` bytes
/// (an int16 version, then the versioned body) decoded.
public struct GroupSubscription: Sendable, Hashable {
    public var memberId: String
    public var groupInstanceId: String?
    public var topics: [String]
    public var userData: ByteBuffer?
    /// What the member owned in `generationId` (v1+); cooperative assignors keep these where they can.
    public var ownedPartitions: [TopicPartition]
    public var generationId: Int32
    public var rackId: String?

    public init(
        memberId: String, groupInstanceId: String? = nil, topics: [String], userData: ByteBuffer? = nil,
        ownedPartitions: [TopicPartition] = [], generationId: Int32 = -1, rackId: String? = nil
    ) {
        self.memberId = memberId
        self.groupInstanceId = groupInstanceId
        self.topics = topics
        self.userData = userData
        self.ownedPartitions = ownedPartitions
        self.generationId = generationId
        self.rackId = rackId
    }

    /// The version Samsa writes: v3 carries owned partitions, generation and rack (KIP-429, KIP-881).
    public static let writeVersion: Int16 = 3

    /// Encodes the subscription with its version prefix, as JoinGroup's protocol metadata.
    public func encoded(version: Int16 = Self.writeVersion) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(version)
        ConsumerProtocolSubscription(
            topics: self.topics, userData: self.userData,
            ownedPartitions: Self.grouped(self.ownedPartitions).map { .init(topic: $0.0, partitions: $0.1) },
            generationId: self.generationId, rackId: self.rackId
        ).write(to: &buffer, version: version)
        return buffer
    }

    /// Decodes a member's metadata. A newer version than we know is read as our newest: Kafka only appends
    /// fields, so the known prefix is still right.
    public init(memberId: String, groupInstanceId: String?, metadata: ByteBuffer) throws(SamsaClientError) {
        var buffer = metadata
        guard let version = buffer.readInteger(as: Int16.self), version >= 0 else {
            throw .groupFailure(group: "?", reason: "member \(memberId) sent subscription metadata without a version")
        }
        let readVersion = min(version, ConsumerProtocolSubscription.validVersions.upperBound)
        let body: ConsumerProtocolSubscription
        do {
            body = try ConsumerProtocolSubscription(from: &buffer, version: readVersion)
        } catch {
            throw .groupFailure(group: "?", reason: "member \(memberId) sent unreadable subscription: \(error)")
        }
        self.init(
            memberId: memberId, groupInstanceId: groupInstanceId, topics: body.topics, userData: body.userData,
            ownedPartitions: body.ownedPartitions.flatMap { entry in
                entry.partitions.map { TopicPartition(entry.topic, $0) }
            },
            generationId: readVersion >= 2 ? body.generationId : -1, rackId: body.rackId)
    }

    static func grouped(_ partitions: [TopicPartition]) -> [(String, [Int32])] {
        Dictionary(grouping: partitions, by: \.topic).map { ($0.key, $0.value.map(\.partition).sorted()) }
            .sorted { $0.0 < $1.0 }
    }
}

/// The `ConsumerProtocolAssignment` a member gets back in SyncGroup.
public enum GroupAssignmentCodec {
    public static let writeVersion: Int16 = 0

    public static func encode(_ partitions: [TopicPartition], userData: ByteBuffer? = nil) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(Self.writeVersion)
        ConsumerProtocolAssignment(
            assignedPartitions: GroupSubscription.grouped(partitions).map { .init(topic: $0.0, partitions: $0.1) },
            userData: userData
        ).write(to: &buffer, version: Self.writeVersion)
        return buffer
    }

    /// An empty buffer is an empty assignment (a member that got nothing, as Kafka's coordinator sends).
    public static func decode(_ bytes: ByteBuffer) throws(SamsaClientError) -> [TopicPartition] {
        var buffer = bytes
        if buffer.readableBytes == 0 { return [] }
        guard let version = buffer.readInteger(as: Int16.self), version >= 0 else {
            throw .groupFailure(group: "?", reason: "assignment without a version")
        }
        do {
            let body = try ConsumerProtocolAssignment(
                from: &buffer, version: min(version, ConsumerProtocolAssignment.validVersions.upperBound))
            return body.assignedPartitions.flatMap { entry in entry.partitions.map { TopicPartition(entry.topic, $0) } }
                .sorted()
        } catch {
            throw .groupFailure(group: "?", reason: "unreadable assignment: \(error)")
        }
    }
}
