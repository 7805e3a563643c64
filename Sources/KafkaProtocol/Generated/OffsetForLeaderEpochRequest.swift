// DO NOT EDIT: generated from OffsetForLeaderEpochRequest.json by samsa-codegen

import NIOCore

/// The OffsetForLeaderEpoch request body (API key 23), versions 0-4 (flexible 4+). Generated from
/// OffsetForLeaderEpochRequest.json.
public struct OffsetForLeaderEpochRequest: KafkaRequest, Hashable {
    public typealias Response = OffsetForLeaderEpochResponse
    public static let apiKey: ApiKey = .offsetForLeaderEpoch  // 23
    public static let validVersions: ClosedRange<Int16> = 0...4
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 4...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 4 }

    /// The broker ID of the follower, of -1 if this request is from a consumer. (versions 3+)
    public var replicaId: Int32 = -2

    /// Each topic to get offsets for. (versions 0+)
    public var topics: [OffsetForLeaderTopic] = []

    public init(
        replicaId: Int32 = -2,
        topics: [OffsetForLeaderTopic] = []
    ) {
        self.replicaId = replicaId
        self.topics = topics
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("OffsetForLeaderEpochRequest", version, Self.validVersions)
        }
        let flexible = version >= 4
        if version >= 3 {
            self.replicaId = try buffer.readInt32(field: "OffsetForLeaderEpochRequest.replicaId")
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "OffsetForLeaderEpochRequest.topics")
            var items: [OffsetForLeaderTopic] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try OffsetForLeaderTopic(from: &buffer, version: version))
            }
            self.topics = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "OffsetForLeaderEpochRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 4
        if version >= 3 {
            buffer.writeInt32(self.replicaId)
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

extension OffsetForLeaderEpochRequest {
    /// Each topic to get offsets for.
    public struct OffsetForLeaderTopic: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var topic: String = ""

        /// Each partition to get offsets for. (versions 0+)
        public var partitions: [OffsetForLeaderPartition] = []

        public init(
            topic: String = "",
            partitions: [OffsetForLeaderPartition] = []
        ) {
            self.topic = topic
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            self.topic = try buffer.readKafkaString(compact: flexible, field: "OffsetForLeaderTopic.topic")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "OffsetForLeaderTopic.partitions")
                var items: [OffsetForLeaderPartition] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try OffsetForLeaderPartition(from: &buffer, version: version))
                }
                self.partitions = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "OffsetForLeaderTopic tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 4
            buffer.writeKafkaString(self.topic, compact: flexible)
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

extension OffsetForLeaderEpochRequest {
    /// Each partition to get offsets for.
    public struct OffsetForLeaderPartition: Sendable, Hashable {
        /// The partition index. (versions 0+)
        public var partition: Int32 = 0

        /// An epoch used to fence consumers/replicas with old metadata. If the epoch provided by the client is
        /// larger than the current epoch known to the broker, then the UNKNOWN_LEADER_EPOCH error code will be
        /// returned. If the provided epoch is smaller, then the FENCED_LEADER_EPOCH error code will be
        /// returned. (versions 2+)
        public var currentLeaderEpoch: Int32 = -1

        /// The epoch to look up an offset for. (versions 0+)
        public var leaderEpoch: Int32 = 0

        public init(
            partition: Int32 = 0,
            currentLeaderEpoch: Int32 = -1,
            leaderEpoch: Int32 = 0
        ) {
            self.partition = partition
            self.currentLeaderEpoch = currentLeaderEpoch
            self.leaderEpoch = leaderEpoch
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            self.partition = try buffer.readInt32(field: "OffsetForLeaderPartition.partition")
            if version >= 2 {
                self.currentLeaderEpoch = try buffer.readInt32(field: "OffsetForLeaderPartition.currentLeaderEpoch")
            }
            self.leaderEpoch = try buffer.readInt32(field: "OffsetForLeaderPartition.leaderEpoch")
            if flexible {
                try buffer.skipTaggedFields(field: "OffsetForLeaderPartition tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 4
            buffer.writeInt32(self.partition)
            if version >= 2 {
                buffer.writeInt32(self.currentLeaderEpoch)
            }
            buffer.writeInt32(self.leaderEpoch)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
