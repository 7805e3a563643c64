// DO NOT EDIT: generated from ListOffsetsRequest.json by samsa-codegen

import NIOCore

/// The ListOffsets request body (API key 2), versions 0-10 (flexible 6+). Generated from
/// ListOffsetsRequest.json.
public struct ListOffsetsRequest: KafkaRequest, Hashable {
    public typealias Response = ListOffsetsResponse
    public static let apiKey: ApiKey = .listOffsets  // 2
    public static let validVersions: ClosedRange<Int16> = 0...10
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 6...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 6 }

    /// The broker ID of the requester, or -1 if this request is being made by a normal consumer. (versions
    /// 0+)
    public var replicaId: Int32 = 0

    /// This setting controls the visibility of transactional records. Using READ_UNCOMMITTED
    /// (isolation_level = 0) makes all records visible. With READ_COMMITTED (isolation_level = 1),
    /// non-transactional and COMMITTED transactional records are visible. To be more concrete,
    /// READ_COMMITTED returns all data from offsets smaller than the current LSO (last stable offset), and
    /// enables the inclusion of the list of aborted transactions in the result, which allows consumers to
    /// discard ABORTED transactional records. (versions 2+)
    public var isolationLevel: Int8 = 0

    /// Each topic in the request. (versions 0+)
    public var topics: [ListOffsetsTopic] = []

    /// The timeout to await a response in milliseconds for requests that require reading from remote
    /// storage for topics enabled with tiered storage. (versions 10+)
    public var timeoutMs: Int32 = 0

    public init(
        replicaId: Int32 = 0,
        isolationLevel: Int8 = 0,
        topics: [ListOffsetsTopic] = [],
        timeoutMs: Int32 = 0
    ) {
        self.replicaId = replicaId
        self.isolationLevel = isolationLevel
        self.topics = topics
        self.timeoutMs = timeoutMs
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("ListOffsetsRequest", version, Self.validVersions)
        }
        let flexible = version >= 6
        self.replicaId = try buffer.readInt32(field: "ListOffsetsRequest.replicaId")
        if version >= 2 {
            self.isolationLevel = try buffer.readInt8(field: "ListOffsetsRequest.isolationLevel")
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "ListOffsetsRequest.topics")
            var items: [ListOffsetsTopic] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try ListOffsetsTopic(from: &buffer, version: version))
            }
            self.topics = items
        }
        if version >= 10 {
            self.timeoutMs = try buffer.readInt32(field: "ListOffsetsRequest.timeoutMs")
        }
        if flexible {
            try buffer.skipTaggedFields(field: "ListOffsetsRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 6
        buffer.writeInt32(self.replicaId)
        if version >= 2 {
            buffer.writeInt8(self.isolationLevel)
        }
        buffer.writeKafkaArrayCount(self.topics.count, compact: flexible)
        for element in self.topics {
            element.write(to: &buffer, version: version)
        }
        if version >= 10 {
            buffer.writeInt32(self.timeoutMs)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension ListOffsetsRequest {
    /// Each topic in the request.
    public struct ListOffsetsTopic: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var name: String = ""

        /// Each partition in the request. (versions 0+)
        public var partitions: [ListOffsetsPartition] = []

        public init(
            name: String = "",
            partitions: [ListOffsetsPartition] = []
        ) {
            self.name = name
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 6
            self.name = try buffer.readKafkaString(compact: flexible, field: "ListOffsetsTopic.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "ListOffsetsTopic.partitions")
                var items: [ListOffsetsPartition] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try ListOffsetsPartition(from: &buffer, version: version))
                }
                self.partitions = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "ListOffsetsTopic tagged fields")
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

extension ListOffsetsRequest {
    /// Each partition in the request.
    public struct ListOffsetsPartition: Sendable, Hashable {
        /// The partition index. (versions 0+)
        public var partitionIndex: Int32 = 0

        /// The current leader epoch. (versions 4+)
        public var currentLeaderEpoch: Int32 = -1

        /// The current timestamp. (versions 0+)
        public var timestamp: Int64 = 0

        /// The maximum number of offsets to report. (versions 0)
        public var maxNumOffsets: Int32 = 1

        public init(
            partitionIndex: Int32 = 0,
            currentLeaderEpoch: Int32 = -1,
            timestamp: Int64 = 0,
            maxNumOffsets: Int32 = 1
        ) {
            self.partitionIndex = partitionIndex
            self.currentLeaderEpoch = currentLeaderEpoch
            self.timestamp = timestamp
            self.maxNumOffsets = maxNumOffsets
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 6
            self.partitionIndex = try buffer.readInt32(field: "ListOffsetsPartition.partitionIndex")
            if version >= 4 {
                self.currentLeaderEpoch = try buffer.readInt32(field: "ListOffsetsPartition.currentLeaderEpoch")
            }
            self.timestamp = try buffer.readInt64(field: "ListOffsetsPartition.timestamp")
            if version <= 0 {
                self.maxNumOffsets = try buffer.readInt32(field: "ListOffsetsPartition.maxNumOffsets")
            }
            if flexible {
                try buffer.skipTaggedFields(field: "ListOffsetsPartition tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 6
            buffer.writeInt32(self.partitionIndex)
            if version >= 4 {
                buffer.writeInt32(self.currentLeaderEpoch)
            }
            buffer.writeInt64(self.timestamp)
            if version <= 0 {
                buffer.writeInt32(self.maxNumOffsets)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
