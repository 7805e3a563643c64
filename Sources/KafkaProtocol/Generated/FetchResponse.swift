// DO NOT EDIT: generated from FetchResponse.json by samsa-codegen

import NIOCore

/// The Fetch response body (API key 1), versions 0-17 (flexible 12+). Generated from
/// FetchResponse.json.
public struct FetchResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .fetch  // 1
    public static let validVersions: ClosedRange<Int16> = 0...17
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 12...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 12 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 1+)
    public var throttleTimeMs: Int32 = 0

    /// The top level response error code. (versions 7+)
    public var errorCode: Int16 = 0

    /// The fetch session ID, or 0 if this is not part of a fetch session. (versions 7+)
    public var sessionId: Int32 = 0

    /// The response topics. (versions 0+)
    public var responses: [FetchableTopicResponse] = []

    /// Endpoints for all current-leaders enumerated in PartitionData, with errors NOT_LEADER_OR_FOLLOWER &
    /// FENCED_LEADER_EPOCH. (versions 16+; tagged 16+, tag 0)
    public var nodeEndpoints: [NodeEndpoint] = []

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        sessionId: Int32 = 0,
        responses: [FetchableTopicResponse] = [],
        nodeEndpoints: [NodeEndpoint] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.sessionId = sessionId
        self.responses = responses
        self.nodeEndpoints = nodeEndpoints
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("FetchResponse", version, Self.validVersions)
        }
        let flexible = version >= 12
        if version >= 1 {
            self.throttleTimeMs = try buffer.readInt32(field: "FetchResponse.throttleTimeMs")
        }
        if version >= 7 {
            self.errorCode = try buffer.readInt16(field: "FetchResponse.errorCode")
        }
        if version >= 7 {
            self.sessionId = try buffer.readInt32(field: "FetchResponse.sessionId")
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "FetchResponse.responses")
            var items: [FetchableTopicResponse] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try FetchableTopicResponse(from: &buffer, version: version))
            }
            self.responses = items
        }
        if flexible {
            let taggedFieldCount = try buffer.readUnsignedVarint(field: "FetchResponse tagged fields")
            for _ in 0..<taggedFieldCount {
                let tag = try buffer.readUnsignedVarint(field: "FetchResponse tagged fields")
                var value = try buffer.readTaggedFieldValue(field: "FetchResponse tagged fields")
                switch tag {
                case 0 where version >= 16:
                    do {
                        let count = try value.readKafkaArrayCount(compact: true, field: "FetchResponse.nodeEndpoints")
                        var items: [NodeEndpoint] = []
                        items.reserveCapacity(Swift.min(count, 1024))
                        for _ in 0..<count {
                            items.append(try NodeEndpoint(from: &value, version: version))
                        }
                        self.nodeEndpoints = items
                    }
                default:
                    break
                }
            }
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 12
        if version >= 1 {
            buffer.writeInt32(self.throttleTimeMs)
        }
        if version >= 7 {
            buffer.writeInt16(self.errorCode)
        }
        if version >= 7 {
            buffer.writeInt32(self.sessionId)
        }
        buffer.writeKafkaArrayCount(self.responses.count, compact: flexible)
        for element in self.responses {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            var taggedFieldCount: UInt32 = 0
            if version >= 16, !self.nodeEndpoints.isEmpty { taggedFieldCount += 1 }
            buffer.writeUnsignedVarint(taggedFieldCount)
            if version >= 16, !self.nodeEndpoints.isEmpty {
                buffer.writeTaggedField(tag: 0) { value in
                    value.writeKafkaArrayCount(self.nodeEndpoints.count, compact: true)
                    for element in self.nodeEndpoints {
                        element.write(to: &value, version: version)
                    }
                }
            }
        }
    }
}

extension FetchResponse {
    /// The response topics.
    public struct FetchableTopicResponse: Sendable, Hashable {
        /// The topic name. (versions 0-12)
        public var topic: String = ""

        /// The unique topic ID. (versions 13+)
        public var topicId: KafkaUUID = KafkaUUID.zero

        /// The topic partitions. (versions 0+)
        public var partitions: [PartitionData] = []

        public init(
            topic: String = "",
            topicId: KafkaUUID = KafkaUUID.zero,
            partitions: [PartitionData] = []
        ) {
            self.topic = topic
            self.topicId = topicId
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 12
            if version <= 12 {
                self.topic = try buffer.readKafkaString(compact: flexible, field: "FetchableTopicResponse.topic")
            }
            if version >= 13 {
                self.topicId = try buffer.readKafkaUUID(field: "FetchableTopicResponse.topicId")
            }
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "FetchableTopicResponse.partitions")
                var items: [PartitionData] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try PartitionData(from: &buffer, version: version))
                }
                self.partitions = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "FetchableTopicResponse tagged fields")
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

extension FetchResponse {
    /// The topic partitions.
    public struct PartitionData: Sendable, Hashable {
        /// The partition index. (versions 0+)
        public var partitionIndex: Int32 = 0

        /// The error code, or 0 if there was no fetch error. (versions 0+)
        public var errorCode: Int16 = 0

        /// The current high water mark. (versions 0+)
        public var highWatermark: Int64 = 0

        /// The last stable offset (or LSO) of the partition. This is the last offset such that the state of all
        /// transactional records prior to this offset have been decided (ABORTED or COMMITTED). (versions 4+)
        public var lastStableOffset: Int64 = -1

        /// The current log start offset. (versions 5+)
        public var logStartOffset: Int64 = -1

        /// In case divergence is detected based on the `LastFetchedEpoch` and `FetchOffset` in the request,
        /// this field indicates the largest epoch and its end offset such that subsequent records are known to
        /// diverge. (versions 12+; tagged 12+, tag 0)
        public var divergingEpoch: EpochEndOffset = EpochEndOffset()

        /// (versions 12+; tagged 12+, tag 1)
        public var currentLeader: LeaderIdAndEpoch = LeaderIdAndEpoch()

        /// In the case of fetching an offset less than the LogStartOffset, this is the end offset and epoch
        /// that should be used in the FetchSnapshot request. (versions 12+; tagged 12+, tag 2)
        public var snapshotId: SnapshotId = SnapshotId()

        /// The aborted transactions. (versions 4+; nullable 4+)
        public var abortedTransactions: [AbortedTransaction]? = nil

        /// The preferred read replica for the consumer to use on its next fetch request. (versions 11+)
        public var preferredReadReplica: Int32 = -1

        /// The record data. (versions 0+; nullable 0+)
        public var records: ByteBuffer? = nil

        public init(
            partitionIndex: Int32 = 0,
            errorCode: Int16 = 0,
            highWatermark: Int64 = 0,
            lastStableOffset: Int64 = -1,
            logStartOffset: Int64 = -1,
            divergingEpoch: EpochEndOffset = EpochEndOffset(),
            currentLeader: LeaderIdAndEpoch = LeaderIdAndEpoch(),
            snapshotId: SnapshotId = SnapshotId(),
            abortedTransactions: [AbortedTransaction]? = nil,
            preferredReadReplica: Int32 = -1,
            records: ByteBuffer? = nil
        ) {
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
            self.highWatermark = highWatermark
            self.lastStableOffset = lastStableOffset
            self.logStartOffset = logStartOffset
            self.divergingEpoch = divergingEpoch
            self.currentLeader = currentLeader
            self.snapshotId = snapshotId
            self.abortedTransactions = abortedTransactions
            self.preferredReadReplica = preferredReadReplica
            self.records = records
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 12
            self.partitionIndex = try buffer.readInt32(field: "PartitionData.partitionIndex")
            self.errorCode = try buffer.readInt16(field: "PartitionData.errorCode")
            self.highWatermark = try buffer.readInt64(field: "PartitionData.highWatermark")
            if version >= 4 {
                self.lastStableOffset = try buffer.readInt64(field: "PartitionData.lastStableOffset")
            }
            if version >= 5 {
                self.logStartOffset = try buffer.readInt64(field: "PartitionData.logStartOffset")
            }
            if version >= 4 {
                if let count = try buffer.readKafkaNullableArrayCount(compact: flexible, field: "PartitionData.abortedTransactions") {
                    var items: [AbortedTransaction] = []
                    items.reserveCapacity(Swift.min(count, 1024))
                    for _ in 0..<count {
                        items.append(try AbortedTransaction(from: &buffer, version: version))
                    }
                    self.abortedTransactions = items
                } else {
                    self.abortedTransactions = nil
                }
            }
            if version >= 11 {
                self.preferredReadReplica = try buffer.readInt32(field: "PartitionData.preferredReadReplica")
            }
            self.records = try buffer.readKafkaNullableBytes(compact: flexible, field: "PartitionData.records")
            if flexible {
                let taggedFieldCount = try buffer.readUnsignedVarint(field: "PartitionData tagged fields")
                for _ in 0..<taggedFieldCount {
                    let tag = try buffer.readUnsignedVarint(field: "PartitionData tagged fields")
                    var value = try buffer.readTaggedFieldValue(field: "PartitionData tagged fields")
                    switch tag {
                    case 0:
                        self.divergingEpoch = try EpochEndOffset(from: &value, version: version)
                    case 1:
                        self.currentLeader = try LeaderIdAndEpoch(from: &value, version: version)
                    case 2:
                        self.snapshotId = try SnapshotId(from: &value, version: version)
                    default:
                        break
                    }
                }
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 12
            buffer.writeInt32(self.partitionIndex)
            buffer.writeInt16(self.errorCode)
            buffer.writeInt64(self.highWatermark)
            if version >= 4 {
                buffer.writeInt64(self.lastStableOffset)
            }
            if version >= 5 {
                buffer.writeInt64(self.logStartOffset)
            }
            if version >= 4 {
                buffer.writeKafkaNullableArrayCount(self.abortedTransactions?.count, compact: flexible)
                for element in self.abortedTransactions ?? [] {
                    element.write(to: &buffer, version: version)
                }
            }
            if version >= 11 {
                buffer.writeInt32(self.preferredReadReplica)
            }
            buffer.writeKafkaNullableBytes(self.records, compact: flexible)
            if flexible {
                var taggedFieldCount: UInt32 = 0
                if self.divergingEpoch != EpochEndOffset() { taggedFieldCount += 1 }
                if self.currentLeader != LeaderIdAndEpoch() { taggedFieldCount += 1 }
                if self.snapshotId != SnapshotId() { taggedFieldCount += 1 }
                buffer.writeUnsignedVarint(taggedFieldCount)
                if self.divergingEpoch != EpochEndOffset() {
                    buffer.writeTaggedField(tag: 0) { value in
                        self.divergingEpoch.write(to: &value, version: version)
                    }
                }
                if self.currentLeader != LeaderIdAndEpoch() {
                    buffer.writeTaggedField(tag: 1) { value in
                        self.currentLeader.write(to: &value, version: version)
                    }
                }
                if self.snapshotId != SnapshotId() {
                    buffer.writeTaggedField(tag: 2) { value in
                        self.snapshotId.write(to: &value, version: version)
                    }
                }
            }
        }
    }
}

extension FetchResponse {
    /// In case divergence is detected based on the `LastFetchedEpoch` and `FetchOffset` in the request,
    /// this field indicates the largest epoch and its end offset such that subsequent records are known to
    /// diverge
    public struct EpochEndOffset: Sendable, Hashable {
        /// (versions 12+)
        public var epoch: Int32 = -1

        /// (versions 12+)
        public var endOffset: Int64 = -1

        public init(
            epoch: Int32 = -1,
            endOffset: Int64 = -1
        ) {
            self.epoch = epoch
            self.endOffset = endOffset
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.epoch = try buffer.readInt32(field: "EpochEndOffset.epoch")
            self.endOffset = try buffer.readInt64(field: "EpochEndOffset.endOffset")
            try buffer.skipTaggedFields(field: "EpochEndOffset tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeInt32(self.epoch)
            buffer.writeInt64(self.endOffset)
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension FetchResponse {
    public struct LeaderIdAndEpoch: Sendable, Hashable {
        /// The ID of the current leader or -1 if the leader is unknown. (versions 12+)
        public var leaderId: Int32 = -1

        /// The latest known leader epoch. (versions 12+)
        public var leaderEpoch: Int32 = -1

        public init(
            leaderId: Int32 = -1,
            leaderEpoch: Int32 = -1
        ) {
            self.leaderId = leaderId
            self.leaderEpoch = leaderEpoch
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.leaderId = try buffer.readInt32(field: "LeaderIdAndEpoch.leaderId")
            self.leaderEpoch = try buffer.readInt32(field: "LeaderIdAndEpoch.leaderEpoch")
            try buffer.skipTaggedFields(field: "LeaderIdAndEpoch tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeInt32(self.leaderId)
            buffer.writeInt32(self.leaderEpoch)
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension FetchResponse {
    /// In the case of fetching an offset less than the LogStartOffset, this is the end offset and epoch
    /// that should be used in the FetchSnapshot request.
    public struct SnapshotId: Sendable, Hashable {
        /// (versions 0+)
        public var endOffset: Int64 = -1

        /// (versions 0+)
        public var epoch: Int32 = -1

        public init(
            endOffset: Int64 = -1,
            epoch: Int32 = -1
        ) {
            self.endOffset = endOffset
            self.epoch = epoch
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.endOffset = try buffer.readInt64(field: "SnapshotId.endOffset")
            self.epoch = try buffer.readInt32(field: "SnapshotId.epoch")
            try buffer.skipTaggedFields(field: "SnapshotId tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeInt64(self.endOffset)
            buffer.writeInt32(self.epoch)
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension FetchResponse {
    /// The aborted transactions.
    public struct AbortedTransaction: Sendable, Hashable {
        /// The producer id associated with the aborted transaction. (versions 4+)
        public var producerId: Int64 = 0

        /// The first offset in the aborted transaction. (versions 4+)
        public var firstOffset: Int64 = 0

        public init(
            producerId: Int64 = 0,
            firstOffset: Int64 = 0
        ) {
            self.producerId = producerId
            self.firstOffset = firstOffset
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 12
            self.producerId = try buffer.readInt64(field: "AbortedTransaction.producerId")
            self.firstOffset = try buffer.readInt64(field: "AbortedTransaction.firstOffset")
            if flexible {
                try buffer.skipTaggedFields(field: "AbortedTransaction tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 12
            buffer.writeInt64(self.producerId)
            buffer.writeInt64(self.firstOffset)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension FetchResponse {
    /// Endpoints for all current-leaders enumerated in PartitionData, with errors NOT_LEADER_OR_FOLLOWER &
    /// FENCED_LEADER_EPOCH.
    public struct NodeEndpoint: Sendable, Hashable {
        /// The ID of the associated node. (versions 16+)
        public var nodeId: Int32 = 0

        /// The node's hostname. (versions 16+)
        public var host: String = ""

        /// The node's port. (versions 16+)
        public var port: Int32 = 0

        /// The rack of the node, or null if it has not been assigned to a rack. (versions 16+; nullable 16+)
        public var rack: String? = nil

        public init(
            nodeId: Int32 = 0,
            host: String = "",
            port: Int32 = 0,
            rack: String? = nil
        ) {
            self.nodeId = nodeId
            self.host = host
            self.port = port
            self.rack = rack
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.nodeId = try buffer.readInt32(field: "NodeEndpoint.nodeId")
            self.host = try buffer.readKafkaString(compact: true, field: "NodeEndpoint.host")
            self.port = try buffer.readInt32(field: "NodeEndpoint.port")
            self.rack = try buffer.readKafkaNullableString(compact: true, field: "NodeEndpoint.rack")
            try buffer.skipTaggedFields(field: "NodeEndpoint tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeInt32(self.nodeId)
            buffer.writeKafkaString(self.host, compact: true)
            buffer.writeInt32(self.port)
            buffer.writeKafkaNullableString(self.rack, compact: true)
            buffer.writeEmptyTaggedFields()
        }
    }
}
