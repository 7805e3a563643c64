// DO NOT EDIT: generated from OffsetFetchResponse.json by samsa-codegen

import NIOCore

/// The OffsetFetch response body (API key 9), versions 0-9 (flexible 6+). Generated from
/// OffsetFetchResponse.json.
public struct OffsetFetchResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .offsetFetch  // 9
    public static let validVersions: ClosedRange<Int16> = 0...9
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 6...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 6 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 3+)
    public var throttleTimeMs: Int32 = 0

    /// The responses per topic. (versions 0-7)
    public var topics: [OffsetFetchResponseTopic] = []

    /// The top-level error code, or 0 if there was no error. (versions 2-7)
    public var errorCode: Int16 = 0

    /// The responses per group id. (versions 8+)
    public var groups: [OffsetFetchResponseGroup] = []

    public init(
        throttleTimeMs: Int32 = 0,
        topics: [OffsetFetchResponseTopic] = [],
        errorCode: Int16 = 0,
        groups: [OffsetFetchResponseGroup] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
        self.errorCode = errorCode
        self.groups = groups
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("OffsetFetchResponse", version, Self.validVersions)
        }
        let flexible = version >= 6
        if version >= 3 {
            self.throttleTimeMs = try buffer.readInt32(field: "OffsetFetchResponse.throttleTimeMs")
        }
        if version <= 7 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "OffsetFetchResponse.topics")
                var items: [OffsetFetchResponseTopic] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try OffsetFetchResponseTopic(from: &buffer, version: version))
                }
                self.topics = items
            }
        }
        if version >= 2 && version <= 7 {
            self.errorCode = try buffer.readInt16(field: "OffsetFetchResponse.errorCode")
        }
        if version >= 8 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "OffsetFetchResponse.groups")
                var items: [OffsetFetchResponseGroup] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try OffsetFetchResponseGroup(from: &buffer, version: version))
                }
                self.groups = items
            }
        }
        if flexible {
            try buffer.skipTaggedFields(field: "OffsetFetchResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 6
        if version >= 3 {
            buffer.writeInt32(self.throttleTimeMs)
        }
        if version <= 7 {
            buffer.writeKafkaArrayCount(self.topics.count, compact: flexible)
            for element in self.topics {
                element.write(to: &buffer, version: version)
            }
        }
        if version >= 2 && version <= 7 {
            buffer.writeInt16(self.errorCode)
        }
        if version >= 8 {
            buffer.writeKafkaArrayCount(self.groups.count, compact: true)
            for element in self.groups {
                element.write(to: &buffer, version: version)
            }
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension OffsetFetchResponse {
    /// The responses per topic.
    public struct OffsetFetchResponseTopic: Sendable, Hashable {
        /// The topic name. (versions 0-7)
        public var name: String = ""

        /// The responses per partition. (versions 0-7)
        public var partitions: [OffsetFetchResponsePartition] = []

        public init(
            name: String = "",
            partitions: [OffsetFetchResponsePartition] = []
        ) {
            self.name = name
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 6
            self.name = try buffer.readKafkaString(compact: flexible, field: "OffsetFetchResponseTopic.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "OffsetFetchResponseTopic.partitions")
                var items: [OffsetFetchResponsePartition] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try OffsetFetchResponsePartition(from: &buffer, version: version))
                }
                self.partitions = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "OffsetFetchResponseTopic tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 6
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

extension OffsetFetchResponse {
    /// The responses per partition
    public struct OffsetFetchResponsePartition: Sendable, Hashable {
        /// The partition index. (versions 0-7)
        public var partitionIndex: Int32 = 0

        /// The committed message offset. (versions 0-7)
        public var committedOffset: Int64 = 0

        /// The leader epoch. (versions 5-7)
        public var committedLeaderEpoch: Int32 = -1

        /// The partition metadata. (versions 0-7; nullable 0-7)
        public var metadata: String? = nil

        /// The error code, or 0 if there was no error. (versions 0-7)
        public var errorCode: Int16 = 0

        public init(
            partitionIndex: Int32 = 0,
            committedOffset: Int64 = 0,
            committedLeaderEpoch: Int32 = -1,
            metadata: String? = nil,
            errorCode: Int16 = 0
        ) {
            self.partitionIndex = partitionIndex
            self.committedOffset = committedOffset
            self.committedLeaderEpoch = committedLeaderEpoch
            self.metadata = metadata
            self.errorCode = errorCode
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 6
            self.partitionIndex = try buffer.readInt32(field: "OffsetFetchResponsePartition.partitionIndex")
            self.committedOffset = try buffer.readInt64(field: "OffsetFetchResponsePartition.committedOffset")
            if version >= 5 {
                self.committedLeaderEpoch = try buffer.readInt32(field: "OffsetFetchResponsePartition.committedLeaderEpoch")
            }
            self.metadata = try buffer.readKafkaNullableString(compact: flexible, field: "OffsetFetchResponsePartition.metadata")
            self.errorCode = try buffer.readInt16(field: "OffsetFetchResponsePartition.errorCode")
            if flexible {
                try buffer.skipTaggedFields(field: "OffsetFetchResponsePartition tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 6
            buffer.writeInt32(self.partitionIndex)
            buffer.writeInt64(self.committedOffset)
            if version >= 5 {
                buffer.writeInt32(self.committedLeaderEpoch)
            }
            buffer.writeKafkaNullableString(self.metadata, compact: flexible)
            buffer.writeInt16(self.errorCode)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension OffsetFetchResponse {
    /// The responses per group id.
    public struct OffsetFetchResponseGroup: Sendable, Hashable {
        /// The group ID. (versions 8+)
        public var groupId: String = ""

        /// The responses per topic. (versions 8+)
        public var topics: [OffsetFetchResponseTopics] = []

        /// The group-level error code, or 0 if there was no error. (versions 8+)
        public var errorCode: Int16 = 0

        public init(
            groupId: String = "",
            topics: [OffsetFetchResponseTopics] = [],
            errorCode: Int16 = 0
        ) {
            self.groupId = groupId
            self.topics = topics
            self.errorCode = errorCode
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.groupId = try buffer.readKafkaString(compact: true, field: "OffsetFetchResponseGroup.groupId")
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "OffsetFetchResponseGroup.topics")
                var items: [OffsetFetchResponseTopics] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try OffsetFetchResponseTopics(from: &buffer, version: version))
                }
                self.topics = items
            }
            self.errorCode = try buffer.readInt16(field: "OffsetFetchResponseGroup.errorCode")
            try buffer.skipTaggedFields(field: "OffsetFetchResponseGroup tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeKafkaString(self.groupId, compact: true)
            buffer.writeKafkaArrayCount(self.topics.count, compact: true)
            for element in self.topics {
                element.write(to: &buffer, version: version)
            }
            buffer.writeInt16(self.errorCode)
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension OffsetFetchResponse {
    /// The responses per topic.
    public struct OffsetFetchResponseTopics: Sendable, Hashable {
        /// The topic name. (versions 8+)
        public var name: String = ""

        /// The responses per partition. (versions 8+)
        public var partitions: [OffsetFetchResponsePartitions] = []

        public init(
            name: String = "",
            partitions: [OffsetFetchResponsePartitions] = []
        ) {
            self.name = name
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.name = try buffer.readKafkaString(compact: true, field: "OffsetFetchResponseTopics.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "OffsetFetchResponseTopics.partitions")
                var items: [OffsetFetchResponsePartitions] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try OffsetFetchResponsePartitions(from: &buffer, version: version))
                }
                self.partitions = items
            }
            try buffer.skipTaggedFields(field: "OffsetFetchResponseTopics tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeKafkaString(self.name, compact: true)
            buffer.writeKafkaArrayCount(self.partitions.count, compact: true)
            for element in self.partitions {
                element.write(to: &buffer, version: version)
            }
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension OffsetFetchResponse {
    /// The responses per partition
    public struct OffsetFetchResponsePartitions: Sendable, Hashable {
        /// The partition index. (versions 8+)
        public var partitionIndex: Int32 = 0

        /// The committed message offset. (versions 8+)
        public var committedOffset: Int64 = 0

        /// The leader epoch. (versions 8+)
        public var committedLeaderEpoch: Int32 = -1

        /// The partition metadata. (versions 8+; nullable 8+)
        public var metadata: String? = nil

        /// The partition-level error code, or 0 if there was no error. (versions 8+)
        public var errorCode: Int16 = 0

        public init(
            partitionIndex: Int32 = 0,
            committedOffset: Int64 = 0,
            committedLeaderEpoch: Int32 = -1,
            metadata: String? = nil,
            errorCode: Int16 = 0
        ) {
            self.partitionIndex = partitionIndex
            self.committedOffset = committedOffset
            self.committedLeaderEpoch = committedLeaderEpoch
            self.metadata = metadata
            self.errorCode = errorCode
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.partitionIndex = try buffer.readInt32(field: "OffsetFetchResponsePartitions.partitionIndex")
            self.committedOffset = try buffer.readInt64(field: "OffsetFetchResponsePartitions.committedOffset")
            self.committedLeaderEpoch = try buffer.readInt32(field: "OffsetFetchResponsePartitions.committedLeaderEpoch")
            self.metadata = try buffer.readKafkaNullableString(compact: true, field: "OffsetFetchResponsePartitions.metadata")
            self.errorCode = try buffer.readInt16(field: "OffsetFetchResponsePartitions.errorCode")
            try buffer.skipTaggedFields(field: "OffsetFetchResponsePartitions tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeInt32(self.partitionIndex)
            buffer.writeInt64(self.committedOffset)
            buffer.writeInt32(self.committedLeaderEpoch)
            buffer.writeKafkaNullableString(self.metadata, compact: true)
            buffer.writeInt16(self.errorCode)
            buffer.writeEmptyTaggedFields()
        }
    }
}
