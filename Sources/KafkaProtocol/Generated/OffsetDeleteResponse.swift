// DO NOT EDIT: generated from OffsetDeleteResponse.json by samsa-codegen

import NIOCore

/// The OffsetDelete response body (API key 47), versions 0. Generated from OffsetDeleteResponse.json.
public struct OffsetDeleteResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .offsetDelete  // 47
    public static let validVersions: ClosedRange<Int16> = 0...0
    public static let flexibleVersions: PartialRangeFrom<Int16>? = nil

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { false }

    /// The top-level error code, or 0 if there was no error. (versions 0+)
    public var errorCode: Int16 = 0

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 0+)
    public var throttleTimeMs: Int32 = 0

    /// The responses for each topic. (versions 0+)
    public var topics: [OffsetDeleteResponseTopic] = []

    public init(
        errorCode: Int16 = 0,
        throttleTimeMs: Int32 = 0,
        topics: [OffsetDeleteResponseTopic] = []
    ) {
        self.errorCode = errorCode
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("OffsetDeleteResponse", version, Self.validVersions)
        }
        self.errorCode = try buffer.readInt16(field: "OffsetDeleteResponse.errorCode")
        self.throttleTimeMs = try buffer.readInt32(field: "OffsetDeleteResponse.throttleTimeMs")
        do {
            let count = try buffer.readKafkaArrayCount(compact: false, field: "OffsetDeleteResponse.topics")
            var items: [OffsetDeleteResponseTopic] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try OffsetDeleteResponseTopic(from: &buffer, version: version))
            }
            self.topics = items
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        buffer.writeInt16(self.errorCode)
        buffer.writeInt32(self.throttleTimeMs)
        buffer.writeKafkaArrayCount(self.topics.count, compact: false)
        for element in self.topics {
            element.write(to: &buffer, version: version)
        }
    }
}

extension OffsetDeleteResponse {
    /// The responses for each topic.
    public struct OffsetDeleteResponseTopic: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var name: String = ""

        /// The responses for each partition in the topic. (versions 0+)
        public var partitions: [OffsetDeleteResponsePartition] = []

        public init(
            name: String = "",
            partitions: [OffsetDeleteResponsePartition] = []
        ) {
            self.name = name
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.name = try buffer.readKafkaString(compact: false, field: "OffsetDeleteResponseTopic.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: false, field: "OffsetDeleteResponseTopic.partitions")
                var items: [OffsetDeleteResponsePartition] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try OffsetDeleteResponsePartition(from: &buffer, version: version))
                }
                self.partitions = items
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeKafkaString(self.name, compact: false)
            buffer.writeKafkaArrayCount(self.partitions.count, compact: false)
            for element in self.partitions {
                element.write(to: &buffer, version: version)
            }
        }
    }
}

extension OffsetDeleteResponse {
    /// The responses for each partition in the topic.
    public struct OffsetDeleteResponsePartition: Sendable, Hashable {
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
            self.partitionIndex = try buffer.readInt32(field: "OffsetDeleteResponsePartition.partitionIndex")
            self.errorCode = try buffer.readInt16(field: "OffsetDeleteResponsePartition.errorCode")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeInt32(self.partitionIndex)
            buffer.writeInt16(self.errorCode)
        }
    }
}
