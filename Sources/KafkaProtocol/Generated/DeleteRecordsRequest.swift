// DO NOT EDIT: generated from DeleteRecordsRequest.json by samsa-codegen

import NIOCore

/// The DeleteRecords request body (API key 21), versions 0-2 (flexible 2+). Generated from
/// DeleteRecordsRequest.json.
public struct DeleteRecordsRequest: KafkaRequest, Hashable {
    public typealias Response = DeleteRecordsResponse
    public static let apiKey: ApiKey = .deleteRecords  // 21
    public static let validVersions: ClosedRange<Int16> = 0...2
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 2...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 2 }

    /// Each topic that we want to delete records from. (versions 0+)
    public var topics: [DeleteRecordsTopic] = []

    /// How long to wait for the deletion to complete, in milliseconds. (versions 0+)
    public var timeoutMs: Int32 = 0

    public init(
        topics: [DeleteRecordsTopic] = [],
        timeoutMs: Int32 = 0
    ) {
        self.topics = topics
        self.timeoutMs = timeoutMs
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("DeleteRecordsRequest", version, Self.validVersions)
        }
        let flexible = version >= 2
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "DeleteRecordsRequest.topics")
            var items: [DeleteRecordsTopic] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try DeleteRecordsTopic(from: &buffer, version: version))
            }
            self.topics = items
        }
        self.timeoutMs = try buffer.readInt32(field: "DeleteRecordsRequest.timeoutMs")
        if flexible {
            try buffer.skipTaggedFields(field: "DeleteRecordsRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 2
        buffer.writeKafkaArrayCount(self.topics.count, compact: flexible)
        for element in self.topics {
            element.write(to: &buffer, version: version)
        }
        buffer.writeInt32(self.timeoutMs)
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension DeleteRecordsRequest {
    /// Each topic that we want to delete records from.
    public struct DeleteRecordsTopic: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var name: String = ""

        /// Each partition that we want to delete records from. (versions 0+)
        public var partitions: [DeleteRecordsPartition] = []

        public init(
            name: String = "",
            partitions: [DeleteRecordsPartition] = []
        ) {
            self.name = name
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 2
            self.name = try buffer.readKafkaString(compact: flexible, field: "DeleteRecordsTopic.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "DeleteRecordsTopic.partitions")
                var items: [DeleteRecordsPartition] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try DeleteRecordsPartition(from: &buffer, version: version))
                }
                self.partitions = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "DeleteRecordsTopic tagged fields")
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

extension DeleteRecordsRequest {
    /// Each partition that we want to delete records from.
    public struct DeleteRecordsPartition: Sendable, Hashable {
        /// The partition index. (versions 0+)
        public var partitionIndex: Int32 = 0

        /// The deletion offset. (versions 0+)
        public var offset: Int64 = 0

        public init(
            partitionIndex: Int32 = 0,
            offset: Int64 = 0
        ) {
            self.partitionIndex = partitionIndex
            self.offset = offset
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 2
            self.partitionIndex = try buffer.readInt32(field: "DeleteRecordsPartition.partitionIndex")
            self.offset = try buffer.readInt64(field: "DeleteRecordsPartition.offset")
            if flexible {
                try buffer.skipTaggedFields(field: "DeleteRecordsPartition tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 2
            buffer.writeInt32(self.partitionIndex)
            buffer.writeInt64(self.offset)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
