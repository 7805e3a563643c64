// DO NOT EDIT: generated from ListOffsetsResponse.json by samsa-codegen

import NIOCore

/// The ListOffsets response body (API key 2), versions 0-10 (flexible 6+). Generated from
/// ListOffsetsResponse.json.
public struct ListOffsetsResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .listOffsets  // 2
    public static let validVersions: ClosedRange<Int16> = 0...10
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 6...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 6 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 2+)
    public var throttleTimeMs: Int32 = 0

    /// Each topic in the response. (versions 0+)
    public var topics: [ListOffsetsTopicResponse] = []

    public init(
        throttleTimeMs: Int32 = 0,
        topics: [ListOffsetsTopicResponse] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("ListOffsetsResponse", version, Self.validVersions)
        }
        let flexible = version >= 6
        if version >= 2 {
            self.throttleTimeMs = try buffer.readInt32(field: "ListOffsetsResponse.throttleTimeMs")
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "ListOffsetsResponse.topics")
            var items: [ListOffsetsTopicResponse] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try ListOffsetsTopicResponse(from: &buffer, version: version))
            }
            self.topics = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "ListOffsetsResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 6
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

extension ListOffsetsResponse {
    /// Each topic in the response.
    public struct ListOffsetsTopicResponse: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var name: String = ""

        /// Each partition in the response. (versions 0+)
        public var partitions: [ListOffsetsPartitionResponse] = []

        public init(
            name: String = "",
            partitions: [ListOffsetsPartitionResponse] = []
        ) {
            self.name = name
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 6
            self.name = try buffer.readKafkaString(compact: flexible, field: "ListOffsetsTopicResponse.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "ListOffsetsTopicResponse.partitions")
                var items: [ListOffsetsPartitionResponse] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try ListOffsetsPartitionResponse(from: &buffer, version: version))
                }
                self.partitions = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "ListOffsetsTopicResponse tagged fields")
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

extension ListOffsetsResponse {
    /// Each partition in the response.
    public struct ListOffsetsPartitionResponse: Sendable, Hashable {
        /// The partition index. (versions 0+)
        public var partitionIndex: Int32 = 0

        /// The partition error code, or 0 if there was no error. (versions 0+)
        public var errorCode: Int16 = 0

        /// The result offsets. (versions 0)
        public var oldStyleOffsets: [Int64] = []

        /// The timestamp associated with the returned offset. (versions 1+)
        public var timestamp: Int64 = -1

        /// The returned offset. (versions 1+)
        public var offset: Int64 = -1

        /// (versions 4+)
        public var leaderEpoch: Int32 = -1

        public init(
            partitionIndex: Int32 = 0,
            errorCode: Int16 = 0,
            oldStyleOffsets: [Int64] = [],
            timestamp: Int64 = -1,
            offset: Int64 = -1,
            leaderEpoch: Int32 = -1
        ) {
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
            self.oldStyleOffsets = oldStyleOffsets
            self.timestamp = timestamp
            self.offset = offset
            self.leaderEpoch = leaderEpoch
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 6
            self.partitionIndex = try buffer.readInt32(field: "ListOffsetsPartitionResponse.partitionIndex")
            self.errorCode = try buffer.readInt16(field: "ListOffsetsPartitionResponse.errorCode")
            if version <= 0 {
                do {
                    let count = try buffer.readKafkaArrayCount(compact: false, field: "ListOffsetsPartitionResponse.oldStyleOffsets")
                    var items: [Int64] = []
                    items.reserveCapacity(Swift.min(count, 1024))
                    for _ in 0..<count {
                        items.append(try buffer.readInt64(field: "ListOffsetsPartitionResponse.oldStyleOffsets"))
                    }
                    self.oldStyleOffsets = items
                }
            }
            if version >= 1 {
                self.timestamp = try buffer.readInt64(field: "ListOffsetsPartitionResponse.timestamp")
            }
            if version >= 1 {
                self.offset = try buffer.readInt64(field: "ListOffsetsPartitionResponse.offset")
            }
            if version >= 4 {
                self.leaderEpoch = try buffer.readInt32(field: "ListOffsetsPartitionResponse.leaderEpoch")
            }
            if flexible {
                try buffer.skipTaggedFields(field: "ListOffsetsPartitionResponse tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 6
            buffer.writeInt32(self.partitionIndex)
            buffer.writeInt16(self.errorCode)
            if version <= 0 {
                buffer.writeKafkaArrayCount(self.oldStyleOffsets.count, compact: false)
                for element in self.oldStyleOffsets {
                    buffer.writeInt64(element)
                }
            }
            if version >= 1 {
                buffer.writeInt64(self.timestamp)
            }
            if version >= 1 {
                buffer.writeInt64(self.offset)
            }
            if version >= 4 {
                buffer.writeInt32(self.leaderEpoch)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
