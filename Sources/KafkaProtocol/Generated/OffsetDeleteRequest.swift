// DO NOT EDIT: generated from OffsetDeleteRequest.json by samsa-codegen

import NIOCore

/// The OffsetDelete request body (API key 47), versions 0. Generated from OffsetDeleteRequest.json.
public struct OffsetDeleteRequest: KafkaRequest, Hashable {
    public typealias Response = OffsetDeleteResponse
    public static let apiKey: ApiKey = .offsetDelete  // 47
    public static let validVersions: ClosedRange<Int16> = 0...0
    public static let flexibleVersions: PartialRangeFrom<Int16>? = nil

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { false }

    /// The unique group identifier. (versions 0+)
    public var groupId: String = ""

    /// The topics to delete offsets for. (versions 0+)
    public var topics: [OffsetDeleteRequestTopic] = []

    public init(
        groupId: String = "",
        topics: [OffsetDeleteRequestTopic] = []
    ) {
        self.groupId = groupId
        self.topics = topics
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("OffsetDeleteRequest", version, Self.validVersions)
        }
        self.groupId = try buffer.readKafkaString(compact: false, field: "OffsetDeleteRequest.groupId")
        do {
            let count = try buffer.readKafkaArrayCount(compact: false, field: "OffsetDeleteRequest.topics")
            var items: [OffsetDeleteRequestTopic] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try OffsetDeleteRequestTopic(from: &buffer, version: version))
            }
            self.topics = items
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        buffer.writeKafkaString(self.groupId, compact: false)
        buffer.writeKafkaArrayCount(self.topics.count, compact: false)
        for element in self.topics {
            element.write(to: &buffer, version: version)
        }
    }
}

extension OffsetDeleteRequest {
    /// The topics to delete offsets for
    public struct OffsetDeleteRequestTopic: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var name: String = ""

        /// Each partition to delete offsets for. (versions 0+)
        public var partitions: [OffsetDeleteRequestPartition] = []

        public init(
            name: String = "",
            partitions: [OffsetDeleteRequestPartition] = []
        ) {
            self.name = name
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.name = try buffer.readKafkaString(compact: false, field: "OffsetDeleteRequestTopic.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: false, field: "OffsetDeleteRequestTopic.partitions")
                var items: [OffsetDeleteRequestPartition] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try OffsetDeleteRequestPartition(from: &buffer, version: version))
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

extension OffsetDeleteRequest {
    /// Each partition to delete offsets for.
    public struct OffsetDeleteRequestPartition: Sendable, Hashable {
        /// The partition index. (versions 0+)
        public var partitionIndex: Int32 = 0

        public init(
            partitionIndex: Int32 = 0
        ) {
            self.partitionIndex = partitionIndex
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.partitionIndex = try buffer.readInt32(field: "OffsetDeleteRequestPartition.partitionIndex")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeInt32(self.partitionIndex)
        }
    }
}
