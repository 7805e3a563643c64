// DO NOT EDIT: generated from OffsetForLeaderEpochResponse.json by samsa-codegen

import NIOCore

/// The OffsetForLeaderEpoch response body (API key 23), versions 0-4 (flexible 4+). Generated from
/// OffsetForLeaderEpochResponse.json.
public struct OffsetForLeaderEpochResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .offsetForLeaderEpoch  // 23
    public static let validVersions: ClosedRange<Int16> = 0...4
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 4...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 4 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 2+)
    public var throttleTimeMs: Int32 = 0

    /// Each topic we fetched offsets for. (versions 0+)
    public var topics: [OffsetForLeaderTopicResult] = []

    public init(
        throttleTimeMs: Int32 = 0,
        topics: [OffsetForLeaderTopicResult] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("OffsetForLeaderEpochResponse", version, Self.validVersions)
        }
        let flexible = version >= 4
        if version >= 2 {
            self.throttleTimeMs = try buffer.readInt32(field: "OffsetForLeaderEpochResponse.throttleTimeMs")
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "OffsetForLeaderEpochResponse.topics")
            var items: [OffsetForLeaderTopicResult] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try OffsetForLeaderTopicResult(from: &buffer, version: version))
            }
            self.topics = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "OffsetForLeaderEpochResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 4
        if version >= 2 {
            buffer.writeInt32(self.throttleTimeMs)
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

extension OffsetForLeaderEpochResponse {
    /// Each topic we fetched offsets for.
    public struct OffsetForLeaderTopicResult: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var topic: String = ""

        /// Each partition in the topic we fetched offsets for. (versions 0+)
        public var partitions: [EpochEndOffset] = []

        public init(
            topic: String = "",
            partitions: [EpochEndOffset] = []
        ) {
            self.topic = topic
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            self.topic = try buffer.readKafkaString(compact: flexible, field: "OffsetForLeaderTopicResult.topic")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "OffsetForLeaderTopicResult.partitions")
                var items: [EpochEndOffset] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try EpochEndOffset(from: &buffer, version: version))
                }
                self.partitions = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "OffsetForLeaderTopicResult tagged fields")
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

extension OffsetForLeaderEpochResponse {
    /// Each partition in the topic we fetched offsets for.
    public struct EpochEndOffset: Sendable, Hashable {
        /// The error code 0, or if there was no error. (versions 0+)
        public var errorCode: Int16 = 0

        /// The partition index. (versions 0+)
        public var partition: Int32 = 0

        /// The leader epoch of the partition. (versions 1+)
        public var leaderEpoch: Int32 = -1

        /// The end offset of the epoch. (versions 0+)
        public var endOffset: Int64 = -1

        public init(
            errorCode: Int16 = 0,
            partition: Int32 = 0,
            leaderEpoch: Int32 = -1,
            endOffset: Int64 = -1
        ) {
            self.errorCode = errorCode
            self.partition = partition
            self.leaderEpoch = leaderEpoch
            self.endOffset = endOffset
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            self.errorCode = try buffer.readInt16(field: "EpochEndOffset.errorCode")
            self.partition = try buffer.readInt32(field: "EpochEndOffset.partition")
            if version >= 1 {
                self.leaderEpoch = try buffer.readInt32(field: "EpochEndOffset.leaderEpoch")
            }
            self.endOffset = try buffer.readInt64(field: "EpochEndOffset.endOffset")
            if flexible {
                try buffer.skipTaggedFields(field: "EpochEndOffset tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 4
            buffer.writeInt16(self.errorCode)
            buffer.writeInt32(self.partition)
            if version >= 1 {
                buffer.writeInt32(self.leaderEpoch)
            }
            buffer.writeInt64(self.endOffset)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
