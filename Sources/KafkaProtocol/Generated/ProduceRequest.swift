// DO NOT EDIT: generated from ProduceRequest.json by samsa-codegen

import NIOCore

/// The Produce request body (API key 0), versions 0-11 (flexible 9+). Generated from
/// ProduceRequest.json.
public struct ProduceRequest: KafkaRequest, Hashable {
    public typealias Response = ProduceResponse
    public static let apiKey: ApiKey = .produce  // 0
    public static let validVersions: ClosedRange<Int16> = 0...11
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 9...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 9 }

    /// The transactional ID, or null if the producer is not transactional. (versions 3+; nullable 3+)
    public var transactionalId: String? = nil

    /// The number of acknowledgments the producer requires the leader to have received before considering a
    /// request complete. Allowed values: 0 for no acknowledgments, 1 for only the leader and -1 for the
    /// full ISR. (versions 0+)
    public var acks: Int16 = 0

    /// The timeout to await a response in milliseconds. (versions 0+)
    public var timeoutMs: Int32 = 0

    /// Each topic to produce to. (versions 0+)
    public var topicData: [TopicProduceData] = []

    public init(
        transactionalId: String? = nil,
        acks: Int16 = 0,
        timeoutMs: Int32 = 0,
        topicData: [TopicProduceData] = []
    ) {
        self.transactionalId = transactionalId
        self.acks = acks
        self.timeoutMs = timeoutMs
        self.topicData = topicData
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("ProduceRequest", version, Self.validVersions)
        }
        let flexible = version >= 9
        if version >= 3 {
            self.transactionalId = try buffer.readKafkaNullableString(compact: flexible, field: "ProduceRequest.transactionalId")
        }
        self.acks = try buffer.readInt16(field: "ProduceRequest.acks")
        self.timeoutMs = try buffer.readInt32(field: "ProduceRequest.timeoutMs")
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "ProduceRequest.topicData")
            var items: [TopicProduceData] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try TopicProduceData(from: &buffer, version: version))
            }
            self.topicData = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "ProduceRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 9
        if version >= 3 {
            buffer.writeKafkaNullableString(self.transactionalId, compact: flexible)
        }
        buffer.writeInt16(self.acks)
        buffer.writeInt32(self.timeoutMs)
        buffer.writeKafkaArrayCount(self.topicData.count, compact: flexible)
        for element in self.topicData {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension ProduceRequest {
    /// Each topic to produce to.
    public struct TopicProduceData: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var name: String = ""

        /// Each partition to produce to. (versions 0+)
        public var partitionData: [PartitionProduceData] = []

        public init(
            name: String = "",
            partitionData: [PartitionProduceData] = []
        ) {
            self.name = name
            self.partitionData = partitionData
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 9
            self.name = try buffer.readKafkaString(compact: flexible, field: "TopicProduceData.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "TopicProduceData.partitionData")
                var items: [PartitionProduceData] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try PartitionProduceData(from: &buffer, version: version))
                }
                self.partitionData = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "TopicProduceData tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 9
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaArrayCount(self.partitionData.count, compact: flexible)
            for element in self.partitionData {
                element.write(to: &buffer, version: version)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension ProduceRequest {
    /// Each partition to produce to.
    public struct PartitionProduceData: Sendable, Hashable {
        /// The partition index. (versions 0+)
        public var index: Int32 = 0

        /// The record data to be produced. (versions 0+; nullable 0+)
        public var records: ByteBuffer? = nil

        public init(
            index: Int32 = 0,
            records: ByteBuffer? = nil
        ) {
            self.index = index
            self.records = records
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 9
            self.index = try buffer.readInt32(field: "PartitionProduceData.index")
            self.records = try buffer.readKafkaNullableBytes(compact: flexible, field: "PartitionProduceData.records")
            if flexible {
                try buffer.skipTaggedFields(field: "PartitionProduceData tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 9
            buffer.writeInt32(self.index)
            buffer.writeKafkaNullableBytes(self.records, compact: flexible)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
