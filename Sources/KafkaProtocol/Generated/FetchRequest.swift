// DO NOT EDIT: generated from FetchRequest.json by samsa-codegen

import NIOCore

/// The Fetch request body (API key 1), versions 0-17 (flexible 12+). Generated from FetchRequest.json.
public struct FetchRequest: KafkaRequest, Hashable {
    public typealias Response = FetchResponse
    public static let apiKey: ApiKey = .fetch  // 1
    public static let validVersions: ClosedRange<Int16> = 0...17
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 12...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 12 }

    /// The clusterId if known. This is used to validate metadata fetches prior to broker registration.
    /// (versions 12+; nullable 12+; tagged 12+, tag 0)
    public var clusterId: String? = nil

    /// The broker ID of the follower, of -1 if this request is from a consumer. (versions 0-14)
    public var replicaId: Int32 = -1

    /// (versions 15+; tagged 15+, tag 1)
    public var replicaState: ReplicaState = ReplicaState()

    /// The maximum time in milliseconds to wait for the response. (versions 0+)
    public var maxWaitMs: Int32 = 0

    /// The minimum bytes to accumulate in the response. (versions 0+)
    public var minBytes: Int32 = 0

    /// The maximum bytes to fetch. See KIP-74 for cases where this limit may not be honored. (versions 3+)
    public var maxBytes: Int32 = 0x7fffffff

    /// This setting controls the visibility of transactional records. Using READ_UNCOMMITTED
    /// (isolation_level = 0) makes all records visible. With READ_COMMITTED (isolation_level = 1),
    /// non-transactional and COMMITTED transactional records are visible. To be more concrete,
    /// READ_COMMITTED returns all data from offsets smaller than the current LSO (last stable offset), and
    /// enables the inclusion of the list of aborted transactions in the result, which allows consumers to
    /// discard ABORTED transactional records. (versions 4+)
    public var isolationLevel: Int8 = 0

    /// The fetch session ID. (versions 7+)
    public var sessionId: Int32 = 0

    /// The fetch session epoch, which is used for ordering requests in a session. (versions 7+)
    public var sessionEpoch: Int32 = -1

    /// The topics to fetch. (versions 0+)
    public var topics: [FetchTopic] = []

    /// In an incremental fetch request, the partitions to remove. (versions 7+)
    public var forgottenTopicsData: [ForgottenTopic] = []

    /// Rack ID of the consumer making this request. (versions 11+)
    public var rackId: String = ""

    public init(
        clusterId: String? = nil,
        replicaId: Int32 = -1,
        replicaState: ReplicaState = ReplicaState(),
        maxWaitMs: Int32 = 0,
        minBytes: Int32 = 0,
        maxBytes: Int32 = 0x7fffffff,
        isolationLevel: Int8 = 0,
        sessionId: Int32 = 0,
        sessionEpoch: Int32 = -1,
        topics: [FetchTopic] = [],
        forgottenTopicsData: [ForgottenTopic] = [],
        rackId: String = ""
    ) {
        self.clusterId = clusterId
        self.replicaId = replicaId
        self.replicaState = replicaState
        self.maxWaitMs = maxWaitMs
        self.minBytes = minBytes
        self.maxBytes = maxBytes
        self.isolationLevel = isolationLevel
        self.sessionId = sessionId
        self.sessionEpoch = sessionEpoch
        self.topics = topics
        self.forgottenTopicsData = forgottenTopicsData
        self.rackId = rackId
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("FetchRequest", version, Self.validVersions)
        }
        let flexible = version >= 12
        if version <= 14 {
            self.replicaId = try buffer.readInt32(field: "FetchRequest.replicaId")
        }
        self.maxWaitMs = try buffer.readInt32(field: "FetchRequest.maxWaitMs")
        self.minBytes = try buffer.readInt32(field: "FetchRequest.minBytes")
        if version >= 3 {
            self.maxBytes = try buffer.readInt32(field: "FetchRequest.maxBytes")
        }
        if version >= 4 {
            self.isolationLevel = try buffer.readInt8(field: "FetchRequest.isolationLevel")
        }
        if version >= 7 {
            self.sessionId = try buffer.readInt32(field: "FetchRequest.sessionId")
        }
        if version >= 7 {
            self.sessionEpoch = try buffer.readInt32(field: "FetchRequest.sessionEpoch")
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "FetchRequest.topics")
            var items: [FetchTopic] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try FetchTopic(from: &buffer, version: version))
            }
            self.topics = items
        }
        if version >= 7 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "FetchRequest.forgottenTopicsData")
                var items: [ForgottenTopic] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try ForgottenTopic(from: &buffer, version: version))
                }
                self.forgottenTopicsData = items
            }
        }
        if version >= 11 {
            self.rackId = try buffer.readKafkaString(compact: flexible, field: "FetchRequest.rackId")
        }
        if flexible {
            let taggedFieldCount = try buffer.readUnsignedVarint(field: "FetchRequest tagged fields")
            for _ in 0..<taggedFieldCount {
                let tag = try buffer.readUnsignedVarint(field: "FetchRequest tagged fields")
                var value = try buffer.readTaggedFieldValue(field: "FetchRequest tagged fields")
                switch tag {
                case 0:
                    self.clusterId = try value.readKafkaNullableString(compact: true, field: "FetchRequest.clusterId")
                case 1 where version >= 15:
                    self.replicaState = try ReplicaState(from: &value, version: version)
                default:
                    break
                }
            }
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 12
        if version <= 14 {
            buffer.writeInt32(self.replicaId)
        }
        buffer.writeInt32(self.maxWaitMs)
        buffer.writeInt32(self.minBytes)
        if version >= 3 {
            buffer.writeInt32(self.maxBytes)
        }
        if version >= 4 {
            buffer.writeInt8(self.isolationLevel)
        }
        if version >= 7 {
            buffer.writeInt32(self.sessionId)
        }
        if version >= 7 {
            buffer.writeInt32(self.sessionEpoch)
        }
        buffer.writeKafkaArrayCount(self.topics.count, compact: flexible)
        for element in self.topics {
            element.write(to: &buffer, version: version)
        }
        if version >= 7 {
            buffer.writeKafkaArrayCount(self.forgottenTopicsData.count, compact: flexible)
            for element in self.forgottenTopicsData {
                element.write(to: &buffer, version: version)
            }
        }
        if version >= 11 {
            buffer.writeKafkaString(self.rackId, compact: flexible)
        }
        if flexible {
            var taggedFieldCount: UInt32 = 0
            if self.clusterId != nil { taggedFieldCount += 1 }
            if version >= 15, self.replicaState != ReplicaState() { taggedFieldCount += 1 }
            buffer.writeUnsignedVarint(taggedFieldCount)
            if self.clusterId != nil {
                buffer.writeTaggedField(tag: 0) { value in
                    value.writeKafkaNullableString(self.clusterId, compact: true)
                }
            }
            if version >= 15, self.replicaState != ReplicaState() {
                buffer.writeTaggedField(tag: 1) { value in
                    self.replicaState.write(to: &value, version: version)
                }
            }
        }
    }
}

extension FetchRequest {
    public struct ReplicaState: Sendable, Hashable {
        /// The replica ID of the follower, or -1 if this request is from a consumer. (versions 15+)
        public var replicaId: Int32 = -1

        /// The epoch of this follower, or -1 if not available. (versions 15+)
        public var replicaEpoch: Int64 = -1

        public init(
            replicaId: Int32 = -1,
            replicaEpoch: Int64 = -1
        ) {
            self.replicaId = replicaId
            self.replicaEpoch = replicaEpoch
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.replicaId = try buffer.readInt32(field: "ReplicaState.replicaId")
            self.replicaEpoch = try buffer.readInt64(field: "ReplicaState.replicaEpoch")
            try buffer.skipTaggedFields(field: "ReplicaState tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeInt32(self.replicaId)
            buffer.writeInt64(self.replicaEpoch)
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension FetchRequest {
    /// The topics to fetch.
    public struct FetchTopic: Sendable, Hashable {
        /// The name of the topic to fetch. (versions 0-12)
        public var topic: String = ""

        /// The unique topic ID. (versions 13+)
        public var topicId: KafkaUUID = KafkaUUID.zero

        /// The partitions to fetch. (versions 0+)
        public var partitions: [FetchPartition] = []

        public init(
            topic: String = "",
            topicId: KafkaUUID = KafkaUUID.zero,
            partitions: [FetchPartition] = []
        ) {
            self.topic = topic
            self.topicId = topicId
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 12
            if version <= 12 {
                self.topic = try buffer.readKafkaString(compact: flexible, field: "FetchTopic.topic")
            }
            if version >= 13 {
                self.topicId = try buffer.readKafkaUUID(field: "FetchTopic.topicId")
            }
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "FetchTopic.partitions")
                var items: [FetchPartition] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try FetchPartition(from: &buffer, version: version))
                }
                self.partitions = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "FetchTopic tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 12
            if version <= 12 {
                buffer.writeKafkaString(self.topic, compact: flexible)
            }
            if version >= 13 {
                buffer.writeKafkaUUID(self.topicId)
            }
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

extension FetchRequest {
    /// The partitions to fetch.
    public struct FetchPartition: Sendable, Hashable {
        /// The partition index. (versions 0+)
        public var partition: Int32 = 0

        /// The current leader epoch of the partition. (versions 9+)
        public var currentLeaderEpoch: Int32 = -1

        /// The message offset. (versions 0+)
        public var fetchOffset: Int64 = 0

        /// The epoch of the last fetched record or -1 if there is none. (versions 12+)
        public var lastFetchedEpoch: Int32 = -1

        /// The earliest available offset of the follower replica. The field is only used when the request is
        /// sent by the follower. (versions 5+)
        public var logStartOffset: Int64 = -1

        /// The maximum bytes to fetch from this partition. See KIP-74 for cases where this limit may not be
        /// honored. (versions 0+)
        public var partitionMaxBytes: Int32 = 0

        /// The directory id of the follower fetching. (versions 17+; tagged 17+, tag 0)
        public var replicaDirectoryId: KafkaUUID = KafkaUUID.zero

        public init(
            partition: Int32 = 0,
            currentLeaderEpoch: Int32 = -1,
            fetchOffset: Int64 = 0,
            lastFetchedEpoch: Int32 = -1,
            logStartOffset: Int64 = -1,
            partitionMaxBytes: Int32 = 0,
            replicaDirectoryId: KafkaUUID = KafkaUUID.zero
        ) {
            self.partition = partition
            self.currentLeaderEpoch = currentLeaderEpoch
            self.fetchOffset = fetchOffset
            self.lastFetchedEpoch = lastFetchedEpoch
            self.logStartOffset = logStartOffset
            self.partitionMaxBytes = partitionMaxBytes
            self.replicaDirectoryId = replicaDirectoryId
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 12
            self.partition = try buffer.readInt32(field: "FetchPartition.partition")
            if version >= 9 {
                self.currentLeaderEpoch = try buffer.readInt32(field: "FetchPartition.currentLeaderEpoch")
            }
            self.fetchOffset = try buffer.readInt64(field: "FetchPartition.fetchOffset")
            if version >= 12 {
                self.lastFetchedEpoch = try buffer.readInt32(field: "FetchPartition.lastFetchedEpoch")
            }
            if version >= 5 {
                self.logStartOffset = try buffer.readInt64(field: "FetchPartition.logStartOffset")
            }
            self.partitionMaxBytes = try buffer.readInt32(field: "FetchPartition.partitionMaxBytes")
            if flexible {
                let taggedFieldCount = try buffer.readUnsignedVarint(field: "FetchPartition tagged fields")
                for _ in 0..<taggedFieldCount {
                    let tag = try buffer.readUnsignedVarint(field: "FetchPartition tagged fields")
                    var value = try buffer.readTaggedFieldValue(field: "FetchPartition tagged fields")
                    switch tag {
                    case 0 where version >= 17:
                        self.replicaDirectoryId = try value.readKafkaUUID(field: "FetchPartition.replicaDirectoryId")
                    default:
                        break
                    }
                }
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 12
            buffer.writeInt32(self.partition)
            if version >= 9 {
                buffer.writeInt32(self.currentLeaderEpoch)
            }
            buffer.writeInt64(self.fetchOffset)
            if version >= 12 {
                buffer.writeInt32(self.lastFetchedEpoch)
            }
            if version >= 5 {
                buffer.writeInt64(self.logStartOffset)
            }
            buffer.writeInt32(self.partitionMaxBytes)
            if flexible {
                var taggedFieldCount: UInt32 = 0
                if version >= 17, self.replicaDirectoryId != KafkaUUID.zero { taggedFieldCount += 1 }
                buffer.writeUnsignedVarint(taggedFieldCount)
                if version >= 17, self.replicaDirectoryId != KafkaUUID.zero {
                    buffer.writeTaggedField(tag: 0) { value in
                        value.writeKafkaUUID(self.replicaDirectoryId)
                    }
                }
            }
        }
    }
}

extension FetchRequest {
    /// In an incremental fetch request, the partitions to remove.
    public struct ForgottenTopic: Sendable, Hashable {
        /// The topic name. (versions 7-12)
        public var topic: String = ""

        /// The unique topic ID. (versions 13+)
        public var topicId: KafkaUUID = KafkaUUID.zero

        /// The partitions indexes to forget. (versions 7+)
        public var partitions: [Int32] = []

        public init(
            topic: String = "",
            topicId: KafkaUUID = KafkaUUID.zero,
            partitions: [Int32] = []
        ) {
            self.topic = topic
            self.topicId = topicId
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 12
            if version <= 12 {
                self.topic = try buffer.readKafkaString(compact: flexible, field: "ForgottenTopic.topic")
            }
            if version >= 13 {
                self.topicId = try buffer.readKafkaUUID(field: "ForgottenTopic.topicId")
            }
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "ForgottenTopic.partitions")
                var items: [Int32] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readInt32(field: "ForgottenTopic.partitions"))
                }
                self.partitions = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "ForgottenTopic tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 12
            if version <= 12 {
                buffer.writeKafkaString(self.topic, compact: flexible)
            }
            if version >= 13 {
                buffer.writeKafkaUUID(self.topicId)
            }
            buffer.writeKafkaArrayCount(self.partitions.count, compact: flexible)
            for element in self.partitions {
                buffer.writeInt32(element)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
