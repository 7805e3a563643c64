// DO NOT EDIT: generated from ProduceResponse.json by samsa-codegen

import NIOCore

/// The Produce response body (API key 0), versions 0-11 (flexible 9+). Generated from
/// ProduceResponse.json.
public struct ProduceResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .produce  // 0
    public static let validVersions: ClosedRange<Int16> = 0...11
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 9...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 9 }

    /// Each produce response. (versions 0+)
    public var responses: [TopicProduceResponse] = []

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 1+)
    public var throttleTimeMs: Int32 = 0

    /// Endpoints for all current-leaders enumerated in PartitionProduceResponses, with errors
    /// NOT_LEADER_OR_FOLLOWER. (versions 10+; tagged 10+, tag 0)
    public var nodeEndpoints: [NodeEndpoint] = []

    public init(
        responses: [TopicProduceResponse] = [],
        throttleTimeMs: Int32 = 0,
        nodeEndpoints: [NodeEndpoint] = []
    ) {
        self.responses = responses
        self.throttleTimeMs = throttleTimeMs
        self.nodeEndpoints = nodeEndpoints
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("ProduceResponse", version, Self.validVersions)
        }
        let flexible = version >= 9
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "ProduceResponse.responses")
            var items: [TopicProduceResponse] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try TopicProduceResponse(from: &buffer, version: version))
            }
            self.responses = items
        }
        if version >= 1 {
            self.throttleTimeMs = try buffer.readInt32(field: "ProduceResponse.throttleTimeMs")
        }
        if flexible {
            let taggedFieldCount = try buffer.readUnsignedVarint(field: "ProduceResponse tagged fields")
            for _ in 0..<taggedFieldCount {
                let tag = try buffer.readUnsignedVarint(field: "ProduceResponse tagged fields")
                var value = try buffer.readTaggedFieldValue(field: "ProduceResponse tagged fields")
                switch tag {
                case 0 where version >= 10:
                    do {
                        let count = try value.readKafkaArrayCount(compact: true, field: "ProduceResponse.nodeEndpoints")
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
        let flexible = version >= 9
        buffer.writeKafkaArrayCount(self.responses.count, compact: flexible)
        for element in self.responses {
            element.write(to: &buffer, version: version)
        }
        if version >= 1 {
            buffer.writeInt32(self.throttleTimeMs)
        }
        if flexible {
            var taggedFieldCount: UInt32 = 0
            if version >= 10, !self.nodeEndpoints.isEmpty { taggedFieldCount += 1 }
            buffer.writeUnsignedVarint(taggedFieldCount)
            if version >= 10, !self.nodeEndpoints.isEmpty {
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

extension ProduceResponse {
    /// Each produce response
    public struct TopicProduceResponse: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var name: String = ""

        /// Each partition that we produced to within the topic. (versions 0+)
        public var partitionResponses: [PartitionProduceResponse] = []

        public init(
            name: String = "",
            partitionResponses: [PartitionProduceResponse] = []
        ) {
            self.name = name
            self.partitionResponses = partitionResponses
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 9
            self.name = try buffer.readKafkaString(compact: flexible, field: "TopicProduceResponse.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "TopicProduceResponse.partitionResponses")
                var items: [PartitionProduceResponse] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try PartitionProduceResponse(from: &buffer, version: version))
                }
                self.partitionResponses = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "TopicProduceResponse tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 9
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaArrayCount(self.partitionResponses.count, compact: flexible)
            for element in self.partitionResponses {
                element.write(to: &buffer, version: version)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension ProduceResponse {
    /// Each partition that we produced to within the topic.
    public struct PartitionProduceResponse: Sendable, Hashable {
        /// The partition index. (versions 0+)
        public var index: Int32 = 0

        /// The error code, or 0 if there was no error. (versions 0+)
        public var errorCode: Int16 = 0

        /// The base offset. (versions 0+)
        public var baseOffset: Int64 = 0

        /// The timestamp returned by broker after appending the messages. If CreateTime is used for the topic,
        /// the timestamp will be -1. If LogAppendTime is used for the topic, the timestamp will be the broker
        /// local time when the messages are appended. (versions 2+)
        public var logAppendTimeMs: Int64 = -1

        /// The log start offset. (versions 5+)
        public var logStartOffset: Int64 = -1

        /// The batch indices of records that caused the batch to be dropped. (versions 8+)
        public var recordErrors: [BatchIndexAndErrorMessage] = []

        /// The global error message summarizing the common root cause of the records that caused the batch to
        /// be dropped. (versions 8+; nullable 8+)
        public var errorMessage: String? = nil

        /// (versions 10+; tagged 10+, tag 0)
        public var currentLeader: LeaderIdAndEpoch = LeaderIdAndEpoch()

        public init(
            index: Int32 = 0,
            errorCode: Int16 = 0,
            baseOffset: Int64 = 0,
            logAppendTimeMs: Int64 = -1,
            logStartOffset: Int64 = -1,
            recordErrors: [BatchIndexAndErrorMessage] = [],
            errorMessage: String? = nil,
            currentLeader: LeaderIdAndEpoch = LeaderIdAndEpoch()
        ) {
            self.index = index
            self.errorCode = errorCode
            self.baseOffset = baseOffset
            self.logAppendTimeMs = logAppendTimeMs
            self.logStartOffset = logStartOffset
            self.recordErrors = recordErrors
            self.errorMessage = errorMessage
            self.currentLeader = currentLeader
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 9
            self.index = try buffer.readInt32(field: "PartitionProduceResponse.index")
            self.errorCode = try buffer.readInt16(field: "PartitionProduceResponse.errorCode")
            self.baseOffset = try buffer.readInt64(field: "PartitionProduceResponse.baseOffset")
            if version >= 2 {
                self.logAppendTimeMs = try buffer.readInt64(field: "PartitionProduceResponse.logAppendTimeMs")
            }
            if version >= 5 {
                self.logStartOffset = try buffer.readInt64(field: "PartitionProduceResponse.logStartOffset")
            }
            if version >= 8 {
                do {
                    let count = try buffer.readKafkaArrayCount(compact: flexible, field: "PartitionProduceResponse.recordErrors")
                    var items: [BatchIndexAndErrorMessage] = []
                    items.reserveCapacity(Swift.min(count, 1024))
                    for _ in 0..<count {
                        items.append(try BatchIndexAndErrorMessage(from: &buffer, version: version))
                    }
                    self.recordErrors = items
                }
            }
            if version >= 8 {
                self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "PartitionProduceResponse.errorMessage")
            }
            if flexible {
                let taggedFieldCount = try buffer.readUnsignedVarint(field: "PartitionProduceResponse tagged fields")
                for _ in 0..<taggedFieldCount {
                    let tag = try buffer.readUnsignedVarint(field: "PartitionProduceResponse tagged fields")
                    var value = try buffer.readTaggedFieldValue(field: "PartitionProduceResponse tagged fields")
                    switch tag {
                    case 0 where version >= 10:
                        self.currentLeader = try LeaderIdAndEpoch(from: &value, version: version)
                    default:
                        break
                    }
                }
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 9
            buffer.writeInt32(self.index)
            buffer.writeInt16(self.errorCode)
            buffer.writeInt64(self.baseOffset)
            if version >= 2 {
                buffer.writeInt64(self.logAppendTimeMs)
            }
            if version >= 5 {
                buffer.writeInt64(self.logStartOffset)
            }
            if version >= 8 {
                buffer.writeKafkaArrayCount(self.recordErrors.count, compact: flexible)
                for element in self.recordErrors {
                    element.write(to: &buffer, version: version)
                }
            }
            if version >= 8 {
                buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            }
            if flexible {
                var taggedFieldCount: UInt32 = 0
                if version >= 10, self.currentLeader != LeaderIdAndEpoch() { taggedFieldCount += 1 }
                buffer.writeUnsignedVarint(taggedFieldCount)
                if version >= 10, self.currentLeader != LeaderIdAndEpoch() {
                    buffer.writeTaggedField(tag: 0) { value in
                        self.currentLeader.write(to: &value, version: version)
                    }
                }
            }
        }
    }
}

extension ProduceResponse {
    /// The batch indices of records that caused the batch to be dropped
    public struct BatchIndexAndErrorMessage: Sendable, Hashable {
        /// The batch index of the record that cause the batch to be dropped. (versions 8+)
        public var batchIndex: Int32 = 0

        /// The error message of the record that caused the batch to be dropped. (versions 8+; nullable 8+)
        public var batchIndexErrorMessage: String? = nil

        public init(
            batchIndex: Int32 = 0,
            batchIndexErrorMessage: String? = nil
        ) {
            self.batchIndex = batchIndex
            self.batchIndexErrorMessage = batchIndexErrorMessage
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 9
            self.batchIndex = try buffer.readInt32(field: "BatchIndexAndErrorMessage.batchIndex")
            self.batchIndexErrorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "BatchIndexAndErrorMessage.batchIndexErrorMessage")
            if flexible {
                try buffer.skipTaggedFields(field: "BatchIndexAndErrorMessage tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 9
            buffer.writeInt32(self.batchIndex)
            buffer.writeKafkaNullableString(self.batchIndexErrorMessage, compact: flexible)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension ProduceResponse {
    public struct LeaderIdAndEpoch: Sendable, Hashable {
        /// The ID of the current leader or -1 if the leader is unknown. (versions 10+)
        public var leaderId: Int32 = -1

        /// The latest known leader epoch. (versions 10+)
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

extension ProduceResponse {
    /// Endpoints for all current-leaders enumerated in PartitionProduceResponses, with errors
    /// NOT_LEADER_OR_FOLLOWER.
    public struct NodeEndpoint: Sendable, Hashable {
        /// The ID of the associated node. (versions 10+)
        public var nodeId: Int32 = 0

        /// The node's hostname. (versions 10+)
        public var host: String = ""

        /// The node's port. (versions 10+)
        public var port: Int32 = 0

        /// The rack of the node, or null if it has not been assigned to a rack. (versions 10+; nullable 10+)
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
