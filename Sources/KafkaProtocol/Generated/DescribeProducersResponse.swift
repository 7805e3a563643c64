// DO NOT EDIT: generated from DescribeProducersResponse.json by samsa-codegen

import NIOCore

/// The DescribeProducers response body (API key 61), versions 0 (flexible 0+). Generated from
/// DescribeProducersResponse.json.
public struct DescribeProducersResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .describeProducers  // 61
    public static let validVersions: ClosedRange<Int16> = 0...0
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 0...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 0 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 0+)
    public var throttleTimeMs: Int32 = 0

    /// Each topic in the response. (versions 0+)
    public var topics: [TopicResponse] = []

    public init(
        throttleTimeMs: Int32 = 0,
        topics: [TopicResponse] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("DescribeProducersResponse", version, Self.validVersions)
        }
        self.throttleTimeMs = try buffer.readInt32(field: "DescribeProducersResponse.throttleTimeMs")
        do {
            let count = try buffer.readKafkaArrayCount(compact: true, field: "DescribeProducersResponse.topics")
            var items: [TopicResponse] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try TopicResponse(from: &buffer, version: version))
            }
            self.topics = items
        }
        try buffer.skipTaggedFields(field: "DescribeProducersResponse tagged fields")
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        buffer.writeInt32(self.throttleTimeMs)
        buffer.writeKafkaArrayCount(self.topics.count, compact: true)
        for element in self.topics {
            element.write(to: &buffer, version: version)
        }
        buffer.writeEmptyTaggedFields()
    }
}

extension DescribeProducersResponse {
    /// Each topic in the response.
    public struct TopicResponse: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var name: String = ""

        /// Each partition in the response. (versions 0+)
        public var partitions: [PartitionResponse] = []

        public init(
            name: String = "",
            partitions: [PartitionResponse] = []
        ) {
            self.name = name
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.name = try buffer.readKafkaString(compact: true, field: "TopicResponse.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "TopicResponse.partitions")
                var items: [PartitionResponse] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try PartitionResponse(from: &buffer, version: version))
                }
                self.partitions = items
            }
            try buffer.skipTaggedFields(field: "TopicResponse tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeKafkaString(self.name, compact: true)
            buffer.writeKafkaArrayCount(self.partitions.count, compact: true)
            for element in self.partitions {
                element.write(to: &buffer, version: version)
            }
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension DescribeProducersResponse {
    /// Each partition in the response.
    public struct PartitionResponse: Sendable, Hashable {
        /// The partition index. (versions 0+)
        public var partitionIndex: Int32 = 0

        /// The partition error code, or 0 if there was no error. (versions 0+)
        public var errorCode: Int16 = 0

        /// The partition error message, which may be null if no additional details are available. (versions 0+;
        /// nullable 0+)
        public var errorMessage: String? = nil

        /// (versions 0+)
        public var activeProducers: [ProducerState] = []

        public init(
            partitionIndex: Int32 = 0,
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            activeProducers: [ProducerState] = []
        ) {
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.activeProducers = activeProducers
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.partitionIndex = try buffer.readInt32(field: "PartitionResponse.partitionIndex")
            self.errorCode = try buffer.readInt16(field: "PartitionResponse.errorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: true, field: "PartitionResponse.errorMessage")
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "PartitionResponse.activeProducers")
                var items: [ProducerState] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try ProducerState(from: &buffer, version: version))
                }
                self.activeProducers = items
            }
            try buffer.skipTaggedFields(field: "PartitionResponse tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeInt32(self.partitionIndex)
            buffer.writeInt16(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: true)
            buffer.writeKafkaArrayCount(self.activeProducers.count, compact: true)
            for element in self.activeProducers {
                element.write(to: &buffer, version: version)
            }
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension DescribeProducersResponse {
    public struct ProducerState: Sendable, Hashable {
        /// (versions 0+)
        public var producerId: Int64 = 0

        /// (versions 0+)
        public var producerEpoch: Int32 = 0

        /// (versions 0+)
        public var lastSequence: Int32 = -1

        /// (versions 0+)
        public var lastTimestamp: Int64 = -1

        /// (versions 0+)
        public var coordinatorEpoch: Int32 = 0

        /// (versions 0+)
        public var currentTxnStartOffset: Int64 = -1

        public init(
            producerId: Int64 = 0,
            producerEpoch: Int32 = 0,
            lastSequence: Int32 = -1,
            lastTimestamp: Int64 = -1,
            coordinatorEpoch: Int32 = 0,
            currentTxnStartOffset: Int64 = -1
        ) {
            self.producerId = producerId
            self.producerEpoch = producerEpoch
            self.lastSequence = lastSequence
            self.lastTimestamp = lastTimestamp
            self.coordinatorEpoch = coordinatorEpoch
            self.currentTxnStartOffset = currentTxnStartOffset
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.producerId = try buffer.readInt64(field: "ProducerState.producerId")
            self.producerEpoch = try buffer.readInt32(field: "ProducerState.producerEpoch")
            self.lastSequence = try buffer.readInt32(field: "ProducerState.lastSequence")
            self.lastTimestamp = try buffer.readInt64(field: "ProducerState.lastTimestamp")
            self.coordinatorEpoch = try buffer.readInt32(field: "ProducerState.coordinatorEpoch")
            self.currentTxnStartOffset = try buffer.readInt64(field: "ProducerState.currentTxnStartOffset")
            try buffer.skipTaggedFields(field: "ProducerState tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeInt64(self.producerId)
            buffer.writeInt32(self.producerEpoch)
            buffer.writeInt32(self.lastSequence)
            buffer.writeInt64(self.lastTimestamp)
            buffer.writeInt32(self.coordinatorEpoch)
            buffer.writeInt64(self.currentTxnStartOffset)
            buffer.writeEmptyTaggedFields()
        }
    }
}
