// DO NOT EDIT: generated from OffsetCommitRequest.json by samsa-codegen

import NIOCore

/// The OffsetCommit request body (API key 8), versions 0-9 (flexible 8+). Generated from
/// OffsetCommitRequest.json.
public struct OffsetCommitRequest: KafkaRequest, Hashable {
    public typealias Response = OffsetCommitResponse
    public static let apiKey: ApiKey = .offsetCommit  // 8
    public static let validVersions: ClosedRange<Int16> = 0...9
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 8...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 8 }

    /// The unique group identifier. (versions 0+)
    public var groupId: String = ""

    /// The generation of the group if using the classic group protocol or the member epoch if using the
    /// consumer protocol. (versions 1+)
    public var generationIdOrMemberEpoch: Int32 = -1

    /// The member ID assigned by the group coordinator. (versions 1+)
    public var memberId: String = ""

    /// The unique identifier of the consumer instance provided by end user. (versions 7+; nullable 7+)
    public var groupInstanceId: String? = nil

    /// The time period in ms to retain the offset. (versions 2-4)
    public var retentionTimeMs: Int64 = -1

    /// The topics to commit offsets for. (versions 0+)
    public var topics: [OffsetCommitRequestTopic] = []

    public init(
        groupId: String = "",
        generationIdOrMemberEpoch: Int32 = -1,
        memberId: String = "",
        groupInstanceId: String? = nil,
        retentionTimeMs: Int64 = -1,
        topics: [OffsetCommitRequestTopic] = []
    ) {
        self.groupId = groupId
        self.generationIdOrMemberEpoch = generationIdOrMemberEpoch
        self.memberId = memberId
        self.groupInstanceId = groupInstanceId
        self.retentionTimeMs = retentionTimeMs
        self.topics = topics
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("OffsetCommitRequest", version, Self.validVersions)
        }
        let flexible = version >= 8
        self.groupId = try buffer.readKafkaString(compact: flexible, field: "OffsetCommitRequest.groupId")
        if version >= 1 {
            self.generationIdOrMemberEpoch = try buffer.readInt32(field: "OffsetCommitRequest.generationIdOrMemberEpoch")
        }
        if version >= 1 {
            self.memberId = try buffer.readKafkaString(compact: flexible, field: "OffsetCommitRequest.memberId")
        }
        if version >= 7 {
            self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "OffsetCommitRequest.groupInstanceId")
        }
        if version >= 2 && version <= 4 {
            self.retentionTimeMs = try buffer.readInt64(field: "OffsetCommitRequest.retentionTimeMs")
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "OffsetCommitRequest.topics")
            var items: [OffsetCommitRequestTopic] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try OffsetCommitRequestTopic(from: &buffer, version: version))
            }
            self.topics = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "OffsetCommitRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 8
        buffer.writeKafkaString(self.groupId, compact: flexible)
        if version >= 1 {
            buffer.writeInt32(self.generationIdOrMemberEpoch)
        }
        if version >= 1 {
            buffer.writeKafkaString(self.memberId, compact: flexible)
        }
        if version >= 7 {
            buffer.writeKafkaNullableString(self.groupInstanceId, compact: flexible)
        }
        if version >= 2 && version <= 4 {
            buffer.writeInt64(self.retentionTimeMs)
        }
        buffer.writeKafkaArrayCount(self.topics.count, compact: flexible)
        for element in self.topics {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension OffsetCommitRequest {
    /// The topics to commit offsets for.
    public struct OffsetCommitRequestTopic: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var name: String = ""

        /// Each partition to commit offsets for. (versions 0+)
        public var partitions: [OffsetCommitRequestPartition] = []

        public init(
            name: String = "",
            partitions: [OffsetCommitRequestPartition] = []
        ) {
            self.name = name
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 8
            self.name = try buffer.readKafkaString(compact: flexible, field: "OffsetCommitRequestTopic.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "OffsetCommitRequestTopic.partitions")
                var items: [OffsetCommitRequestPartition] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try OffsetCommitRequestPartition(from: &buffer, version: version))
                }
                self.partitions = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "OffsetCommitRequestTopic tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 8
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaArrayCount(self.partitions.count, compact: flexible)
            for element in self.partitions {
                element.write(to: &buffer, version: version)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension OffsetCommitRequest {
    /// Each partition to commit offsets for.
    public struct OffsetCommitRequestPartition: Sendable, Hashable {
        /// The partition index. (versions 0+)
        public var partitionIndex: Int32 = 0

        /// The message offset to be committed. (versions 0+)
        public var committedOffset: Int64 = 0

        /// The leader epoch of this partition. (versions 6+)
        public var committedLeaderEpoch: Int32 = -1

        /// The timestamp of the commit. (versions 1)
        public var commitTimestamp: Int64 = -1

        /// Any associated metadata the client wants to keep. (versions 0+; nullable 0+)
        public var committedMetadata: String? = nil

        public init(
            partitionIndex: Int32 = 0,
            committedOffset: Int64 = 0,
            committedLeaderEpoch: Int32 = -1,
            commitTimestamp: Int64 = -1,
            committedMetadata: String? = nil
        ) {
            self.partitionIndex = partitionIndex
            self.committedOffset = committedOffset
            self.committedLeaderEpoch = committedLeaderEpoch
            self.commitTimestamp = commitTimestamp
            self.committedMetadata = committedMetadata
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 8
            self.partitionIndex = try buffer.readInt32(field: "OffsetCommitRequestPartition.partitionIndex")
            self.committedOffset = try buffer.readInt64(field: "OffsetCommitRequestPartition.committedOffset")
            if version >= 6 {
                self.committedLeaderEpoch = try buffer.readInt32(field: "OffsetCommitRequestPartition.committedLeaderEpoch")
            }
            if version >= 1 && version <= 1 {
                self.commitTimestamp = try buffer.readInt64(field: "OffsetCommitRequestPartition.commitTimestamp")
            }
            self.committedMetadata = try buffer.readKafkaNullableString(compact: flexible, field: "OffsetCommitRequestPartition.committedMetadata")
            if flexible {
                try buffer.skipTaggedFields(field: "OffsetCommitRequestPartition tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 8
            buffer.writeInt32(self.partitionIndex)
            buffer.writeInt64(self.committedOffset)
            if version >= 6 {
                buffer.writeInt32(self.committedLeaderEpoch)
            }
            if version >= 1 && version <= 1 {
                buffer.writeInt64(self.commitTimestamp)
            }
            buffer.writeKafkaNullableString(self.committedMetadata, compact: flexible)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
