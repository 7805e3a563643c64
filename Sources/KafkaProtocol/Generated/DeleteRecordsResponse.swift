// DO NOT EDIT: generated from DeleteRecordsResponse.json by samsa-codegen

import NIOCore

/// The DeleteRecords response body (API key 21), versions 0-2 (flexible 2+). Generated from
/// DeleteRecordsResponse.json.
public struct DeleteRecordsResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .deleteRecords  // 21
    public static let validVersions: ClosedRange<Int16> = 0...2
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 2...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 2 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 0+)
    public var throttleTimeMs: Int32 = 0

    /// Each topic that we wanted to delete records from. (versions 0+)
    public var topics: [DeleteRecordsTopicResult] = []

    public init(
        throttleTimeMs: Int32 = 0,
        topics: [DeleteRecordsTopicResult] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("DeleteRecordsResponse", version, Self.validVersions)
        }
        let flexible = version >= 2
        self.throttleTimeMs = try buffer.readInt32(field: "DeleteRecordsResponse.throttleTimeMs")
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "DeleteRecordsResponse.topics")
            var items: [DeleteRecordsTopicResult] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try DeleteRecordsTopicResult(from: &buffer, version: version))
            }
            self.topics = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "DeleteRecordsResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 2
        buffer.writeInt32(self.throttleTimeMs)
        buffer.writeKafkaArrayCount(self.topics.count, compact: flexible)
        for element in self.topics {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension DeleteRecordsResponse {
    /// Each topic that we wanted to delete records from.
    public struct DeleteRecordsTopicResult: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var name: String = ""

        /// Each partition that we wanted to delete records from. (versions 0+)
        public var partitions: [DeleteRecordsPartitionResult] = []

        public init(
            name: String = "",
            partitions: [DeleteRecordsPartitionResult] = []
        ) {
            self.name = name
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 2
            self.name = try buffer.readKafkaString(compact: flexible, field: "DeleteRecordsTopicResult.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "DeleteRecordsTopicResult.partitions")
                var items: [DeleteRecordsPartitionResult] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try DeleteRecordsPartitionResult(from: &buffer, version: version))
                }
                self.partitions = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "DeleteRecordsTopicResult tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 2
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

extension DeleteRecordsResponse {
    /// Each partition that we wanted to delete records from.
    public struct DeleteRecordsPartitionResult: Sendable, Hashable {
        /// The partition index. (versions 0+)
        public var partitionIndex: Int32 = 0

        /// The partition low water mark. (versions 0+)
        public var lowWatermark: Int64 = 0

        /// The deletion error code, or 0 if the deletion succeeded. (versions 0+)
        public var errorCode: Int16 = 0

        public init(
            partitionIndex: Int32 = 0,
            lowWatermark: Int64 = 0,
            errorCode: Int16 = 0
        ) {
            self.partitionIndex = partitionIndex
            self.lowWatermark = lowWatermark
            self.errorCode = errorCode
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 2
            self.partitionIndex = try buffer.readInt32(field: "DeleteRecordsPartitionResult.partitionIndex")
            self.lowWatermark = try buffer.readInt64(field: "DeleteRecordsPartitionResult.lowWatermark")
            self.errorCode = try buffer.readInt16(field: "DeleteRecordsPartitionResult.errorCode")
            if flexible {
                try buffer.skipTaggedFields(field: "DeleteRecordsPartitionResult tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 2
            buffer.writeInt32(self.partitionIndex)
            buffer.writeInt64(self.lowWatermark)
            buffer.writeInt16(self.errorCode)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
