// DO NOT EDIT: generated from OffsetCommitResponse.json by samsa-codegen

import NIOCore

/// The OffsetCommit response body (API key 8), versions 0-9 (flexible 8+). Generated from
/// OffsetCommitResponse.json.
public struct OffsetCommitResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .offsetCommit  // 8
    public static let validVersions: ClosedRange<Int16> = 0...9
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 8...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 8 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 3+)
    public var throttleTimeMs: Int32 = 0

    /// The responses for each topic. (versions 0+)
    public var topics: [OffsetCommitResponseTopic] = []

    public init(
        throttleTimeMs: Int32 = 0,
        topics: [OffsetCommitResponseTopic] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("OffsetCommitResponse", version, Self.validVersions)
        }
        let flexible = version >= 8
        if version >= 3 {
            self.throttleTimeMs = try buffer.readInt32(field: "OffsetCommitResponse.throttleTimeMs")
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "OffsetCommitResponse.topics")
            var items: [OffsetCommitResponseTopic] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try OffsetCommitResponseTopic(from: &buffer, version: version))
            }
            self.topics = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "OffsetCommitResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 8
        if version >= 3 {
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

extension OffsetCommitResponse {
    /// The responses for each topic.
    public struct OffsetCommitResponseTopic: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var name: String = ""

        /// The responses for each partition in the topic. (versions 0+)
        public var partitions: [OffsetCommitResponsePartition] = []

        public init(
            name: String = "",
            partitions: [OffsetCommitResponsePartition] = []
        ) {
            self.name = name
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 8
            self.name = try buffer.readKafkaString(compact: flexible, field: "OffsetCommitResponseTopic.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "OffsetCommitResponseTopic.partitions")
                var items: [OffsetCommitResponsePartition] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try OffsetCommitResponsePartition(from: &buffer, version: version))
                }
                self.partitions = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "OffsetCommitResponseTopic tagged fields")
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

extension OffsetCommitResponse {
    /// The responses for each partition in the topic.
    public struct OffsetCommitResponsePartition: Sendable, Hashable {
        /// The partition index. (versions 0+)
        public var partitionIndex: Int32 = 0

        /// The error code, or 0 if there was no error. (versions 0+)
        public var errorCode: Int16 = 0

        public init(
            partitionIndex: Int32 = 0,
            errorCode: Int16 = 0
        ) {
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 8
            self.partitionIndex = try buffer.readInt32(field: "OffsetCommitResponsePartition.partitionIndex")
            self.errorCode = try buffer.readInt16(field: "OffsetCommitResponsePartition.errorCode")
            if flexible {
                try buffer.skipTaggedFields(field: "OffsetCommitResponsePartition tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 8
            buffer.writeInt32(self.partitionIndex)
            buffer.writeInt16(self.errorCode)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
